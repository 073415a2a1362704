import Foundation
import Testing

@testable import LinkedData

@Suite struct RDFCanonicalizerTests {
    /// The diamond of `#test020c`: two blank nodes share a first degree hash.
    static let diamond = """
        <http://example.org/vocab#test> <http://example.org/vocab#A> _:e0 .
        _:e0 <http://example.org/vocab#next> _:e1 .
        _:e0 <http://example.org/vocab#next> _:e2 .
        _:e1 <http://example.org/vocab#next> _:e3 .
        _:e2 <http://example.org/vocab#next> _:e3 .

        """

    @Test func canonicalizesAndReportsTheIssuedIdentifiers() throws {
        let canonical = try RDFCanonicalizer().canonicalize(nquads: Self.diamond)
        #expect(canonical.issuedIdentifiers.count == 4)
        #expect(Set(canonical.issuedIdentifiers.keys) == ["e0", "e1", "e2", "e3"])
        #expect(Set(canonical.issuedIdentifiers.values) == ["c14n0", "c14n1", "c14n2", "c14n3"])
        #expect(canonical.nquads == String(decoding: canonical.utf8, as: UTF8.self))
        #expect(canonical.lines.count == 5)
        #expect(canonical.lines.joined() == canonical.nquads)
        // The canonical quads serialize, line by line, to the canonical form.
        #expect(canonical.quads.map(NQuadsSerializer.serialize).joined() == canonical.nquads)
        #expect(canonical.dataset == RDFDataset(canonical.quads))
        #expect(canonical.relabel(.blankNode("e0")) == .blankNode(canonical.issuedIdentifiers["e0"]!))
        #expect(canonical.relabel(.blankNode("unknown")) == .blankNode("unknown"))
    }

    @Test func ignoresLabelsAndQuadOrder() throws {
        let renamed = Self.diamond
            .replacingOccurrences(of: "_:e0", with: "_:x9")
            .replacingOccurrences(of: "_:e1", with: "_:zz")
            .replacingOccurrences(of: "_:e3", with: "_:a")
        let reordered = renamed.split(separator: "\n").reversed().joined(separator: "\n")
        let expected = try RDFCanonicalizer().canonicalize(nquads: Self.diamond).nquads
        #expect(try RDFCanonicalizer().canonicalize(nquads: reordered).nquads == expected)
    }

    @Test func hashesWithSHA384OnRequest() throws {
        // #test020 and #test075: the two hashes order the diamond's two sides differently.
        let input = try RDFCManifest.text("rdfc10/test020-in.nq")
        let sha256 = try RDFCanonicalizer().canonicalize(nquads: input)
        let sha384 = try RDFCanonicalizer(hash: .sha384).canonicalize(nquads: input)
        #expect(sha256.issuedIdentifiers == ["e1": "c14n0", "e2": "c14n1", "e0": "c14n2"])
        #expect(sha384.issuedIdentifiers == ["e0": "c14n0", "e2": "c14n1", "e1": "c14n2"])
    }

    @Test func canonicalizesTheEmptyDatasetAndDatasetsWithoutBlankNodes() throws {
        #expect(try RDFCanonicalizer().canonicalize(RDFDataset()).nquads == "")
        let canonical = try RDFCanonicalizer().canonicalize(nquads: "<urn:b> <urn:p> \"x\" .\n<urn:a> <urn:p> \"x\" .\n")
        #expect(canonical.nquads == "<urn:a> <urn:p> \"x\" .\n<urn:b> <urn:p> \"x\" .\n")
        #expect(canonical.issuedIdentifiers.isEmpty)
        #expect(canonical.statistics.hashNDegreeCalls == 0)
    }

    @Test(arguments: [
        (RDFCanonicalizer(maxHashNDegreeCalls: 100), "the limit of 100 calls"),
        (RDFCanonicalizer(maxPermutations: 1_000), "the limit of 1000 permutations"),
        (RDFCanonicalizer(maxRecursionDepth: 3), "the limit of 3 nested calls"),
    ])
    func stopsAtEachLimit(canonicalizer: RDFCanonicalizer, expected: String) throws {
        // #test044c needs 468 calls, 2,880 permutations and a depth of 4.
        let input = try RDFCManifest.text("rdfc10/test044-in.nq")
        let error = RDFCConformanceTests.error { () throws(RDFError) in _ = try canonicalizer.canonicalize(nquads: input) }
        #expect(error?.code == .canonicalizationLimitExceeded)
        #expect(error?.message == "RDFC-1.0: Hash N-Degree Quads exceeded \(expected); the dataset may be a poison graph")
    }

    @Test func reportsTheWorkDone() throws {
        let canonical = try RDFCanonicalizer().canonicalize(nquads: RDFCManifest.text("rdfc10/test044-in.nq"))
        #expect(canonical.statistics == .init(hashNDegreeCalls: 468, permutations: 2_880, deepestRecursion: 4))
    }

    @Test func refusesGeneralizedRDF() {
        let quad = RDFQuad(subject: .iri("urn:s"), predicate: .blankNode("p"), object: .iri("urn:o"))
        let error = RDFCConformanceTests.error { () throws(RDFError) in
            _ = try RDFCanonicalizer().canonicalize(RDFDataset([quad]))
        }
        #expect(error?.code == .unsupportedTerm)
    }
}
