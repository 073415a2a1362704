import Credentials
import Foundation
import LinkedData
import Testing

@testable import MochilaCore

/// A backpack as a CLR 2.0 `ClrCredential`: one badge Mochila issues and one signed by 1EdTech's
/// validator fixtures (`Fixtures/clr/SOURCES.md`), bundled and signed by the holder.
@Suite struct ClrExportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/clr")
    let now = XSDDateTime("2026-03-10T15:30:00Z")!.date
    let learnerID = UUID()

    /// An Open Badges 3.0 micro-credential issued by an institution with a `did:key`.
    func mochilaBadge(holderDID: String) throws -> [UInt8] {
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let institution = Institution(
            slug: "uni", name: LocalizedText(es: "Universidad Andina", en: "Andean University"), country: "PE",
            did: multikey.controller, url: "https://uni.example", createdAt: now)
        var input = SpecInput()
        input.title = LocalizedText(es: "Gestión de proyectos ágiles", en: "Agile project management")
        input.description = LocalizedText(es: "Planifica y conduce proyectos con Scrum.")
        input.learningOutcomes = [
            LearningOutcome(
                text: LocalizedText(es: "Planifica un sprint."),
                skills: [SkillReference(uri: "http://data.europa.eu/esco/skill/1", label: LocalizedText(es: "planificar"))])
        ]
        input.workloadHours = 50
        input.credits = [CreditValue(system: "ECTS", value: 2)]
        input.eqfLevel = 6
        input.iscedField = "0413"
        input.assessment = Assessment(type: .project)
        input.participation = .online
        input.qualityAssurance = LocalizedText(es: "Revisión del consejo académico.")
        input.formality = .formal
        input.validityMonths = 24
        input.languages = ["es"]
        let spec = try input.validated(institutionID: institution.id, id: UUID(), version: 1, createdAt: now)
        let award = try CredentialIssuer().issue(
            institution: institution, key: key, verificationMethod: multikey.id, spec: spec,
            learner: Learner(givenName: "Lucía", familyName: "Quispe Mamani", email: "lucia@correo.example", did: holderDID),
            grade: "18/20", awardID: UUID(), issuedAt: now, salt: "sal")
        return award.credential
    }

    func item(_ bytes: [UInt8], _ format: BackpackItem.Format = .vcJSON) -> BackpackItem {
        BackpackItem(learnerID: learnerID, credential: bytes, format: format, source: .import, report: "{}", addedAt: now)
    }

    func fixture() throws -> [UInt8] {
        Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("ob30-simple.json")))
    }

    @Test func bundlesSignedBadgesIntoAClrThatVerifies() async throws {
        let holder = SigningKey.generate(.ed25519)
        let holderDID = Multikey(didKeyFor: holder).controller
        let badge = try mochilaBadge(holderDID: holderDID)
        let (record, excluded) = try ClrExport.credential(
            holderDID: holderDID, holderName: "Lucía Quispe Mamani", items: [item(badge), item(try fixture())],
            id: "urn:uuid:3b1f6a52-5c2e-4d8a-9f0e-1a2b3c4d5e6f", issuedAt: now)
        #expect(excluded.isEmpty)
        #expect(record["@context"]?.arrayValue?.prefix(3) == [
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ])
        // Mochila's own terms, used by the copied achievement, come along.
        #expect(record["@context"]?.arrayValue?.dropFirst(3).first == MochilaContext.inline)
        #expect(record["type"] == ["VerifiableCredential", "ClrCredential"])
        #expect(record["issuer"] == ["id": .string(holderDID), "type": ["Profile"], "name": "Lucía Quispe Mamani"])
        #expect(record["name"] == "Registro de aprendizajes de Lucía Quispe Mamani")
        #expect(record["validFrom"] == "2026-03-10T15:30:00Z")
        #expect(record["partial"] == false)
        let subject = try #require(record["credentialSubject"])
        #expect(subject["type"] == ["ClrSubject"])
        #expect(subject["id"]?.stringValue == holderDID)
        #expect(subject["verifiableCredential"]?.asArray.count == 2)
        let badgeAchievement = try JSONValue(parsing: badge)["credentialSubject"]?["achievement"]
        #expect(subject["achievement"]?.asArray.compactMap { $0["id"]?.stringValue } == [
            try #require(badgeAchievement?["id"]?.stringValue), "https://example.com/achievements/21st-century-skills/teamwork",
        ])

        let signed = try ClrExport.signed(record, holderKey: holder, at: now)
        let clrSchema = try #require(try SchemaRegistry.bundled.schema(for: SchemaRegistry.clrCredential))
        let violations = clrSchema.validate(.object(signed))
        #expect(violations.isEmpty, "\(violations)")

        let report = await CredentialVerifier().verify(bytes: JSONValue.object(signed).serialized(.pretty), at: now)
        #expect(report.result(.proof)?.status == .passed)
        #expect(report.result(.issuer)?.status == .passed)
        #expect(report.result(.schema)?.status == .passed)
        #expect(report.verified, "\(report.json(input: nil).serializedString())")

        // Each part still verifies on its own, as its institution signed it.
        let embedded = try #require(signed["credentialSubject"]?["verifiableCredential"]?[0])
        let partReport = await CredentialVerifier().verify(embedded, at: now)
        #expect(partReport.result(.proof)?.status == .passed)

        // The holder's proof covers the record: a changed name breaks it.
        var altered = signed
        altered["name"] = "Registro de otra persona"
        #expect(await CredentialVerifier().verify(.object(altered), at: now).result(.proof)?.status == .failed)
    }

    @Test func leavesOutWhatACLRCannotEmbedAndSaysWhy() throws {
        let holderDID = Multikey(didKeyFor: SigningKey.generate(.ed25519)).controller
        let jwt = item(Array("eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2lnbmF0dXJl".utf8), .vcJWT)
        let ob2 = item(
            Array(#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://ob2.example/a/1"}"#.utf8), .openBadges2)
        var unsigned = try JSONValue(parsing: try fixture()).objectValue!
        unsigned.removeValue(forKey: "proof")
        let noProof = item(JSONValue.object(unsigned).serialized())
        var plain = try JSONValue(parsing: try fixture()).objectValue!
        plain["type"] = ["VerifiableCredential"]
        let notABadge = item(JSONValue.object(plain).serialized())
        var older = try JSONValue(parsing: try fixture()).objectValue!
        older["@context"] = ["https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
        let vc11 = item(JSONValue.object(older).serialized())

        let (record, excluded) = try ClrExport.credential(
            holderDID: holderDID, holderName: nil, items: [jwt, item(try fixture()), ob2, noProof, notABadge, vc11],
            id: "urn:uuid:3b1f6a52-5c2e-4d8a-9f0e-1a2b3c4d5e6f", issuedAt: now)
        #expect(excluded.map(\.id) == [jwt.id, ob2.id, noProof.id, notABadge.id, vc11.id])
        #expect(ClrExport.exclusion(of: jwt) == .format(.vcJWT))
        #expect(ClrExport.exclusion(of: ob2) == .format(.openBadges2))
        #expect(ClrExport.exclusion(of: noProof) == .noProof)
        #expect(ClrExport.exclusion(of: notABadge) == .notAchievementCredential)
        #expect(ClrExport.exclusion(of: vc11) == .notVC2)
        #expect(ClrExport.exclusion(of: item(try fixture())) == nil)
        #expect(ClrExport.exclusion(of: jwt)?.description.contains("vc+jwt") == true)
        #expect(record["partial"] == true)
        #expect(record["name"] == "Registro de aprendizajes")
        #expect(record["issuer"]?["name"] == nil)
        #expect(record["credentialSubject"]?["verifiableCredential"]?.asArray.count == 1)
    }

    @Test func aBackpackWithNothingToBundleIsRefused() throws {
        let holderDID = Multikey(didKeyFor: SigningKey.generate(.ed25519)).controller
        for items in [[], [item(Array("eyJhbGciOiJFZERTQSJ9.e30.c2ln".utf8), .vcJWT)]] {
            do {
                _ = try ClrExport.credential(holderDID: holderDID, holderName: "Ana", items: items, id: "urn:uuid:x", issuedAt: now)
                Issue.record("made a record of \(items.count) unusable items")
            } catch let error as ValidationError {
                #expect(error.problems.map(\.field) == ["items"])
            }
        }
    }

    @Test func onlyTheIssuersKeySignsTheRecord() throws {
        let holder = SigningKey.generate(.ed25519)
        let (record, _) = try ClrExport.credential(
            holderDID: Multikey(didKeyFor: holder).controller, holderName: nil, items: [item(try fixture())],
            id: "urn:uuid:x", issuedAt: now)
        #expect(throws: ValidationError.self) { try ClrExport.signed(record, holderKey: SigningKey.generate(.ed25519), at: now) }
    }
}
