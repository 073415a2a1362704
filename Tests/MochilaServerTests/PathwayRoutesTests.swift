import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import Testing

@testable import MochilaServer

/// A pathway completed from credentials of two institutions, on the demo.
@Suite struct PathwayRoutesTests {
    @Test func aPathwayCompletesFromCredentialsOfTwoInstitutions() async throws {
        try await TestNode(demo: true).run { client in
            let pathways = try json(try await client.execute(uri: "/api/v1/pathways", method: .get))
            let pathway = try #require(pathways.asArray.first)
            let id = String(try #require(pathway["id"]?.stringValue).dropFirst("urn:uuid:".count))
            #expect(text(try await client.execute(uri: "/pathways/\(id)?lang=es", method: .get)).contains("transición energética"))

            // One engineering credential from México (3 ECTS): not enough yet.
            func award(_ token: String, field: String) async throws -> String {
                let awards = try json(try await client.execute(uri: "/api/v1/awards?limit=1000", method: .get, headers: bearer(token)))
                for award in awards.asArray where award["revokedAt"] == nil && award["suspendedAt"] == nil {
                    let id = award["id"]!.stringValue!
                    let credential = try json(try await client.execute(uri: "/api/v1/credentials/\(id)", method: .get))
                    if credential.serializedString().contains("\"\(field)\"") { return id }
                }
                throw APIError.notFound(field)
            }
            var learner = ConsoleUser()
            _ = try await BackpackTests().claim(client, try await award("demo-utiv", field: "0713"), as: &learner)
            let before = text(try await learner.get(client, "/mochila"))
            #expect(before.contains("Diplomado en tecnologías para la transición energética"))
            #expect(!before.contains("Obtener la credencial del itinerario"))
            let tooEarly = try await learner.post(client, "/mochila/pathways/\(id)/claim", [], from: "/mochila")
            #expect(tooEarly.status == .conflict)

            // A second from Chile (4 ECTS): 7 ≥ 6, complete.
            _ = try await BackpackTests().claim(client, try await award("demo-utve", field: "0714"), as: &learner)
            let after = text(try await learner.get(client, "/mochila"))
            #expect(after.contains("Obtener la credencial del itinerario"), "\(after)")
            let claimed = try await learner.post(client, "/mochila/pathways/\(id)/claim", [], from: "/mochila")
            #expect(claimed.status == .seeOther, "\(text(claimed))")
            let itemPath = String(try #require(claimed.headers[.location]).prefix { $0 != "?" })
            let item = text(try await learner.get(client, itemPath))
            #expect(item.contains("Credencial verificada"), "\(item)")
            #expect(text(try await learner.get(client, "/mochila")).contains("Ya obtuviste esta credencial"))
            // Once per learner.
            #expect(try await learner.post(client, "/mochila/pathways/\(id)/claim", [], from: "/mochila").status == .conflict)
        }
    }

    @Test func pathwaysArePublishedByTheirInstitution() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-itinerario", country: "CL")
            let input: JSONValue = [
                "name": ["es": "Diplomado"], "description": ["es": "Reúne dos microcredenciales."],
                "requirement": ["kind": "nOf", "n": 2, "parts": [["fields": ["07"], "name": ["es": "A"]], ["fields": ["09"], "name": ["es": "B"]]]],
                "award": ["iscedField": "0713", "eqfLevel": 5],
            ]
            #expect(try await client.execute(uri: "/api/v1/pathways", method: .post, body: body(input)).status == .unauthorized)
            let bad = try await client.execute(
                uri: "/api/v1/pathways", method: .post, headers: bearer(token), body: body(["name": ["es": "x"], "requirement": ["kind": "otro"]]))
            #expect(bad.status == .badRequest)
            #expect(text(bad).contains("requirement.kind"))
            let created = try await client.execute(uri: "/api/v1/pathways", method: .post, headers: bearer(token), body: body(input))
            #expect(created.status == .created, "\(text(created))")
            let id = try #require(try json(created)["id"]?.stringValue)
            let second = try await client.execute(uri: "/api/v1/pathways/\(id)/versions", method: .post, headers: bearer(token), body: body(input))
            #expect(try json(second)["version"] == 2)
        }
    }
}
