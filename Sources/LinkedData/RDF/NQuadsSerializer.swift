/// Writes RDF terms and quads in canonical N-Quads form.
///
/// The form is the one RDFC-1.0 serializes with (https://www.w3.org/TR/rdf-canon/#canonical-quads),
/// the canonical form of RDF 1.2 N-Triples and N-Quads
/// (https://www.w3.org/TR/rdf12-n-triples/#canonical-ntriples):
/// - a single space after subject, predicate and object (and graph name), then `.` and one `\n`;
/// - IRIs as they are, in `<>`; blank nodes as `_:label`;
/// - in a literal's lexical form, `"`, `\`, line feed, carriage return, backspace, tab and form feed
///   as `\"`, `\\`, `\n`, `\r`, `\b`, `\t`, `\f`; the other controls U+0000 to U+001F and U+007F as
///   `\u` with four upper-case hex digits; everything else as it is;
/// - `"lex"@lang` for language-tagged strings, `"lex"` for `xsd:string`, `"lex"^^<datatype>` otherwise.
///
/// Note: an IRI or blank node label is written without checks; an IRI holding a character that
/// N-Quads cannot carry (a space, `>`) gives a line no parser accepts. ``NQuadsParser`` never
/// produces such terms.
public enum NQuadsSerializer {
    /// Serializes one quad as a canonical N-Quads line, ending in `\n`.
    public static func serialize(_ quad: RDFQuad) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128)
        append(quad, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Serializes one term as it appears in a canonical N-Quads line.
    public static func serialize(_ term: RDFTerm) -> String {
        var bytes: [UInt8] = []
        append(term, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Serializes a dataset as an N-Quads document, one canonical line per quad.
    ///
    /// - Parameter sorted: when true, the lines are in code point order (as RDFC-1.0's serialized
    ///   canonical form orders them); otherwise they keep the dataset's order.
    public static func serialize(_ dataset: RDFDataset, sorted: Bool = false) -> String {
        var lines = ByteLines()
        for quad in dataset.quads {
            lines.beginLine()
            append(quad, to: &lines.bytes)
            lines.endLine()
        }
        if sorted { lines.sort() }
        return String(decoding: lines.joined(), as: UTF8.self)
    }

    /// Appends a quad's canonical N-Quads line, with its final `\n`.
    public static func append(_ quad: RDFQuad, to bytes: inout [UInt8]) {
        append(quad.subject, to: &bytes)
        bytes.append(RDFByte.space)
        append(quad.predicate, to: &bytes)
        bytes.append(RDFByte.space)
        append(quad.object, to: &bytes)
        if let graph = quad.graph {
            bytes.append(RDFByte.space)
            append(graph, to: &bytes)
        }
        bytes.append(contentsOf: lineEnd)
    }

    /// Appends a term in canonical N-Quads form.
    public static func append(_ term: RDFTerm, to bytes: inout [UInt8]) {
        switch term {
        case .iri(let iri):
            appendIRI(iri, to: &bytes)
        case .blankNode(let label):
            bytes.append(RDFByte.underscore)
            bytes.append(RDFByte.colon)
            bytes.append(contentsOf: label.utf8)
        case .literal(let literal):
            append(literal, to: &bytes)
        }
    }

    static func appendIRI(_ iri: String, to bytes: inout [UInt8]) {
        bytes.append(RDFByte.lessThan)
        bytes.append(contentsOf: iri.utf8)
        bytes.append(RDFByte.greaterThan)
    }

    static func append(_ literal: RDFLiteral, to bytes: inout [UInt8]) {
        bytes.append(RDFByte.quote)
        appendEscaped(literal.lexicalForm, to: &bytes)
        bytes.append(RDFByte.quote)
        if let language = literal.language {
            bytes.append(RDFByte.at)
            bytes.append(contentsOf: language.utf8)
        } else if literal.datatype != RDFTerm.xsdString {
            bytes.append(RDFByte.caret)
            bytes.append(RDFByte.caret)
            appendIRI(literal.datatype, to: &bytes)
        }
    }

    /// Appends a lexical form, escaped as canonical `STRING_LITERAL_QUOTE` content.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == RDFByte.quote || byte == RDFByte.backslash || byte == 0x7F else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                bytes.append(RDFByte.backslash)
                switch byte {
                case RDFByte.quote: bytes.append(RDFByte.quote)
                case RDFByte.backslash: bytes.append(RDFByte.backslash)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(UInt8(ascii: "u"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(upperHexDigits[Int(byte >> 4)])
                    bytes.append(upperHexDigits[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }

    static let lineEnd: [UInt8] = Array(" .\n".utf8)
    private static let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
