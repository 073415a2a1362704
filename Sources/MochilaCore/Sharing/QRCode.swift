import Credentials

/// A QR Code symbol (ISO/IEC 18004:2015, model 2), for sharing a credential's public link: a
/// learner shows it on a screen or prints it on a CV, and a phone camera opens the link.
///
/// The whole text is one segment in the most compact mode it fits (numeric, alphanumeric or
/// byte, the latter as UTF-8 without an ECI header, as phone readers expect), in the smallest
/// version (1 to 40) that holds it at the chosen error correction level. Of the eight data masks,
/// the one whose complete symbol, format information included, scores the fewest penalty points
/// (section 7.8.3, rules N1 to N4; see ``Penalty``) is used. Everything is deterministic: the same text and level always give the same symbol.
///
/// ```swift
/// let code = try QRCode("https://mochila.example/c/7d2c1a9e")
/// let svg = code.svg(label: "Enlace a la credencial")
/// let png = code.png(moduleSize: 8)
/// ```
public struct QRCode: Sendable, Hashable {
    /// The error correction level: how much of the symbol may be damaged or hidden and still scan.
    public enum Correction: Sendable, Hashable, CaseIterable {
        /// About 7% of the codewords can be restored.
        case low
        /// About 15%; the usual choice for links on screens and paper.
        case medium
        /// About 25%.
        case quartile
        /// About 30%, for symbols printed small or with a logo on top.
        case high

        /// The two bits the format information carries (Table 12).
        var formatBits: Int {
            switch self {
            case .low: 1
            case .medium: 0
            case .quartile: 3
            case .high: 2
            }
        }

        /// The index into the block tables.
        var tableIndex: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }
    }

    /// How the text's characters become bits (section 7.4).
    public enum Mode: Sendable, Hashable {
        /// Digits only: 10 bits for every three.
        case numeric
        /// Digits, upper-case A to Z, space and `$%*+-./:`: 11 bits for every two.
        case alphanumeric
        /// Any text, as UTF-8 bytes: 8 bits each.
        case byte

        /// The four-bit mode indicator (Table 2).
        var indicator: Int {
            switch self {
            case .numeric: 0b0001
            case .alphanumeric: 0b0010
            case .byte: 0b0100
            }
        }

        /// The bit length of the character count indicator in `version` (Table 3).
        func countBits(version: Int) -> Int {
            let range = version <= 9 ? 0 : version <= 26 ? 1 : 2
            switch self {
            case .numeric: return [10, 12, 14][range]
            case .alphanumeric: return [9, 11, 13][range]
            case .byte: return [8, 16, 16][range]
            }
        }
    }

    /// The smallest and largest versions.
    public static let versions = 1...40

    /// The symbol's version, 1 to 40: the size is `17 + 4 × version` modules.
    public let version: Int
    public let correction: Correction
    public let mode: Mode
    /// The data mask pattern, 0 to 7 (section 7.8.2).
    public let mask: Int
    /// The number of modules along each side, without the quiet zone.
    public let size: Int
    /// The modules row by row from the top left, `true` for dark: the module at column `x` and
    /// row `y` is `modules[y * size + x]`.
    public let modules: [Bool]

    /// Encodes `text`.
    /// - Throws: ``QRCodeError`` when the text does not fit in a version 40 symbol at `correction`.
    public init(_ text: String, correction: Correction = .medium) throws {
        try self.init(text, correction: correction, mask: nil)
    }

    /// Encodes `text` with the given mask, or the best one when `mask` is `nil`; tests compare the
    /// penalty of every mask with a reference implementation.
    init(_ text: String, correction: Correction, mask forcedMask: Int?) throws {
        precondition(forcedMask.map { (0..<8).contains($0) } ?? true, "QR Code masks are 0 to 7")
        let segment = Segment(text)
        guard
            let version = Self.versions.first(where: { version in
                segment.bitCount(version: version).map { $0 <= Self.dataCodewordCount(version: version, correction) * 8 } ?? false
            })
        else {
            throw QRCodeError(
                .dataTooLong,
                "the text (\(segment.characterCount) characters in \(segment.mode) mode) does not fit in a QR Code at level \(correction); "
                    + "version 40 holds at most \(Self.dataCodewordCount(version: 40, correction) * 8) data bits")
        }
        self.version = version
        self.correction = correction
        self.mode = segment.mode
        self.size = 17 + 4 * version

        let codewords = Self.codewords(for: segment, version: version, correction: correction)
        var matrix = Matrix(version: version)
        matrix.place(codewords)
        if let forcedMask {
            matrix.applyMask(forcedMask, correction: correction)
            self.mask = forcedMask
        } else {
            // Section 7.8.3.1: "the area to be evaluated is the complete symbol", so each candidate
            // is scored with its own format information in place. The first of equal scores wins.
            var best: (mask: Int, penalty: Int, matrix: Matrix)?
            for mask in 0..<8 {
                var candidate = matrix
                candidate.applyMask(mask, correction: correction)
                let penalty = Penalty(candidate.dark, size: candidate.size).total
                if best == nil || penalty < best!.penalty { best = (mask, penalty, candidate) }
            }
            matrix = best!.matrix
            self.mask = best!.mask
        }
        self.modules = matrix.dark
    }

    /// Whether the module at column `x` and row `y` (from the top left) is dark. Positions outside
    /// the symbol are the light quiet zone.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// The modules as rows of `true` (dark) and `false` (light), top row first.
    public var rows: [[Bool]] {
        (0..<size).map { y in Array(modules[(y * size)..<(y * size + size)]) }
    }

    /// The penalty points of this symbol as it stands.
    var penalty: Penalty { Penalty(modules, size: size) }
}

