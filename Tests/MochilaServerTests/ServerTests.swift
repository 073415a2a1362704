import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import MochilaStore
import MochilaTestSupport
import Testing

@testable import MochilaServer

/// The node as `mochila serve` builds it, exercised through its router.
struct TestNode {
    let node: Node
    let store: SQLiteStore
    let app: Application<RouterResponder<BasicRequestContext>>
    static let adminToken = "test-admin-token"
    /// The master key of every test node, so that tests can make an award's claim link as its
    /// institution hands it out (``claimLink(_:)``).
    static let masterKey = KeyVault.generateMasterKey()

    /// The claim link of an award of a test node (path and query).
    static func claimLink(_ awardID: String) throws -> String {
        let id = try #require(UUID(uuidString: awardID))
        return "/credentials/\(awardID)?claim=\(Node.claimToken(for: id, vault: try KeyVault(masterKey: masterKey)))"
    }

    init(
        demo: Bool = false, now: Date = XSDDateTime("2026-05-01T12:00:00Z")!.date, documents: any DocumentResolver = PreloadedDocuments()
    ) async throws {
        store = SQLiteStore(path: nil)
        try await store.migrate()
        node = Node(
            store: store, vault: try KeyVault(masterKey: TestNode.masterKey), adminToken: TestNode.adminToken,
            clock: { now }, publicURL: "http://mochila.test", documents: documents)
        if demo { try await node.seedDemo() }
        app = Application(router: buildRouter(node: node, demo: demo))
    }

    func run(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        do {
            try await app.test(.router, body)
        } catch {
            try await store.shutdown()
            throw error
        }
        try await store.shutdown()
    }
}

func json(_ response: TestResponse) throws -> JSONValue {
    try JSONValue(parsing: Array(response.body.readableBytesView))
}

func text(_ response: TestResponse) -> String {
    String(decoding: response.body.readableBytesView, as: UTF8.self)
}

func body(_ value: JSONValue) -> ByteBuffer {
    ByteBuffer(bytes: value.serialized())
}

func bearer(_ token: String) -> HTTPFields {
    [.authorization: "Bearer \(token)", .contentType: "application/json"]
}


/// Creates an institution through the API and returns its token.
func createInstitution(_ client: any TestClientProtocol, slug: String, country: String = "GT") async throws -> String {
    let response = try await client.execute(
        uri: "/api/v1/institutions", method: .post, headers: bearer(TestNode.adminToken),
        body: body(["slug": .string(slug), "name": ["es": .string("Universidad \(slug)")], "country": .string(country)]))
    #expect(response.status == .created, "\(text(response))")
    return try json(response)["token"]!.stringValue!
}

func createSpec(_ client: any TestClientProtocol, token: String) async throws -> String {
    let response = try await client.execute(uri: "/api/v1/specs", method: .post, headers: bearer(token), body: body(specBody))
    #expect(response.status == .created, "\(text(response))")
    return try json(response)["id"]!.stringValue!
}

@Suite struct ServerTests {
    @Test func healthAnswersOnceTheStoreIsReady() async throws {
        try await TestNode().run { client in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            #expect(try json(response) == ["status": "ok"])
        }
    }

    @Test func issuesAndVerifiesItsOwnCredential() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await createInstitution(client, slug: "uni-quetzal")
            let specID = try await createSpec(client, token: token)
            let issued = try await client.execute(
                uri: "/api/v1/awards", method: .post, headers: bearer(token),
                body: body([
                    "specId": .string(specID),
                    "learner": ["givenName": "Ana Lucía", "familyName": "Xicará Tzul", "email": "ana@correo.example"],
                ]))
            #expect(issued.status == .created, "\(text(issued))")
            let award = try json(issued)
            let id = award["id"]!.stringValue!
            #expect(award["credential"]?["credentialSubject"]?["achievement"]?["achievementType"] == "MicroCredential")

            // GET returns the credential exactly as stored.
            let stored = try await client.execute(uri: "/api/v1/credentials/\(id)", method: .get)
            #expect(stored.status == .ok)
            #expect(stored.headers[.contentType] == "application/vc")
            let storedAward = try #require(try await test.store.award(id: UUID(uuidString: id)!))
            #expect(Array(stored.body.readableBytesView) == storedAward.credential)
            let byCredentialID = try await client.execute(uri: "/api/v1/credentials/\(award["credentialId"]!.stringValue!)", method: .get)
            #expect(Array(byCredentialID.body.readableBytesView) == storedAward.credential)

            // VC-API verification of the node's own credential.
            let credential = try json(stored)
            let verified = try await client.execute(
                uri: "/credentials/verify", method: .post, headers: [.contentType: "application/json"],
                body: body(["verifiableCredential": credential]))
            #expect(verified.status == .ok, "\(text(verified))")
            let report = try json(verified)
            #expect(report["verified"] == true)
            #expect(report["checks"]?.asArray.first { $0["check"] == "proof" }?["status"] == "passed")
            #expect(report["errors"] == [])

