/// A DEFLATE decoder: [RFC 1951](https://www.rfc-editor.org/rfc/rfc1951), stored, fixed Huffman
/// and dynamic Huffman blocks.
///
/// Pure Swift, because Foundation on Linux cannot inflate and the `Credentials` target links no
/// system libraries. Output is capped: a stream that would inflate past `maxOutput` bytes stops
/// with ``CredentialsError/Code/sizeLimit`` as soon as it crosses the cap, so a decompression bomb
/// costs at most `maxOutput` bytes of work. Malformed input (a bad block type, an over-subscribed
/// or incomplete code, a distance reaching before the start of the output, truncated data) throws
/// ``CredentialsError/Code/compression``; nothing is guessed.
public enum Inflate {
    /// Decompresses one raw DEFLATE stream that starts at byte `start` of `input`.
    /// - Returns: the decompressed bytes and the index of the first input byte after the stream
    ///   (the final block ends on a bit; the rest of its last byte is padding).
    /// - Throws: ``CredentialsError/Code/compression`` for malformed data,
    ///   ``CredentialsError/Code/sizeLimit`` when the output would exceed `maxOutput` bytes.
    public static func inflate(_ input: [UInt8], from start: Int = 0, maxOutput: Int) throws -> (output: [UInt8], end: Int) {
        var reader = BitReader(bytes: input, position: start)
        var output: [UInt8] = []
        output.reserveCapacity(min(maxOutput, max(1024, (input.count - start) * 8)))
        var final = false
        while !final {
            // 3.2.3: BFINAL (1 bit), BTYPE (2 bits).
            final = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0: try storedBlock(&reader, into: &output, maxOutput: maxOutput)
            case 1: try huffmanBlock(&reader, Huffman.fixedLiterals, Huffman.fixedDistances, into: &output, maxOutput: maxOutput)
            case 2:
                let (literals, distances) = try dynamicCodes(&reader)
                try huffmanBlock(&reader, literals, distances, into: &output, maxOutput: maxOutput)
            default: throw failure("block type 3 is reserved")
            }
        }
        reader.alignToByte()
        return (output, reader.bytePosition)
    }

    static func failure(_ reason: String) -> CredentialsError {
        CredentialsError(.compression, "invalid DEFLATE data: \(reason)")
    }

    static func tooLarge(_ maxOutput: Int) -> CredentialsError {
        CredentialsError(.sizeLimit, "the data inflates to more than \(maxOutput) bytes")
    }

    /// 3.2.4: a stored block, byte-aligned, with LEN and its one's complement NLEN.
    static func storedBlock(_ reader: inout BitReader, into output: inout [UInt8], maxOutput: Int) throws {
        reader.alignToByte()
        let length = try reader.bits(16)
        let complement = try reader.bits(16)
        guard length == ~complement & 0xFFFF else { throw failure("a stored block's LEN and NLEN do not match") }
        guard output.count + length <= maxOutput else { throw tooLarge(maxOutput) }
        try reader.copyBytes(length, into: &output)
    }

    /// 3.2.7: the Huffman codes of a dynamic block, themselves Huffman-coded.
    static func dynamicCodes(_ reader: inout BitReader) throws -> (Huffman, Huffman) {
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let codeLengthCount = try reader.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw failure("too many literal/length or distance codes") }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            codeLengthLengths[DeflateFormat.codeLengthOrder[index]] = UInt8(try reader.bits(3))
        }
        let codeLengthCode = try Huffman(lengths: codeLengthLengths)
        guard codeLengthCode.isComplete else { throw failure("the code length code is incomplete") }
        var lengths: [UInt8] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try reader.decode(codeLengthCode)
            var repeated: UInt8 = 0
            var times = 0
            switch symbol {
            case 0...15:
                lengths.append(UInt8(symbol))
                continue
            case 16:
                guard let previous = lengths.last else { throw failure("a repeat code with no previous length") }
                repeated = previous
                times = 3 + (try reader.bits(2))
            case 17: times = 3 + (try reader.bits(3))
            default: times = 11 + (try reader.bits(7))
            }
            guard lengths.count + times <= literalCount + distanceCount else { throw failure("code lengths repeat past the end") }
            lengths.append(contentsOf: repeatElement(repeated, count: times))
        }
        guard lengths[256] != 0 else { throw failure("the block has no end-of-block code") }
        let literals = try Huffman(lengths: Array(lengths[..<literalCount]))
        let distances = try Huffman(lengths: Array(lengths[literalCount...]))
        // As zlib's puff: an incomplete code is acceptable only when it is a single one-bit code.
        for (code, count) in [(literals, literalCount), (distances, distanceCount)] where !code.isComplete {
            guard code.counts[0] + code.counts[1] == count else { throw failure("an incomplete Huffman code") }
        }
        return (literals, distances)
    }

    /// 3.2.5: literals, and length/distance pairs copying earlier output, until end-of-block.
    static func huffmanBlock(
        _ reader: inout BitReader, _ literals: Huffman, _ distances: Huffman, into output: inout [UInt8], maxOutput: Int
    ) throws {
        while true {
            let symbol = try reader.decode(literals)
            if symbol < 256 {
                guard output.count < maxOutput else { throw tooLarge(maxOutput) }
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < 29 else { throw failure("literal/length symbol \(symbol) is invalid") }
            let length = DeflateFormat.lengthBase[lengthIndex] + (try reader.bits(DeflateFormat.lengthExtra[lengthIndex]))
            let distanceSymbol = try reader.decode(distances)
            guard distanceSymbol < 30 else { throw failure("distance symbol \(distanceSymbol) is invalid") }
            let distance = DeflateFormat.distanceBase[distanceSymbol] + (try reader.bits(DeflateFormat.distanceExtra[distanceSymbol]))
            guard distance <= output.count else { throw failure("a distance of \(distance) reaches before the start of the data") }
            guard output.count + length <= maxOutput else { throw tooLarge(maxOutput) }
            var from = output.count - distance
            for _ in 0..<length {
                output.append(output[from])
                from += 1
            }
        }
    }
}