/// A text that does not fit in a QR Code.
public struct QRCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is, for a program to match.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// More data than a version 40 symbol holds at the requested error correction level.
        public static let dataTooLong = Code("QR_DATA_TOO_LONG")
    }

    public var code: Code
    /// An explanation in English, for logs.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

// MARK: - Data encoding (section 7.4)

extension QRCode {
    /// The text as one segment in its most compact mode, before the version is known.
    struct Segment {
        var mode: Mode
        var characterCount: Int
        /// The data bits, without mode indicator and character count.
        var bits: BitBuffer

        /// The 45 characters of alphanumeric mode, in value order (Table 5).
        static let alphanumericCharacters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

        init(_ text: String) {
            let bytes = Array(text.utf8)
            var bits = BitBuffer()
            if !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                // Groups of three digits in 10 bits; a final group of two or one in 7 or 4.
                mode = .numeric
                var index = 0
                while index < bytes.count {
                    let group = bytes[index..<min(index + 3, bytes.count)]
                    let value = group.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                    bits.append(value, count: group.count * 3 + 1)
                    index += 3
                }
            } else if !bytes.isEmpty, bytes.allSatisfy({ Self.alphanumericCharacters.contains($0) }) {
                // Pairs in 11 bits (45 × first + second); a final single character in 6.
                mode = .alphanumeric
                let values = bytes.map { Self.alphanumericCharacters.firstIndex(of: $0)! }
                var index = 0
                while index + 1 < values.count {
                    bits.append(values[index] * 45 + values[index + 1], count: 11)
                    index += 2
                }
                if index < values.count { bits.append(values[index], count: 6) }
            } else {
                mode = .byte
                for byte in bytes { bits.append(Int(byte), count: 8) }
            }
            characterCount = bytes.count
            self.bits = bits
        }

