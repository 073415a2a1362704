import Foundation
import LinkedData
import Testing

@testable import Credentials

/// The generated inputs of `Fixtures/gzip/make-python-fixtures.py`, rebuilt the same way.
enum GZIPFixtures {
    static let inputs: [String: [UInt8]] = {
        var sparse = [UInt8](repeating: 0, count: 16384)
        for i in 0..<300 {
            let bit = i * 7919 % 131072
            sparse[bit >> 3] |= 0x80 >> UInt8(bit & 7)
        }
        var text = ""
        for i in 0..<1400 {
            let number = String(i)
            text += String(repeating: "0", count: 5 - number.count) + number + " the quick brown fox jumps over the lazy dog\n"
        }
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        var random: [UInt8] = []
        for _ in 0..<8000 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            random.append(UInt8(x >> 56))
        }
        return [
            "empty": [], "zeros16k": [UInt8](repeating: 0, count: 16384), "sparse16k": sparse, "text": Array(text.utf8),
            "random8k": random,
        ]
    }()

    struct Case {
        var input: String
        var variant: String
        var gzip: [UInt8]
    }

    static func cases(_ file: String) throws -> [Case] {
        try Fixtures.json("gzip/" + file)["cases"]!.asArray.map {
            Case(
                input: $0["input"]!.stringValue!, variant: $0["variant"]!.stringValue!,
                gzip: try Base64URL.decode($0["gzip"]!.stringValue!))
        }
    }
}

