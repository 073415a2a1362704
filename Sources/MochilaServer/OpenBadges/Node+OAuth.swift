import Credentials
import Crypto
import Foundation
import MochilaCore
import MochilaStore

/// What an access token lets its bearer do: act for one institution, within some scopes.
struct OpenBadgesAccess: Sendable {
    var institution: Institution
    var clientID: String
    var scopes: Set<String>
}

/// OAuth 2.0 for the Open Badges API's machine clients: an institution registers a client,
/// the client gets access tokens with the client credentials grant (RFC 6749, section 4.4).
///
/// Note: OB 3.0 (section 7, "Open Badges API Security") specifies the authorization code grant
/// with dynamic client registration, for platforms acting for a person, and leaves system-to-system
/// access with client credentials out of scope. On this node the resource owner is an
/// institution, which registers its own clients with its API token; client credentials is the
/// grant that fits.
extension Node {
    /// How long an access token lives. There are no refresh tokens: a client asks for a new token
    /// with its credentials (RFC 6749, section 4.4.3).
    static let accessTokenLifetime: TimeInterval = 3600
    /// The longest client name.
    static let clientNameMaxLength = 100

    /// Registers a machine client of an institution and returns it with its secret, which is
    /// shown once: the store keeps only its SHA-256 (secrets are random 256-bit values, so a
    /// fast hash is enough).
    ///
    /// - Parameters:
    ///   - name: what the institution calls the client, e.g. "SIS sync".
    ///   - scopes: the OB 3.0 scopes it may ask for, among ``OpenBadgesScope/offered``.
    /// - Throws: ``ValidationError`` naming `name` or `scopes`.
    func registerOAuthClient(name: String?, scopes: [String]?, for institution: Institution, actor: String) async throws
        -> (client: OAuthClient, secret: String)
    {
        var problems: [ValidationError.Problem] = []
        let name = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            problems.append(.init(field: "name", message: "is required: what the institution calls this client"))
        } else if name.count > Node.clientNameMaxLength {
            problems.append(.init(field: "name", message: "must be at most \(Node.clientNameMaxLength) characters"))
        }
        var granted: [String] = []
        let offered = OpenBadgesScope.offered.map(\.rawValue)
        if let scopes, !scopes.isEmpty {
            for (index, scope) in scopes.enumerated() where !granted.contains(scope) {
                if offered.contains(scope) {
                    granted.append(scope)
                } else {
                    problems.append(.init(field: "scopes[\(index)]", message: "must be one of \(offered.joined(separator: ", "))"))
                }
            }
        } else {
            problems.append(.init(field: "scopes", message: "is required: a non-empty list among \(offered.joined(separator: ", "))"))
        }
        if !problems.isEmpty { throw ValidationError(problems) }

        let now = clock()
        let secret = "mcs_" + Node.randomText(bytes: 32)
        let client = OAuthClient(
            clientID: "mcc_" + Node.randomText(bytes: 16), institutionID: institution.id, name: name, scopes: granted,
            secretHash: Node.hash(token: secret), createdAt: now)
        try await store.createOAuthClient(client)
        try await store.appendAudit(
            AuditEntry(at: now, institutionID: institution.id, actor: actor, action: "oauth.client.create", subject: client.clientID))
        logger.info("registered OAuth client \(client.clientID) for \(institution.slug)")
        return (client, secret)
    }

    /// RFC 6749, section 4.4.2-4.4.3: an access token for an authenticated client.
    ///
    /// - Parameter scope: the `scope` parameter, space-delimited; every scope the client holds when `nil`.
    /// - Throws: ``OAuthError`` `invalid_client` for an unknown client or a wrong secret,
    ///   `invalid_scope` for a scope the client does not hold; store errors as they are.
    func issueAccessToken(clientID: String, secret: String, scope: String?) async throws -> (token: String, record: OAuthToken) {
        // 2.3.1: the client authenticates; an unknown client and a wrong secret read the same.
        guard let client = try await store.oauthClient(id: clientID),
            constantTimeEqual(Node.hash(token: secret), client.secretHash)
        else { throw OAuthError.invalidClient("the client id or secret is not valid") }
        // 3.3: a client that omits `scope` gets what it was registered for, as far as it is still offered.
        let held = client.scopes.filter { scope in OpenBadgesScope.offered.contains { $0.rawValue == scope } }
        var scopes: [String] = []
        if let scope {
            for requested in scope.split(separator: " ", omittingEmptySubsequences: true).map(String.init) where !scopes.contains(requested) {
                guard held.contains(requested) else {
                    throw OAuthError.invalidScope("the client is not registered for the scope \"\(requested)\"")
                }
                scopes.append(requested)
            }
        } else {
            scopes = held
        }
        guard !scopes.isEmpty else { throw OAuthError.invalidScope("no scope was requested that the client holds") }
        let token = "mat_" + Node.randomText(bytes: 32)
        let record = OAuthToken(
            tokenHash: Node.hash(token: token), clientID: client.clientID, scopes: scopes,
            expiresAt: clock().addingTimeInterval(Node.accessTokenLifetime))
        try await store.storeOAuthToken(record)
        return (token, record)
    }

    /// What a bearer access token allows, or `nil` when the token is unknown or expired, or its
    /// client or institution is gone. The scopes are the token's, narrowed to what its client
    /// still holds.
    func openBadgesAccess(accessToken: String) async throws -> OpenBadgesAccess? {
        guard let token = try await store.oauthToken(hash: Node.hash(token: accessToken)), token.expiresAt > clock(),
            let client = try await store.oauthClient(id: token.clientID),
            let institution = try await store.institution(id: client.institutionID)
        else { return nil }
        return OpenBadgesAccess(
            institution: institution, clientID: client.clientID, scopes: Set(token.scopes).intersection(client.scopes))
    }

    /// `bytes` random bytes as base64url text.
    static func randomText(bytes: Int) -> String {
        Base64URL.encode(SymmetricKey(size: SymmetricKeySize(bitCount: bytes * 8)).withUnsafeBytes { Array($0) })
    }
}