        /// The length in bits with mode indicator and character count in `version`, or `nil` when
        /// the count does not fit its field.
        func bitCount(version: Int) -> Int? {
            let countBits = mode.countBits(version: version)
            guard characterCount < 1 << countBits else { return nil }
            return 4 + countBits + bits.count
        }
    }

    /// Bits appended most significant first, then read as bytes.
    struct BitBuffer {
        private(set) var bits: [Bool] = []

        var count: Int { bits.count }

        /// Appends the low `count` bits of `value`, most significant first.
        mutating func append(_ value: Int, count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }

        mutating func append(_ other: BitBuffer) { bits.append(contentsOf: other.bits) }

        /// The bits as bytes; the count must be a multiple of 8.
        var bytes: [UInt8] {
            stride(from: 0, to: bits.count, by: 8).map { start in
                bits[start..<(start + 8)].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
            }
        }
    }

    /// The final message: data codewords with terminator and padding (7.4.9, 7.4.10), split into
    /// blocks, each followed by its Reed–Solomon codewords, and interleaved (7.6).
    static func codewords(for segment: Segment, version: Int, correction: Correction) -> [UInt8] {
        let capacityBits = dataCodewordCount(version: version, correction) * 8
        var buffer = BitBuffer()
        buffer.append(segment.mode.indicator, count: 4)
        buffer.append(segment.characterCount, count: segment.mode.countBits(version: version))
        buffer.append(segment.bits)
        buffer.append(0, count: min(4, capacityBits - buffer.count))
        buffer.append(0, count: (8 - buffer.count % 8) % 8)
        var data = buffer.bytes
        var pad: UInt8 = 0xEC
        while data.count * 8 < capacityBits {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }

        // Table 9: blocks of equal error correction length; the last few carry one more data
        // codeword than the first ones when the data does not divide evenly.
        let blockCount = errorCorrectionBlocks[correction.tableIndex][version]
        let eccLength = eccCodewordsPerBlock[correction.tableIndex][version]
        let totalCodewords = rawDataModuleCount(version: version) / 8
        let shortBlockCount = blockCount - totalCodewords % blockCount
        let shortDataLength = totalCodewords / blockCount - eccLength
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var dataBlocks: [[UInt8]] = []
        var eccBlocks: [[UInt8]] = []
        var offset = 0
        for block in 0..<blockCount {
            let length = shortDataLength + (block < shortBlockCount ? 0 : 1)
            let blockData = Array(data[offset..<(offset + length)])
            offset += length
            dataBlocks.append(blockData)
            eccBlocks.append(ReedSolomon.remainder(of: blockData, divisor: divisor))
        }
        var result: [UInt8] = []
        result.reserveCapacity(totalCodewords)
        for index in 0...shortDataLength {
            for block in dataBlocks where index < block.count { result.append(block[index]) }
        }
        for index in 0..<eccLength {
            for block in eccBlocks { result.append(block[index]) }
        }
        return result
    }

    /// The number of modules left for codewords (data, error correction and remainder bits) once
    /// the function patterns and format and version information are in place.
    static func rawDataModuleCount(version: Int) -> Int {
        var count = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignmentCount = version / 7 + 2
            count -= (25 * alignmentCount - 10) * alignmentCount - 55
            if version >= 7 { count -= 36 }
        }
        return count
    }

    /// The number of data codewords of `version` at `correction` (Table 7).
    static func dataCodewordCount(version: Int, _ correction: Correction) -> Int {
        rawDataModuleCount(version: version) / 8
            - eccCodewordsPerBlock[correction.tableIndex][version] * errorCorrectionBlocks[correction.tableIndex][version]
    }

    /// Error correction codewords per block (Table 9), by level (L, M, Q, H) and version (index 0 unused).
    static let eccCodewordsPerBlock: [[Int]] = [
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Error correction blocks (Table 9), by level (L, M, Q, H) and version (index 0 unused).
    static let errorCorrectionBlocks: [[Int]] = [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]
}

// MARK: - Reed–Solomon over GF(256) (section 7.5.2)

extension QRCode {
    /// Error correction codewords: the remainder of the data polynomial divided by the generator
    /// polynomial with roots α⁰ … αⁿ⁻¹ in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1 (0x11D).
    enum ReedSolomon {
        /// Antilogarithms: `exp[i]` is αⁱ, repeated once so that sums of two logarithms need no reduction.
        static let exp: [UInt8] = {
            var table = [UInt8](repeating: 0, count: 512)
            var value = 1
            for index in 0..<255 {
                table[index] = UInt8(value)
                value <<= 1
                if value & 0x100 != 0 { value ^= 0x11D }
            }
            for index in 255..<512 { table[index] = table[index - 255] }
            return table
        }()

        /// Logarithms base α; `log[0]` is unused.
        static let log: [Int] = {
            var table = [Int](repeating: 0, count: 256)
            for index in 0..<255 { table[Int(exp[index])] = index }
            return table
        }()

