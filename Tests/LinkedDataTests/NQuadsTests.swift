import Testing

@testable import LinkedData

@Suite struct NQuadsParsingTests {
    @Test func parsesEveryKindOfTerm() throws {
        let quads = try NQuadsParser().parse(
            """
            # a comment line
            <http://ex.org/s> <http://ex.org/p> <http://ex.org/o> .
            _:b0 <http://ex.org/p> "plain" <http://ex.org/g> .
            _:b0 <http://ex.org/p> "chat"@fr-CA _:g1 .   # a comment after a statement

            _:b1.x <http://ex.org/p> "5"^^<http://www.w3.org/2001/XMLSchema#integer>.
            """)
        #expect(quads.count == 4)
        #expect(quads[0] == RDFQuad(subject: .iri("http://ex.org/s"), predicate: .iri("http://ex.org/p"), object: .iri("http://ex.org/o")))
        #expect(quads[1].subject == .blankNode("b0"))
        #expect(quads[1].object == .literal(RDFLiteral("plain")))
        #expect(quads[1].graph == .iri("http://ex.org/g"))
        #expect(quads[2].object == .literal(RDFLiteral("chat", language: "fr-CA")))
        #expect(quads[2].graph == .blankNode("g1"))
        // A label may hold '.', but not end with one: the final '.' ends the statement.
        #expect(quads[3].subject == .blankNode("b1.x"))
        #expect(quads[3].object == .literal(RDFLiteral("5", datatype: "http://www.w3.org/2001/XMLSchema#integer")))
    }

    @Test func decodesEscapes() throws {
        let quads = try NQuadsParser().parse(
            #"<urn:ex:\u0073> <urn:ex:p\U0001F303> "\t\b\n\r\f\"\'\\ \u00e9\U0001F600 \u0000" ."#)
        #expect(quads[0].subject == .iri("urn:ex:s"))
        #expect(quads[0].predicate == .iri("urn:ex:p🌃"))
        #expect(quads[0].object == .literal(RDFLiteral("\t\u{8}\n\r\u{C}\"'\\ é😀 \u{0}")))
    }

    @Test func acceptsEveryLineEnd() throws {
        let quads = try NQuadsParser().parse("<urn:a> <urn:b> <urn:c> .\r\n<urn:a> <urn:b> <urn:d> .\r<urn:a> <urn:b> <urn:e> .")
        #expect(quads.count == 3)
        #expect(try NQuadsParser().parse("").isEmpty)
        #expect(try NQuadsParser().parse("\n\n  # only a comment\n").isEmpty)
    }

    @Test func datasetDropsDuplicates() throws {
        let dataset = try RDFDataset(nquads: "<urn:a> <urn:b> \"x\" .\n<urn:a> <urn:b> \"x\" .\n<urn:a> <urn:b> \"x\"@en .\n")
        #expect(dataset.count == 2)
    }

    @Test(arguments: [
        ("<urn:a> <urn:b> <urn:c>", 1, "or '.'"),
        ("<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> .", 2, "expected an object"),
        ("<urn:a> <urn:b> <urn:c> . <urn:d>", 1, "expected the end of the line"),
        ("\"s\" <urn:b> <urn:c> .", 1, "expected a subject"),
        ("<urn:a> _:p <urn:c> .", 1, "expected a predicate IRI"),
        ("<urn:a> <urn:b> \"c\" \"d\" .", 1, "expected a graph label"),
        ("<relative> <urn:b> <urn:c> .", 1, "not absolute"),
        ("<urn:a b> <urn:b> <urn:c> .", 1, "character not allowed in an IRI"),
        ("<urn:a\\u0020b> <urn:b> <urn:c> .", 1, "not allowed in an IRI"),
        ("<urn:a> <urn:b> <urn:c", 1, "unterminated IRI"),
        ("\n\n<urn:a> <urn:b> \"abc .", 3, "unterminated string"),
        ("<urn:a> <urn:b> \"a\nb\" .", 1, "line break in a string literal"),
        ("<urn:a> <urn:b> \"\\x\" .", 1, "invalid escape"),
        ("<urn:a> <urn:b> \"\\u12\" .", 1, "expected 4 hex digits"),
        ("<urn:a> <urn:b> \"\\uD800\" .", 1, "not a Unicode scalar value"),
        ("<urn:a> <urn:b> \"\\U00110000\" .", 1, "not a Unicode scalar value"),
        ("<urn:a> <urn:b> \"x\"@ .", 1, "invalid language tag"),
        ("<urn:a> <urn:b> \"x\"@en- .", 1, "invalid language tag"),
        ("<urn:a> <urn:b> \"x\"^<urn:t> .", 1, "expected '^^<'"),
        ("_:-a <urn:b> <urn:c> .", 1, "a blank node label must start"),
        ("_a <urn:b> <urn:c> .", 1, "expected '_:'"),
    ])
    func refusesMalformedNQuadsNamingTheLine(input: String, line: Int, expected: String) {
        do {
            let quads = try NQuadsParser().parse(input)
            Issue.record("accepted \(input): \(quads)")
        } catch {
            #expect(error.code == .invalidNQuads)
            #expect(error.line == line, "\(input): \(error)")
            #expect(error.message.contains(expected), "\(input): \(error)")
        }
    }

    @Test func reportsTheColumn() {
        do {
            _ = try NQuadsParser().parse("<urn:a> <urn:b> <urn:c> .\n<urn:a>  <urn:b> ?")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 18)
            #expect(error.description == "invalid N-Quads: line 2, column 18: expected an object (an IRI, a blank node or a literal)")
        }
    }
}

