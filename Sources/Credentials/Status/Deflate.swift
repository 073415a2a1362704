/// A DEFLATE compressor ([RFC 1951](https://www.rfc-editor.org/rfc/rfc1951)) good enough for
/// status lists: LZ77 over a 32 KiB window with hash chains (so runs of zeros become distance-1
/// matches of 258 bytes), then the smallest of one dynamic Huffman block, one fixed Huffman block
/// or stored blocks.
///
/// The output is deterministic: the same input always gives the same bytes.
public enum Deflate {
    static let windowSize = 32768
    static let minMatch = 3
    static let maxMatch = 258
    /// How many earlier positions with the same hash are tried; enough for status lists, whose
    /// data is long runs of zeros broken by a few set bits.
    static let maxChain = 32

    /// One LZ77 token: a literal byte (`length == 0`) or a copy of `length` bytes from `distance` back.
    struct Token {
        var length: UInt16
        var value: UInt16
    }

    /// Compresses `input` into one raw DEFLATE stream.
    public static func deflate(_ input: [UInt8]) -> [UInt8] {
        let tokens = lz77(input)
        var literalFrequencies = [Int](repeating: 0, count: 286)
        var distanceFrequencies = [Int](repeating: 0, count: 30)
        for token in tokens {
            if token.length == 0 {
                literalFrequencies[Int(token.value)] += 1
            } else {
                literalFrequencies[257 + lengthCode(Int(token.length))] += 1
                distanceFrequencies[distanceCode(Int(token.value))] += 1
            }
        }
        literalFrequencies[256] = 1
        let dynamic = DynamicHeader(literalFrequencies: literalFrequencies, distanceFrequencies: distanceFrequencies)
        let fixedLiterals = DeflateFormat.fixedLiteralLengths
        let fixedDistances = [UInt8](repeating: 5, count: 30)
        let dynamicBits = dynamic.headerBits + dataBits(tokens, dynamic.literalLengths, dynamic.distanceLengths)
        let fixedBits = 3 + dataBits(tokens, fixedLiterals, fixedDistances)
        let storedBits = max(1, (input.count + 65534) / 65535) * 40 + input.count * 8
        var writer = BitWriter()
        if storedBits <= min(dynamicBits, fixedBits) {
            writeStored(input, to: &writer)
        } else if dynamicBits < fixedBits {
            writer.write(1, 1)
            writer.write(2, 2)
            dynamic.write(to: &writer)
            writeData(tokens, dynamic.literalLengths, dynamic.distanceLengths, to: &writer)
        } else {
            writer.write(1, 1)
            writer.write(1, 2)
            writeData(tokens, fixedLiterals, fixedDistances, to: &writer)
        }
        writer.flush()
        return writer.bytes
    }

    // MARK: - LZ77

