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

    /// The image as a PNG file: bit depth 1, colour type 0 (greyscale), no interlacing, so a
    /// 0 bit is black and a 1 bit white.
    public func encoded() -> [UInt8] {
        var header = PNG.bigEndian(UInt32(width)) + PNG.bigEndian(UInt32(height))
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

        return PNG.signature + PNG.chunk("IHDR", header) + PNG.chunk("IDAT", ZLib.compress(raw)) + PNG.chunk("IEND", [])
    }
}