@Suite struct NQuadsSerializationTests {
    @Test func writesCanonicalLiteralEscapes() {
        let literal = RDFTerm.literal(RDFLiteral("\u{0}\u{7}\u{8}\t\n\u{B}\u{C}\r\u{E}\u{1F} \"'\\\u{7F}\u{80}é😀"))
        #expect(NQuadsSerializer.serialize(literal) == #""\u0000\u0007\b\t\n\u000B\f\r\u000E\u001F \"'\\\u007F\#u{80}é😀""#)
    }

    @Test func writesDatatypesAndLanguages() {
        #expect(NQuadsSerializer.serialize(.literal(RDFLiteral("x"))) == #""x""#)
        #expect(NQuadsSerializer.serialize(.literal(RDFLiteral("x", datatype: RDFTerm.xsdString))) == #""x""#)
        #expect(NQuadsSerializer.serialize(.literal(RDFLiteral("x", language: "en-GB"))) == #""x"@en-GB"#)
        #expect(
            NQuadsSerializer.serialize(.literal(RDFLiteral("1", datatype: "http://www.w3.org/2001/XMLSchema#integer")))
                == #""1"^^<http://www.w3.org/2001/XMLSchema#integer>"#)
        #expect(NQuadsSerializer.serialize(.iri("urn:ex:∞")) == "<urn:ex:∞>")
        #expect(NQuadsSerializer.serialize(.blankNode("b0")) == "_:b0")
    }

    @Test func writesOneLinePerQuad() {
        let quad = RDFQuad(subject: .blankNode("s"), predicate: .iri("urn:p"), object: .literal(RDFLiteral("o")), graph: .iri("urn:g"))
        #expect(NQuadsSerializer.serialize(quad) == "_:s <urn:p> \"o\" <urn:g> .\n")
        let dataset = RDFDataset([
            RDFQuad(subject: .iri("urn:b"), predicate: .iri("urn:p"), object: .iri("urn:o")),
            RDFQuad(subject: .iri("urn:a"), predicate: .iri("urn:p"), object: .iri("urn:o")),
        ])
        #expect(NQuadsSerializer.serialize(dataset) == "<urn:b> <urn:p> <urn:o> .\n<urn:a> <urn:p> <urn:o> .\n")
        #expect(NQuadsSerializer.serialize(dataset, sorted: true) == "<urn:a> <urn:p> <urn:o> .\n<urn:b> <urn:p> <urn:o> .\n")
    }

    @Test func sortsByCodePointNotByStringComparison() {
        // U+FF21 (FULLWIDTH A) is above U+1F600 in UTF-16 code units but below it in code points;
        // "e\u{301}" and "é" are equal as Swift Strings but differ in code points.
        // (Distinct graph names keep RDFDataset, which compares Swift Strings, from merging the two.)
        let dataset = RDFDataset(["😀", "Ａ", "é", "e\u{301}"].enumerated().map {
            RDFQuad(subject: .iri("urn:s"), predicate: .iri("urn:p"), object: .literal(RDFLiteral($1)), graph: .iri("urn:g\($0)"))
        })
        let objects = NQuadsSerializer.serialize(dataset, sorted: true).split(separator: "\n").map {
            $0.unicodeScalars.split(separator: " ")[2]
        }
        #expect(objects.map { String(String.UnicodeScalarView($0)) }.map { Array($0.unicodeScalars) }
            == ["\"e\u{301}\"", "\"é\"", "\"Ａ\"", "\"😀\""].map { Array($0.unicodeScalars) })
    }

    @Test func roundTripsThroughTheParser() throws {
        let text = #"_:b0 <urn:ex:p> "a\"b\\c\nd\re\tf\u0001\u007F é" <urn:ex:g> ."# + "\n"
        let quads = try NQuadsParser().parse(text)
        #expect(NQuadsSerializer.serialize(quads[0]) == #"_:b0 <urn:ex:p> "a\"b\\c\nd\re\tf\u0001\u007F é" <urn:ex:g> ."# + "\n")
    }
}