        static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
            a == 0 || b == 0 ? 0 : exp[log[Int(a)] + log[Int(b)]]
        }

        /// The generator polynomial of `degree`, without its leading 1, highest power first.
        static func divisor(degree: Int) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: degree)
            result[degree - 1] = 1
            var root: UInt8 = 1
            for _ in 0..<degree {
                // Multiply by (x − root).
                for index in 0..<degree {
                    result[index] = multiply(result[index], root)
                    if index + 1 < degree { result[index] ^= result[index + 1] }
                }
                root = multiply(root, 2)
            }
            return result
        }

        /// The remainder of `data` × xⁿ divided by the generator, as n codewords.
        static func remainder(of data: [UInt8], divisor: [UInt8]) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: divisor.count)
            for byte in data {
                let factor = byte ^ result.removeFirst()
                result.append(0)
                for index in 0..<divisor.count { result[index] ^= multiply(divisor[index], factor) }
            }
            return result
        }
    }
}

// MARK: - The module matrix (sections 6.3, 7.7, 7.8, 7.9, 7.10)

extension QRCode {
    /// A symbol under construction: its modules and which of them belong to function patterns
    /// (finder, separators, timing, alignment, format and version information, dark module).
    struct Matrix {
        let version: Int
        let size: Int
        var dark: [Bool]
        var isFunction: [Bool]

        /// A symbol with every function pattern drawn; the format information is reserved and
        /// filled in by ``applyMask(_:correction:)``.
        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            dark = [Bool](repeating: false, count: size * size)
            isFunction = [Bool](repeating: false, count: size * size)

            // Timing patterns (6.3.5), drawn first so finders and alignment patterns overwrite them.
            for index in 0..<size {
                setFunction(x: 6, y: index, dark: index % 2 == 0)
                setFunction(x: index, y: 6, dark: index % 2 == 0)
            }
            // Finder patterns with their separators (6.3.3, 6.3.4).
            drawFinder(centerX: 3, centerY: 3)
            drawFinder(centerX: size - 4, centerY: 3)
            drawFinder(centerX: 3, centerY: size - 4)
            // Alignment patterns (6.3.6), except where they would overlap the finders.
            let positions = QRCode.alignmentPositions(version: version)
            for (i, y) in positions.enumerated() {
                for (j, x) in positions.enumerated() {
                    let last = positions.count - 1
                    if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                    for dy in -2...2 {
                        for dx in -2...2 { setFunction(x: x + dx, y: y + dy, dark: max(abs(dx), abs(dy)) != 1) }
                    }
                }
            }
            drawFormat(0)
            drawVersion()
        }

        private mutating func setFunction(x: Int, y: Int, dark isDark: Bool) {
            dark[y * size + x] = isDark
            isFunction[y * size + x] = true
        }

