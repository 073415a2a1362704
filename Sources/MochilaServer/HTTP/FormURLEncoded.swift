/// An `application/x-www-form-urlencoded` body, as an OAuth 2.0 token request or an HTML form
/// sends it (WHATWG URL Standard, section 5.1 "application/x-www-form-urlencoded parsing").
///
/// Bounded: at most ``maximumFields`` name-value pairs unless the caller allows more; the caller
/// bounds the body's size.
struct FormURLEncoded: Sendable {
    /// The pairs, in order.
    var fields: [(name: String, value: String)]

    /// The most pairs a body may hold, by default (a token request has a handful).
    static let maximumFields = 32

    enum Problem: Error, Equatable, CustomStringConvertible {
        /// A `%` not followed by two hexadecimal digits.
        case badPercentEscape
        /// Decoded bytes that are not UTF-8.
        case notUTF8
        case tooManyFields

        var description: String {
            switch self {
            case .badPercentEscape: return "a % is not followed by two hexadecimal digits"
            case .notUTF8: return "a decoded value is not UTF-8"
            case .tooManyFields: return "too many fields"
            }
        }
    }

    /// Parses a body.
    /// - Throws: ``Problem`` for a malformed escape, text that is not UTF-8, or too many pairs.
    ///   Note: the WHATWG parser keeps a malformed `%` as it is and replaces bad UTF-8; a token
    ///   request is better refused than guessed at.
    init(_ body: [UInt8], maximumFields: Int = FormURLEncoded.maximumFields) throws(Problem) {
        var fields: [(name: String, value: String)] = []
        // 5.1 (1) Split on "&"; (2) skip empty sequences.
        for sequence in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            guard fields.count < maximumFields else { throw .tooManyFields }
            // 5.1 (2.2-2.3) The name is up to the first "=", the value after it (empty without one).
            let name: ArraySlice<UInt8>
            let value: ArraySlice<UInt8>
            if let equals = sequence.firstIndex(of: UInt8(ascii: "=")) {
                name = sequence[sequence.startIndex..<equals]
                value = sequence[(equals + 1)...]
            } else {
                name = sequence
                value = []
            }
            fields.append((try FormURLEncoded.decode(name), try FormURLEncoded.decode(value)))
        }
        self.fields = fields
    }

    /// The values given for `name`, in order.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// 5.1 (2.4-2.5): "+" becomes a space, then percent-decoding, then UTF-8.
    static func decode(_ bytes: ArraySlice<UInt8>) throws(Problem) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
                index += 1
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { throw .badPercentEscape }
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        guard let text = String(validating: output, as: UTF8.self) else { throw .notUTF8 }
        return text
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