    static func lz77(_ input: [UInt8]) -> [Token] {
        let count = input.count
        var tokens: [Token] = []
        tokens.reserveCapacity(min(count, 1 << 16))
        let hashSize = 1 << 15
        var head = [Int](repeating: -1, count: hashSize)
        var previous = [Int](repeating: -1, count: windowSize)
        func hash(_ i: Int) -> Int {
            (Int(input[i]) << 10 ^ Int(input[i + 1]) << 5 ^ Int(input[i + 2])) & (hashSize - 1)
        }
        func insert(_ i: Int) {
            guard i + minMatch <= count else { return }
            let h = hash(i)
            previous[i & (windowSize - 1)] = head[h]
            head[h] = i
        }
        var i = 0
        while i < count {
            var bestLength = 0
            var bestDistance = 0
            if i + minMatch <= count {
                let limit = min(maxMatch, count - i)
                var candidate = head[hash(i)]
                var chain = maxChain
                // Positions are inserted only after they are searched, so a candidate inside the
                // window still owns its slot of `previous` and the chain strictly decreases.
                while candidate >= 0, i - candidate <= windowSize, chain > 0 {
                    var length = 0
                    while length < limit, input[candidate + length] == input[i + length] { length += 1 }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = i - candidate
                        if length == limit { break }
                    }
                    let next = previous[candidate & (windowSize - 1)]
                    guard next < candidate else { break }
                    candidate = next
                    chain -= 1
                }
            }
            if bestLength >= minMatch {
                tokens.append(Token(length: UInt16(bestLength), value: UInt16(bestDistance)))
                for j in i..<(i + bestLength) { insert(j) }
                i += bestLength
            } else {
                tokens.append(Token(length: 0, value: UInt16(input[i])))
                insert(i)
                i += 1
            }
        }
        return tokens
    }

    /// The index (0...28) of the length code for a match length of 3...258.
    static func lengthCode(_ length: Int) -> Int {
        var code = 28
        while DeflateFormat.lengthBase[code] > length { code -= 1 }
        return code
    }

    /// The distance code (0...29) for a distance of 1...32768.
    static func distanceCode(_ distance: Int) -> Int {
        var code = 29
        while DeflateFormat.distanceBase[code] > distance { code -= 1 }
        return code
    }

    // MARK: - Huffman blocks

    static func dataBits(_ tokens: [Token], _ literalLengths: [UInt8], _ distanceLengths: [UInt8]) -> Int {
        var bits = Int(literalLengths[256])
        for token in tokens {
            if token.length == 0 {
                bits += Int(literalLengths[Int(token.value)])
            } else {
                let length = lengthCode(Int(token.length))
                let distance = distanceCode(Int(token.value))
                bits += Int(literalLengths[257 + length]) + DeflateFormat.lengthExtra[length]
                bits += Int(distanceLengths[distance]) + DeflateFormat.distanceExtra[distance]
            }
        }
        return bits
    }

    static func writeData(_ tokens: [Token], _ literalLengths: [UInt8], _ distanceLengths: [UInt8], to writer: inout BitWriter) {
        let literalCodes = canonicalCodes(literalLengths)
        let distanceCodes = canonicalCodes(distanceLengths)
        for token in tokens {
            if token.length == 0 {
                writer.write(literalCodes[Int(token.value)], Int(literalLengths[Int(token.value)]))
                continue
            }
            let length = Int(token.length)
            let lengthIndex = lengthCode(length)
            writer.write(literalCodes[257 + lengthIndex], Int(literalLengths[257 + lengthIndex]))
            writer.write(length - DeflateFormat.lengthBase[lengthIndex], DeflateFormat.lengthExtra[lengthIndex])
            let distance = Int(token.value)
            let distanceIndex = distanceCode(distance)
            writer.write(distanceCodes[distanceIndex], Int(distanceLengths[distanceIndex]))
            writer.write(distance - DeflateFormat.distanceBase[distanceIndex], DeflateFormat.distanceExtra[distanceIndex])
        }
        writer.write(literalCodes[256], Int(literalLengths[256]))
    }

    /// 3.2.4: stored blocks of at most 65,535 bytes each.
    static func writeStored(_ input: [UInt8], to writer: inout BitWriter) {
        var start = 0
        repeat {
            let end = min(input.count, start + 65535)
            writer.write(end == input.count ? 1 : 0, 1)
            writer.write(0, 2)
            writer.flush()
            let length = end - start
            writer.write(length, 16)
            writer.write(~length & 0xFFFF, 16)
            writer.bytes.append(contentsOf: input[start..<end])
            start = end
        } while start < input.count
    }

    /// 3.2.2: the canonical codes for `lengths`, bit-reversed so that they can be written least
    /// significant bit first.
    static func canonicalCodes(_ lengths: [UInt8]) -> [Int] {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { counts[Int(length)] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for bits in 1..<16 {
            code = (code + counts[bits - 1]) << 1
            next[bits] = code
        }
        return lengths.map { length -> Int in
            let bits = Int(length)
            guard bits > 0 else { return 0 }
            let code = next[bits]
            next[bits] += 1
            var reversed = 0
            for bit in 0..<bits where code >> bit & 1 == 1 { reversed |= 1 << (bits - 1 - bit) }
            return reversed
        }
    }

    /// Huffman code lengths no longer than `limit` for the given frequencies.
    ///
    /// As zlib does, at least two symbols get a code, so that every code is complete. When the
    /// tree is too deep, the frequencies are halved (keeping them non-zero) and it is built again.
    static func codeLengths(_ frequencies: [Int], limit: Int) -> [UInt8] {
        var frequencies = frequencies
        var filler = 0
        while frequencies.filter({ $0 > 0 }).count < 2 {
            if frequencies[filler] == 0 { frequencies[filler] = 1 }
            filler += 1
        }
        while true {
            // Nodes: leaves first, then internal nodes; each remembers its parent.
            var weight = frequencies.filter { $0 > 0 }
            let symbols = frequencies.indices.filter { frequencies[$0] > 0 }
            var parent = [Int](repeating: -1, count: weight.count * 2)
            var active = Array(weight.indices)
            while active.count > 1 {
                active.sort { weight[$0] != weight[$1] ? weight[$0] > weight[$1] : $0 > $1 }
                let a = active.removeLast()
                let b = active.removeLast()
                weight.append(weight[a] + weight[b])
                parent[a] = weight.count - 1
                parent[b] = weight.count - 1
                active.append(weight.count - 1)
            }
            var lengths = [UInt8](repeating: 0, count: frequencies.count)
            var deepest = 0
            for (leaf, symbol) in symbols.enumerated() {
                var depth = 0
                var node = leaf
                while parent[node] >= 0 {
                    node = parent[node]
                    depth += 1
                }
                lengths[symbol] = UInt8(depth)
                deepest = max(deepest, depth)
            }
            if deepest <= limit { return lengths }
            frequencies = frequencies.map { $0 == 0 ? 0 : max(1, $0 / 2) }
        }
    }
}