        /// A 7 × 7 finder pattern and the light separator around it, clipped to the symbol.
        private mutating func drawFinder(centerX: Int, centerY: Int) {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = centerX + dx
                    let y = centerY + dy
                    guard x >= 0, y >= 0, x < size, y < size else { continue }
                    let distance = max(abs(dx), abs(dy))
                    setFunction(x: x, y: y, dark: distance != 2 && distance != 4)
                }
            }
        }

        /// The 15 format bits (7.9): level and mask, a BCH(15, 5) code and the XOR mask 0x5412,
        /// twice, plus the dark module beside the lower left finder.
        mutating func drawFormat(_ bits: Int) {
            func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
            // Around the upper left finder: bits 0–7 down column 8, bits 8–14 leftwards along row 8.
            for index in 0...5 { setFunction(x: 8, y: index, dark: bit(index)) }
            setFunction(x: 8, y: 7, dark: bit(6))
            setFunction(x: 8, y: 8, dark: bit(7))
            setFunction(x: 7, y: 8, dark: bit(8))
            for index in 9..<15 { setFunction(x: 14 - index, y: 8, dark: bit(index)) }
            // The copy: bits 0–7 along row 8 under the upper right finder, 8–14 up column 8 beside the lower left one.
            for index in 0..<8 { setFunction(x: size - 1 - index, y: 8, dark: bit(index)) }
            for index in 8..<15 { setFunction(x: 8, y: size - 15 + index, dark: bit(index)) }
            setFunction(x: 8, y: size - 8, dark: true)
        }

        /// The 18 version bits (7.10) of versions 7 and up: the version and a BCH(18, 6) code,
        /// in 6 × 3 blocks above the lower left and left of the upper right finder.
        private mutating func drawVersion() {
            guard version >= 7 else { return }
            let bits = QRCode.versionBits(version)
            for index in 0..<18 {
                let isDark = (bits >> index) & 1 == 1
                let a = size - 11 + index % 3
                let b = index / 3
                setFunction(x: a, y: b, dark: isDark)
                setFunction(x: b, y: a, dark: isDark)
            }
        }

        /// Places the codewords in two-module columns from the right, alternately upwards and
        /// downwards, skipping function modules and the vertical timing pattern (7.7.3). Modules
        /// left over are the remainder bits, light before masking.
        mutating func place(_ codewords: [UInt8]) {
            let bitCount = codewords.count * 8
            var index = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                let upward = (right + 1) & 2 == 0
                for vertical in 0..<size {
                    let y = upward ? size - 1 - vertical : vertical
                    for column in 0..<2 {
                        let x = right - column
                        guard !isFunction[y * size + x], index < bitCount else { continue }
                        dark[y * size + x] = (codewords[index >> 3] >> (7 - (index & 7))) & 1 == 1
                        index += 1
                    }
                }
                right -= 2
            }
        }

        /// Inverts the data modules where `mask`'s condition holds (Table 10, with i the row and
        /// j the column) and writes the matching format information.
        mutating func applyMask(_ mask: Int, correction: Correction) {
            for y in 0..<size {
                for x in 0..<size where !isFunction[y * size + x] {
                    let invert: Bool
                    switch mask {
                    case 0: invert = (x + y) % 2 == 0
                    case 1: invert = y % 2 == 0
                    case 2: invert = x % 3 == 0
                    case 3: invert = (x + y) % 3 == 0
                    case 4: invert = (x / 3 + y / 2) % 2 == 0
                    case 5: invert = x * y % 2 + x * y % 3 == 0
                    case 6: invert = (x * y % 2 + x * y % 3) % 2 == 0
                    default: invert = ((x + y) % 2 + x * y % 3) % 2 == 0
                    }
                    if invert { dark[y * size + x].toggle() }
                }
            }
            drawFormat(QRCode.formatBits(correction: correction, mask: mask))
        }
    }

    /// The centre coordinates of the alignment patterns along each axis (Annex E): 6, then evenly
    /// spaced (an even step) up to `size − 7`.
    static func alignmentPositions(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        let last = 17 + 4 * version - 7
        return [6] + (0..<(count - 1)).reversed().map { last - $0 * step }
    }

    /// The format information (7.9.1): two level bits and three mask bits, their BCH(15, 5)
    /// remainder with generator 0x537, XOR 0x5412 so that it is never all zero.
    static func formatBits(correction: Correction, mask: Int) -> Int {
        let data = correction.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The version information (7.10): six version bits and their BCH(18, 6) remainder with
    /// generator 0x1F25.
    static func versionBits(_ version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return version << 12 | remainder
    }
}

// MARK: - Mask evaluation (section 7.8.3.1)

extension QRCode {
    /// The penalty points of a complete symbol (Table 11), whose lowest total picks the mask.
    struct Penalty: Hashable {
        /// 3 + (n − 5) for each run of n ≥ 5 modules of one colour in a row or column.
        var n1 = 0
        /// 3 for each 2 × 2 block of one colour, so an m × n block scores 3 (m − 1)(n − 1).
        var n2 = 0
        /// 40 for each dark-light-dark-dark-dark-light-dark (1:1:3:1:1) pattern in a row or column
        /// with four light modules before or after it. The quiet zone counts as light, and every
        /// occurrence counts, also two sharing a dark module (as ZXing counts them).
        var n3 = 0
        /// 10 k, where the dark modules are between 50 ± 5k % and 50 ± 5(k + 1) % of the symbol.
        var n4 = 0

