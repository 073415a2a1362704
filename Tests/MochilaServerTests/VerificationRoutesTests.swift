import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import Testing

@testable import MochilaServer

/// The verifier's doors on the server: VC-API presentation verification and the /verify page.
@Suite struct VerificationRoutesTests {
    let issuerKey = SigningKey.generate(.ed25519)
    let holderKey = SigningKey.generate(.ed25519)

    func signedPresentation(challenge: String) throws -> JSONValue {
        let issuer = Multikey(didKeyFor: issuerKey)
        let holder = Multikey(didKeyFor: holderKey)
        let credential = try DataIntegrity.addProof(
            to: [
                "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                "id": "urn:uuid:1c9d2c55-8b8e-4a2e-9d0f-7a6b5c4d3e2f", "type": ["VerifiableCredential", "OpenBadgeCredential"],
                "issuer": ["id": .string(issuer.controller), "type": ["Profile"], "name": "Instituto"],
                "validFrom": "2026-01-01T00:00:00Z", "name": "Insignia",
                "credentialSubject": [
                    "id": .string(holder.controller), "type": ["AchievementSubject"],
                    "achievement": [
                        "id": "urn:uuid:2d8e3f66-9c9f-4b3f-8e1a-8b7c6d5e4f30", "type": ["Achievement"], "name": "Insignia",
                        "description": "Una insignia.", "criteria": ["narrative": "Aprobar."],
                    ],
                ],
            ], suite: EdDSARDFC2022(), key: issuerKey, options: ProofOptions(verificationMethod: issuer.id))
        return .object(
            try DataIntegrity.addProof(
                to: [
                    "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
                    "holder": .string(holder.controller), "verifiableCredential": [.object(credential)],
                ], suite: EdDSARDFC2022(), key: holderKey,
                options: ProofOptions(verificationMethod: holder.id, proofPurpose: "authentication", challenge: challenge)))
    }

    @Test func verifiesPresentationsThroughTheVCAPI() async throws {
        let presentation = try signedPresentation(challenge: "reto-42")
        try await TestNode().run { client in
            let good = try await client.execute(
                uri: "/presentations/verify", method: .post, headers: [.contentType: "application/json"],
                body: body(["verifiablePresentation": presentation, "options": ["challenge": "reto-42"]]))
            #expect(good.status == .ok, "\(text(good))")
            let report = try json(good)
            #expect(report["verified"] == true)
            #expect(report["credentials"]?[0]?["verified"] == true)
            #expect(report["checks"]?.asArray.map { $0["check"]!.stringValue! } == ["format", "proof", "holder"])
            let replayed = try await client.execute(
                uri: "/presentations/verify", method: .post, headers: [.contentType: "application/json"],
                body: body(["verifiablePresentation": presentation, "options": ["challenge": "otro-reto"]]))
            #expect(replayed.status == .badRequest)
            #expect(try json(replayed)["errors"]?.asArray.isEmpty == false)
            let missing = try await client.execute(
                uri: "/presentations/verify", method: .post, headers: [.contentType: "application/json"], body: body(["x": 1]))
            #expect(try json(missing)["error"]?["fields"]?[0]?["field"] == "verifiablePresentation")
        }
    }