/// The constants of the DEFLATE format, shared by ``Inflate`` and ``Deflate``.
enum DeflateFormat {
    /// 3.2.5: base lengths and extra bits of length codes 257...285.
    static let lengthBase = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// 3.2.5: base distances and extra bits of distance codes 0...29.
    static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193,
        12289, 16385, 24577,
    ]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// 3.2.7: the order in which code length code lengths are sent.
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    /// 3.2.6: the code lengths of the fixed literal/length code.
    static let fixedLiteralLengths: [UInt8] =
        Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112) + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8)
}

/// A canonical Huffman code (3.2.2) as a lookup table indexed by the next `maxLength` input bits.
struct Huffman: Sendable {
    /// `symbol << 4 | length` for each `maxLength`-bit input (least significant bit first); 0 where no code matches.
    let table: [UInt16]
    let maxLength: Int
    /// How many symbols have each code length, 0...15.
    let counts: [Int]
    /// Whether every bit sequence starts some code.
    let isComplete: Bool

    /// - Throws: ``CredentialsError/Code/compression`` when the lengths over-subscribe the code space.
    init(lengths: [UInt8]) throws {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths { counts[Int(length)] += 1 }
        var left = 1
        for length in 1...15 {
            left = left << 1 - counts[length]
            guard left >= 0 else { throw Inflate.failure("an over-subscribed Huffman code") }
        }
        let maxLength = lengths.max().map(Int.init) ?? 0
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1..<16 {
            code = (code + counts[length - 1] * (length > 1 ? 1 : 0)) << 1
            next[length] = code
        }
        var table = [UInt16](repeating: 0, count: 1 << maxLength)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let bits = Int(length)
            let code = next[bits]
            next[bits] += 1
            var reversed = 0
            for bit in 0..<bits where code >> bit & 1 == 1 { reversed |= 1 << (bits - 1 - bit) }
            for index in stride(from: reversed, to: 1 << maxLength, by: 1 << bits) {
                table[index] = UInt16(symbol << 4 | bits)
            }
        }
        self.table = table
        self.maxLength = maxLength
        self.counts = counts
        self.isComplete = left == 0
    }

    static let fixedLiterals = try! Huffman(lengths: DeflateFormat.fixedLiteralLengths)
    static let fixedDistances = try! Huffman(lengths: Array(repeating: 5, count: 32))
}

/// Reads DEFLATE's bit stream: bits from the least significant end of each byte.
struct BitReader {
    let bytes: [UInt8]
    /// The next byte to load into `buffer`.
    var position: Int
    var buffer: UInt64 = 0
    var count = 0

    init(bytes: [UInt8], position: Int) {
        self.bytes = bytes
        self.position = position
    }

    /// The index of the first byte not yet read, once aligned.
    var bytePosition: Int { position - count / 8 }

    mutating func refill() {
        while count <= 56, position < bytes.count {
            buffer |= UInt64(bytes[position]) << UInt64(count)
            position += 1
            count += 8
        }
    }

    mutating func bits(_ n: Int) throws -> Int {
        if n == 0 { return 0 }
        if count < n {
            refill()
            guard count >= n else { throw Inflate.failure("the data ends too soon") }
        }
        let value = Int(buffer & (1 << UInt64(n) - 1))
        buffer >>= UInt64(n)
        count -= n
        return value
    }

    mutating func decode(_ code: Huffman) throws -> Int {
        if count < code.maxLength { refill() }
        let entry = Int(code.table[Int(buffer & (1 << UInt64(code.maxLength) - 1))])
        let length = entry & 15
        guard length > 0 else { throw Inflate.failure(count == 0 ? "the data ends too soon" : "a bit sequence matches no code") }
        guard length <= count else { throw Inflate.failure("the data ends too soon") }
        buffer >>= UInt64(length)
        count -= length
        return entry >> 4
    }

    mutating func alignToByte() {
        let drop = count % 8
        buffer >>= UInt64(drop)
        count -= drop
    }

    /// Copies `length` whole bytes; the reader must be byte-aligned.
    mutating func copyBytes(_ length: Int, into output: inout [UInt8]) throws {
        var remaining = length
        while remaining > 0, count >= 8 {
            output.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            count -= 8
            remaining -= 1
        }
        guard position + remaining <= bytes.count else { throw Inflate.failure("a stored block ends too soon") }
        output.append(contentsOf: bytes[position..<position + remaining])
        position += remaining
    }
}
