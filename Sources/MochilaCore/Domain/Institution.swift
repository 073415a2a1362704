import Foundation

/// A member institution of the network: a university or other awarding body that issues
/// micro-credentials under its own DID.
public struct Institution: Sendable, Hashable, Codable {
    public var id: UUID
    /// A short name for URLs: lowercase letters, digits and hyphens (`unam`, `uasd`).
    public var slug: String
    /// The institution's name in each language it uses.
    public var name: LocalizedText
    /// ISO 3166-1 alpha-2 code of the country (`MX`, `DO`, `CL`, `GT`).
    public var country: String
    /// The DID credentials are issued under.
    public var did: String
    /// The institution's public website.
    public var url: String?
    /// The body that assures the quality of its programmes (e.g. `CNA Chile`).
    public var qualityAssuranceAgency: String?
    public var createdAt: Date

    public init(
        id: UUID = UUID(), slug: String, name: LocalizedText, country: String, did: String, url: String? = nil,
        qualityAssuranceAgency: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.country = country
        self.did = did
        self.url = url
        self.qualityAssuranceAgency = qualityAssuranceAgency
        self.createdAt = createdAt
    }
}

/// One of an institution's signing keys: the public half in the clear, the secret sealed with
/// the node's master key (see ``KeyVault``).
public struct InstitutionKey: Sendable, Hashable {
    /// The verification method id, e.g. `did:key:z6Mk…#z6Mk…`.
    public var id: String
    public var institutionID: UUID
    public var type: String
    public var publicKeyMultibase: String
    /// AES-GCM sealed box of the secret key (nonce ‖ ciphertext ‖ tag).
    public var sealedSecretKey: [UInt8]
    public var createdAt: Date
    public var active: Bool

    public init(
        id: String, institutionID: UUID, type: String, publicKeyMultibase: String, sealedSecretKey: [UInt8],
        createdAt: Date, active: Bool = true
    ) {
        self.id = id
        self.institutionID = institutionID
        self.type = type
        self.publicKeyMultibase = publicKeyMultibase
        self.sealedSecretKey = sealedSecretKey
        self.createdAt = createdAt
        self.active = active
    }
}
