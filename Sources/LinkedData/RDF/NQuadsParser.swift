/// A parser for RDF 1.1 N-Quads documents (https://www.w3.org/TR/n-quads/#sec-grammar).
///
/// It follows the grammar of section 5: IRIs in `<>` (absolute, with `\u`/`\U` escapes), blank
/// nodes `_:label`, literals with `^^<datatype>` or `@language`, `ECHAR` and `UCHAR` escapes in
/// strings, `#` comments, blank lines, and `\n`, `\r` or `\r\n` line ends. A syntax error throws an
/// ``RDFError`` with code ``RDFError/Code/invalidNQuads`` and the line and column.
///
/// Note: an escape in an IRI may not stand for a character that `IRIREF` forbids (space, `<`, `>`,
/// `"`, `{`, `}`, `|`, `^`, `` ` ``, `\`, controls): the canonical form writes IRIs unescaped, and
/// such an IRI could not be written back. Language tags keep their case.
public struct NQuadsParser: Sendable {
    public init() {}

    /// Parses an N-Quads document into its quads, in document order, duplicates included.
    public func parse(_ text: String) throws(RDFError) -> [RDFQuad] {
        var text = text
        var result: Result<[RDFQuad], RDFError> = .success([])
        text.withUTF8 { utf8 in
            var reader = Reader(utf8)
            result = Result { () throws(RDFError) in try reader.document() }
        }
        return try result.get()
    }
}

extension RDFDataset {
    /// Parses an N-Quads document into a dataset, dropping duplicate quads.
    ///
    /// - Throws: ``RDFError`` with code ``RDFError/Code/invalidNQuads``, the line and the column.
    public init(nquads: String) throws(RDFError) {
        self.init(try NQuadsParser().parse(nquads))
    }
}