    func multipart(_ parts: [(name: String, filename: String?, content: [UInt8])]) -> (String, ByteBuffer) {
        let boundary = "----mochila-test-boundary"
        var bytes: [UInt8] = []
        for part in parts {
            var header = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let filename = part.filename { header += "; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream" }
            header += "\r\n\r\n"
            bytes += Array(header.utf8) + part.content + Array("\r\n".utf8)
        }
        bytes += Array("--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: bytes))
    }

    @Test func theVerifyPageReadsPastedCredentialsAndBakedBadges() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let form = try await client.execute(uri: "/verify?lang=pt", method: .get)
            #expect(form.status == .ok)
            #expect(text(form).contains("Verificar uma credencial"))
            #expect(text(form).contains("enctype=\"multipart/form-data\""))

            // A credential the node issued, pasted.
            let token = try await createInstitution(client, slug: "uni-verifica")
            let specID = try await createSpec(client, token: token)
            let issued = try await client.execute(
                uri: "/api/v1/awards", method: .post, headers: bearer(token),
                body: body(["specId": .string(specID), "learner": ["givenName": "Inés", "familyName": "Ayala Cuxil"]]))
            let credential = try json(issued)["credential"]!.serialized()
            let (type, pasted) = multipart([("credential", nil, credential), ("file", "", [])])
            let result = try await client.execute(uri: "/verify?lang=es", method: .post, headers: [.contentType: type], body: pasted)
            #expect(result.status == .ok)
            #expect(text(result).contains("Credencial verificada"))
            #expect(text(result).contains("Inés Ayala Cuxil"))

            // A baked badge from another implementation: read, and its key (an https issuer not
            // fetched in tests) is unknown, so it is not verified.
            let svg = Array(try Data(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/simple-json.svg")))
            let (svgType, upload) = multipart([("credential", nil, []), ("file", "badge.svg", svg)])
            let badge = try await client.execute(uri: "/verify?lang=en", method: .post, headers: [.contentType: svgType], body: upload)
            #expect(badge.status == .ok)
            #expect(text(badge).contains("The credential could not be verified"))
            #expect(text(badge).contains("could not be obtained"))

            let (emptyType, empty) = multipart([("credential", nil, []), ("file", "", [])])
            let nothing = try await client.execute(uri: "/verify", method: .post, headers: [.contentType: emptyType], body: empty)
            #expect(nothing.status == .badRequest)
            let (pngType, notABadge) = multipart([("file", "x.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])])
            let broken = try await client.execute(uri: "/verify", method: .post, headers: [.contentType: pngType], body: notABadge)
            #expect(broken.status == .badRequest)
            #expect(text(broken).contains("no baked credential"))
        }
    }

    @Test func multipartBodiesAreParsedStrictly() throws {
        let (type, buffer) = multipart([("credential", nil, Array("hola\r\nmundo".utf8)), ("file", "a.json", [1, 2, 3])])
        let form = try MultipartForm(contentType: type, body: Array(buffer.readableBytesView))
        #expect(form.part("credential")?.body == Array("hola\r\nmundo".utf8))
        #expect(form.part("file")?.filename == "a.json")
        #expect(form.part("file")?.body == [1, 2, 3])
        #expect(throws: APIError.self) { try MultipartForm(contentType: "multipart/form-data", body: []) }
        #expect(throws: APIError.self) { try MultipartForm(contentType: type, body: Array("--x\r\n".utf8)) }
    }

    @Test func theResolverRefusesLocalAndPrivateDestinations() async throws {
        for address in ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "100.64.0.1"] {
            #expect(NetworkAddress.isPrivate(address), "\(address)")
        }
        for address in ["8.8.8.8", "200.23.4.5", "2001:4860:4860::8888"] {
            #expect(!NetworkAddress.isPrivate(address), "\(address)")
        }
        let resolver = HTTPDocumentResolver()
        for url in ["https://localhost/did.json", "https://127.0.0.1/x", "https://[::1]/x", "https://10.0.0.1/did.json", "http://example.com/x"] {
            await #expect(throws: (any Error).self, "\(url)") { try await resolver.checkDestination(url) }
        }
        #expect(try await resolver.document(at: "did:example:123") == nil)
        #expect(try await resolver.document(at: "http://example.com/plain-http") == nil)
    }
}

/// Open Badges 2.0 assertions on the /verify page: the hosted assertion of 1EdTech's reference
/// validator, its badge class and issuer served by an in-memory web.
@Suite struct OpenBadges2PageTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/openbadges2/\(name).json")))
    }

    static func web() throws -> PreloadedDocuments {
        var served: [String: JSONValue] = [:]
        for name in ["2_0_basic_assertion", "2_0_basic_badgeclass", "2_0_basic_issuer"] {
            let document = try JSONValue(parsing: try fixture(name))
            served[document["id"]!.stringValue!] = document
        }
        return PreloadedDocuments(served)
    }

    @Test func aHostedAssertionIsVerifiedWithItsBadgeClassAndIssuer() async throws {
        let test = try await TestNode(documents: try Self.web())
        try await test.run { client in
            let (type, form) = VerificationRoutesTests().multipart([("credential", nil, try Self.fixture("2_0_basic_assertion")), ("file", "", [])])
            let page = try await client.execute(uri: "/verify?lang=es", method: .post, headers: [.contentType: type], body: form)
            #expect(page.status == .ok)
            let html = text(page)
            #expect(html.contains("Insignia Open Badges 2.0: informe de verificación"))
            #expect(html.contains("Awesome Robotics Badge"))
            #expect(html.contains("Credencial verificada"), "\(html)")

            // The URL alone works too; an assertion whose issuer cannot be reached is not verified.
            let (urlType, urlForm) = VerificationRoutesTests().multipart([("credential", nil, Array("https://example.org/beths-robotics-badge.json".utf8)), ("file", "", [])])
            let byURL = text(try await client.execute(uri: "/verify?lang=en", method: .post, headers: [.contentType: urlType], body: urlForm))
            #expect(byURL.contains("Open Badges 2.0 badge: verification report"))
            #expect(byURL.contains("Awesome Robotics Badge"))
        }
        let offline = try await TestNode()
        try await offline.run { client in
            let (type, form) = VerificationRoutesTests().multipart([("credential", nil, try Self.fixture("2_0_basic_assertion")), ("file", "", [])])
            let html = text(try await client.execute(uri: "/verify?lang=es", method: .post, headers: [.contentType: type], body: form))
            #expect(html.contains("Insignia Open Badges 2.0"))
            #expect(!html.contains("Credencial verificada"))
        }
    }
}
