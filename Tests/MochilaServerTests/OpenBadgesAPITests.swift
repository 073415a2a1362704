import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import MochilaStore
import Synchronization
import Testing

@testable import MochilaServer

/// The Open Badges 3.0 API (`/ims/ob/v3p0`) with OAuth 2.0 client credentials: clients, tokens,
/// discovery, profile, credentials; every body checked against 1EdTech's bundled schemas.
@Suite struct OpenBadgesAPITests {
    static let readonly = OpenBadgesScope.credentialReadonly.rawValue
    static let upsert = OpenBadgesScope.credentialUpsert.rawValue
    static let profile = OpenBadgesScope.profileReadonly.rawValue
    static let schemas = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"

    // MARK: Helpers

    /// Registers a client and returns its id and secret.
    func registerClient(_ client: any TestClientProtocol, token: String, scopes: [String]) async throws -> (id: String, secret: String) {
        let response = try await client.execute(
            uri: "/api/v1/oauth-clients", method: .post, headers: bearer(token),
            body: body(["name": "Sincronización SIS", "scopes": .array(scopes.map { .string($0) })]))
        #expect(response.status == .created, "\(text(response))")
        let created = try json(response)
        return (try #require(created["clientId"]?.stringValue), try #require(created["clientSecret"]?.stringValue))
    }

    func basic(_ id: String, _ secret: String) -> String {
        "Basic " + Base64URL.encode(Array("\(id):\(secret)".utf8), padded: true, standard: true)
    }

    func form(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    func requestToken(
        _ client: any TestClientProtocol, _ credentials: (id: String, secret: String), form text: String = "grant_type=client_credentials"
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/ims/ob/v3p0/oauth/token", method: .post,
            headers: [.authorization: basic(credentials.id, credentials.secret), .contentType: "application/x-www-form-urlencoded"],
            body: form(text))
    }

    /// An access token for a new client of the institution holding `scopes`.
    func accessToken(_ client: any TestClientProtocol, token: String, scopes: [String]) async throws -> String {
        let registered = try await registerClient(client, token: token, scopes: scopes)
        let response = try await requestToken(client, registered)
        #expect(response.status == .ok, "\(text(response))")
        return try #require(try json(response)["access_token"]?.stringValue)
    }

    @Test func guessingAClientSecretIsThrottled() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-fuerza-bruta")
            let registered = try await registerClient(client, token: token, scopes: [Self.readonly])
            for attempt in 1...5 {
                let wrong = try await requestToken(client, (registered.id, "adivinanza-\(attempt)"))
                #expect(wrong.status == .unauthorized)
            }
            // The sixth attempt is refused even with the right secret, and says when to retry.
            let blocked = try await requestToken(client, registered)
            #expect(blocked.status == .tooManyRequests)
            #expect(try json(blocked)["error"] == "invalid_client")
            #expect(Int(blocked.headers[.retryAfter] ?? "") ?? 0 > 0)
            // Another client is not held up by it.
            let other = try await registerClient(client, token: token, scopes: [Self.readonly])
            #expect(try await requestToken(client, other).status == .ok)
        }
    }

    func get(_ client: any TestClientProtocol, _ uri: String, token: String?) async throws -> TestResponse {
        var headers: HTTPFields = [.accept: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    /// The violations of `value` against one of the bundled OB 3.0 schemas.
    func violations(_ value: JSONValue, _ file: String) throws -> [String] {
        let schema = try #require(try SchemaRegistry.bundled.schema(for: OpenBadgesAPITests.schemas + file))
        return schema.validate(value).map(\.description)
    }

    /// Checks an error answer: the status, an `Imsx_StatusInfo` body and its code minor.
    func expectImsx(
        _ response: TestResponse, _ status: HTTPResponse.Status, _ codeMinor: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, "\(text(response))", sourceLocation: sourceLocation)
        let body = try json(response)
        #expect(try violations(body, "ob_v3p0_imsx_statusinfo_schema.json") == [], sourceLocation: sourceLocation)
        let minor = body["imsx_codeMinor"]?["imsx_codeMinorField"]?[0]?["imsx_codeMinorFieldValue"]?.stringValue
        #expect(minor == codeMinor, sourceLocation: sourceLocation)
    }

    /// Issues an award through the node at a given time, as a clock in the past would have.
    func issue(_ test: TestNode, slug: String, specID: String, at date: String, name: String) async throws -> Award {
        let institution = try #require(try await test.store.institution(slug: slug))
        return try await test.node.issue(
            AwardInput(specId: UUID(uuidString: specID), learner: .init(givenName: name, familyName: "Quispe Mamani")),
            for: institution, issuedAt: XSDDateTime(date)!.date)
    }

    // MARK: Clients and tokens

    @Test func institutionsRegisterClientsWhoseSecretIsKeptHashed() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await createInstitution(client, slug: "uni-andina", country: "PE")
            let request = body(["name": "SIS", "scopes": [.string(OpenBadgesAPITests.readonly)]])
            let anonymous = try await client.execute(
                uri: "/api/v1/oauth-clients", method: .post, headers: [.contentType: "application/json"], body: request)
            #expect(anonymous.status == .unauthorized)
            let byAdmin = try await client.execute(uri: "/api/v1/oauth-clients", method: .post, headers: bearer(TestNode.adminToken), body: request)
            #expect(byAdmin.status == .unauthorized)

            let created = try await client.execute(uri: "/api/v1/oauth-clients", method: .post, headers: bearer(token), body: request)
            #expect(created.status == .created, "\(text(created))")
            #expect(created.headers[.cacheControl] == "no-store")
            let registered = try json(created)
            let id = try #require(registered["clientId"]?.stringValue)
            let secret = try #require(registered["clientSecret"]?.stringValue)
            #expect(registered["scopes"] == [.string(OpenBadgesAPITests.readonly)])
            #expect(registered["tokenUrl"] == "http://mochila.test/ims/ob/v3p0/oauth/token")
            let stored = try #require(try await test.store.oauthClient(id: id))
            #expect(stored.secretHash == Node.hash(token: secret))
            #expect(!stored.secretHash.contains(secret))
            #expect(stored.institutionID == (try await test.store.institution(slug: "uni-andina"))?.id)

            let refused = try await client.execute(
                uri: "/api/v1/oauth-clients", method: .post, headers: bearer(token),
                body: body(["name": " ", "scopes": [.string(OpenBadgesScope.profileUpdate.rawValue), "https://example.org/scope"]]))
            #expect(refused.status == .badRequest)
            let fields = try json(refused)["error"]?["fields"]?.asArray.compactMap { $0["field"]?.stringValue }
            #expect(fields == ["name", "scopes[0]", "scopes[1]"])
            let noScopes = try await client.execute(uri: "/api/v1/oauth-clients", method: .post, headers: bearer(token), body: body(["name": "SIS"]))
            #expect(noScopes.status == .badRequest)
        }
    }

    @Test func tokensAreGrantedWithinTheClientsScopes() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-sur", country: "CL")
            let registered = try await registerClient(client, token: token, scopes: [OpenBadgesAPITests.readonly, OpenBadgesAPITests.profile])

            // No scope asked: everything the client holds.
            let all = try await requestToken(client, registered)
            #expect(all.status == .ok, "\(text(all))")
            #expect(all.headers[.cacheControl] == "no-store")
            #expect(all.headers[.init("Pragma")!] == "no-cache")
            let granted = try json(all)
            #expect(granted["token_type"] == "Bearer")
            #expect(granted["expires_in"] == 3600)
            #expect(granted["scope"]?.stringValue == "\(OpenBadgesAPITests.readonly) \(OpenBadgesAPITests.profile)")
            #expect(granted["refresh_token"] == nil)

            // A subset, percent-encoded and joined with "+" (a space in a form).
            let encoded = CredentialsPaging.encode(OpenBadgesAPITests.profile)
            let narrow = try await requestToken(client, registered, form: "grant_type=client_credentials&scope=\(encoded)+\(encoded)")
            #expect(try json(narrow)["scope"]?.stringValue == OpenBadgesAPITests.profile)

            // Client authentication in the body is accepted; two methods at once are not.
            let posted = try await client.execute(
                uri: "/ims/ob/v3p0/oauth/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: form("grant_type=client_credentials&client_id=\(registered.id)&client_secret=\(registered.secret)"))
            #expect(posted.status == .ok, "\(text(posted))")
            let twice = try await requestToken(client, registered, form: "grant_type=client_credentials&client_secret=\(registered.secret)")
            #expect(twice.status == .badRequest)
            #expect(try json(twice)["error"] == "invalid_request")

            // RFC 6749, section 5.2.
            func expectError(_ response: TestResponse, _ status: HTTPResponse.Status, _ error: String) throws {
                #expect(response.status == status, "\(text(response))")
                #expect(try json(response)["error"]?.stringValue == error)
                #expect(response.headers[.cacheControl] == "no-store")
            }
            let beyond = try await requestToken(
                client, registered, form: "grant_type=client_credentials&scope=\(CredentialsPaging.encode(OpenBadgesAPITests.upsert))")
            try expectError(beyond, .badRequest, "invalid_scope")
            let wrongSecret = try await requestToken(client, (registered.id, "mcs_wrong"))
            try expectError(wrongSecret, .unauthorized, "invalid_client")
            #expect(wrongSecret.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            try expectError(try await requestToken(client, ("mcc_unknown", registered.secret)), .unauthorized, "invalid_client")
            let anonymous = try await client.execute(
                uri: "/ims/ob/v3p0/oauth/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: form("grant_type=client_credentials"))
            try expectError(anonymous, .unauthorized, "invalid_client")
            try expectError(
                try await requestToken(client, registered, form: "grant_type=authorization_code&code=x"), .badRequest, "unsupported_grant_type")
            try expectError(try await requestToken(client, registered, form: "scope=x"), .badRequest, "invalid_request")
            try expectError(
                try await requestToken(client, registered, form: "grant_type=client_credentials&grant_type=client_credentials"), .badRequest,
                "invalid_request")
            try expectError(try await requestToken(client, registered, form: "grant_type=client%2"), .badRequest, "invalid_request")
            let asJSON = try await client.execute(
                uri: "/ims/ob/v3p0/oauth/token", method: .post,
                headers: [.authorization: basic(registered.id, registered.secret), .contentType: "application/json"],
                body: body(["grant_type": "client_credentials"]))
            try expectError(asJSON, .badRequest, "invalid_request")
        }
    }

    @Test func formBodiesAreDecodedStrictly() throws {
        let form = try FormURLEncoded(Array("a=1&b=x+y%2Bz&c&&=&d=%C3%A1%c3%a9".utf8))
        #expect(form.fields.map { $0.name } == ["a", "b", "c", "", "d"])
        #expect(form.fields.map { $0.value } == ["1", "x y+z", "", "", "áé"])
        #expect(form.values("b") == ["x y+z"])
        #expect(throws: FormURLEncoded.Problem.badPercentEscape) { try FormURLEncoded(Array("a=%G1".utf8)) }
        #expect(throws: FormURLEncoded.Problem.badPercentEscape) { try FormURLEncoded(Array("a=%4".utf8)) }
        #expect(throws: FormURLEncoded.Problem.notUTF8) { try FormURLEncoded(Array("a=%C3".utf8)) }
        let many = (0...FormURLEncoded.maximumFields).map { "f\($0)=1" }.joined(separator: "&")
        #expect(throws: FormURLEncoded.Problem.tooManyFields) { try FormURLEncoded(Array(many.utf8)) }
    }

    @Test func theBundledSchemasRefuseWhatTheAPIMustNotSend() throws {
        // So that the checks above can fail: the schemas are applied, and strictly.
        #expect(try violations(["imsx_codeMajor": "failure"], "ob_v3p0_imsx_statusinfo_schema.json") != [])
        let unknownMinor: JSONValue = [
            "imsx_codeMajor": "failure", "imsx_severity": "error",
            "imsx_codeMinor": ["imsx_codeMinorField": [["imsx_codeMinorFieldName": "Mochila", "imsx_codeMinorFieldValue": "invalid_token"]]],
        ]
        #expect(try violations(unknownMinor, "ob_v3p0_imsx_statusinfo_schema.json") != [])
        // Note: the spec's example says "compactJwsStrings"; the schema's member is "compactJwsString".
        #expect(try violations(["compactJwsStrings": ["a.b.c"]], "ob_v3p0_getopenbadgecredentialsresponse_schema.json") != [])
        #expect(try violations(["compactJwsString": ["a.b.c"], "credential": []], "ob_v3p0_getopenbadgecredentialsresponse_schema.json") == [])
        #expect(try violations(["id": "did:example:1"], "ob_v3p0_profile_schema.json") != [])
    }

    // MARK: Discovery and profile

    @Test func discoveryDescribesTheClientCredentialsScheme() async throws {
        try await TestNode().run { client in
            let response = try await get(client, "/ims/ob/v3p0/discovery", token: nil)
            #expect(response.status == .ok)
            let document = try json(response)
            #expect(document["openapi"] == "3.0.1")
            #expect(document["info"]?["x-imssf-privacyPolicyUrl"] != nil)
            #expect(document["info"]?["termsOfService"] != nil)
            #expect(document["servers"]?[0]?["url"] == "http://mochila.test/ims/ob/v3p0")
            let scheme = try #require(document["components"]?["securitySchemes"]?["OAuth2CCG"])
            #expect(scheme["type"] == "oauth2")
            #expect(scheme["x-imssf-registrationUrl"] == "http://mochila.test/api/v1/oauth-clients")
            let flow = try #require(scheme["flows"]?["clientCredentials"])
            #expect(flow["tokenUrl"] == "http://mochila.test/ims/ob/v3p0/oauth/token")
            #expect(flow["scopes"]?.objectValue?.keys == OpenBadgesScope.offered.map(\.rawValue))
            #expect(document["paths"]?["/credentials"]?["get"]?["operationId"] == "getCredentials")
            #expect(document["paths"]?["/credentials"]?["post"]?["operationId"] == "upsertCredential")
            #expect(document["paths"]?["/profile"]?["get"]?["security"]?[0]?["OAuth2CCG"] == [.string(OpenBadgesAPITests.profile)])

            // The node's own API document lists the new endpoints.
            let openAPI = try json(try await client.execute(uri: "/openapi.json", method: .get))
            let paths = ["/api/v1/oauth-clients", "/ims/ob/v3p0/oauth/token", "/ims/ob/v3p0/discovery", "/ims/ob/v3p0/credentials"]
            for path in paths + ["/ims/ob/v3p0/profile"] {
                #expect(openAPI["paths"]?[path] != nil, "\(path)")
            }
        }
    }

    @Test func theProfileIsTheIssuerOfTheInstitutionsCredentials() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await createInstitution(client, slug: "uni-caribe", country: "DO")
            let specID = try await createSpec(client, token: token)
            let award = try await issue(test, slug: "uni-caribe", specID: specID, at: "2026-04-01T10:00:00Z", name: "Yokasta")
            let access = try await accessToken(client, token: token, scopes: [OpenBadgesAPITests.profile])

            let response = try await client.execute(
                uri: "/ims/ob/v3p0/profile", method: .get, headers: [.authorization: "Bearer \(access)", .acceptLanguage: "es"])
            #expect(response.status == .ok, "\(text(response))")
            var profile = try json(response)
            #expect(try violations(profile, "ob_v3p0_profile_schema.json") == [])
            #expect(profile["@context"] == [.string(MochilaContext.openBadges)])
            #expect(profile["address"]?["addressCountryCode"] == "DO")
            // The profile is the issuer its credentials name.
            profile["@context"] = nil
            #expect(profile == (try JSONValue(parsing: award.credential))["issuer"])

            // PUT is not allowed, but only a client with a valid token learns that.
            let put = try await client.execute(
                uri: "/ims/ob/v3p0/profile", method: .put, headers: bearer(access), body: body(["id": "did:example:1", "type": "Profile"]))
            try expectImsx(put, .methodNotAllowed, "not_allowed")
            #expect(put.headers[.allow] == "GET")
            try expectImsx(try await client.execute(uri: "/ims/ob/v3p0/profile", method: .put, body: body([:])), .unauthorized, "unauthorizedrequest")
        }
    }

    // MARK: Credentials

    @Test func credentialsArePagedNewestFirstWithHeaders() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await createInstitution(client, slug: "uni-paginas", country: "MX")
            let specID = try await createSpec(client, token: token)
            var awards: [Award] = []
            for (index, name) in ["Ana", "Benito", "Carmen", "Diego", "Elena"].enumerated() {
                awards.append(try await issue(test, slug: "uni-paginas", specID: specID, at: "2026-0\(index + 1)-15T09:30:00Z", name: name))
            }
            let newestFirst = awards.reversed().map(\.credentialID)
            let access = try await accessToken(client, token: token, scopes: [OpenBadgesAPITests.readonly])
            let base = "http://mochila.test/ims/ob/v3p0/credentials"

            var seen: [String] = []
            for (offset, expectedLink) in [
                (0, "<\(base)?limit=2&offset=2>; rel=\"next\", <\(base)?limit=2&offset=4>; rel=\"last\", <\(base)?limit=2&offset=0>; rel=\"first\""),
                (
                    2,
                    "<\(base)?limit=2&offset=4>; rel=\"next\", <\(base)?limit=2&offset=4>; rel=\"last\", "
                        + "<\(base)?limit=2&offset=0>; rel=\"first\", <\(base)?limit=2&offset=0>; rel=\"prev\""
                ),
                (4, "<\(base)?limit=2&offset=4>; rel=\"last\", <\(base)?limit=2&offset=0>; rel=\"first\", <\(base)?limit=2&offset=2>; rel=\"prev\""),
            ] {
                let response = try await get(client, "/ims/ob/v3p0/credentials?limit=2&offset=\(offset)", token: access)
                #expect(response.status == .ok, "\(text(response))")
                #expect(response.headers[.init("X-Total-Count")!] == "5")
                #expect(response.headers[.init("Link")!] == expectedLink)
                let page = try json(response)
                #expect(try violations(page, "ob_v3p0_getopenbadgecredentialsresponse_schema.json") == [])
                #expect(page["compactJwsString"] == [])
                for credential in page["credential"]?.asArray ?? [] {
                    let id = try #require(credential["id"]?.stringValue)
                    let stored = try #require(awards.first { $0.credentialID == id })
                    #expect(credential == (try JSONValue(parsing: stored.credential)))
                    seen.append(id)
                }
            }
            #expect(seen == newestFirst)

            // Defaults: everything on one page.
            let everything = try await get(client, "/ims/ob/v3p0/credentials", token: access)
            #expect(try json(everything)["credential"]?.asArray.compactMap { $0["id"]?.stringValue } == newestFirst)
            #expect(everything.headers[.init("Link")!] == "<\(base)?limit=100&offset=0>; rel=\"last\", <\(base)?limit=100&offset=0>; rel=\"first\"")

            // since: strictly after, repeated (encoded) in the links.
            let since = try await get(client, "/ims/ob/v3p0/credentials?since=2026-03-15T04:30:00-05:00", token: access)
            #expect(since.headers[.init("X-Total-Count")!] == "2")
            #expect(try json(since)["credential"]?.asArray.compactMap { $0["id"]?.stringValue } == Array(newestFirst.prefix(2)))
            #expect(since.headers[.init("Link")!]?.contains("since=2026-03-15T04%3A30%3A00-05%3A00") == true)
            let plus = try await get(client, "/ims/ob/v3p0/credentials?since=2026-03-15T10:30:00+01:00", token: access)
            #expect(plus.headers[.init("X-Total-Count")!] == "2", "\(text(plus))")
            let none = try await get(client, "/ims/ob/v3p0/credentials?since=2026-05-15T09:30:00Z", token: access)
            #expect(try json(none)["credential"] == [])
            #expect(none.headers[.init("X-Total-Count")!] == "0")

            // A limit past the largest page is served as the largest page.
            let large = try await get(client, "/ims/ob/v3p0/credentials?limit=5000", token: access)
            #expect(large.headers[.init("Link")!]?.contains("limit=1000&offset=0") == true)

            try expectImsx(try await get(client, "/ims/ob/v3p0/credentials?limit=0", token: access), .badRequest, "invalid_query_parameter")
            try expectImsx(try await get(client, "/ims/ob/v3p0/credentials?offset=-1", token: access), .badRequest, "invalid_query_parameter")
            try expectImsx(try await get(client, "/ims/ob/v3p0/credentials?since=ayer", token: access), .badRequest, "invalid_query_parameter")
        }
    }

    @Test func scopesAndInstitutionsAreKeptApart() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let tokenA = try await createInstitution(client, slug: "uni-norte", country: "AR")
            let tokenB = try await createInstitution(client, slug: "uni-oeste", country: "UY")
            let specA = try await createSpec(client, token: tokenA)
            let specB = try await createSpec(client, token: tokenB)
            let awardA = try await issue(test, slug: "uni-norte", specID: specA, at: "2026-04-02T08:00:00Z", name: "Ana")
            let awardB = try await issue(test, slug: "uni-oeste", specID: specB, at: "2026-04-03T08:00:00Z", name: "Bruno")
            let readA = try await accessToken(client, token: tokenA, scopes: [OpenBadgesAPITests.readonly, OpenBadgesAPITests.upsert])
            let readB = try await accessToken(client, token: tokenB, scopes: [OpenBadgesAPITests.readonly])

            func ids(_ token: String) async throws -> [String] {
                let page = try json(try await get(client, "/ims/ob/v3p0/credentials", token: token))
                return page["credential"]?.asArray.compactMap { $0["id"]?.stringValue } ?? []
            }
            #expect(try await ids(readA) == [awardA.credentialID])
            #expect(try await ids(readB) == [awardB.credentialID])

            // B's credential, pushed with A's token, is refused without saying it exists.
            let pushed = try await client.execute(
                uri: "/ims/ob/v3p0/credentials", method: .post, headers: bearer(readA), body: ByteBuffer(bytes: awardB.credential))
            try expectImsx(pushed, .forbidden, "not_allowed")
            #expect(try json(pushed)["imsx_codeMajor"] == "unsupported")

            // A token without the scope: 403 and the scope it lacks.
            let profileOnly = try await accessToken(client, token: tokenA, scopes: [OpenBadgesAPITests.profile])
            let forbidden = try await get(client, "/ims/ob/v3p0/credentials", token: profileOnly)
            try expectImsx(forbidden, .forbidden, "forbidden")
            #expect(forbidden.headers[.wwwAuthenticate]?.contains("error=\"insufficient_scope\"") == true)
            #expect(forbidden.headers[.wwwAuthenticate]?.contains(OpenBadgesAPITests.readonly) == true)
            try expectImsx(try await get(client, "/ims/ob/v3p0/profile", token: readB), .forbidden, "forbidden")

            // No token, the institution's API token, a made-up token: 401.
            let missing = try await get(client, "/ims/ob/v3p0/credentials", token: nil)
            try expectImsx(missing, .unauthorized, "unauthorizedrequest")
            #expect(missing.headers[.wwwAuthenticate] == #"Bearer realm="Mochila""#)
            for token in [tokenA, "mat_invented"] {
                let refused = try await get(client, "/ims/ob/v3p0/credentials", token: token)
                try expectImsx(refused, .unauthorized, "unauthorizedrequest")
                #expect(refused.headers[.wwwAuthenticate]?.contains(#"error="invalid_token""#) == true)
            }
            // An OAuth token is not an institution token for the product API either.
            #expect(try await client.execute(uri: "/api/v1/awards", method: .get, headers: bearer(readA)).status == .unauthorized)
        }
    }

    @Test func upsertAcceptsOnlyTheInstitutionsOwnCredentialsUnchanged() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await createInstitution(client, slug: "uni-valle", country: "CO")
            let specID = try await createSpec(client, token: token)
            let award = try await issue(test, slug: "uni-valle", specID: specID, at: "2026-04-05T12:00:00Z", name: "Valentina")
            let access = try await accessToken(client, token: token, scopes: [OpenBadgesAPITests.upsert])
            let credential = try JSONValue(parsing: award.credential)

            // The same credential, written differently: 200 with the credential as issued.
            let same = try await client.execute(
                uri: "/ims/ob/v3p0/credentials", method: .post, headers: bearer(access), body: ByteBuffer(bytes: credential.serialized(.pretty)))
            #expect(same.status == .ok, "\(text(same))")
            #expect(Array(same.body.readableBytesView) == award.credential)
            #expect(try violations(try json(same), "ob_v3p0_achievementcredential_schema.json") == [])

            // Altered: refused, never rewritten.
            var altered = credential
            altered["credentialSubject"]?["name"] = "Otra Persona"
            try expectImsx(
                try await client.execute(uri: "/ims/ob/v3p0/credentials", method: .post, headers: bearer(access), body: body(altered)),
                .forbidden, "forbidden")
            #expect(try await test.store.award(id: award.id)?.credential == award.credential)

            // Not issued here: refused.
            var foreign = credential
            foreign["id"] = .string("urn:uuid:\(UUID().uuidString.lowercased())")
            let elsewhere = try await client.execute(uri: "/ims/ob/v3p0/credentials", method: .post, headers: bearer(access), body: body(foreign))
            try expectImsx(elsewhere, .forbidden, "not_allowed")
            let jws = try await client.execute(
                uri: "/ims/ob/v3p0/credentials", method: .post, headers: [.authorization: "Bearer \(access)", .contentType: "text/plain"],
                body: ByteBuffer(string: "eyJhbGciOiJFZERTQSJ9.eyJpZCI6InVybjp1dWlkOjEifQ.c2lnbmF0dXJl"))
            try expectImsx(jws, .forbidden, "not_allowed")

            // Not a credential at all.
            try expectImsx(
                try await client.execute(
                    uri: "/ims/ob/v3p0/credentials", method: .post, headers: [.authorization: "Bearer \(access)", .contentType: "text/plain"],
                    body: ByteBuffer(string: "no es un JWS")),
                .badRequest, "invalid_data")
            try expectImsx(
                try await client.execute(
                    uri: "/ims/ob/v3p0/credentials", method: .post, headers: bearer(access), body: ByteBuffer(string: "{\"id\":")),
                .badRequest, "invalid_data")
            try expectImsx(
                try await client.execute(uri: "/ims/ob/v3p0/credentials", method: .post, headers: bearer(access), body: body(["uno", "dos"])),
                .badRequest, "invalid_data")

            // The upsert scope does not read.
            try expectImsx(try await get(client, "/ims/ob/v3p0/credentials", token: access), .forbidden, "forbidden")
        }
    }

    @Test func tokensExpireAfterAnHour() async throws {
        let start = XSDDateTime("2026-05-01T12:00:00Z")!.date
        let clock = TestClock(start)
        let store = SQLiteStore(path: nil)
        try await store.migrate()
        let node = Node(
            store: store, vault: try KeyVault(masterKey: KeyVault.generateMasterKey()), adminToken: TestNode.adminToken,
            clock: { clock.now }, publicURL: "http://mochila.test")
        let app = Application(router: buildRouter(node: node, demo: false))
        do {
            try await app.test(.router) { client in
                let token = try await createInstitution(client, slug: "uni-reloj", country: "BO")
                let access = try await accessToken(client, token: token, scopes: [OpenBadgesAPITests.profile])

                clock.set(start.addingTimeInterval(Node.accessTokenLifetime - 1))
                #expect(try await get(client, "/ims/ob/v3p0/profile", token: access).status == .ok)

                clock.set(start.addingTimeInterval(Node.accessTokenLifetime))
                let expired = try await get(client, "/ims/ob/v3p0/profile", token: access)
                try expectImsx(expired, .unauthorized, "unauthorizedrequest")
                #expect(expired.headers[.wwwAuthenticate]?.contains(#"error="invalid_token""#) == true)
            }
        } catch {
            try await store.shutdown()
            throw error
        }
        try await store.shutdown()
    }
}

/// A clock the test moves.
final class TestClock: Sendable {
    private let date: Mutex<Date>

    init(_ date: Date) { self.date = Mutex(date) }

    var now: Date { date.withLock { $0 } }

    func set(_ newDate: Date) { date.withLock { $0 = newDate } }
}
