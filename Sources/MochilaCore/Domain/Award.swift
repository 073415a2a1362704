import Foundation

/// The person a credential is awarded to.
///
/// Names are kept as written, with accents and both surnames (`familyName` holds "Núñez Pérez").
public struct Learner: Sendable, Hashable, Codable {
    public var givenName: String
    public var familyName: String
    public var email: String?
    /// The learner's own DID, when they have a wallet.
    public var did: String?

    public init(givenName: String, familyName: String, email: String? = nil, did: String? = nil) {
        self.givenName = givenName
        self.familyName = familyName
        self.email = email
        self.did = did
    }

    /// The name as it is printed: given names, then surnames.
    public var fullName: String { "\(givenName) \(familyName)" }
}

/// A micro-credential awarded to a learner under one version of a spec, and the signed
/// credential that proves it. The credential's bytes are stored exactly as issued.
public struct Award: Sendable, Hashable {
    public var id: UUID
    public var institutionID: UUID
    public var specID: UUID
    public var specVersion: Int
    public var learner: Learner
    /// The grade achieved, if the spec grades.
    public var grade: String?
    /// The credential's `id`, e.g. `urn:uuid:…`.
    public var credentialID: String
    public var issuedAt: Date
    public var validUntil: Date?
    /// The signed credential, byte for byte as issued.
    public var credential: [UInt8]
    /// The credential's place in the issuer's status lists.
    public var statusSlot: StatusSlot?
    /// When and why it was revoked (final).
    public var revocation: StatusChange?
    /// When and why it is suspended (until reinstated).
    public var suspension: StatusChange?
    /// The batch it was issued in.
    public var batchID: UUID?
    /// The award this one renews.
    public var supersedes: UUID?

    public init(
        id: UUID, institutionID: UUID, specID: UUID, specVersion: Int, learner: Learner, grade: String?,
        credentialID: String, issuedAt: Date, validUntil: Date?, credential: [UInt8], statusSlot: StatusSlot? = nil,
        revocation: StatusChange? = nil, suspension: StatusChange? = nil, batchID: UUID? = nil, supersedes: UUID? = nil
    ) {
        self.id = id
        self.institutionID = institutionID
        self.specID = specID
        self.specVersion = specVersion
        self.learner = learner
        self.grade = grade
        self.credentialID = credentialID
        self.issuedAt = issuedAt
        self.validUntil = validUntil
        self.credential = credential
        self.statusSlot = statusSlot
        self.revocation = revocation
        self.suspension = suspension
        self.batchID = batchID
        self.supersedes = supersedes
    }
}
