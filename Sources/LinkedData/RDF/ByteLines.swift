#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Lines of bytes in one buffer, sortable in code point order without a buffer per line.
struct ByteLines {
    var bytes: [UInt8] = []
    /// Each line's bytes, in the order the lines were added.
    private(set) var ranges: [Range<Int>] = []
    /// The order to read the lines in: indices into `ranges`.
    private(set) var order: [Int] = []
    private var lineStart = 0

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { ranges.count }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
    }

    mutating func beginLine() { lineStart = bytes.count }

    mutating func endLine() {
        order.append(ranges.count)
        ranges.append(lineStart..<bytes.count)
    }

    /// Orders the lines in Unicode code point order, which for UTF-8 is the order of the bytes.
    mutating func sort() {
        let ranges = self.ranges
        bytes.withUnsafeBufferPointer { buffer in
            order.sort {
                codePointCompare(UnsafeBufferPointer(rebasing: buffer[ranges[$0]]), UnsafeBufferPointer(rebasing: buffer[ranges[$1]])) < 0
            }
        }
    }

    /// Calls `body` with each line's bytes, in the current order.
    func forEachLine(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { buffer in
            for index in order { try body(UnsafeRawBufferPointer(rebasing: buffer[ranges[index]])) }
        }
    }

    /// The lines concatenated in their current order.
    func joined() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { output, count in
            count = 0
            forEachLine { line in
                guard let source = line.baseAddress, let target = output.baseAddress, line.count > 0 else { return }
                UnsafeMutableRawPointer(target + count).copyMemory(from: source, byteCount: line.count)
                count += line.count
            }
        }
    }
}

/// Compares two byte sequences lexicographically: negative, zero or positive as `memcmp` does.
@inline(__always)
func codePointCompare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let common = min(a.count, b.count)
    if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
        let order = memcmp(pa, pb, common)
        if order != 0 { return Int(order) }
    }
    return a.count - b.count
}

/// Compares two byte arrays lexicographically: negative, zero or positive.
@inline(__always)
func codePointCompare(_ a: [UInt8], _ b: [UInt8]) -> Int {
    a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in codePointCompare(pa, pb) } }
}

/// ASCII bytes that N-Quads syntax uses.
enum RDFByte {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let underscore = UInt8(ascii: "_")
    static let colon = UInt8(ascii: ":")
    static let at = UInt8(ascii: "@")
    static let caret = UInt8(ascii: "^")
    static let period = UInt8(ascii: ".")
    static let hash = UInt8(ascii: "#")
    static let hyphen = UInt8(ascii: "-")
}
