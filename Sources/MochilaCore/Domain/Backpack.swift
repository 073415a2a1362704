import Credentials
import Crypto
import Foundation

// The learner's backpack: an account of the learner on this node, the credentials they keep in
// it, and the links they share them with.
//
// `LearnerAccount` is the backpack's owner; ``Learner`` (in Award.swift) is the person a
// credential names, as the issuer wrote it. The two are distinct on purpose: an award is never
// rewritten when a backpack changes or is deleted.

/// A learner with a backpack on this node.
///
/// A backpack opened from a claim link alone is temporary: it has no email and no password
/// until the learner makes it permanent (``Store/setLearnerAccount(id:email:displayName:passwordHash:)``).
/// A deleted backpack keeps its row (and its id and holder DID, which issued credentials may
/// name) with its personal data cleared.
public struct LearnerAccount: Sendable, Hashable {
    public var id: UUID
    /// Lowercased; unique across the node. `nil` for a temporary backpack and after deletion.
    public var email: String?
    /// The name the learner chose to be greeted with; empty after deletion.
    public var displayName: String
    /// The `did:key` of the learner's holder key, the subject credentials are bound to.
    public var holderDID: String
    /// The holder's secret key, sealed by the node's ``KeyVault`` as institution keys are
    /// (nonce ‖ ciphertext ‖ tag). Empty after deletion: the key is destroyed with the backpack.
    public var sealedHolderKey: [UInt8]
    public var createdAt: Date
    /// When the learner deleted the backpack; `nil` while it is in use.
    public var deletedAt: Date?

    public init(
        id: UUID = UUID(), email: String?, displayName: String, holderDID: String, sealedHolderKey: [UInt8], createdAt: Date,
        deletedAt: Date? = nil
    ) {
        self.id = id
        self.email = email?.lowercased()
        self.displayName = displayName
        self.holderDID = holderDID
        self.sealedHolderKey = sealedHolderKey
        self.createdAt = createdAt
        self.deletedAt = deletedAt
    }

    /// A backpack opened from a claim link alone, not yet made permanent.
    public var isTemporary: Bool { email == nil && deletedAt == nil }

    public var isDeleted: Bool { deletedAt != nil }
}

/// A signed-in session of a learner: the cookie's token is kept only as a hash, with the
/// session's CSRF token (as ``StaffSession``).
public struct LearnerSession: Sendable, Hashable {
    public var tokenHash: String
    public var learnerID: UUID
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, learnerID: UUID, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.learnerID = learnerID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// Whether the session is still valid at `date`.
    public func isActive(at date: Date) -> Bool { date < expiresAt }
}

/// A credential in a learner's backpack, kept exactly as it was received.
public struct BackpackItem: Sendable, Hashable {
    /// How the credential is encoded.
    public enum Format: String, Sendable, Hashable, CaseIterable, Codable {
        /// A W3C verifiable credential as JSON (Open Badges 3.0, with an embedded proof).
        case vcJSON = "vc+json"
        /// A W3C verifiable credential as a JWT (VC-JOSE).
        case vcJWT = "vc+jwt"
        /// An Open Badges 2.0 assertion (hosted or signed).
        case openBadges2 = "ob2"
        /// A European Digital Credential (Europass).
        case europass
    }

    /// How the credential came into the backpack.
    public enum Source: String, Sendable, Hashable, CaseIterable, Codable {
        /// Claimed from an award of this node.
        case claim
        /// Imported by the learner (a file, a link, another wallet).
        case `import`
        /// A recognition decision an institution issued on the learner's request.
        case recognition
        /// A larger credential an institution issued when the learner completed its pathway.
        case pathway
    }

    public var id: UUID
    public var learnerID: UUID
    /// The award it was claimed from, when it was issued by this node.
    public var awardID: UUID?
    /// The credential, byte for byte as received.
    public var credential: [UInt8]
    /// Lowercase hex SHA-256 of ``credential``: a backpack holds a credential once.
    public var digest: String
    public var format: Format
    public var source: Source
    /// The verification report made when the credential arrived, as JSON text.
    public var report: String
    /// Whether the learner shows it on their public profile; private until they decide.
    public var isPublic: Bool
    public var addedAt: Date

    /// An item; its ``digest`` is computed from `credential`.
    public init(
        id: UUID = UUID(), learnerID: UUID, awardID: UUID? = nil, credential: [UInt8], format: Format, source: Source,
        report: String, isPublic: Bool = false, addedAt: Date
    ) {
        self.id = id
        self.learnerID = learnerID
        self.awardID = awardID
        self.credential = credential
        self.digest = BackpackItem.digest(of: credential)
        self.format = format
        self.source = source
        self.report = report
        self.isPublic = isPublic
        self.addedAt = addedAt
    }

    /// Lowercase hex SHA-256 of `credential`.
    public static func digest(of credential: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: credential))
    }
}

/// A link with which a learner shares one item of their backpack. Whoever holds the link sees
/// the item until it expires or the learner revokes it.
public struct Share: Sendable, Hashable {
    /// A random URL token: the link's capability, so it must be unguessable (at least 128 bits).
    public var id: String
    public var itemID: UUID
    /// The learner who owns the item (the store refuses a share of another learner's item).
    public var learnerID: UUID
    public var createdAt: Date
    /// When the link stops working; `nil` for a link that works until revoked.
    public var expiresAt: Date?
    /// When the learner revoked the link (final).
    public var revokedAt: Date?

    public init(id: String, itemID: UUID, learnerID: UUID, createdAt: Date, expiresAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id
        self.itemID = itemID
        self.learnerID = learnerID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Whether the link works at `date`: not revoked (at any time) and not yet expired.
    public func isActive(at date: Date) -> Bool {
        guard revokedAt == nil else { return false }
        guard let expiresAt else { return true }
        return date < expiresAt
    }
}
