import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// What `POST /api/v1/oauth-clients` reads.
struct OAuthClientInput: Decodable, Sendable {
    var name: String?
    var scopes: [String]?
}

/// Machine clients of the Open Badges API: their registration by an institution, and the OAuth
/// 2.0 token endpoint (RFC 6749) where they get access tokens.
extension Routes {
    /// The largest token request body read.
    static let tokenRequestMaxBytes = 8 * 1024

    /// `POST /api/v1/oauth-clients` with the institution's API token: `{"name", "scopes": [...]}`.
    /// Answers 201 with `clientId` and `clientSecret`; the secret is shown this once.
    func registerOAuthClient(_ request: Request) async throws -> Response {
        let institution = try await authenticate(request)
        let input = try await JSONResponse.decode(OAuthClientInput.self, from: request)
        let (client, secret) = try await node.registerOAuthClient(name: input.name, scopes: input.scopes, for: institution, actor: "api")
        var response = JSONResponse.make(
            [
                "clientId": .string(client.clientID),
                "clientSecret": .string(secret),
                "name": .string(client.name),
                "scopes": .array(client.scopes.map { .string($0) }),
                "createdAt": .string(XSDDateTime.format(client.createdAt)),
                "tokenUrl": .string(node.publicURL + ServiceDescription.tokenPath),
            ], status: .created)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// `POST /ims/ob/v3p0/oauth/token`: the token endpoint (RFC 6749, section 3.2), for the client
    /// credentials grant (section 4.4.2): `grant_type=client_credentials` and an optional `scope`,
    /// form-encoded, the client authenticated with HTTP Basic (or, not recommended, with
    /// `client_id` and `client_secret` in the body; section 2.3.1).
    ///
    /// Answers 200 `{"access_token", "token_type": "Bearer", "expires_in", "scope"}` (section 5.1)
    /// or an ``OAuthError`` (section 5.2); neither may be cached.
    func oauthToken(_ request: Request) async throws -> Response {
        // 3.2: the parameters come in the body, as application/x-www-form-urlencoded.
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            throw OAuthError.invalidRequest("the request body must be application/x-www-form-urlencoded")
        }
        let bytes: [UInt8]
        do {
            bytes = try await JSONResponse.body(request, maxBytes: Routes.tokenRequestMaxBytes)
        } catch let error as APIError {
            throw OAuthError.invalidRequest(error.message)
        }
        let form: FormURLEncoded
        do {
            form = try FormURLEncoded(bytes)
        } catch {
            throw OAuthError.invalidRequest("the form body is not well formed (\(error))")
        }
        // 3.1: parameters without a value count as omitted; none may be given twice.
        func parameter(_ name: String) throws(OAuthError) -> String? {
            let values = form.values(name)
            guard values.count <= 1 else { throw OAuthError.invalidRequest("\(name) is given more than once") }
            return values.first.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let grantType = try parameter("grant_type") else { throw OAuthError.invalidRequest("grant_type is required") }

        // 2.3: one client authentication method per request.
        let bodyID = try parameter("client_id")
        let bodySecret = try parameter("client_secret")
        let clientID: String
        let secret: String
        if let basic = try oauthBasicCredentials(request) {
            guard bodySecret == nil else { throw OAuthError.invalidRequest("the client authenticated twice: use HTTP Basic only") }
            guard bodyID == nil || bodyID == basic.id else { throw OAuthError.invalidRequest("client_id does not match the Basic credentials") }
            (clientID, secret) = basic
        } else if let bodyID, let bodySecret {
            (clientID, secret) = (bodyID, bodySecret)
        } else {
            throw OAuthError.invalidClient("the client must authenticate with HTTP Basic (client id and secret)")
        }

        // 4.4.2: only the client credentials grant.
        guard grantType == "client_credentials" else { throw OAuthError.unsupportedGrantType(grantType) }
        // Guessing a client's secret is throttled per client id, as signing in is per email.
        let now = node.clock()
        if let wait = tokenThrottle.blocked(clientID, now: now) { throw OAuthError.throttled(seconds: Int(wait.rounded(.up))) }
        let (token, record): (String, OAuthToken)
        do {
            (token, record) = try await node.issueAccessToken(clientID: clientID, secret: secret, scope: try parameter("scope"))
        } catch let error as OAuthError where error.error == "invalid_client" {
            tokenThrottle.failed(clientID, now: now)
            throw error
        }
        tokenThrottle.succeeded(clientID)

        // 4.4.3 / 5.1: no refresh token for this grant.
        var response = JSONResponse.make([
            "access_token": .string(token),
            "token_type": "Bearer",
            "expires_in": .number(Node.accessTokenLifetime),
            "scope": .string(record.scopes.joined(separator: " ")),
        ])
        OAuthError.forbidCaching(&response)
        return response
    }

    /// The client id and secret of an `Authorization: Basic` header, each form-decoded as
    /// section 2.3.1 requires; `nil` without an Authorization header.
    /// - Throws: ``OAuthError`` `invalid_client` for another scheme or malformed credentials.
    func oauthBasicCredentials(_ request: Request) throws(OAuthError) -> (id: String, secret: String)? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic" else {
            throw OAuthError.invalidClient("the Authorization header must use the Basic scheme")
        }
        guard let bytes = try? Base64URL.decode(parts[1].trimmingCharacters(in: .whitespaces)),
            let text = String(validating: bytes, as: UTF8.self), let colon = text.firstIndex(of: ":"),
            let id = try? FormURLEncoded.decode(ArraySlice(text[..<colon].utf8)),
            let secret = try? FormURLEncoded.decode(ArraySlice(text[text.index(after: colon)...].utf8)),
            !id.isEmpty, !secret.isEmpty
        else { throw OAuthError.invalidClient("the Basic credentials are not well formed") }
        return (id, secret)
    }
}
