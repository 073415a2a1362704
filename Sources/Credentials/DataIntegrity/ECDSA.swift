import Crypto
import LinkedData

/// `ecdsa-rdfc-2019` (Data Integrity ECDSA Cryptosuites v1.0, section 3.2): RDFC-1.0, then
/// SHA-256 with P-256 keys or SHA-384 with P-384 keys, ECDSA (IEEE P1363 signatures).
public struct ECDSARDFC2019: Cryptosuite {
    public static let identifier = "ecdsa-rdfc-2019"
    public var keyType: KeyType { .p256 }
    public var proofCarriesContext: Bool { false }
    let rdfc: EdDSARDFC2022

    public init(rdfc: EdDSARDFC2022 = EdDSARDFC2022()) {
        self.rdfc = rdfc
    }

    public func supports(_ type: KeyType) -> Bool { type == .p256 || type == .p384 }

    /// 3.2.3 Transformation (ecdsa-rdfc-2019): the same RDFC-1.0 canonical form as eddsa-rdfc-2022.
    public func transform(_ document: JSONObject) throws -> [UInt8] { try rdfc.transform(document) }

    /// 3.2.5 Proof Configuration (ecdsa-rdfc-2019).
    public func configure(_ options: JSONObject) throws -> [UInt8] { try rdfc.configure(options) }

    /// 3.2.4 Hashing (ecdsa-rdfc-2019): SHA-384 for P-384 keys, SHA-256 otherwise.
    public func hash(transformed: [UInt8], configuration: [UInt8], keyType: KeyType) -> [UInt8] {
        ECDSAHashing.hash(transformed: transformed, configuration: configuration, keyType: keyType)
    }
}

/// `ecdsa-jcs-2019` (Data Integrity ECDSA Cryptosuites v1.0, section 3.4): JCS, then SHA-256 with
/// P-256 keys or SHA-384 with P-384 keys, ECDSA.
public struct ECDSAJCS2019: Cryptosuite {
    public static let identifier = "ecdsa-jcs-2019"
    public var keyType: KeyType { .p256 }
    public var proofCarriesContext: Bool { true }

    public init() {}

    public func supports(_ type: KeyType) -> Bool { type == .p256 || type == .p384 }

    public func transform(_ document: JSONObject) throws -> [UInt8] { JCS.canonicalize(.object(document)) }

    public func configure(_ options: JSONObject) throws -> [UInt8] { JCS.canonicalize(.object(options)) }

    public func hash(transformed: [UInt8], configuration: [UInt8], keyType: KeyType) -> [UInt8] {
        ECDSAHashing.hash(transformed: transformed, configuration: configuration, keyType: keyType)
    }
}

enum ECDSAHashing {
    static func hash(transformed: [UInt8], configuration: [UInt8], keyType: KeyType) -> [UInt8] {
        if keyType == .p384 {
            return Array(SHA384.hash(data: configuration)) + Array(SHA384.hash(data: transformed))
        }
        return Array(SHA256.hash(data: configuration)) + Array(SHA256.hash(data: transformed))
    }
}

/// `Ed25519Signature2020` (W3C CCG, the Data Integrity EdDSA Cryptosuites' legacy suite): the proof
/// type names the suite; RDF canonicalization, SHA-256, Ed25519. Verified for the credentials of
/// the VC 1.1 era; new credentials use `eddsa-rdfc-2022`.
public struct Ed25519Signature2020: Cryptosuite {
    public static let identifier = "Ed25519Signature2020"
    public var keyType: KeyType { .ed25519 }
    public var proofCarriesContext: Bool { false }
    let rdfc: EdDSARDFC2022

    public init(rdfc: EdDSARDFC2022 = EdDSARDFC2022()) {
        self.rdfc = rdfc
    }

    public func transform(_ document: JSONObject) throws -> [UInt8] { try rdfc.transform(document) }

    public func configure(_ options: JSONObject) throws -> [UInt8] { try rdfc.configure(options) }
}
