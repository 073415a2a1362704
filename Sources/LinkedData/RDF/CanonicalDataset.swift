/// The result of RDFC-1.0: a canonicalized dataset (https://www.w3.org/TR/rdf-canon/#dfn-canonicalized-dataset)
/// and its serialized canonical form (https://www.w3.org/TR/rdf-canon/#serialization).
public struct CanonicalDataset: Sendable, Hashable {
    /// How much work Hash N-Degree Quads did, to judge the canonicalizer's limits by.
    public struct Statistics: Sendable, Hashable {
        /// Calls of Hash N-Degree Quads, recursive ones included.
        public var hashNDegreeCalls: Int
        /// Permutations tried in 4.8.3 (5.4), over all calls.
        public var permutations: Int
        /// The deepest nesting of Hash N-Degree Quads calls (1 for calls from 4.4.3 (5.2.4)).
        public var deepestRecursion: Int
    }

    /// The serialized canonical form as UTF-8 bytes: what Data Integrity cryptosuites hash.
    public let utf8: [UInt8]
    /// The dataset that was canonicalized, with its input blank node labels.
    public let inputDataset: RDFDataset
    /// The input blank node labels, in the order they were first met.
    let inputLabels: [String]
    /// For each input label, the number of its canonical label.
    let canonicalNumbers: [Int]
    /// For each line of ``nquads``, the index of its quad in `inputDataset.quads`.
    let canonicalOrder: [Int]
    public let statistics: Statistics

    /// The serialized canonical form: canonical N-Quads lines in code point order, each ending in `\n`.
    public var nquads: String { String(decoding: utf8, as: UTF8.self) }

    /// The issued identifiers map: each input blank node label to its canonical label (`c14n0`, ...),
    /// both without `_:`. The keys are exactly the blank node labels of the input dataset.
    public var issuedIdentifiers: [String: String] {
        Dictionary(uniqueKeysWithValues: zip(inputLabels, canonicalNumbers.map { "c14n\($0)" }))
    }

    /// The canonical quads: the input's quads with canonical blank node labels, in the order of
    /// their lines in ``nquads``.
    public var quads: [RDFQuad] {
        let issued = issuedIdentifiers
        return canonicalOrder.map { Self.relabel(inputDataset.quads[$0], issued) }
    }

    /// The canonical dataset: the input with canonical blank node labels, in canonical order.
    public var dataset: RDFDataset { RDFDataset(quads) }

    /// The lines of ``nquads``, each with its final `\n`.
    public var lines: [String] {
        utf8.split(separator: RDFByte.lineFeed).map { String(decoding: $0, as: UTF8.self) + "\n" }
    }

    /// The quad with each blank node replaced by its canonical label.
    ///
    /// Each call builds ``issuedIdentifiers``; to relabel many quads, read ``quads`` instead.
    public func relabel(_ quad: RDFQuad) -> RDFQuad { Self.relabel(quad, issuedIdentifiers) }

    /// The term, or its canonical label if it is a blank node of the input.
    public func relabel(_ term: RDFTerm) -> RDFTerm { Self.relabel(term, issuedIdentifiers) }

    private static func relabel(_ quad: RDFQuad, _ issued: [String: String]) -> RDFQuad {
        RDFQuad(
            subject: relabel(quad.subject, issued), predicate: relabel(quad.predicate, issued),
            object: relabel(quad.object, issued), graph: quad.graph.map { relabel($0, issued) })
    }

    private static func relabel(_ term: RDFTerm, _ issued: [String: String]) -> RDFTerm {
        guard case .blankNode(let label) = term, let canonical = issued[label] else { return term }
        return .blankNode(canonical)
    }
}
