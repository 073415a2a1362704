import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import Testing

@testable import MochilaServer

/// One credential across the network, on the demo: issued in México, recognised in Chile under a
/// published rule, and the decision a credential that verifies like any other.
@Suite struct RecognitionTests {
    @Test func aCredentialFromOneInstitutionIsRecognisedByAnother() async throws {
        let test = try await TestNode(demo: true)
        try await test.run { client in
            // The demo publishes the Chilean university's rule and the registry.
            let rules = try json(try await client.execute(uri: "/api/v1/recognition/rules?institution=utve", method: .get))
            let rule = try #require(rules.asArray.first)
            let ruleID = String(try #require(rule["id"]?.stringValue).dropFirst("urn:uuid:".count))
            let rulePage = text(try await client.execute(uri: "/recognition/rules/\(ruleID)?lang=es", method: .get))
            #expect(rulePage.contains("Recurso de reposición"))
            #expect(text(try await client.execute(uri: "/registry?lang=es", method: .get)).contains("Comisión Nacional de Acreditación"))

            // A learner saves a UTIV (México) engineering credential and asks UTVE to recognise it.
            let awards = try json(try await client.execute(uri: "/api/v1/awards", method: .get, headers: bearer("demo-utiv")))
            let awardID = try #require(awards.asArray.first { $0["revokedAt"] == nil }?["id"]?.stringValue)
            var learner = ConsoleUser()
            let itemPath = try await BackpackTests().claim(client, awardID, as: &learner)
            let home = text(try await learner.get(client, "/mochila"))
            #expect(home.contains("Reconocimiento en otra institución"))
            let asked = try await learner.post(
                client, "/mochila/recognition", [("rule", ruleID), ("item", BackpackTests().itemID(itemPath))], from: "/mochila")
            #expect(asked.status == .seeOther, "\(text(asked))")
            let requestPath = try #require(asked.headers[.location])
            let proposal = text(try await learner.get(client, requestPath))
            #expect(proposal.contains("Reconocimiento propuesto"), "\(proposal)")
            #expect(proposal.contains("En revisión por la institución"))

            // Another backpack cannot read it.
            var stranger = ConsoleUser()
            _ = try await BackpackTests().claim(client, awardID, as: &stranger)
            #expect(try await stranger.get(client, requestPath).status == .notFound)

            // The Chilean officer decides in the console; another institution's staff cannot.
            let requestID = String(requestPath.split(separator: "/").last!)
            var other = ConsoleUser()
            try await other.signIn(client, email: "emision@utiv.example", password: Node.demoPassword)
            #expect(try await other.get(client, "/console/recognition/\(requestID)").status == .notFound)
            var officer = ConsoleUser()
            try await officer.signIn(client, email: "emision@utve.example", password: Node.demoPassword)
            let list = text(try await officer.get(client, "/console/recognition"))
            #expect(list.contains("por decidir"))
            let noReason = try await officer.post(client, "/console/recognition/\(requestID)", [("decision", "approved"), ("reason", " ")], from: "/console/recognition/\(requestID)")
            #expect(noReason.status == .badRequest)
            let decided = try await officer.post(
                client, "/console/recognition/\(requestID)",
                [("decision", "modified"), ("credits", "2"), ("reason", "Cumple la regla; se otorgan 2 créditos de libre elección.")],
                from: "/console/recognition/\(requestID)")
            #expect(decided.status == .seeOther, "\(text(decided))")
            let twice = try await officer.post(
                client, "/console/recognition/\(requestID)", [("decision", "refused"), ("reason", "otra vez")], from: "/console/recognition")
            #expect(twice.status == .conflict, "a decided request is decided once")

            // The learner sees the decision, and the credential is in the backpack, verified.
            let result = text(try await learner.get(client, requestPath))
            #expect(result.contains("Aprobado con cambios"))
            #expect(result.contains("Dirección de Docencia"))
            let api = try json(try await client.execute(uri: "/api/v1/recognition/requests", method: .get, headers: bearer("demo-utve")))
            let credential = try #require(api.asArray.first?["credential"])
            #expect(credential["credentialSubject"]?["creditsEarned"] == 2)
            #expect(credential["credentialSubject"]?["recognition"]?["decision"] == "modified")
            #expect(credential["relatedResource"]?.asArray.first?["digestSRI"]?.stringValue?.hasPrefix("sha384-") == true)
            let verified = try await client.execute(
                uri: "/credentials/verify", method: .post, headers: [.contentType: "application/json"], body: body(["verifiableCredential": credential]))
            #expect(verified.status == .ok, "\(text(verified))")
            #expect(try json(verified)["checks"]?.asArray.first { $0["check"] == "trust" }?["status"] == "passed")
            #expect(text(try await learner.get(client, "/mochila")).contains("reconocimiento"))
            let audit = try json(try await client.execute(uri: "/api/v1/audit", method: .get, headers: bearer("demo-utve")))
            #expect(audit.serializedString().contains("recognition.decide"))
        }
    }

    @Test func anAdministratorPublishesARuleFromTheConsole() async throws {
        try await TestNode(demo: true).run { client in
            var admin = ConsoleUser()
            try await admin.signIn(client, email: "admin@uatitlan.example", password: Node.demoPassword)
            #expect(text(try await admin.get(client, "/console/recognition")).contains("Publicar una regla de reconocimiento"))
            let fields: [(String, String)] = [
                ("name.es", "Microcredenciales de salud de la red"), ("requireTrustedIssuer", "1"), ("fields", "09"),
                ("minimumEQFLevel", "4"), ("maximumAgeMonths", "36"), ("creditSystem", "ECTS"), ("rounding", "nearest-half"),
                ("legalBasis.es", "Normativa académica, art. 4"), ("appealRoute.es", "Ante el Consejo Académico, 15 días"),
            ]
            let missing = try await admin.post(client, "/console/recognition/rules", fields.filter { $0.0 != "legalBasis.es" }, from: "/console/recognition")
            #expect(missing.status == .badRequest)
            #expect(text(missing).contains("legalBasis"))
            let published = try await admin.post(client, "/console/recognition/rules", fields, from: "/console/recognition")
            #expect(published.status == .seeOther, "\(text(published))")
            let rules = try json(try await client.execute(uri: "/api/v1/recognition/rules?institution=uatitlan", method: .get))
            #expect(rules.asArray.first?["name"]?["es"] == "Microcredenciales de salud de la red")
            #expect(rules.asArray.first?["criteria"]?["maximumAgeMonths"] == 36)
            // An issuer (not an administrator) cannot publish rules.
            var issuer = ConsoleUser()
            try await issuer.signIn(client, email: "emision@uatitlan.example", password: Node.demoPassword)
            #expect(try await issuer.post(client, "/console/recognition/rules", fields, from: "/console/recognition").status == .forbidden)
        }
    }

    @Test func rulesAreValidatedAndVersioned() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-reglas", country: "CL")
            let bad = try await client.execute(
                uri: "/api/v1/recognition/rules", method: .post, headers: bearer(token),
                body: body(["name": ["es": "Regla"], "outcome": ["creditSystem": "NO-EXISTE", "rounding": "down-to-half"]]))
            #expect(bad.status == .badRequest)
            #expect(text(bad).contains("creditSystem"))
            let rule: JSONValue = [
                "name": ["es": "Regla de prueba"], "criteria": ["minimumEQFLevel": 4],
                "outcome": ["creditSystem": "SCT-Chile", "rounding": "down-to-half"],
                "legalBasis": ["es": "Reglamento, art. 1"], "appealRoute": ["es": "Ante la Dirección, 10 días"],
            ]
            let created = try await client.execute(uri: "/api/v1/recognition/rules", method: .post, headers: bearer(token), body: body(rule))
            #expect(created.status == .created, "\(text(created))")
            let id = try #require(try json(created)["id"]?.stringValue)
            let anonymous = try await client.execute(uri: "/api/v1/recognition/rules/\(id)/versions", method: .post, body: body(rule))
            #expect(anonymous.status == .unauthorized)
            let other = try await createInstitution(client, slug: "uni-ajena")
            #expect(try await client.execute(uri: "/api/v1/recognition/rules/\(id)/versions", method: .post, headers: bearer(other), body: body(rule)).status == .notFound)
            let second = try await client.execute(uri: "/api/v1/recognition/rules/\(id)/versions", method: .post, headers: bearer(token), body: body(rule))
            #expect(try json(second)["version"] == 2)
            #expect(try json(try await client.execute(uri: "/api/v1/recognition/rules/\(id)?version=1", method: .get))["version"] == 1)
        }
    }
}