/// The header of a dynamic Huffman block (3.2.7): the code lengths, run-length coded and
/// themselves Huffman coded.
struct DynamicHeader {
    let literalLengths: [UInt8]
    let distanceLengths: [UInt8]
    let literalCount: Int
    let distanceCount: Int
    /// Code length symbols 0...18 with their extra bits value.
    let runs: [(symbol: Int, extra: Int)]
    let codeLengthLengths: [UInt8]
    let codeLengthCount: Int

    init(literalFrequencies: [Int], distanceFrequencies: [Int]) {
        literalLengths = Deflate.codeLengths(literalFrequencies, limit: 15)
        distanceLengths = Deflate.codeLengths(distanceFrequencies, limit: 15)
        literalCount = max(257, (literalLengths.lastIndex { $0 > 0 } ?? 0) + 1)
        distanceCount = max(1, (distanceLengths.lastIndex { $0 > 0 } ?? 0) + 1)
        let sequence = Array(literalLengths[..<literalCount]) + Array(distanceLengths[..<distanceCount])
        var runs: [(symbol: Int, extra: Int)] = []
        var index = 0
        while index < sequence.count {
            let value = sequence[index]
            var run = 1
            while index + run < sequence.count, sequence[index + run] == value { run += 1 }
            index += run
            if value == 0 {
                while run >= 11 {
                    let take = min(run, 138)
                    runs.append((18, take - 11))
                    run -= take
                }
                if run >= 3 {
                    runs.append((17, run - 3))
                    run = 0
                }
            } else {
                runs.append((Int(value), 0))
                run -= 1
                while run >= 3 {
                    let take = min(run, 6)
                    runs.append((16, take - 3))
                    run -= take
                }
            }
            for _ in 0..<run { runs.append((Int(value), 0)) }
        }
        self.runs = runs
        var frequencies = [Int](repeating: 0, count: 19)
        for run in runs { frequencies[run.symbol] += 1 }
        let codeLengthLengths = Deflate.codeLengths(frequencies, limit: 7)
        self.codeLengthLengths = codeLengthLengths
        let lastUsed = DeflateFormat.codeLengthOrder.lastIndex { codeLengthLengths[$0] > 0 } ?? 0
        codeLengthCount = max(4, lastUsed + 1)
    }

    static let runExtraBits = [16: 2, 17: 3, 18: 7]

    var headerBits: Int {
        3 + 14 + 3 * codeLengthCount
            + runs.reduce(0) { $0 + Int(codeLengthLengths[$1.symbol]) + (DynamicHeader.runExtraBits[$1.symbol] ?? 0) }
    }

    func write(to writer: inout BitWriter) {
        writer.write(literalCount - 257, 5)
        writer.write(distanceCount - 1, 5)
        writer.write(codeLengthCount - 4, 4)
        for index in 0..<codeLengthCount {
            writer.write(Int(codeLengthLengths[DeflateFormat.codeLengthOrder[index]]), 3)
        }
        let codes = Deflate.canonicalCodes(codeLengthLengths)
        for run in runs {
            writer.write(codes[run.symbol], Int(codeLengthLengths[run.symbol]))
            if let extra = DynamicHeader.runExtraBits[run.symbol] { writer.write(run.extra, extra) }
        }
    }
}

/// Writes DEFLATE's bit stream: bits into the least significant end of each byte.
struct BitWriter {
    var bytes: [UInt8] = []
    var buffer: UInt64 = 0
    var count = 0

    mutating func write(_ value: Int, _ bits: Int) {
        guard bits > 0 else { return }
        buffer |= UInt64(value & (1 << bits - 1)) << UInt64(count)
        count += bits
        while count >= 8 {
            bytes.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            count -= 8
        }
    }

    /// Pads the last byte with zero bits.
    mutating func flush() {
        if count > 0 {
            bytes.append(UInt8(buffer & 0xFF))
            buffer = 0
            count = 0
        }
    }
}
