import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import Synchronization
import Testing

@testable import MochilaServer

/// The network's trust registry: kept by the coordinator, published signed, imported by another
/// node, and consulted by the verifier's trust check.
@Suite struct RegistryTests {
    func did(of client: any TestClientProtocol, _ slug: String) async throws -> String {
        try json(try await client.execute(uri: "/api/v1/institutions/\(slug)", method: .get))["did"]!.stringValue!
    }

    func member(_ did: String, name: String, country: String, fields: [String], levels: [Int]) -> JSONValue {
        [
            "did": .string(did), "name": .string(name), "country": .string(country), "qualityAssuranceAgency": "CNA Chile",
            "memberSince": "2024-01-01T00:00:00Z",
            "accreditation": [["fields": .array(fields.map { .string($0) }), "eqfLevels": .array(levels.map { .number(Double($0)) })]],
        ]
    }

    func trust(_ client: any TestClientProtocol, _ credential: JSONValue) async throws -> String? {
        let report = try await client.execute(
            uri: "/credentials/verify", method: .post, headers: [.contentType: "application/json"], body: body(["verifiableCredential": credential]))
        return try json(report)["checks"]?.asArray.first { $0["check"] == "trust" }?["status"]?.stringValue
    }

    @Test func theCoordinatorKeepsMembersAndTheVerifierTrustsThemWithinScope() async throws {
        let published = Mutex<(registry: JSONValue, coordinator: String, credential: JSONValue)?>(nil)
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-miembro")
            let specID = try await createSpec(client, token: token)
            let issued = try await client.execute(
                uri: "/api/v1/awards", method: .post, headers: bearer(token),
                body: body(["specId": .string(specID), "learner": ["givenName": "Rosa", "familyName": "Tzoc"]]))
            let awardID = try json(issued)["id"]!.stringValue!
            let credential = try json(try await client.execute(uri: "/api/v1/credentials/\(awardID)", method: .get))
            let memberDID = try await did(of: client, "uni-miembro")
            // No registry yet: nothing to consult.
            #expect(try await trust(client, credential) == "skipped")

            // Only the administrator keeps the registry; bad input names its fields.
            let anonymous = try await client.execute(
                uri: "/api/v1/registry/members", method: .post, headers: bearer(token),
                body: body(member(memberDID, name: "Uni", country: "GT", fields: ["0715"], levels: [4])))
            #expect(anonymous.status == .unauthorized)
            let bad = try await client.execute(
                uri: "/api/v1/registry/members", method: .post, headers: bearer(TestNode.adminToken),
                body: body(member("no-es-un-did", name: "Uni", country: "ZZ", fields: ["9999"], levels: [9])))
            #expect(bad.status == .badRequest)
            for field in ["did", "country"] { #expect(text(bad).contains("\"\(field)"), "\(text(bad))") }

            // A member accredited for another field: its credential is not trusted.
            let narrow = try await client.execute(
                uri: "/api/v1/registry/members", method: .post, headers: bearer(TestNode.adminToken),
                body: body(member(memberDID, name: "Universidad Miembro", country: "GT", fields: ["09"], levels: [4])))
            #expect(narrow.status == .created, "\(text(narrow))")
            #expect(try await trust(client, credential) == "failed")
            // Accredited for engineering (07) at EQF 4: trusted.
            _ = try await client.execute(
                uri: "/api/v1/registry/members", method: .post, headers: bearer(TestNode.adminToken),
                body: body(member(memberDID, name: "Universidad Miembro", country: "GT", fields: ["07"], levels: [4, 5])))
            #expect(try await trust(client, credential) == "passed")
            let members = try json(try await client.execute(uri: "/api/v1/registry/members", method: .get, headers: bearer(TestNode.adminToken)))
            #expect(members.asArray.count == 1)

            // Published: a credential the coordinator key signs, which verifies; and a page.
            let registry = try json(try await client.execute(uri: "/registry.json", method: .get))
            #expect(registry["type"]?.asArray.contains("TrustRegistryCredential") == true)
            let coordinator = try #require(registry["issuer"]?["id"]?.stringValue ?? registry["issuer"]?.stringValue)
            let verified = try await client.execute(
                uri: "/credentials/verify", method: .post, headers: [.contentType: "application/json"], body: body(["verifiableCredential": registry]))
            #expect(verified.status == .ok, "\(text(verified))")
            let page = text(try await client.execute(uri: "/registry?lang=es", method: .get))
            #expect(page.contains("Universidad Miembro"))
            #expect(page.contains(coordinator))
            published.withLock { $0 = (registry, coordinator, credential) }

            // Removed: no longer consulted.
            let removed = try await client.execute(
                uri: "/api/v1/registry/members?did=\(memberDID.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", method: .delete,
                headers: bearer(TestNode.adminToken))
            #expect(removed.status == .noContent)
            #expect(try await trust(client, credential) == "skipped")
        }

        // Another node imports the registry: only when the coordinator it names signed it.
        let (registry, coordinator, credential) = try #require(published.withLock { $0 })
        try await TestNode().run { client in
            #expect(try await trust(client, credential) == "skipped")
            func importing(_ credential: JSONValue, _ coordinator: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/registry/sources", method: .post, headers: bearer(TestNode.adminToken),
                    body: body(["credential": credential, "coordinator": .string(coordinator)]))
            }
            #expect(try await importing(registry, "did:key:z6MkotroCoordinador").status == .badRequest)
            var tampered = registry.objectValue!
            tampered["validUntil"] = "2099-01-01T00:00:00Z"
            #expect(try await importing(.object(tampered), coordinator).status == .badRequest)
            #expect(try await client.execute(uri: "/api/v1/registry/sources", method: .get, headers: bearer(TestNode.adminToken)).body.readableBytes == 2)

            let imported = try await importing(registry, coordinator)
            #expect(imported.status == .created, "\(text(imported))")
            #expect(try json(imported)["members"] == 1)
            #expect(try await trust(client, credential) == "passed")
        }
    }
}