/// The state of one parse: the UTF-8 bytes, the position and the current line.
private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var line = 1
    var lineStart = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    func error(_ message: String, at offset: Int? = nil) -> RDFError {
        RDFError(.invalidNQuads, message, line: line, column: (offset ?? position) - lineStart + 1)
    }

    // nquadsDoc ::= statement? (EOL statement)* EOL?
    mutating func document() throws(RDFError) -> [RDFQuad] {
        var quads: [RDFQuad] = []
        while true {
            skipSpaceAndComment()
            guard let byte = peek else { return quads }
            if byte == RDFByte.lineFeed || byte == RDFByte.carriageReturn {
                consumeLineEnd()
                continue
            }
            quads.append(try statement())
            skipSpaceAndComment()
            if let byte = peek, byte != RDFByte.lineFeed, byte != RDFByte.carriageReturn {
                throw error("expected the end of the line after '.'")
            }
        }
    }

    // statement ::= subject predicate object graphLabel? '.'
    mutating func statement() throws(RDFError) -> RDFQuad {
        let subject: RDFTerm
        switch peek {
        case RDFByte.lessThan: subject = .iri(try iri())
        case RDFByte.underscore: subject = .blankNode(try blankNodeLabel())
        default: throw error("expected a subject (an IRI or a blank node)")
        }
        skipSpace()
        guard peek == RDFByte.lessThan else { throw error("expected a predicate IRI") }
        let predicate = RDFTerm.iri(try iri())
        skipSpace()
        let object: RDFTerm
        switch peek {
        case RDFByte.lessThan: object = .iri(try iri())
        case RDFByte.underscore: object = .blankNode(try blankNodeLabel())
        case RDFByte.quote: object = .literal(try literal())
        default: throw error("expected an object (an IRI, a blank node or a literal)")
        }
        skipSpace()
        var graph: RDFTerm?
        switch peek {
        case RDFByte.lessThan: graph = .iri(try iri())
        case RDFByte.underscore: graph = .blankNode(try blankNodeLabel())
        case RDFByte.period: break
        default: throw error("expected a graph label or '.'")
        }
        skipSpace()
        guard peek == RDFByte.period else { throw error("expected '.' at the end of the statement") }
        position += 1
        return RDFQuad(subject: subject, predicate: predicate, object: object, graph: graph)
    }

    // IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'
    mutating func iri() throws(RDFError) -> String {
        let start = position
        position += 1
        var decoded: [UInt8]?
        var runStart = position
        while true {
            guard let byte = peek else { throw error("unterminated IRI", at: start) }
            if byte == RDFByte.greaterThan { break }
            if byte == RDFByte.backslash {
                if decoded == nil { decoded = [] }
                decoded!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                let escapeStart = position
                let scalar = try unicodeEscape()
                if scalar.value <= 0x7F, Self.isForbiddenInIRI(UInt8(scalar.value)) {
                    throw error("the escape stands for a character not allowed in an IRI", at: escapeStart)
                }
                decoded!.append(contentsOf: String(Character(scalar)).utf8)
                runStart = position
                continue
            }
            if Self.isForbiddenInIRI(byte) { throw error("character not allowed in an IRI") }
            position += 1
        }
        let text: String
        if var decoded {
            decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            text = String(decoding: decoded, as: UTF8.self)
        } else {
            text = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<position]), as: UTF8.self)
        }
        position += 1
        guard Self.hasScheme(text) else { throw error("the IRI <\(text)> is not absolute", at: start) }
        return text
    }

    static func isForbiddenInIRI(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, RDFByte.lessThan, RDFByte.greaterThan, RDFByte.quote, UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "|"), RDFByte.caret, UInt8(ascii: "`"), RDFByte.backslash:
            return true
        default:
            return false
        }
    }

    /// Whether the IRI starts with a scheme (RFC 3987: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
    static func hasScheme(_ iri: String) -> Bool {
        var first = true
        for byte in iri.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), RDFByte.hyphen, RDFByte.period:
                if first { return false }
            case RDFByte.colon: return !first
            default: return false
            }
            first = false
        }
        return false
    }

    // BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
    mutating func blankNodeLabel() throws(RDFError) -> String {
        guard position + 1 < bytes.count, bytes[position + 1] == RDFByte.colon else {
            throw error("expected '_:' to start a blank node label")
        }
        position += 2
        let start = position
        guard let (first, firstLength) = scalar(), Self.isPNCharsU(first) || ("0"..."9").contains(first) else {
            throw error("a blank node label must start with a letter, a digit, '_' or ':'")
        }
        position += firstLength
        var end = position
        while let (next, length) = scalar(), next == "." || Self.isPNChars(next) {
            position += length
            if next != "." { end = position }
        }
        // Note: a label may not end with '.', so a final run of '.' belongs to the statement.
        position = end
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The Unicode scalar at the position and its length in bytes, without consuming it.
    func scalar() -> (Unicode.Scalar, Int)? {
        guard position < bytes.count else { return nil }
        let lead = bytes[position]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var iterator = UnsafeBufferPointer(rebasing: bytes[position...]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, UTF8.width(scalar))
    }

    static func isPNCharsBase(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
            0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
            0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    static func isPNCharsU(_ s: Unicode.Scalar) -> Bool { isPNCharsBase(s) || s == "_" || s == ":" }

    static func isPNChars(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return isPNCharsU(s)
        }
    }

    // literal ::= STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?
    mutating func literal() throws(RDFError) -> RDFLiteral {
        let lexicalForm = try stringLiteral()
        if peek == RDFByte.caret {
            guard position + 2 < bytes.count, bytes[position + 1] == RDFByte.caret,
                bytes[position + 2] == RDFByte.lessThan
            else { throw error("expected '^^<' before a datatype IRI") }
            position += 2
            return RDFLiteral(lexicalForm, datatype: try iri())
        }
        if peek == RDFByte.at {
            return RDFLiteral(lexicalForm, language: try languageTag())
        }
        return RDFLiteral(lexicalForm)
    }

    // STRING_LITERAL_QUOTE ::= '"' ([^#x22#x5C#xA#xD] | ECHAR | UCHAR)* '"'
    mutating func stringLiteral() throws(RDFError) -> String {
        let start = position
        position += 1
        var decoded: [UInt8] = []
        var runStart = position
        while true {
            guard let byte = peek else { throw error("unterminated string literal", at: start) }
            switch byte {
            case RDFByte.quote:
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                position += 1
                return String(decoding: decoded, as: UTF8.self)
            case RDFByte.lineFeed, RDFByte.carriageReturn:
                throw error("line break in a string literal (write it as \\n or \\r)")
            case RDFByte.backslash:
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                try escape(into: &decoded)
                runStart = position
            default:
                position += 1
            }
        }
    }

    // ECHAR ::= '\' [tbnrf"'\]
    mutating func escape(into decoded: inout [UInt8]) throws(RDFError) {
        guard position + 1 < bytes.count else { throw error("unterminated escape") }
        let replacement: UInt8
        switch bytes[position + 1] {
        case UInt8(ascii: "t"): replacement = 0x09
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "n"): replacement = 0x0A
        case UInt8(ascii: "r"): replacement = 0x0D
        case UInt8(ascii: "f"): replacement = 0x0C
        case RDFByte.quote: replacement = RDFByte.quote
        case UInt8(ascii: "'"): replacement = UInt8(ascii: "'")
        case RDFByte.backslash: replacement = RDFByte.backslash
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            decoded.append(contentsOf: String(Character(try unicodeEscape())).utf8)
            return
        default:
            throw error("invalid escape '\\\(Character(Unicode.Scalar(bytes[position + 1])))'")
        }
        decoded.append(replacement)
        position += 2
    }

    // UCHAR ::= '\u' HEX HEX HEX HEX | '\U' HEX HEX HEX HEX HEX HEX HEX HEX
    mutating func unicodeEscape() throws(RDFError) -> Unicode.Scalar {
        let start = position
        guard position + 1 < bytes.count else { throw error("unterminated escape") }
        let digits: Int
        switch bytes[position + 1] {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: throw error("invalid escape (only \\u and \\U are allowed here)")
        }
        position += 2
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = peek, let digit = Self.hexValue(byte) else {
                throw error("expected \(digits) hex digits after \\\(digits == 4 ? "u" : "U")")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("the escape is not a Unicode scalar value (a surrogate or above U+10FFFF)", at: start)
        }
        return scalar
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    // LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
    mutating func languageTag() throws(RDFError) -> String {
        position += 1
        let start = position
        var subtagLength = 0
        var firstSubtag = true
        while let byte = peek {
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if isLetter || (isDigit && !firstSubtag) {
                subtagLength += 1
            } else if byte == RDFByte.hyphen && subtagLength > 0 {
                firstSubtag = false
                subtagLength = 0
            } else {
                break
            }
            position += 1
        }
        guard subtagLength > 0 else { throw error("invalid language tag") }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    // WS: spaces and tabs between terms; a comment runs to the end of the line.
    mutating func skipSpace() {
        while let byte = peek, byte == RDFByte.space || byte == RDFByte.tab { position += 1 }
    }

    mutating func skipSpaceAndComment() {
        skipSpace()
        if peek == RDFByte.hash {
            while let byte = peek, byte != RDFByte.lineFeed, byte != RDFByte.carriageReturn { position += 1 }
        }
    }

    // EOL ::= [#xD#xA]+ ; a line is counted at each "\n", "\r\n" or lone "\r".
    mutating func consumeLineEnd() {
        if bytes[position] == RDFByte.carriageReturn, position + 1 < bytes.count,
            bytes[position + 1] == RDFByte.lineFeed
        {
            position += 1
        }
        position += 1
        line += 1
        lineStart = position
    }
}