@Suite struct GZIPTests {
    let limit = 1 << 20

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        var running = CRC32()
        running.update(Array("1234".utf8))
        running.update(Array("56789".utf8))
        #expect(running.value == 0xCBF4_3926)
    }

    /// Stored, fixed and dynamic blocks, every optional header field and several members, as
    /// Python's zlib writes them.
    @Test func inflatesWhatPythonsZlibWrites() throws {
        let cases = try GZIPFixtures.cases("python-zlib.json")
        #expect(cases.count == 23)
        for item in cases {
            let output = try GZIP.decompress(item.gzip, maxOutput: limit)
            #expect(output == GZIPFixtures.inputs[item.input]!, "\(item.input) \(item.variant)")
        }
    }

    /// Mochila's own output, checked byte for byte against files that Python's `gzip.decompress`
    /// inflated to the same inputs when they were made (see Fixtures/SOURCES.md).
    @Test func compressesAsTheCheckedFixtures() throws {
        for item in try GZIPFixtures.cases("mochila.json") {
            let input = GZIPFixtures.inputs[item.input]!
            #expect(GZIP.compress(input) == item.gzip, "\(item.input)")
            #expect(try GZIP.decompress(item.gzip, maxOutput: limit) == input)
        }
    }

    @Test func roundTripsAssortedData() throws {
        var samples: [[UInt8]] = [[], [0], [1, 2, 3], Array("abcabcabcabcabcabc".utf8), [UInt8](repeating: 0xFF, count: 100_000)]
        samples.append(contentsOf: GZIPFixtures.inputs.values)
        // A list with runs of set bits, some of them longer than a match can copy.
        var list = try BitstringStatusList(size: 131_072)
        for index in stride(from: 5, to: 131_072, by: 4099) { try list.set(index) }
        for index in 70_000..<72_100 { try list.set(index) }
        samples.append(list.bytes)
        for sample in samples {
            let compressed = GZIP.compress(sample)
            #expect(try GZIP.decompress(compressed, maxOutput: limit) == sample)
            // Incompressible data falls back to stored blocks, costing a few bytes only.
            #expect(compressed.count <= sample.count + sample.count / 65535 * 5 + 23)
        }
    }

    /// An empty 131,072-bit list compresses to well under 1 KiB.
    @Test func anEmptyStatusListCompressesToAFewDozenBytes() throws {
        let compressed = GZIP.compress([UInt8](repeating: 0, count: 16384))
        #expect(compressed.count < 64, "\(compressed.count) bytes")
        let encoded = try BitstringStatusList(size: 131_072).encodedList()
        #expect(encoded.count < 100, "\(encoded)")
    }

    // MARK: - malformed data

    func expectError(
        _ code: CredentialsError.Code, _ bytes: [UInt8], maxOutput: Int = 1 << 20, _ comment: Comment,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: CredentialsError.self, comment, sourceLocation: sourceLocation) {
            try GZIP.decompress(bytes, maxOutput: maxOutput)
        }
        #expect(error?.code == code, comment, sourceLocation: sourceLocation)
    }

    @Test func refusesMalformedContainers() throws {
        let good = GZIP.compress(Array("status".utf8))
        func changed(_ edit: (inout [UInt8]) -> Void) -> [UInt8] {
            var bytes = good
            edit(&bytes)
            return bytes
        }
        expectError(.compression, [], "empty")
        expectError(.compression, changed { $0[0] = 0x1E }, "signature")
        expectError(.compression, changed { $0[2] = 7 }, "compression method")
        expectError(.compression, changed { $0[3] = 0x20 }, "reserved flag")
        expectError(.compression, Array(good.prefix(9)), "truncated header")
        expectError(.compression, changed { $0[3] = 0x08 }, "FNAME never terminated")
        expectError(.compression, changed { $0[$0.count - 8] ^= 1 }, "CRC-32")
        expectError(.compression, changed { $0[$0.count - 4] ^= 1 }, "ISIZE")
        expectError(.compression, Array(good.dropLast(3)), "truncated trailer")
        expectError(.compression, good + [0], "trailing byte")
        expectError(.compression, good + [0x1F, 0x8B, 8], "truncated second member")
        // FHCRC: a header CRC-16 that does not match.
        var withHeaderCRC: [UInt8] = [0x1F, 0x8B, 8, 0x02, 0, 0, 0, 0, 0, 0xFF]
        let crc = UInt16(truncatingIfNeeded: CRC32.checksum(withHeaderCRC))
        withHeaderCRC += [UInt8(crc & 0xFF), UInt8(crc >> 8)] + good[10...]
        #expect(try GZIP.decompress(withHeaderCRC, maxOutput: limit) == Array("status".utf8))
        withHeaderCRC[10] ^= 0xFF
        expectError(.compression, withHeaderCRC, "FHCRC")
    }

    /// A member whose raw DEFLATE data is `bits`, written least significant bit first.
    func member(_ write: (inout BitWriter) -> Void, output: [UInt8] = []) -> [UInt8] {
        var writer = BitWriter()
        write(&writer)
        writer.flush()
        var bytes: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF] + writer.bytes
        GZIP.appendLittleEndian(CRC32.checksum(output), to: &bytes)
        GZIP.appendLittleEndian(UInt32(output.count), to: &bytes)
        return bytes
    }

    @Test func refusesMalformedDeflateStreams() throws {
        let fixed = Deflate.canonicalCodes(DeflateFormat.fixedLiteralLengths)
        func symbol(_ w: inout BitWriter, _ s: Int) { w.write(fixed[s], Int(DeflateFormat.fixedLiteralLengths[s])) }
        expectError(.compression, member { $0.write(0b111, 3) }, "block type 3")
        expectError(.compression, member { $0.write(1, 3); $0.flush(); $0.write(5, 16); $0.write(5, 16) }, "LEN and NLEN")
        expectError(.compression, member { $0.write(1, 3); $0.flush(); $0.write(5, 16); $0.write(~5 & 0xFFFF, 16) }, "short stored block")
        // A fixed block that copies from before the start of the output.
        expectError(.compression, member { $0.write(0b011, 3); symbol(&$0, 257); $0.write(0, 5); symbol(&$0, 256) }, "distance")
        expectError(.compression, member { $0.write(0b011, 3); symbol(&$0, 286) }, "length symbol 286")
        expectError(.compression, member { $0.write(0b011, 3); symbol(&$0, 65) }, "no end of block")
        // Dynamic blocks: an over-subscribed and an incomplete code length code, a repeat with no
        // previous length, too many codes.
        let dynamicHeader: (inout BitWriter, [Int]) -> Void = { w, codeLengthLengths in
            w.write(0b101, 3)
            w.write(0, 5)
            w.write(0, 5)
            w.write(codeLengthLengths.count - 4, 4)
            for length in codeLengthLengths { w.write(length, 3) }
        }
        expectError(.compression, member { dynamicHeader(&$0, [1, 1, 1, 1]) }, "over-subscribed")
        expectError(.compression, member { dynamicHeader(&$0, [0, 0, 0, 2]) }, "incomplete code length code")
        expectError(.compression, member { dynamicHeader(&$0, [1, 0, 0, 1]); $0.write(1, 1); $0.write(0, 2) }, "repeat first")
        expectError(.compression, member { $0.write(0b101, 3); $0.write(30, 5) }, "287 literal codes")
    }

    /// A DEFLATE bomb: each 13-bit match writes 258 bytes, so 40 KiB inflate to 64 MiB. It fails
    /// as soon as the output crosses the limit.
    static func bomb(matches: Int = 260_000) -> [UInt8] {
        let fixed = Deflate.canonicalCodes(DeflateFormat.fixedLiteralLengths)
        return GZIPTests().member { w in
            w.write(0b011, 3)
            w.write(fixed[0], 8)
            for _ in 0..<matches {
                w.write(fixed[285], 8)
                w.write(0, 5)
            }
            w.write(fixed[256], 7)
        }
    }

    @Test func aDecompressionBombFailsAtTheLimit() throws {
        let bomb = GZIPTests.bomb()
        #expect(bomb.count < 500_000)
        expectError(.sizeLimit, bomb, maxOutput: 4 << 20, "bomb")
        let encoded = Multibase.encode(bomb, base: .base64url)
        let inflated = #expect(throws: CredentialsError.self) { try BitstringStatusList(encodedList: encoded) }
        #expect(inflated?.code == .sizeLimit)
        // The compressed size is bounded too.
        let compressed = #expect(throws: CredentialsError.self) {
            try BitstringStatusList(encodedList: encoded, limits: .init(maxCompressedBytes: 1000))
        }
        #expect(compressed?.code == .sizeLimit)
    }
}
