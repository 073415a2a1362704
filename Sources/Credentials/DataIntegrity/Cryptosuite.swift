import Crypto
import LinkedData

/// A Data Integrity cryptosuite: how a document and its proof options become the bytes a key signs.
///
/// Each suite is a short pipeline (transform, hash, serialize); ``DataIntegrity`` holds the
/// machinery the suites share (proof sets, chains, `@context` handling).
public protocol Cryptosuite: Sendable {
    /// The suite's name, as it appears in a proof's `cryptosuite`.
    static var identifier: String { get }
    /// The key type the suite signs with.
    var keyType: KeyType { get }
    /// Transformation (e.g. JCS or RDFC-1.0) of the document without its proof.
    func transform(_ document: JSONObject) throws -> [UInt8]
    /// Proof configuration: the canonical form of the proof options.
    func configure(_ options: JSONObject) throws -> [UInt8]
    /// Hashing: the bytes that are signed, from the transformed document and proof configuration.
    func hash(transformed: [UInt8], configuration: [UInt8]) -> [UInt8]
    /// Whether the secured proof keeps the document's `@context` (the JCS suites) or only uses it
    /// for its configuration (the RDFC suites).
    var proofCarriesContext: Bool { get }
    /// Whether the suite signs with keys of `type` (the ECDSA suites take P-256 and P-384).
    func supports(_ type: KeyType) -> Bool
    /// Hashing for a key of `type`: the ECDSA suites hash with SHA-384 for P-384 keys.
    func hash(transformed: [UInt8], configuration: [UInt8], keyType: KeyType) -> [UInt8]
}

extension Cryptosuite {
    public var identifier: String { Self.identifier }

    public func supports(_ type: KeyType) -> Bool { type == keyType }

    /// Hashing of the EdDSA suites and of ECDSA with P-256: SHA-256(configuration) ‖ SHA-256(document).
    public func hash(transformed: [UInt8], configuration: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: configuration)) + Array(SHA256.hash(data: transformed))
    }

    public func hash(transformed: [UInt8], configuration: [UInt8], keyType: KeyType) -> [UInt8] {
        hash(transformed: transformed, configuration: configuration)
    }
}

/// `eddsa-jcs-2022` (Data Integrity EdDSA Cryptosuites v1.0, section 3.3): JCS, SHA-256, Ed25519.
public struct EdDSAJCS2022: Cryptosuite {
    public static let identifier = "eddsa-jcs-2022"
    public var keyType: KeyType { .ed25519 }
    public var proofCarriesContext: Bool { true }

    public init() {}

    /// 3.3.3 Transformation (eddsa-jcs-2022): the JCS form of the unsecured document.
    public func transform(_ document: JSONObject) throws -> [UInt8] {
        JCS.canonicalize(.object(document))
    }

    /// 3.3.5 Proof Configuration (eddsa-jcs-2022): the JCS form of the options, which carry the
    /// document's `@context`.
    public func configure(_ options: JSONObject) throws -> [UInt8] {
        JCS.canonicalize(.object(options))
    }
}
