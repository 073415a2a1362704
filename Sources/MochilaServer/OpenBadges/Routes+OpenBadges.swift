import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// The Open Badges 3.0 API (OB 3.0, section 6, "Open Badges API") under `/ims/ob/v3p0`, where each
/// institution of the node is an issuer and an access token acts for one institution: there is
/// no institution in the paths, so a token never reaches another institution's data.
extension Routes {
    func registerOpenBadges(on router: Router<BasicRequestContext>) {
        router.post("/api/v1/oauth-clients") { request, _ in try await registerOAuthClient(request) }

        let api = router.group("ims/ob/v3p0")
        api.post("/oauth/token") { request, _ in try await oauthToken(request) }
        api.get("/discovery") { _, _ in
            var response = JSONResponse.make(ServiceDescription.document(publicURL: node.publicURL))
            response.headers[.cacheControl] = "public, max-age=300"
            return response
        }
        api.get("/credentials") { request, context in try await openBadges(context) { try await getCredentials(request) } }
        api.post("/credentials") { request, context in try await openBadges(context) { try await upsertCredential(request) } }
        api.get("/profile") { request, context in
            try await openBadges(context) {
                let institution = try await authorizeOpenBadges(request, .profileReadonly)
                var response = JSONResponse.make(node.openBadgesProfile(of: institution, language: language(request)))
                response.headers[.cacheControl] = "no-store"
                return response
            }
        }
        api.put("/profile") { request, context in try await openBadges(context) { try await putProfile(request) } }
    }

    /// Runs an Open Badges operation, answering every failure as an ``ImsxStatus``.
    func openBadges(_ context: BasicRequestContext, _ operation: () async throws -> Response) async throws -> Response {
        do {
            return try await operation()
        } catch let status as ImsxStatus {
            throw status
        } catch {
            if let error = APIError.translate(error) as? APIError { throw ImsxStatus(error) }
            context.logger.error("Open Badges API request failed: \(String(reflecting: error))")
            throw ImsxStatus.internalError
        }
    }

    /// The institution a request's access token acts for, when the token carries `scope`.
    /// - Throws: ``ImsxStatus`` 401 without a valid token, 403 without the scope.
    func authorizeOpenBadges(_ request: Request, _ scope: OpenBadgesScope) async throws -> Institution {
        let access = try await openBadgesAccess(request)
        guard access.scopes.contains(scope.rawValue) else { throw ImsxStatus.insufficientScope(scope) }
        return access.institution
    }

    /// What a request's access token allows.
    /// - Throws: ``ImsxStatus`` 401 without a token, or with one that is unknown or expired.
    func openBadgesAccess(_ request: Request) async throws -> OpenBadgesAccess {
        guard let token = bearerToken(request) else { throw ImsxStatus.missingToken }
        guard let access = try await node.openBadgesAccess(accessToken: token) else { throw ImsxStatus.invalidToken }
        return access
    }

