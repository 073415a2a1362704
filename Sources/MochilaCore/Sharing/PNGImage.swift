import Credentials

/// A black and white image and its encoding as a 1-bit greyscale PNG
/// ([PNG, third edition](https://www.w3.org/TR/png-3/)): the signature, an `IHDR`, one `IDAT`
/// with the rows (filter type 0) as a zlib stream, and an `IEND`, each chunk with its CRC-32.
///
/// Enough for QR codes, which need nothing else; the compression is Credentials' ``Deflate``,
/// which turns the long runs of identical rows and bytes of a scaled-up symbol into short copies.
public struct PNGImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// The pixels row by row from the top left, `true` for black: the pixel at column `x` and
    /// row `y` is `pixels[y * width + x]`.
    public let pixels: [Bool]

    /// An image from its pixels, row by row, `true` for black.
    public init(width: Int, height: Int, pixels: [Bool]) {
        precondition(width > 0 && height > 0, "a PNG image has at least one pixel")
        precondition(pixels.count == width * height, "width × height pixels are needed")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image whose pixel at column `x` and row `y` is black when `isBlack(x, y)`.
    public init(width: Int, height: Int, isBlack: (_ x: Int, _ y: Int) -> Bool) {
        var pixels: [Bool] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width { pixels.append(isBlack(x, y)) }
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// The eight bytes every PNG file starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The image as a PNG file: bit depth 1, colour type 0 (greyscale), no interlacing, so a
    /// 0 bit is black and a 1 bit white.
    public func encoded() -> [UInt8] {
        var header: [UInt8] = []
        Self.appendBigEndian(UInt32(width), to: &header)
        Self.appendBigEndian(UInt32(height), to: &header)
        header += [1, 0, 0, 0, 0]  // bit depth, colour type, compression, filter, interlace

        // Each row: filter type 0 (none), then the pixels eight to a byte, most significant bit
        // first; the unused low bits of a row's last byte are 0.
        let rowBytes = (width + 7) / 8
        var raw = [UInt8](repeating: 0, count: height * (rowBytes + 1))
        for y in 0..<height {
            let rowStart = y * (rowBytes + 1) + 1
            for x in 0..<width where !pixels[y * width + x] {
                raw[rowStart + x / 8] |= 0x80 >> UInt8(x % 8)
            }
        }

        var file = Self.signature
        Self.appendChunk("IHDR", header, to: &file)
        Self.appendChunk("IDAT", Self.zlib(raw), to: &file)
        Self.appendChunk("IEND", [], to: &file)
        return file
    }

    /// A chunk: its data length, type, data and the CRC-32 of type and data.
    static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        appendBigEndian(UInt32(data.count), to: &file)
        file += typeBytes
        file += data
        var crc = CRC32()
        crc.update(typeBytes)
        crc.update(data)
        appendBigEndian(crc.value, to: &file)
    }

    /// A zlib stream (RFC 1950): header for DEFLATE with a 32 KiB window, the compressed data and
    /// the Adler-32 of the uncompressed data.
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x9C]
        stream += Deflate.deflate(data)
        appendBigEndian(adler32(data), to: &stream)
        return stream
    }

    /// Adler-32 (RFC 1950, section 8.2).
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var index = 0
        while index < bytes.count {
            // 5552 bytes keep the sums below 2³² between reductions.
            let end = min(index + 5552, bytes.count)
            while index < end {
                a += UInt32(bytes[index])
                b += a
                index += 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }

    static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