            // A changed name fails the proof check.
            var tampered = credential
            tampered["credentialSubject"]?["name"] = "Otra Persona"
            let refused = try await client.execute(
                uri: "/credentials/verify", method: .post, headers: [.contentType: "application/json", .acceptLanguage: "es"],
                body: body(["verifiableCredential": tampered]))
            #expect(refused.status == .badRequest)
            let refusedReport = try json(refused)
            #expect(refusedReport["verified"] == false)
            #expect(refusedReport["checks"]?.asArray.first { $0["check"] == "proof" }?["status"] == "failed")
            #expect(refusedReport["errors"]?.asArray.first?.stringValue?.contains("firma") == true)

            // The public page shows the report, in Spanish and in English.
            let page = try await client.execute(uri: "/credentials/\(id)", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(text(page).contains("Credencial verificada"))
            #expect(text(page).contains("Ana Lucía Xicará Tzul"))
            #expect(text(page).contains("<html lang=\"es\">"))
            let english = try await client.execute(uri: "/credentials/\(id)?lang=en", method: .get)
            #expect(text(english).contains("Credential verified"))
            #expect(text(english).contains("Structural welding"))
            let negotiated = try await client.execute(uri: "/credentials/\(id)", method: .get, headers: [.acceptLanguage: "pt-BR,pt;q=0.9"])
            #expect(text(negotiated).contains("Credencial verificada"))
            #expect(text(negotiated).contains("<html lang=\"pt\">"))
        }
    }

    @Test func tokensNeverWorkForAnotherInstitution() async throws {
        try await TestNode().run { client in
            let first = try await createInstitution(client, slug: "uni-uno")
            let second = try await createInstitution(client, slug: "uni-dos", country: "CL")
            let specID = try await createSpec(client, token: first)
            let learner: JSONValue = ["givenName": "Pedro", "familyName": "Soto Rojas"]
            let foreign = try await client.execute(
                uri: "/api/v1/awards", method: .post, headers: bearer(second),
                body: body(["specId": .string(specID), "learner": learner]))
            #expect(foreign.status == .notFound)
            let newVersion = try await client.execute(
                uri: "/api/v1/specs/\(specID)/versions", method: .post, headers: bearer(second), body: body(specBody))
            #expect(newVersion.status == .notFound)
            let anonymous = try await client.execute(
                uri: "/api/v1/awards", method: .post, headers: [.contentType: "application/json"],
                body: body(["specId": .string(specID), "learner": learner]))
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers[.wwwAuthenticate] == "Bearer")
            let wrong = try await client.execute(uri: "/api/v1/awards", method: .get, headers: bearer("mch_not-a-token"))
            #expect(wrong.status == .unauthorized)
            // An institution token cannot create institutions.
            let notAdmin = try await client.execute(
                uri: "/api/v1/institutions", method: .post, headers: bearer(first),
                body: body(["slug": "intrusa", "name": ["es": "Intrusa"], "country": "MX"]))
            #expect(notAdmin.status == .unauthorized)
            // Each institution sees only its own awards.
            let own = try await client.execute(uri: "/api/v1/awards", method: .get, headers: bearer(second))
            #expect(try json(own) == [])
        }
    }

    @Test func badInputNamesTheFieldAndWritesNothing() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-valida")
            var incomplete = specBody
            incomplete["learningOutcomes"] = nil
            incomplete["qualityAssurance"] = nil
            let missing = try await client.execute(uri: "/api/v1/specs", method: .post, headers: bearer(token), body: body(incomplete))
            #expect(missing.status == .badRequest)
            let fields = try json(missing)["error"]?["fields"]?.asArray.compactMap { $0["field"]?.stringValue }
            #expect(Set(fields ?? []) == ["learningOutcomes", "qualityAssurance"])

            var wrongType = specBody
            wrongType["workloadHours"] = "sesenta"
            let typed = try await client.execute(uri: "/api/v1/specs", method: .post, headers: bearer(token), body: body(wrongType))
            #expect(typed.status == .badRequest)
            #expect(try json(typed)["error"]?["fields"]?[0]?["field"] == "workloadHours")

            var badEnum = specBody
            badEnum["participation"] = "remote"
            let enumResponse = try await client.execute(uri: "/api/v1/specs", method: .post, headers: bearer(token), body: body(badEnum))
            #expect(enumResponse.status == .badRequest)
            #expect(try json(enumResponse)["error"]?["message"]?.stringValue?.contains("\"online\"") == true)

            let malformed = try await client.execute(
                uri: "/api/v1/specs", method: .post, headers: bearer(token), body: ByteBuffer(string: "{\"title\": "))
            #expect(malformed.status == .badRequest)
            #expect(try json(malformed)["error"]?["code"] == "invalid_json")

            let noLearner = try await client.execute(
                uri: "/api/v1/awards", method: .post, headers: bearer(token), body: body(["specId": .string(UUID().uuidString)]))
            #expect(noLearner.status == .badRequest)
            #expect(try json(noLearner)["error"]?["fields"]?[0]?["field"] == "learner")

            let badCountry = try await client.execute(
                uri: "/api/v1/institutions", method: .post, headers: bearer(TestNode.adminToken),
                body: body(["slug": "Con Espacios", "name": ["es": "X"], "country": "ES"]))
            #expect(Set(try json(badCountry)["error"]?["fields"]?.asArray.compactMap { $0["field"]?.stringValue } ?? []) == ["slug", "country"])
            let duplicate = try await client.execute(
                uri: "/api/v1/institutions", method: .post, headers: bearer(TestNode.adminToken),
                body: body(["slug": "uni-valida", "name": ["es": "Otra"], "country": "MX"]))
            #expect(duplicate.status == .badRequest)

            // Nothing was written by the refused requests.
            let specs = try await client.execute(uri: "/api/v1/specs", method: .get)
            #expect(try json(specs) == [])
            let institutions = try await client.execute(uri: "/api/v1/institutions", method: .get)
            #expect(try json(institutions).asArray.count == 1)

            let oversized = try await client.execute(
                uri: "/credentials/verify", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{\"verifiableCredential\": \"" + String(repeating: "a", count: 2 << 20) + "\"}"))
            #expect(oversized.status == .contentTooLarge)
            let noCredential = try await client.execute(
                uri: "/credentials/verify", method: .post, headers: [.contentType: "application/json"], body: body(["x": 1]))
            #expect(noCredential.status == .badRequest)
            #expect(try json(noCredential)["error"]?["fields"]?[0]?["field"] == "verifiableCredential")
        }
    }

    @Test func specsAreVersionedThroughTheAPI() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-versiones")
            let specID = try await createSpec(client, token: token)
            var changed = specBody
            changed["workloadHours"] = 75
            let second = try await client.execute(
                uri: "/api/v1/specs/\(specID)/versions", method: .post, headers: bearer(token), body: body(changed))
            #expect(second.status == .created)
            #expect(try json(second)["version"] == 2)
            let latest = try await client.execute(uri: "/api/v1/specs/\(specID)", method: .get)
            #expect(try json(latest)["workloadHours"] == 75)
            let first = try await client.execute(uri: "/api/v1/specs/\(specID)?version=1", method: .get)
            #expect(try json(first)["workloadHours"] == 60)
            // An award names the version it was issued under.
            let issued = try await client.execute(
                uri: "/api/v1/awards", method: .post, headers: bearer(token),
                body: body(["specId": .string(specID), "specVersion": 1, "learner": ["givenName": "Eva", "familyName": "Paz Ríos"]]))
            #expect(try json(issued)["specVersion"] == 1)
            #expect(try json(issued)["credential"]?["credentialSubject"]?["achievement"]?["workloadHours"] == 60)
        }
    }

    @Test func pagesEscapeWhatTheyShow() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-escape")
            let specID = try await createSpec(client, token: token)
            let issued = try await client.execute(
                uri: "/api/v1/awards", method: .post, headers: bearer(token),
                body: body([
                    "specId": .string(specID),
                    "learner": ["givenName": "<script>alert(1)</script>", "familyName": "\"O'Brien\" & Co"],
                ]))
            let id = try json(issued)["id"]!.stringValue!
            let page = text(try await client.execute(uri: "/credentials/\(id)", method: .get))
            #expect(!page.contains("<script>alert(1)</script>"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;O&#39;Brien&quot; &amp; Co"))
            let missing = try await client.execute(uri: "/credentials/\(UUID().uuidString)", method: .get)
            #expect(missing.status == .notFound)
            let injected = try await client.execute(uri: "/credentials/x?lang=%3Cb%3E", method: .get)
            #expect(!text(injected).contains("<b>"))
        }
    }

    @Test func theDemoNetworkIsSeededOnceAndShownOnTheFirstPage() async throws {
        let test = try await TestNode(demo: true)
        try await test.node.seedDemo()
        try await test.run { client in
            let institutions = try json(try await client.execute(uri: "/api/v1/institutions", method: .get))
            #expect(Set(institutions.asArray.compactMap { $0["country"]?.stringValue }) == ["MX", "DO", "CL", "GT"])
            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.status == .ok)
            let page = text(home)
            #expect(page.contains("Credenciales emitidas recientemente"))
            for seed in DemoNetwork.awards.prefix(3) { #expect(page.contains(HTML.escape(seed.learner.fullName))) }
            // Every demo credential verifies on its page.
            let awards = try json(try await client.execute(uri: "/api/v1/awards", method: .get, headers: bearer("demo-utiv")))
            #expect(!awards.asArray.isEmpty)
            for award in awards.asArray {
                let credentialPage = text(try await client.execute(uri: "/credentials/\(award["id"]!.stringValue!)", method: .get))
                #expect(credentialPage.contains("Credencial verificada"))
            }
        }
    }

    @Test func openAPIDocumentIsServed() async throws {
        try await TestNode().run { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try json(response)
            #expect(document["openapi"] == "3.1.0")
            #expect(document["paths"]?["/api/v1/awards"] != nil)
        }
    }
}
