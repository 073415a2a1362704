import Foundation

/// What a staff member of an institution may do in the console.
public enum StaffRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// Everything, including staff accounts and keys.
    case admin
    /// Design specs, issue, revoke, suspend, renew.
    case issuer
    /// Read only.
    case viewer

    public var canIssue: Bool { self != .viewer }
    public var canManage: Bool { self == .admin }
}

/// A person of an institution's micro-credential unit who signs in to the console.
public struct StaffMember: Sendable, Hashable {
    public var id: UUID
    public var institutionID: UUID
    /// Lowercased; unique across the node.
    public var email: String
    public var name: String
    public var role: StaffRole
    public var createdAt: Date

    public init(id: UUID = UUID(), institutionID: UUID, email: String, name: String, role: StaffRole, createdAt: Date) {
        self.id = id
        self.institutionID = institutionID
        self.email = email.lowercased()
        self.name = name
        self.role = role
        self.createdAt = createdAt
    }
}

/// A signed-in session of a staff member: the cookie's token is kept only as a hash, with the
/// session's CSRF token.
public struct StaffSession: Sendable, Hashable {
    public var tokenHash: String
    public var staffID: UUID
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, staffID: UUID, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.staffID = staffID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A machine client of an institution for the Open Badges 3.0 API (OAuth 2.0 client credentials).
public struct OAuthClient: Sendable, Hashable {
    public var clientID: String
    public var institutionID: UUID
    public var name: String
    /// Space-separated OB 3.0 scopes, e.g. `https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly`.
    public var scopes: [String]
    /// Hash of the client secret (SHA-256; secrets are random 256-bit values, not passwords).
    public var secretHash: String
    public var createdAt: Date

    public init(clientID: String, institutionID: UUID, name: String, scopes: [String], secretHash: String, createdAt: Date) {
        self.clientID = clientID
        self.institutionID = institutionID
        self.name = name
        self.scopes = scopes
        self.secretHash = secretHash
        self.createdAt = createdAt
    }
}

/// An access token issued to an OAuth client, kept only as a hash.
public struct OAuthToken: Sendable, Hashable {
    public var tokenHash: String
    public var clientID: String
    public var scopes: [String]
    public var expiresAt: Date

    public init(tokenHash: String, clientID: String, scopes: [String], expiresAt: Date) {
        self.tokenHash = tokenHash
        self.clientID = clientID
        self.scopes = scopes
        self.expiresAt = expiresAt
    }
}
