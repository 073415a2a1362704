import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import Logging
import MochilaCore
import MochilaStore
import MochilaTestSupport
import Synchronization
import Testing

@testable import MochilaServer

/// The node under attack: who may write what, forged forms, script in what pages show, guessed
/// passwords, secrets in logs, and the headers pages are sent with.
@Suite struct SecurityTests {
    /// Who knocks: no one, a learner (a backpack cookie), two institutions' API tokens (A owns
    /// every resource attempted), the node's administrator, and an OAuth client of A.
    enum Actor: String, CaseIterable, CustomStringConvertible {
        case nobody, learner, institutionA, institutionB, administrator, oauthA
        var description: String { rawValue }
    }

    /// One write attempt on A's resources, and who may make it.
    struct Attempt: CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var body: [UInt8]?
        var contentType = "application/json"
        var allowed: Set<Actor>
        /// What a refusal may answer besides 401, 403 and 404 (a VC-API issuer that is not the
        /// caller's is a 400 naming the field).
        var alsoRefusedWith: Set<Int> = []
        var description: String { "\(method.rawValue) \(path)" }
    }

    /// The documented operation an attempt exercises: `/api/v1/awards/{id}/revoke` for
    /// `/api/v1/awards/3f…/revoke?x=1`.
    static func template(of path: String, among documented: [String]) -> String? {
        let bare = path.split(separator: "?")[0].split(separator: "/", omittingEmptySubsequences: false)
        return documented.first { candidate in
            let parts = candidate.split(separator: "/", omittingEmptySubsequences: false)
            return parts.count == bare.count && zip(parts, bare).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
    }

    // MARK: The authorization matrix of the API

    /// Every write operation of the OpenAPI document, tried by every actor that may not make it:
    /// each is refused (401, 403 or 404) and nothing of A's changes. The same request from an
    /// actor that may make it is then not refused, so the refusals were for who asked, not for
    /// a malformed request. An operation added to the API without a line here fails the test.
    @Test func everyWriteEndpointRefusesWhoMayNotUseIt() async throws {
        let test = try await TestNode(demo: true)
        try await test.run { client in
            let a = "demo-utve", b = "demo-utiv"
            let specA = try #require(try json(try await client.execute(uri: "/api/v1/specs", method: .get, headers: bearer(a))).asArray.first?["id"]?.stringValue)
            let awardsA = try json(try await client.execute(uri: "/api/v1/awards", method: .get, headers: bearer(a))).asArray
            let awardA = try #require(awardsA.first { $0["revokedAt"] == nil }?["id"]?.stringValue)
            let credentialA = try #require(awardsA.first { $0["id"]?.stringValue == awardA }?["credentialId"]?.stringValue)
            let awardUUID = try #require(UUID(uuidString: awardA))
            let storedAward = try #require(try await test.store.award(id: awardUUID))
            let didA = try json(try await client.execute(uri: "/api/v1/institutions/utve", method: .get))["did"]!.stringValue!
            let ruleA = try #require(
                try json(try await client.execute(uri: "/api/v1/recognition/rules?institution=utve", method: .get)).asArray.first?["id"]?.stringValue)
            let pathway: JSONValue = [
                "name": ["es": "Diplomado"], "description": ["es": "Dos microcredenciales."],
                "requirement": ["kind": "nOf", "n": 1, "parts": [["fields": ["07"], "name": ["es": "A"]]]],
                "award": ["iscedField": "0713", "eqfLevel": 5],
            ]
            let pathwayA = try #require(
                try json(try await client.execute(uri: "/api/v1/pathways", method: .post, headers: bearer(a), body: body(pathway)))["id"]?.stringValue)

            // A learner asks A to recognise a credential of B: a request only A decides.
            let awardB = try #require(
                try json(try await client.execute(uri: "/api/v1/awards", method: .get, headers: bearer(b))).asArray.first { $0["revokedAt"] == nil }?["id"]?
                    .stringValue)
            var learner = ConsoleUser()
            let itemPath = try await BackpackTests().claim(client, awardB, as: &learner)
            let asked = try await learner.post(
                client, "/mochila/recognition", [("rule", String(ruleA.dropFirst("urn:uuid:".count))), ("item", BackpackTests().itemID(itemPath))],
                from: "/mochila")
            #expect(asked.status == .seeOther, "\(text(asked))")
            let requestA = String(try #require(asked.headers[.location]).split(separator: "/").last!)

            let oauthA = try await OpenBadgesAPITests().accessToken(
                client, token: a, scopes: [OpenBadgesAPITests.readonly, OpenBadgesAPITests.upsert, OpenBadgesAPITests.profile])

            func bytes(_ value: JSONValue) -> [UInt8] { value.serialized() }
            let rule: JSONValue = [
                "name": ["es": "Regla"], "criteria": ["minimumEQFLevel": 4], "outcome": ["creditSystem": "SCT-Chile", "rounding": "down-to-half"],
                "legalBasis": ["es": "Reglamento, art. 1"], "appealRoute": ["es": "Ante la Dirección, 10 días"],
            ]
            let member = RegistryTests().member("did:web:nueva.example", name: "Nueva", country: "CL", fields: ["07"], levels: [5])
            let learnerBody: JSONValue = ["givenName": "Rosa", "familyName": "Tzoc"]
            let institutionToken: Set<Actor> = [.institutionA, .institutionB]
            let attempts: [Attempt] = [
                Attempt(
                    method: .post, path: "/credentials/issue",
                    body: bytes(["credential": [
                        "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": .string(didA),
                        "credentialSubject": ["id": "did:example:persona"],
                    ]]), allowed: [.institutionA], alsoRefusedWith: [400]),
                Attempt(
                    method: .post, path: "/credentials/status",
                    body: bytes(["credentialId": .string(credentialA), "credentialStatus": [["type": "BitstringStatusListCredential", "status": "suspended"]]]),
                    allowed: [.institutionA]),
                Attempt(
                    method: .post, path: "/api/v1/institutions", body: bytes(["slug": "uni-nueva", "name": ["es": "Nueva"], "country": "CL"]),
                    allowed: [.administrator]),
                Attempt(method: .post, path: "/api/v1/institutions/utve/keys", body: bytes([:]), allowed: [.institutionA]),
                Attempt(method: .post, path: "/api/v1/specs", body: bytes(specBody), allowed: institutionToken),
                Attempt(method: .post, path: "/api/v1/specs/\(specA)/versions", body: bytes(specBody), allowed: [.institutionA]),
                Attempt(
                    method: .post, path: "/api/v1/awards", body: bytes(["specId": .string(specA), "learner": learnerBody]), allowed: [.institutionA]),
                Attempt(method: .post, path: "/api/v1/awards/\(awardA)/suspend", body: bytes(["reason": "prueba"]), allowed: [.institutionA]),
                Attempt(method: .post, path: "/api/v1/awards/\(awardA)/reinstate", body: bytes(["reason": "prueba"]), allowed: [.institutionA]),
                Attempt(method: .post, path: "/api/v1/awards/\(awardA)/renew", body: bytes([:]), allowed: [.institutionA]),
                Attempt(method: .post, path: "/api/v1/awards/\(awardA)/revoke", body: bytes(["reason": "prueba"]), allowed: [.institutionA]),
                Attempt(
                    method: .post, path: "/api/v1/batches", body: bytes(["specId": .string(specA), "learners": [learnerBody]]),
                    allowed: [.institutionA]),
                Attempt(method: .post, path: "/api/v1/registry/members", body: bytes(member), allowed: [.administrator]),
                Attempt(method: .delete, path: "/api/v1/registry/members?did=did:web:nueva.example", allowed: [.administrator]),
                Attempt(method: .post, path: "/api/v1/registry/sources", body: bytes(["url": "https://otra.example/registry.json"]), allowed: [.administrator]),
                Attempt(method: .post, path: "/api/v1/registry/sources/refresh", body: bytes([:]), allowed: [.administrator]),
                Attempt(method: .post, path: "/api/v1/recognition/rules", body: bytes(rule), allowed: institutionToken),
                Attempt(method: .post, path: "/api/v1/recognition/rules/\(ruleA)/versions", body: bytes(rule), allowed: [.institutionA]),
                Attempt(
                    method: .post, path: "/api/v1/recognition/requests/\(requestA)/decision",
                    body: bytes(["decision": "approved", "reason": "Cumple la regla."]), allowed: [.institutionA]),
                Attempt(method: .post, path: "/api/v1/catalogue/sources", body: bytes(["url": "https://otra.example/catalogue.json"]), allowed: [.administrator]),
                Attempt(method: .post, path: "/api/v1/catalogue/sources/refresh", body: bytes([:]), allowed: [.administrator]),
                Attempt(method: .post, path: "/api/v1/pathways", body: bytes(pathway), allowed: institutionToken),
                Attempt(method: .post, path: "/api/v1/pathways/\(pathwayA)/versions", body: bytes(pathway), allowed: [.institutionA]),
                Attempt(
                    method: .post, path: "/api/v1/staff",
                    body: bytes(["email": "nueva@utve.example", "name": "Nueva", "role": "viewer", "password": "una clave bien larga"]),
                    allowed: institutionToken),
                Attempt(method: .post, path: "/api/v1/oauth-clients", body: bytes(["name": "SIS", "scopes": [.string(OpenBadgesAPITests.readonly)]]), allowed: institutionToken),
                Attempt(
                    method: .post, path: "/ims/ob/v3p0/oauth/token", body: Array("grant_type=client_credentials".utf8),
                    contentType: "application/x-www-form-urlencoded", allowed: []),
                Attempt(method: .post, path: "/ims/ob/v3p0/credentials", body: storedAward.credential, allowed: [.oauthA]),
                // The node offers no profile.update scope: nobody may replace the profile.
                Attempt(
                    method: .put, path: "/ims/ob/v3p0/profile", body: bytes(["id": .string(didA), "name": "Otra"]), allowed: [],
                    alsoRefusedWith: [405]),
            ]

            // The matrix covers every write operation the node documents.
            let document = try OpenAPIDocumentTests.document()
            let writes = try OpenAPIDocumentTests.operations(document).filter { ["post", "put", "delete", "patch"].contains($0.method) }
            let public_ = Set(["/credentials/verify", "/presentations/verify"])
            let documented = writes.map(\.path)
            let covered = Set(attempts.compactMap { attempt in Self.template(of: attempt.path, among: documented).map { "\(attempt.method.rawValue.lowercased()) \($0)" } })
            for operation in writes where !public_.contains(operation.path) {
                #expect(covered.contains("\(operation.method) \(operation.path)"), "\(operation) has no line in the authorization matrix")
            }

            func headers(_ actor: Actor, _ attempt: Attempt) -> HTTPFields {
                var fields: HTTPFields = [.contentType: attempt.contentType]
                switch actor {
                case .nobody: break
                case .learner: fields[.cookie] = learner.cookie
                case .institutionA: fields[.authorization] = "Bearer \(a)"
                case .institutionB: fields[.authorization] = "Bearer \(b)"
                case .administrator: fields[.authorization] = "Bearer \(TestNode.adminToken)"
                case .oauthA: fields[.authorization] = "Bearer \(oauthA)"
                }
                return fields
            }
            func send(_ attempt: Attempt, as actor: Actor) async throws -> TestResponse {
                try await client.execute(
                    uri: attempt.path, method: attempt.method, headers: headers(actor, attempt), body: attempt.body.map { ByteBuffer(bytes: $0) })
            }

            /// What A and the network hold: it must read the same after every refused attempt.
            func snapshot() async throws -> String {
                var parts: [String] = []
                for (path, token) in [
                    ("/api/v1/audit?limit=1000", a), ("/api/v1/audit?limit=1000", b), ("/api/v1/awards", a), ("/api/v1/specs", a),
                    ("/api/v1/recognition/requests", a), ("/api/v1/registry/members", TestNode.adminToken),
                    ("/api/v1/registry/sources", TestNode.adminToken), ("/api/v1/catalogue/sources", TestNode.adminToken),
                ] {
                    let response = try await client.execute(uri: path, method: .get, headers: bearer(token))
                    #expect(response.status == .ok, "\(path): \(text(response))")
                    parts.append(text(response))
                }
                parts.append(text(try await client.execute(uri: "/api/v1/recognition/rules?institution=utve", method: .get)))
                parts.append(text(try await client.execute(uri: "/api/v1/institutions", method: .get)))
                return parts.joined(separator: "\n")
            }

            let before = try await snapshot()
            var refusals = 0
            for attempt in attempts {
                for actor in Actor.allCases where !attempt.allowed.contains(actor) {
                    let response = try await send(attempt, as: actor)
                    let refused = Set([401, 403, 404]).union(attempt.alsoRefusedWith)
                    #expect(refused.contains(Int(response.status.code)), "\(attempt) by \(actor): \(response.status) \(text(response))")
                    refusals += 1
                }
            }
            #expect(refusals > 100)
            #expect(try await snapshot() == before, "a refused attempt changed something")

            // The same requests from who may make them are not refused.
            for attempt in attempts {
                for actor in Actor.allCases where attempt.allowed.contains(actor) {
                    let response = try await send(attempt, as: actor)
                    #expect(![401, 403, 404].contains(Int(response.status.code)), "\(attempt) by \(actor): \(response.status) \(text(response))")
                }
            }
        }
    }

    // MARK: The console's roles and institutions

    /// Each changing console form, posted with a valid CSRF token by each role: a viewer may
    /// change nothing, an issuer not the staff list, another institution's administrator nothing
    /// of A's (404, as if it did not exist); signed-out visitors and learners go to the login.
    @Test func consoleFormsKeepRolesAndInstitutionsApart() async throws {
        let test = try await TestNode(demo: true)
        try await test.run { client in
            let a = "demo-utve"
            let created = try await client.execute(
                uri: "/api/v1/staff", method: .post, headers: bearer(a),
                body: body(["email": "consulta@utve.example", "name": "Consulta", "role": "viewer", "password": "una clave bien larga"]))
            #expect(created.status == .created)
            var admin = ConsoleUser(), issuer = ConsoleUser(), viewer = ConsoleUser(), otherAdmin = ConsoleUser()
            try await admin.signIn(client, email: "admin@utve.example", password: Node.demoPassword)
            try await issuer.signIn(client, email: "emision@utve.example", password: Node.demoPassword)
            try await viewer.signIn(client, email: "consulta@utve.example", password: "una clave bien larga")
            try await otherAdmin.signIn(client, email: "admin@utiv.example", password: Node.demoPassword)
            let specA = try #require(try json(try await client.execute(uri: "/api/v1/specs", method: .get, headers: bearer(a))).asArray.first?["id"]?.stringValue)
            let awardA = try #require(
                try json(try await client.execute(uri: "/api/v1/awards", method: .get, headers: bearer(a))).asArray.first { $0["revokedAt"] == nil }?["id"]?.stringValue)
            let audit = { try await client.execute(uri: "/api/v1/audit?limit=1000", method: .get, headers: bearer(a)) }
            let before = text(try await audit())

            let forms: [(path: String, fields: [(String, String)], mayPost: Set<String>)] = [
                ("/console/specs/new", designerFields + [("action", "save")], ["admin", "issuer"]),
                ("/console/specs/\(specA)/edit", designerFields + [("action", "save")], ["admin", "issuer"]),
                ("/console/specs/\(specA)/issue", [("givenName", "Rosa"), ("familyName", "Tzoc")], ["admin", "issuer"]),
                ("/console/awards/\(awardA)/revoke", [("reason", "prueba")], ["admin", "issuer"]),
                ("/console/staff", [("email", "x@utve.example"), ("name", "X"), ("role", "admin"), ("password", "una clave bien larga")], ["admin"]),
                ("/console/recognition/rules", [("name.es", "Regla")], ["admin"]),
            ]
            for form in forms {
                for (role, user) in [("issuer", issuer), ("viewer", viewer)] where !form.mayPost.contains(role) {
                    let response = try await user.post(client, form.path, form.fields)
                    #expect(response.status == .forbidden, "\(form.path) by \(role): \(response.status)")
                }
                if form.path.contains(specA) || form.path.contains(awardA) {
                    let response = try await otherAdmin.post(client, form.path, form.fields)
                    #expect(response.status == .notFound, "\(form.path) by another institution: \(response.status) \(text(response).prefix(300))")
                }
                // No session, or a backpack's: the login page, nothing done.
                for cookie in ["", "mochila_backpack=mch_invented"] {
                    let response = try await client.execute(
                        uri: form.path, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                        body: ByteBuffer(string: "csrf=x"))
                    #expect(response.status == .seeOther && response.headers[.location] == "/console/login", "\(form.path) signed out: \(response.status)")
                }
            }
            #expect(text(try await audit()) == before, "a refused form changed something")
            // A's administrator may do what the others could not.
            #expect(try await admin.post(client, "/console/awards/\(awardA)/suspend", [("reason", "prueba")]).status == .seeOther)
        }
    }

    // MARK: CSRF

    /// The page forms a node registers, read from its sources, so that a form added later is
    /// tested too.
    static func pageFormRoutes() throws -> [String] {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/MochilaServer")
        let pattern = try Regex(#"router\.post\("(/(?:console|mochila)[^"]*)""#)
        var routes: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let source = try String(contentsOf: file, encoding: .utf8)
            for match in source.matches(of: pattern) { routes.append(String(source[match.output[1].range!])) }
        }
        return routes.sorted()
    }

    /// Every form of the console and the backpack that changes something is refused without the
    /// session's CSRF token, or with another session's, and nothing changes; every such form on
    /// the pages carries the token. Signing in needs no session to forge, and a claim needs the
    /// claim link's secret, which only the learner holds (and the cookie is `SameSite=Lax`, so
    /// another site's form does not carry it anyway).
    @Test func everyChangingFormNeedsTheSessionsCSRFToken() async throws {
        let test = try await TestNode(demo: true)
        try await test.run { client in
            let a = "demo-utve"
            var staff = ConsoleUser(), learner = ConsoleUser(), otherLearner = ConsoleUser()
            try await staff.signIn(client, email: "admin@utve.example", password: Node.demoPassword)
            let specA = try #require(try json(try await client.execute(uri: "/api/v1/specs", method: .get, headers: bearer(a))).asArray.first?["id"]?.stringValue)
            let awards = try json(try await client.execute(uri: "/api/v1/awards", method: .get, headers: bearer(a))).asArray.filter { $0["revokedAt"] == nil }
            let awardA = try #require(awards.first?["id"]?.stringValue)
            let itemPath = try await BackpackTests().claim(client, awardA, as: &learner)
            _ = try await BackpackTests().claim(client, try #require(awards.dropFirst().first?["id"]?.stringValue), as: &otherLearner)
            let item = BackpackTests().itemID(itemPath)
            #expect(try await learner.post(client, itemPath + "/share", [("expires", "30")], from: itemPath).status == .seeOther)
            let withLink = text(try await learner.get(client, itemPath))
            let shareID = String(withLink[try #require(withLink.range(of: "http://mochila.test/c/")).upperBound...].prefix { $0 != "<" })
            let pathways = try json(try await client.execute(uri: "/api/v1/pathways", method: .get)).asArray
            let pathway = try #require(pathways.first?["id"]?.stringValue).replacingOccurrences(of: "urn:uuid:", with: "")
            let ids = [
                ":id/edit": "\(specA)/edit", ":id/issue": "\(specA)/issue", ":id/batch": "\(specA)/batch", "awards/:id/:action": "awards/\(awardA)/revoke",
                "items/:id": "items/\(item)", "shares/:id": "shares/\(shareID)", "recognition/:id": "recognition/\(UUID().uuidString.lowercased())",
                "pathways/:id": "pathways/\(pathway)",
            ]
            let exempt = ["/console/login", "/mochila/login", "/mochila/claim/:id"]
            let routes = try Self.pageFormRoutes()
            #expect(routes.count >= 25, "\(routes)")
            let auditBefore = text(try await client.execute(uri: "/api/v1/audit?limit=1000", method: .get, headers: bearer(a)))
            let backpackBefore = text(try await learner.get(client, "/mochila"))

            for route in routes where !exempt.contains(route) {
                var path = route
                for (pattern, value) in ids where path.contains(pattern) { path = path.replacingOccurrences(of: pattern, with: value) }
                #expect(!path.contains(":"), "no example value for \(route)")
                let user = route.hasPrefix("/console") ? staff : learner
                // None, a guess, and another session's own token.
                let othersToken = route.hasPrefix("/console") ? "" : try await otherLearner.csrf(client, "/mochila")
                // A form is url-encoded or multipart: the other kind is a bad request (400), the
                // right kind without the right token a forbidden one (403).
                for token in [nil, "adivinanza", othersToken] {
                    let fields = token.map { "csrf=\(escape($0))&" } ?? ""
                    let urlEncoded = try await client.execute(
                        uri: path, method: .post, headers: [.cookie: user.cookie, .contentType: "application/x-www-form-urlencoded"],
                        body: ByteBuffer(string: fields + "confirm=borrar&expires=30&decision=approved&reason=x&email=a%40b.example&password=una+clave+larga"))
                    let (type, multipart) = VerificationRoutesTests().multipart(
                        (token.map { [("csrf", nil, Array($0.utf8))] } ?? []) + [("file", "x.csv", Array("nombres;apellidos\nRosa;Tzoc\n".utf8))])
                    let multipartResponse = try await client.execute(
                        uri: path, method: .post, headers: [.cookie: user.cookie, .contentType: type], body: multipart)
                    let statuses = [urlEncoded.status, multipartResponse.status]
                    #expect(
                        statuses.allSatisfy { $0 == .forbidden || $0 == .badRequest } && statuses.contains(.forbidden),
                        "\(route) with csrf \(token ?? "none"): \(statuses) \(text(urlEncoded).prefix(200))")
                }
            }
            #expect(text(try await client.execute(uri: "/api/v1/audit?limit=1000", method: .get, headers: bearer(a))) == auditBefore)
            #expect(try await learner.get(client, "/mochila").status == .ok)
            #expect(text(try await learner.get(client, "/mochila")) == backpackBefore, "the backpack is as it was, still signed in")
            #expect(try await staff.get(client, "/console").status == .ok, "still signed in")

            // Every changing form on the pages carries the token.
            for (user, pages) in [
                (staff, ["/console", "/console/specs", "/console/specs/new", "/console/specs/\(specA)", "/console/specs/\(specA)/edit",
                         "/console/awards/\(awardA)", "/console/staff", "/console/recognition"]),
                (learner, ["/mochila", itemPath, "/mochila/account"]),
            ] {
                for page in pages {
                    let html = text(try await user.get(client, page))
                    let forms = html.components(separatedBy: "<form").dropFirst()
                    for form in forms where form.contains("method=\"post\"") {
                        let body = form.components(separatedBy: "</form>")[0]
                        #expect(body.contains("name=\"csrf\""), "a form on \(page) has no CSRF token: \(body.prefix(200))")
                    }
                }
            }
        }
    }

    // MARK: Claim links

    /// A credential's id travels with every copy of it (a verifier who was shown it has it), so
    /// it must not let anyone keep the credential, and then bind it, in their backpack: only the
    /// claim link the institution hands out does. Found by this suite: the claim used to need
    /// the award's id alone.
    @Test func onlyTheClaimLinkLetsABackpackKeepACredential() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-reclamo")
            let specID = try await createSpec(client, token: token)
            let issued = try await client.execute(
                uri: "/api/v1/awards", method: .post, headers: bearer(token),
                body: body(["specId": .string(specID), "learner": ["givenName": "Rosa", "familyName": "Tzoc"]]))
            let award = try json(issued)
            let awardID = try #require(award["id"]?.stringValue)
            #expect(award["links"]?["claim"]?.stringValue == "http://mochila.test" + (try TestNode.claimLink(awardID)), "the institution gets the claim link")
            // What a verifier holds: the credential, its id, its public page.
            let credential = try json(try await client.execute(uri: "/api/v1/credentials/\(awardID)", method: .get))
            #expect(credential["id"]?.stringValue?.hasSuffix(awardID) == true)
            for page in ["/credentials/\(awardID)", "/credentials/\(awardID)?claim=", "/credentials/\(awardID)?claim=AAAAAAAAAAAAAAAAAAAAAA"] {
                let html = text(try await client.execute(uri: page, method: .get))
                #expect(html.contains("Credencial verificada") && !html.contains("/mochila/claim/"), "\(page) offers to keep the credential")
            }
            var stranger = ConsoleUser()
            _ = try await BackpackTests().claim(client, try await BackpackTests().issue(client, token: token, specID: specID, name: "Beto"), as: &stranger)
            for (cookie, claim) in [("", nil), ("", "adivinanza"), (stranger.cookie, nil), (stranger.cookie, "AAAAAAAAAAAAAAAAAAAAAA")] as [(String, String?)] {
                let response = try await client.execute(
                    uri: "/mochila/claim/\(awardID)", method: .post,
                    headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: claim.map { "claim=\($0)" } ?? ""))
                #expect(response.status == .forbidden, "\(claim ?? "no secret"): \(response.status)")
                #expect(response.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("mochila_backpack=") }, "no backpack opens without the claim link")
                #expect(text(response).contains("enlace de reclamo"))
            }
            #expect(!text(try await stranger.get(client, "/mochila")).contains("Rosa Tzoc"), "the stranger's backpack did not get it")
            // The link the learner was sent works, in a new backpack, and binds.
            var learner = ConsoleUser()
            let itemPath = try await BackpackTests().claim(client, awardID, as: &learner)
            #expect(try await learner.post(client, itemPath + "/bind", [], from: itemPath).status == .seeOther)
        }
    }

    // MARK: Script in what pages show

    static let payload = #""'><script>alert(1)</script><img src=x onerror=alert(1)>"#

    /// Checks a page: nothing of the payload is markup, and (when `shows`) it is there, escaped.
    static func expectEscaped(_ response: TestResponse, _ page: String, shows: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        let html = text(response)
        #expect(response.status == .ok, "\(page): \(response.status)", sourceLocation: sourceLocation)
        #expect(!html.contains("<script>alert"), "\(page) runs the payload", sourceLocation: sourceLocation)
        #expect(!html.contains("<img src=x"), "\(page) runs the payload", sourceLocation: sourceLocation)
        #expect(!html.contains("'><"), "\(page) breaks out of an attribute", sourceLocation: sourceLocation)
        if shows { #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(page) does not show the payload", sourceLocation: sourceLocation) }
    }

    /// The payload in every field a person or another node can fill and a page shows: an
    /// institution's name, a spec's text, a learner's names, a staff member's name, a rule, a
    /// pathway, a registry member, an imported credential. Every page shows it as text.
    @Test func whatPagesShowIsEscaped() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let p = JSONValue.string(Self.payload)
            let created = try await client.execute(
                uri: "/api/v1/institutions", method: .post, headers: bearer(TestNode.adminToken),
                body: body(["slug": "uni-xss", "name": ["es": p], "country": "CL"]))
            #expect(created.status == .created, "\(text(created))")
            let token = try #require(try json(created)["token"]?.stringValue)
            let did = try #require(try json(created)["did"]?.stringValue)
            var spec = specBody
            spec["title"] = ["es": p]
            spec["description"] = ["es": p]
            spec["learningOutcomes"] = [["text": ["es": p], "skills": []]]
            spec["qualityAssurance"] = ["es": p]
            let specResponse = try await client.execute(uri: "/api/v1/specs", method: .post, headers: bearer(token), body: body(spec))
            #expect(specResponse.status == .created, "\(text(specResponse))")
            let specID = try #require(try json(specResponse)["id"]?.stringValue)
            let issued = try await client.execute(
                uri: "/api/v1/awards", method: .post, headers: bearer(token),
                body: body(["specId": .string(specID), "learner": ["givenName": p, "familyName": p]]))
            #expect(issued.status == .created, "\(text(issued))")
            let awardID = try #require(try json(issued)["id"]?.stringValue)
            let staff = try await client.execute(
                uri: "/api/v1/staff", method: .post, headers: bearer(token),
                body: body(["email": "xss@uni.example", "name": p, "role": "admin", "password": "una clave bien larga"]))
            #expect(staff.status == .created)
            let rule = try await client.execute(
                uri: "/api/v1/recognition/rules", method: .post, headers: bearer(token),
                body: body([
                    "name": ["es": p], "criteria": ["minimumEQFLevel": 4], "outcome": ["creditSystem": "SCT-Chile", "rounding": "down-to-half"],
                    "legalBasis": ["es": p], "appealRoute": ["es": p],
                ]))
            #expect(rule.status == .created, "\(text(rule))")
            let ruleID = try #require(try json(rule)["id"]?.stringValue).replacingOccurrences(of: "urn:uuid:", with: "")
            let pathway = try await client.execute(
                uri: "/api/v1/pathways", method: .post, headers: bearer(token),
                body: body([
                    "name": ["es": p], "description": ["es": p],
                    "requirement": ["kind": "nOf", "n": 1, "parts": [["fields": ["07"], "name": ["es": p]]]], "award": ["iscedField": "0713", "eqfLevel": 5],
                ]))
            #expect(pathway.status == .created, "\(text(pathway))")
            let pathwayID = try #require(try json(pathway)["id"]?.stringValue).replacingOccurrences(of: "urn:uuid:", with: "")
            let member = RegistryTests().member(did, name: Self.payload, country: "CL", fields: ["07"], levels: [4])
            #expect(try await client.execute(uri: "/api/v1/registry/members", method: .post, headers: bearer(TestNode.adminToken), body: body(member)).status == .created)

            // The learner's side: claimed, shared, public, and an imported credential made elsewhere.
            var learner = ConsoleUser()
            let itemPath = try await BackpackTests().claim(client, awardID, as: &learner)
            #expect(try await learner.post(client, itemPath + "/share", [("expires", "30")], from: itemPath).status == .seeOther)
            #expect(try await learner.post(client, itemPath + "/public", [("public", "1")], from: itemPath).status == .seeOther)
            let withLink = text(try await learner.get(client, itemPath))
            let shareID = String(withLink[try #require(withLink.range(of: "http://mochila.test/c/")).upperBound...].prefix { $0 != "<" })
            let foreign: JSONValue = [
                "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                "id": "urn:uuid:6a1f9d1c-2b1e-4f55-9f0a-9d2b7f3c1e11", "type": ["VerifiableCredential", "OpenBadgeCredential"],
                "issuer": ["id": "did:web:otra.example", "type": ["Profile"], "name": p], "validFrom": "2026-01-01T00:00:00Z", "name": p,
                "credentialSubject": ["type": ["AchievementSubject"], "achievement": [
                    "id": "urn:uuid:0f7c", "type": ["Achievement"], "name": p, "description": p, "criteria": ["narrative": p],
                ]],
            ]
            let imported = try await BackpackTests().upload(client, learner, file: foreign.serialized())
            #expect(imported.status == .seeOther, "\(text(imported))")
            let importedPath = try #require(imported.headers[.location]).split(separator: "?")[0]
            let home = text(try await learner.get(client, "/mochila"))
            let profile = String(home[try #require(home.range(of: "http://mochila.test/p/")).upperBound...].prefix(36))

            var person = ConsoleUser()
            try await person.signIn(client, email: "xss@uni.example", password: "una clave bien larga")

            let publicPages = [
                "/", "/credentials/\(awardID)", "/c/\(shareID)", "/p/\(profile)", "/registry", "/catalogue", "/recognition/rules/\(ruleID)",
                "/pathways/\(pathwayID)",
            ]
            for page in publicPages {
                Self.expectEscaped(try await client.execute(uri: page + "?lang=es", method: .get), page, shows: page != "/network")
            }
            Self.expectEscaped(try await client.execute(uri: "/network", method: .get), "/network", shows: false)
            for page in ["/console", "/console/specs", "/console/specs/\(specID)", "/console/awards", "/console/awards/\(awardID)", "/console/staff", "/console/recognition"] {
                Self.expectEscaped(try await person.get(client, page), page)
            }
            Self.expectEscaped(try await person.get(client, "/console/audit"), "/console/audit", shows: false)
            for page in ["/mochila", itemPath, String(importedPath)] {
                Self.expectEscaped(try await learner.get(client, page), page)
            }
            // What the verifier page reports of a pasted credential.
            let (type, pasted) = VerificationRoutesTests().multipart([("credential", nil, foreign.serialized())])
            let verified = try await client.execute(uri: "/verify?lang=es", method: .post, headers: [.contentType: type], body: pasted)
            Self.expectEscaped(verified, "POST /verify")
        }
    }

    // MARK: Headers

    /// Pages carry a CSP that allows no script and no framing, nosniff, a referrer policy and
    /// X-Frame-Options; the console's and the backpack's are not cached; every JSON answer is
    /// nosniff; a node served over https says so with HSTS.
    @Test func responsesCarryTheSecurityHeaders() async throws {
        let test = try await TestNode(demo: true)
        try await test.run { client in
            var staff = ConsoleUser(), learner = ConsoleUser()
            try await staff.signIn(client, email: "admin@utve.example", password: Node.demoPassword)
            let award = try #require(
                try json(try await client.execute(uri: "/api/v1/awards", method: .get, headers: bearer("demo-utve"))).asArray.first?["id"]?.stringValue)
            let item = try await BackpackTests().claim(client, award, as: &learner)
            let pages: [(ConsoleUser?, String)] = [
                (nil, "/"), (nil, "/verify"), (nil, "/credentials/\(award)"), (nil, "/registry"), (nil, "/catalogue"), (nil, "/network"),
                (nil, "/console/login"), (nil, "/credentials/no-existe"), (staff, "/console"), (staff, "/console/awards"), (learner, "/mochila"),
                (learner, item),
            ]
            for (user, page) in pages {
                let response: TestResponse
                if let user { response = try await user.get(client, page) } else { response = try await client.execute(uri: page, method: .get) }
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && !csp.contains("script-src"), "\(page): \(csp)")
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(page)")
                #expect(response.headers[.init("X-Frame-Options")!] == "DENY", "\(page)")
                #expect(response.headers[.init("Referrer-Policy")!] != nil, "\(page)")
                #expect(response.headers[.init("Strict-Transport-Security")!] == nil, "an http node does not send HSTS")
                if page.hasPrefix("/console/") && page != "/console/login" || page.hasPrefix("/mochila") || page == "/console" {
                    #expect(response.headers[.cacheControl] == "no-store", "\(page) may be cached: \(response.headers[.cacheControl] ?? "")")
                }
            }
            for path in ["/health", "/api/v1/institutions", "/api/v1/awards", "/api/v1/no-existe"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(path) \(response.status)")
            }
        }
        let store = SQLiteStore(path: nil)
        try await store.migrate()
        let node = Node(
            store: store, vault: try KeyVault(masterKey: KeyVault.generateMasterKey()), adminToken: TestNode.adminToken,
            publicURL: "https://creditos.uni.example")
        try await Application(router: buildRouter(node: node, demo: false)).test(.router) { client in
            for path in ["/", "/health", "/api/v1/awards"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.headers[.init("Strict-Transport-Security")!] == "max-age=31536000", "\(path)")
            }
        }
        try await store.shutdown()
    }

    // MARK: Password guessing

    /// Signing in to a backpack is throttled like the console and the OAuth token endpoint; and
    /// failures sprayed over many other names never lift a block.
    @Test func passwordGuessingIsThrottledEverywhere() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-fuerza")
            let specID = try await createSpec(client, token: token)
            var learner = ConsoleUser()
            _ = try await BackpackTests().claim(client, try await BackpackTests().issue(client, token: token, specID: specID), as: &learner)
            let kept = try await learner.post(
                client, "/mochila/account", [("email", "rosa@correo.example"), ("name", "Rosa"), ("password", "una contraseña larga")], from: "/mochila")
            #expect(kept.status == .seeOther)
            func signIn(_ password: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/mochila/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: form(["email": "rosa@correo.example", "password": password])))
            }
            for _ in 0..<LoginThrottle.maxFailures { #expect(try await signIn("adivinanza").status == .unauthorized) }
            #expect(try await signIn("una contraseña larga").status == .tooManyRequests, "even the right password waits")
        }

        let throttle = LoginThrottle()
        let now = Date()
        for _ in 0..<LoginThrottle.maxFailures { throttle.failed("victima@uni.example", now: now) }
        #expect(throttle.blocked("victima@uni.example", now: now) != nil)
        for n in 0..<(LoginThrottle.capacity + 10) { throttle.failed("rociado\(n)@uni.example", now: now) }
        #expect(throttle.blocked("victima@uni.example", now: now) != nil, "spraying other names lifted the block")
        #expect(throttle.blocked("victima@uni.example", now: now + LoginThrottle.window + 1) == nil, "a block ends with its window")
    }

    // MARK: Secrets and logs

    /// Every log line of a node taken through its secrets (the administrator token, an
    /// institution's token, staff and learner passwords, session cookies and CSRF tokens, OAuth
    /// client secrets and access tokens, share links, the master key, and failed
    /// attempts with wrong secrets) at trace level: none of them is in any message or metadata.
    @Test func secretsNeverReachTheLog() async throws {
        let lines = LogCapture()
        var logger = Logger(label: "mochila-test") { _ in CapturingLogHandler(lines: lines) }
        logger.logLevel = .trace
        let masterKey = TestNode.masterKey
        let store = SQLiteStore(path: nil, logger: logger)
        try await store.migrate()
        let node = Node(
            store: store, vault: try KeyVault(masterKey: masterKey), adminToken: TestNode.adminToken, publicURL: "http://mochila.test",
            logger: logger)
        let secrets = LogCapture()
        secrets.append(TestNode.adminToken)
        secrets.append(masterKey.map { String(format: "%02x", $0) }.joined())
        try await Application(router: buildRouter(node: node, demo: false), logger: logger).test(.router) { client in
            let token = try await createInstitution(client, slug: "uni-secreta")
            secrets.append(token)
            let specID = try await createSpec(client, token: token)
            let staff = try await client.execute(
                uri: "/api/v1/staff", method: .post, headers: bearer(token),
                body: body(["email": "ana@secreta.example", "name": "Ana", "role": "admin", "password": "clave-del-personal-1234"]))
            #expect(staff.status == .created)
            secrets.append("clave-del-personal-1234")
            var user = ConsoleUser()
            _ = try await client.execute(
                uri: "/console/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form(["email": "ana@secreta.example", "password": "clave-equivocada-5678"])))
            secrets.append("clave-equivocada-5678")
            try await user.signIn(client, email: "ana@secreta.example", password: "clave-del-personal-1234")
            secrets.append(String(user.cookie.split(separator: "=")[1]))
            secrets.append(try await user.csrf(client, "/console"))
            // The award's id is the credential's, public by design (its page is the claim link).
            let awardID = try await BackpackTests().issue(client, token: token, specID: specID)
            var learner = ConsoleUser()
            let itemPath = try await BackpackTests().claim(client, awardID, as: &learner)
            secrets.append(String(learner.cookie.split(separator: "=")[1]))
            _ = try await learner.post(
                client, "/mochila/account", [("email", "rosa@correo.example"), ("name", "Rosa"), ("password", "clave-de-la-mochila-9012")], from: "/mochila")
            secrets.append("clave-de-la-mochila-9012")
            _ = try await learner.post(client, itemPath + "/share", [("expires", "30")], from: itemPath)
            let withLink = text(try await learner.get(client, itemPath))
            let shareID = String(withLink[try #require(withLink.range(of: "http://mochila.test/c/")).upperBound...].prefix { $0 != "<" })
            secrets.append(shareID)
            #expect(try await client.execute(uri: "/c/\(shareID)", method: .get).status == .ok)
            let registered = try await OpenBadgesAPITests().registerClient(client, token: token, scopes: [OpenBadgesAPITests.readonly])
            secrets.append(registered.secret)
            let granted = try await OpenBadgesAPITests().requestToken(client, registered)
            let access = try #require(try json(granted)["access_token"]?.stringValue)
            secrets.append(access)
            _ = try await OpenBadgesAPITests().requestToken(client, (registered.id, "secreto-equivocado-3456"))
            secrets.append("secreto-equivocado-3456")
            #expect(try await client.execute(uri: "/ims/ob/v3p0/credentials", method: .get, headers: bearer(access)).status == .ok)
            // A failing request with a token, and one that throws deep in the node.
            _ = try await client.execute(uri: "/api/v1/awards/\(UUID())/revoke", method: .post, headers: bearer(token), body: body([:]))
            _ = try await client.execute(uri: "/api/v1/specs", method: .post, headers: bearer(token), body: ByteBuffer(string: "{"))
        }
        try await store.shutdown()
        let logged = lines.all
        #expect(logged.count > 20, "the node logged: \(logged)")
        #expect(logged.contains { $0.contains("Request") }, "requests are logged")
        for secret in secrets.all where secret.count >= 8 {
            let leaks = logged.filter { $0.contains(secret) }
            #expect(leaks.isEmpty, "a secret (\(secret.prefix(4))…) is in the log: \(leaks.prefix(2))")
        }
    }

    @Test func theRequestLogRedactsIdentifiersAndDropsTheQuery() {
        #expect(RequestLogMiddleware<BasicRequestContext>.redacted("/credentials/3f1c2a9e-7d64-4c1b-9a5e-2b8f0e6d4c11") == "/credentials/:id")
        #expect(RequestLogMiddleware<BasicRequestContext>.redacted("/c/Jx2u8Qk4mZ0pW7sT9vL3") == "/c/:id")
        #expect(RequestLogMiddleware<BasicRequestContext>.redacted("/api/v1/awards/urn:uuid:3f1c/revoke") == "/api/v1/awards/:id/revoke")
        #expect(RequestLogMiddleware<BasicRequestContext>.redacted("/c/kutRliAHPYwWG--qjrb_kQ") == "/c/:id", "a token without a digit")
        #expect(RequestLogMiddleware<BasicRequestContext>.redacted("/c/abc/qr.svg") == "/c/:id/qr.svg")
        #expect(RequestLogMiddleware<BasicRequestContext>.redacted("/console/specs/new") == "/console/specs/new")
        #expect(RequestLogMiddleware<BasicRequestContext>.redacted("/ims/ob/v3p0/credentials") == "/ims/ob/v3p0/credentials")
    }
}

/// The lines a logger wrote, message and metadata.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

struct CapturingLogHandler: LogHandler {
    let lines: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let error = event.error.map { " error=\(String(reflecting: $0))" } ?? ""
        lines.append("\(event.level) \(event.message) \(all.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "))\(error)")
    }
}
