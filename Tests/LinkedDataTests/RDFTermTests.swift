import Testing

@testable import LinkedData

@Suite struct RDFTermTests {
    @Test func termsCompareByBytesNotByUnicodeEquivalence() {
        let composed = RDFTerm.literal(RDFLiteral("\u{E9}"))
        let decomposed = RDFTerm.literal(RDFLiteral("e\u{301}"))
        #expect(composed != decomposed)
        #expect(RDFTerm.iri("http://example.org/\u{E9}") != .iri("http://example.org/e\u{301}"))
        let subject = RDFTerm.iri("http://example.org/s")
        let predicate = RDFTerm.iri("http://example.org/p")
        let dataset = RDFDataset([
            RDFQuad(subject: subject, predicate: predicate, object: composed),
            RDFQuad(subject: subject, predicate: predicate, object: decomposed),
            RDFQuad(subject: subject, predicate: predicate, object: composed),
        ])
        #expect(dataset.count == 2)
    }

    @Test func languageTaggedAndTypedLiteralsDiffer() {
        #expect(RDFLiteral("a", language: "es") != RDFLiteral("a"))
        #expect(RDFLiteral("a", language: "es").datatype == RDFTerm.rdfLangString)
        #expect(RDFLiteral("1", datatype: "http://www.w3.org/2001/XMLSchema#integer") != RDFLiteral("1"))
    }
}