    /// `getCredentials` (section 6.2.2): the institution's issued credentials, newest first, each
    /// exactly as stored (revoked and suspended ones too: their status is in their status list).
    /// `limit` (1 to 1000, 100 when left out; more is served as 1000), `offset`, `since` (issued
    /// strictly after); `X-Total-Count` and `Link` headers (section 6.4).
    func getCredentials(_ request: Request) async throws -> Response {
        let institution = try await authorizeOpenBadges(request, .credentialReadonly)
        let query = request.uri.queryParameters
        var limit = CredentialsPaging.defaultLimit
        if let text = query.get("limit") {
            guard let value = Int(text), value > 0 else { throw ImsxStatus.invalidQuery("limit", "must be a positive integer") }
            limit = min(value, CredentialsPaging.maximumLimit)
        }
        var offset = 0
        if let text = query.get("offset") {
            guard let value = Int(text), value >= 0 else { throw ImsxStatus.invalidQuery("offset", "must be a non-negative integer") }
            offset = value
        }
        // Note: a timezone's "+" sent unencoded may arrive as a space; a date has no spaces.
        let sinceText = query.get("since").map { $0.replacingOccurrences(of: " ", with: "+") }
        var since: Date? = nil
        if let sinceText {
            guard let value = XSDDateTime(sinceText) else {
                throw ImsxStatus.invalidQuery("since", "must be a date and time, e.g. 2026-01-31T00:00:00Z")
            }
            since = value.date
        }
        let (credentials, total) = try await node.openBadgesCredentials(of: institution, issuedAfter: since, limit: limit, offset: offset)
        var json: [JSONValue] = []
        var jws: [JSONValue] = []
        for credential in credentials {
            switch credential {
            case .json(let value): json.append(value)
            case .compactJWS(let text): jws.append(.string(text))
            }
        }
        // GetOpenBadgeCredentialsResponse, as the bundled schema names its members.
        var response = JSONResponse.make(["credential": .array(json), "compactJwsString": .array(jws)])
        let paging = CredentialsPaging(limit: limit, offset: offset, since: sinceText)
        response.headers[.init("X-Total-Count")!] = String(total)
        response.headers[.init("Link")!] = paging.linkHeader(url: node.publicURL + ServiceDescription.basePath + "/credentials", total: total)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// `upsertCredential` (section 6.2.3), on a node that issues.
    ///
    /// The spec's upsert stores a credential for the authenticated entity, as a host (a
    /// backpack) does for a learner. Here the authenticated entity is an institution, and its
    /// credentials are the ones the node issued and signed for it, stored once and never
    /// rewritten, each with its spec version and status list places. So:
    ///
    /// - a credential the institution issued here, unchanged (the same JSON value, or the same
    ///   compact JWS), answers 200 with the credential: the "replacement" changes nothing, and a
    ///   client that pushes what it holds can retry safely;
    /// - one the institution issued here, altered, is refused (403 `forbidden`): an issued
    ///   credential changes only by renewal or revocation (`/api/v1/awards/{id}/…`);
    /// - anything else is refused (403, code major `unsupported`): storing credentials issued
    ///   elsewhere is the job of the learner's backpack, not of the issuer's node, and a credential
    ///   signed with the institution's key that the node does not hold cannot be one it issued.
    ///   This includes another institution's credentials, whose existence is not disclosed.
    ///
    /// It never answers 201: this endpoint creates nothing; `POST /api/v1/awards` issues.
    func upsertCredential(_ request: Request) async throws -> Response {
        let institution = try await authorizeOpenBadges(request, .credentialUpsert)
        let bytes = try await JSONResponse.body(request)
        let credential: OpenBadgesCredential
        // A VC-JWT comes as text/plain (a CompactJws); anything else must be a JSON credential.
        if request.headers[.contentType]?.lowercased().hasPrefix("text/plain") == true {
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard OpenBadgesCredential.isCompactJWS(text) else {
                throw ImsxStatus.invalidData("a text/plain body must be a credential as a compact JWS (header.payload.signature)")
            }
            credential = .compactJWS(text)
        } else {
            let value: JSONValue
            do {
                value = try JSONValue(parsing: bytes)
            } catch {
                throw ImsxStatus.invalidData("the body must be an OpenBadgeCredential as JSON, or a compact JWS as text/plain: \(error)")
            }
            guard value.objectValue != nil else { throw ImsxStatus.invalidData("the credential must be a JSON object") }
            credential = .json(value)
        }
        guard let match = try await node.ownAward(matching: credential, of: institution) else {
            throw ImsxStatus(
                status: .forbidden, codeMajor: .unsupported, codeMinor: .notAllowed,
                description: "this node holds only the credentials its institutions issue here; credentials issued elsewhere "
                    + "belong in the learner's backpack. To issue a credential, use POST /api/v1/awards.")
        }
        guard match.equal else {
            throw ImsxStatus(
                status: .forbidden, codeMinor: .forbidden,
                description: "\(match.award.credentialID) was issued here and is never rewritten; "
                    + "renew the award (POST /api/v1/awards/{id}/renew) or revoke it instead")
        }
        switch credential {
        case .json: return JSONResponse.bytes(match.award.credential, contentType: "application/json; charset=utf-8")
        case .compactJWS(let text): return JSONResponse.bytes(Array(text.utf8), contentType: "text/plain; charset=utf-8")
        }
    }

    /// `putProfile` (section 6.2.5) is not allowed (405): the institution's profile (its name,
    /// country and DID) is what its credentials name as issuer and what the network's trust
    /// registry lists, so the node's administrator keeps it, not an API client. A valid access
    /// token is still required, so that the answer tells nothing to strangers.
    func putProfile(_ request: Request) async throws -> Response {
        _ = try await openBadgesAccess(request)
        throw ImsxStatus(
            status: .methodNotAllowed, codeMajor: .unsupported, codeMinor: .notAllowed,
            description: "the institution's profile is kept by the node's administrator; API clients can read it (GET) but not change it",
            headers: [.allow: "GET"])
    }
}
