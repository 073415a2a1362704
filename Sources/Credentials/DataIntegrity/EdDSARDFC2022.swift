import LinkedData

/// `eddsa-rdfc-2022` (Data Integrity EdDSA Cryptosuites v1.0, section 3.2): RDF Dataset
/// Canonicalization (RDFC-1.0) of the JSON-LD document, SHA-256, Ed25519.
///
/// This is the proof Open Badges 3.0 conformance accepts and the one the wallets and verifiers of
/// the ecosystem speak, so it is the default for the credentials a node issues.
public struct EdDSARDFC2022: Cryptosuite {
    public static let identifier = "eddsa-rdfc-2022"
    public var keyType: KeyType { .ed25519 }
    public var proofCarriesContext: Bool { false }

    /// JSON-LD processing over the bundled contexts only, in safe mode.
    public var processor: JSONLDProcessor
    public var canonicalizer: RDFCanonicalizer

    public init(processor: JSONLDProcessor = JSONLDProcessor(), canonicalizer: RDFCanonicalizer = RDFCanonicalizer()) {
        self.processor = processor
        self.canonicalizer = canonicalizer
    }

    /// 3.2.3 Transformation (eddsa-rdfc-2022): the canonical N-Quads of the unsecured document.
    public func transform(_ document: JSONObject) throws -> [UInt8] {
        try canonicalize(document)
    }

    /// 3.2.5 Proof Configuration (eddsa-rdfc-2022): the canonical N-Quads of the proof options,
    /// which carry the document's `@context`.
    public func configure(_ options: JSONObject) throws -> [UInt8] {
        try canonicalize(options)
    }

    func canonicalize(_ object: JSONObject) throws -> [UInt8] {
        try canonicalizer.canonicalize(try processor.toRDF(.object(object))).utf8
    }
}
