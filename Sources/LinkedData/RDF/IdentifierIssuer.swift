/// An identifier issuer of RDFC-1.0 (https://www.w3.org/TR/rdf-canon/#dfn-identifier-issuer):
/// an identifier prefix, a counter and the issued identifiers map, in the order of issue.
///
/// Blank nodes are numbered `0..<count` by the canonicalization state; an issued identifier is the
/// prefix followed by the counter's value at issue, so the issuer stores only that number.
/// Copies are cheap until written (the spec copies issuers for every permutation it tries).
struct IdentifierIssuer {
    /// The identifier prefix as bytes, with the `_:` of its N-Quads form: `_:c14n` or `_:b`.
    let prefix: [UInt8]
    /// For each blank node, its issued number, or -1.
    private var numbers: [Int32]
    /// The blank nodes in the order their identifiers were issued.
    private(set) var issuedOrder: [Int32] = []

    init(prefix: String, nodeCount: Int) {
        self.prefix = Array("_:\(prefix)".utf8)
        self.numbers = Array(repeating: -1, count: nodeCount)
    }

    /// The identifier counter: how many identifiers have been issued.
    var counter: Int { issuedOrder.count }

    /// The number issued to a blank node, if one was.
    @inline(__always)
    func issued(_ node: Int) -> Int? {
        let number = numbers[node]
        return number < 0 ? nil : Int(number)
    }

    /// Issue Identifier (https://www.w3.org/TR/rdf-canon/#issue-identifier), returning the number.
    @discardableResult
    mutating func issue(_ node: Int) -> Int {
        // 4.5.2 (1)
        let existing = numbers[node]
        if existing >= 0 { return Int(existing) }
        // 4.5.2 (2)-(5)
        let number = Int32(issuedOrder.count)
        numbers[node] = number
        issuedOrder.append(Int32(node))
        return Int(number)
    }

    /// Appends `_:` + prefix + number to the bytes.
    @inline(__always)
    func appendIdentifier(_ number: Int, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: prefix)
        appendDecimal(number, to: &bytes)
    }
}

/// Appends a non-negative integer in decimal ASCII digits.
@inline(__always)
func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    if value < 10 {
        bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
        return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
        while rest > 0 {
            buffer[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            count += 1
        }
        for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
    }
}
