import Crypto

/// RDF Dataset Canonicalization, RDFC-1.0 (https://www.w3.org/TR/rdf-canon/).
///
/// Canonicalization gives every blank node of a dataset a canonical label (`c14n0`, `c14n1`, ...)
/// that depends only on the dataset's content, so that isomorphic datasets serialize to the same
/// canonical N-Quads text. The hash algorithm (https://www.w3.org/TR/rdf-canon/#dfn-hash-algorithm)
/// is SHA-256 by default, SHA-384 on request.
///
/// The canonicalizer is safe by default (https://www.w3.org/TR/rdf-canon/#dataset-poisoning): it
/// bounds the work of Hash N-Degree Quads by the number of calls, the number of permutations tried
/// and the depth of recursion, and throws ``RDFError/Code/canonicalizationLimitExceeded`` past any
/// of them. The defaults allow about four times what the hardest positive tests of the W3C suite
/// need (468 calls, 2,880 permutations and a depth of 7, for `#test044c`), and stop the suite's
/// 10-node clique (`#test074c`) within a few milliseconds.
public struct RDFCanonicalizer: Sendable, Hashable {
    /// The hash algorithm: SHA-256 as the spec says, or SHA-384 where another spec asks for it.
    public enum HashAlgorithm: String, Sendable, Hashable, CaseIterable {
        case sha256 = "SHA256"
        case sha384 = "SHA384"
    }

    public var hashAlgorithm: HashAlgorithm
    /// The most calls of Hash N-Degree Quads (4.8), recursive calls included, in one canonicalization.
    public var maxHashNDegreeCalls: Int
    /// The most permutations Hash N-Degree Quads may try (4.8.3 (5.4)), over all its calls.
    public var maxPermutations: Int
    /// The deepest nesting of Hash N-Degree Quads calls (4.8.3 (5.4.5.1)).
    public var maxRecursionDepth: Int

    public static let defaultMaxHashNDegreeCalls = 2_000
    public static let defaultMaxPermutations = 10_000
    public static let defaultMaxRecursionDepth = 32

    public init(
        hash: HashAlgorithm = .sha256,
        maxHashNDegreeCalls: Int = defaultMaxHashNDegreeCalls,
        maxPermutations: Int = defaultMaxPermutations,
        maxRecursionDepth: Int = defaultMaxRecursionDepth
    ) {
        self.hashAlgorithm = hash
        self.maxHashNDegreeCalls = maxHashNDegreeCalls
        self.maxPermutations = maxPermutations
        self.maxRecursionDepth = maxRecursionDepth
    }

    /// Canonicalizes a dataset (4.4.3).
    ///
    /// - Returns: the serialized canonical form with the issued identifiers map.
    /// - Throws: ``RDFError`` with code ``RDFError/Code/canonicalizationLimitExceeded`` when Hash
    ///   N-Degree Quads passes a limit (a poison graph), or ``RDFError/Code/unsupportedTerm`` for a
    ///   generalized quad (a literal subject or graph name, a predicate that is not an IRI).
    public func canonicalize(_ dataset: RDFDataset) throws(RDFError) -> CanonicalDataset {
        switch hashAlgorithm {
        case .sha256: return try canonicalize(dataset, using: SHA256.self)
        case .sha384: return try canonicalize(dataset, using: SHA384.self)
        }
    }

    /// Parses an N-Quads document and canonicalizes the dataset it describes.
    ///
    /// - Throws: ``RDFError`` for invalid N-Quads, as well as the errors of ``canonicalize(_:)``.
    public func canonicalize(nquads: String) throws(RDFError) -> CanonicalDataset {
        try canonicalize(RDFDataset(nquads: nquads))
    }

    private func canonicalize<H: HashFunction>(
        _ dataset: RDFDataset, using _: H.Type
    ) throws(RDFError) -> CanonicalDataset {
        var state = try CanonicalizationState<H>(dataset, limits: self)
        try state.canonicalize()
        // 4.4.3 (6): the issued identifiers map of the canonical issuer.
        // 4.4.3 (7), section 5
        let (nquads, order) = state.serialize()
        return CanonicalDataset(
            utf8: nquads, inputDataset: dataset, inputLabels: state.labels,
            canonicalNumbers: state.canonicalNumbers, canonicalOrder: order,
            statistics: .init(
                hashNDegreeCalls: state.hashNDegreeCalls, permutations: state.permutations,
                deepestRecursion: state.deepestRecursion))
    }
}