        var total: Int { n1 + n2 + n3 + n4 }

        init(_ dark: [Bool], size: Int) {
            var line = [Bool](repeating: false, count: size)
            for index in 0..<size {
                for other in 0..<size { line[other] = dark[index * size + other] }
                addLine(line)
                for other in 0..<size { line[other] = dark[other * size + index] }
                addLine(line)
            }
            for y in 0..<(size - 1) {
                for x in 0..<(size - 1) {
                    let color = dark[y * size + x]
                    if dark[y * size + x + 1] == color, dark[(y + 1) * size + x] == color, dark[(y + 1) * size + x + 1] == color {
                        n2 += 3
                    }
                }
            }
            // An odd number of modules is never exactly 5k % from 50 %, so no rounding question arises.
            let darkCount = dark.reduce(0) { $0 + ($1 ? 1 : 0) }
            let moduleCount = size * size
            n4 = 10 * (abs(darkCount * 20 - moduleCount * 10) / moduleCount)
        }

        /// N1 and N3 for one row or column.
        private mutating func addLine(_ line: [Bool]) {
            var runLength = 0
            for index in line.indices {
                if index > 0, line[index] == line[index - 1] {
                    runLength += 1
                } else {
                    if runLength >= 5 { n1 += runLength - 2 }
                    runLength = 1
                }
            }
            if runLength >= 5 { n1 += runLength - 2 }

            func isLight(_ index: Int) -> Bool { index < 0 || index >= line.count || !line[index] }
            var start = 0
            while start + 7 <= line.count {
                if line[start], !line[start + 1], line[start + 2], line[start + 3], line[start + 4], !line[start + 5], line[start + 6],
                    ((start - 4)..<start).allSatisfy(isLight) || ((start + 7)..<(start + 11)).allSatisfy(isLight)
                {
                    n3 += 40
                }
                start += 1
            }
        }
    }
}

// MARK: - Rendering

extension QRCode {
    /// The symbol as a standalone SVG document: a white background and one black `<path>` made of
    /// the horizontal runs of dark modules, in a view box of one unit per module.
    /// - Parameters:
    ///   - moduleSize: The width and height of a module in CSS pixels, for the `width` and `height`
    ///     attributes; the drawing scales freely.
    ///   - quietZone: The light margin, in modules; the standard asks for 4.
    ///   - label: The accessible name (`aria-label`), such as "Enlace a la credencial".
    public func svg(moduleSize: Int = 8, quietZone: Int = 4, label: String? = nil) -> String {
        precondition(moduleSize > 0 && quietZone >= 0, "the module size must be positive and the quiet zone not negative")
        let extent = size + 2 * quietZone
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size, isDark(x: x, y: y) { x += 1 }
                path += "M\(start + quietZone) \(y + quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(extent) \(extent)\""
        svg += " width=\"\(extent * moduleSize)\" height=\"\(extent * moduleSize)\" shape-rendering=\"crispEdges\" role=\"img\""
        if let label { svg += " aria-label=\"\(Self.xmlEscaped(label))\"" }
        svg += "><rect width=\"\(extent)\" height=\"\(extent)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
        return svg
    }

    /// The symbol as a 1-bit greyscale PNG, `moduleSize` pixels per module with a light margin of
    /// `quietZone` modules (the standard asks for 4).
    public func png(moduleSize: Int = 8, quietZone: Int = 4) -> [UInt8] {
        image(moduleSize: moduleSize, quietZone: quietZone).encoded()
    }

    /// The symbol as black and white pixels, `moduleSize` per module with a light margin.
    public func image(moduleSize: Int = 8, quietZone: Int = 4) -> PNGImage {
        precondition(moduleSize > 0 && quietZone >= 0, "the module size must be positive and the quiet zone not negative")
        let extent = (size + 2 * quietZone) * moduleSize
        return PNGImage(width: extent, height: extent) { x, y in
            isDark(x: x / moduleSize - quietZone, y: y / moduleSize - quietZone)
        }
    }

    /// `text` escaped for an XML attribute value (``XMLText/escaped(_:)``).
    static func xmlEscaped(_ text: String) -> String { XMLText.escaped(text) }
}
