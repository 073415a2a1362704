import Foundation
import Hummingbird
import LinkedData

/// An error response of the OAuth 2.0 token endpoint (RFC 6749, section 5.2): a JSON body
/// `{"error", "error_description"}` with the error codes of the RFC, never cached.
struct OAuthError: HTTPResponseError, Sendable {
    /// The RFC's error code, e.g. `invalid_client`.
    var error: String
    var description: String
    var status: HTTPResponse.Status

    /// 400: a missing or repeated parameter, a malformed body, two authentication methods.
    static func invalidRequest(_ description: String) -> OAuthError {
        OAuthError(error: "invalid_request", description: description, status: .badRequest)
    }

    /// 401: the client is unknown, its secret is wrong, or it did not authenticate. The
    /// response names the Basic scheme, the one a client MUST be able to use (section 2.3.1).
    static func invalidClient(_ description: String) -> OAuthError {
        OAuthError(error: "invalid_client", description: description, status: .unauthorized)
    }

    /// 400: a grant type other than `client_credentials`.
    static func unsupportedGrantType(_ grantType: String) -> OAuthError {
        OAuthError(
            error: "unsupported_grant_type",
            description: "grant_type \"\(grantType)\" is not supported; this node issues tokens to machine clients with client_credentials",
            status: .badRequest)
    }

    /// 400: a scope that is unknown or that the client was not registered for.
    static func invalidScope(_ description: String) -> OAuthError {
        OAuthError(error: "invalid_scope", description: description, status: .badRequest)
    }

    /// 429: too many failed authentications of this client lately; it may try again after
    /// `seconds` (the RFC defines no code for it, so the client's error stays `invalid_client`).
    static func throttled(seconds: Int) -> OAuthError {
        OAuthError(
            error: "invalid_client", description: "too many failed attempts for this client; try again in \(seconds) s",
            status: .tooManyRequests, retryAfter: seconds)
    }

    var retryAfter: Int? = nil

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body: JSONValue = ["error": .string(error), "error_description": .string(description)]
        var response = JSONResponse.make(body, status: status)
        OAuthError.forbidCaching(&response)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = #"Basic realm="Mochila""# }
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// Section 5.1: token responses carry `Cache-Control: no-store` and `Pragma: no-cache`.
    static func forbidCaching(_ response: inout Response) {
        response.headers[.cacheControl] = "no-store"
        response.headers[.init("Pragma")!] = "no-cache"
    }
}
