import Credentials
import Crypto
import Foundation
import LinkedData
import Testing

@testable import MochilaCore

@Suite struct IssuanceTests {
    let now = XSDDateTime("2026-03-10T15:30:00Z")!.date

    func institution(did: String) -> Institution {
        Institution(
            slug: "uni", name: LocalizedText(es: "Universidad Andina", en: "Andean University"), country: "PE", did: did,
            url: "https://uni.example", createdAt: now)
    }

    func specInput() -> SpecInput {
        var input = SpecInput()
        input.title = LocalizedText(es: "Gestión de proyectos ágiles", en: "Agile project management")
        input.description = LocalizedText(es: "Planifica y conduce proyectos con Scrum.")
        input.learningOutcomes = [
            LearningOutcome(
                text: LocalizedText(es: "Planifica un sprint."),
                skills: [SkillReference(uri: "http://data.europa.eu/esco/skill/1", label: LocalizedText(es: "planificar"))])
        ]
        input.workloadHours = 50
        input.credits = [CreditValue(system: "ECTS", value: 2), CreditValue(system: "SCT-Chile", value: 2)]
        input.eqfLevel = 6
        input.iscedField = "0413"
        input.assessment = Assessment(type: .project)
        input.participation = .online
        input.qualityAssurance = LocalizedText(es: "Revisión del consejo académico.")
        input.formality = .formal
        input.validityMonths = 24
        input.languages = ["es", "en"]
        input.supervision = .supervisedOnline
        input.stackability = Stackability(kind: .stackable)
        return input
    }

    @Test func aSpecMissingAnnexIElementsNamesEveryField() {
        var input = specInput()
        input.learningOutcomes = nil
        input.workloadHours = nil
        input.iscedField = "1234"
        input.credits = [CreditValue(system: "XYZ", value: 2)]
        input.eqfLevel = 9
        do {
            _ = try input.validated(institutionID: UUID(), id: UUID(), version: 1, createdAt: now)
            Issue.record("accepted an incomplete spec")
        } catch let error as ValidationError {
            let fields = Set(error.problems.map(\.field))
            #expect(fields == ["learningOutcomes", "workloadHours", "iscedField", "credits[0].system", "eqfLevel"])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func learnerNamesKeepAccentsAndBothSurnames() throws {
        let input = AwardInput(
            specId: UUID(), learner: .init(givenName: "  José Ñico ", familyName: "Peña Güemes", email: "jose@correo.example"))
        let learner = try input.validatedLearner()
        #expect(learner.fullName == "José Ñico Peña Güemes")
        #expect(throws: ValidationError.self) {
            try AwardInput(specId: UUID(), learner: .init(givenName: "Ana", familyName: "", email: "no-es-correo")).validatedLearner()
        }
    }

    @Test func issuesAnOpenBadgeMicroCredentialThatVerifies() async throws {
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let institution = institution(did: multikey.controller)
        let spec = try specInput().validated(institutionID: institution.id, id: UUID(), version: 2, createdAt: now)
        let award = try CredentialIssuer().issue(
            institution: institution, key: key, verificationMethod: multikey.id, spec: spec,
            learner: Learner(givenName: "Lucía", familyName: "Quispe Mamani", email: "lucia@correo.example"), grade: "18/20",
            awardID: UUID(), issuedAt: now, salt: "sal")
        let credential = try JSONValue(parsing: award.credential)

        #expect(credential["@context"]?.arrayValue?.prefix(2) == ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"])
        #expect(credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"])
        #expect(credential["id"]?.stringValue == award.credentialID)
        #expect(credential["validFrom"] == "2026-03-10T15:30:00Z")
        #expect(credential["validUntil"] == "2028-03-10T15:30:00Z")
        #expect(award.validUntil == XSDDateTime("2028-03-10T15:30:00Z")!.date)
        let achievement = try #require(credential["credentialSubject"]?["achievement"])
        #expect(achievement["achievementType"] == "MicroCredential")
        #expect(achievement["name"] == "Gestión de proyectos ágiles")
        #expect(achievement["creditsAvailable"] == 2)
        #expect(achievement["workloadHours"] == 50)
        #expect(achievement["formality"] == "formal")
        #expect(achievement["eqfLevel"] == "http://data.europa.eu/snb/eqf/6")
        #expect(achievement["version"] == "2")
        let frameworks = achievement["alignment"]?.asArray.compactMap { $0["targetFramework"]?.stringValue }
        #expect(frameworks == ["ESCO", "European Qualifications Framework (EQF)", "ISCED-F 2013"])
        #expect(credential["credentialSubject"]?["name"] == "Lucía Quispe Mamani")
        // Recipient identifiers are salted hashes a verifier who knows the value can check.
        let identifiers = credential["credentialSubject"]?["identifier"]?.asArray ?? []
        #expect(identifiers.compactMap { $0["identityType"]?.stringValue } == ["name", "emailAddress"])
        for (identity, value) in zip(identifiers, ["Lucía Quispe Mamani", "lucia@correo.example"]) {
            let salt = try #require(identity["salt"]?.stringValue)
            #expect(identity["hashed"] == true)
            #expect(identity["identityHash"]?.stringValue == "sha256$" + Hex.encode(SHA256.hash(data: Array((value + salt).utf8))))
        }
        #expect(!String(decoding: award.credential, as: UTF8.self).contains("lucia@"))
        #expect(credential["proof"]?[0]?["cryptosuite"] == "eddsa-rdfc-2022")

        let report = await CredentialVerifier().verify(bytes: award.credential, at: now)
        #expect(report.verified, "\(report.json(input: nil).serializedString())")
        // The same spec version always gets the same achievement id.
        let again = OpenBadgeCredential(
            institution: institution, spec: spec, learner: award.learner, grade: nil, credentialID: "urn:uuid:x",
            issuedAt: now, salt: "s")
        #expect(again.achievementID == achievement["id"]?.stringValue)
    }

    @Test func keysAreSealedAndBoundToTheirId() throws {
        let vault = try KeyVault(masterKey: KeyVault.generateMasterKey())
        let secret = SigningKey.generate(.ed25519).secretBytes
        let sealed = try vault.seal(secret, keyID: "did:key:z1#z1")
        #expect(sealed.count == 12 + 32 + 16)
        #expect(!sealed.windowsOfSecret(secret))
        #expect(try vault.open(sealed, keyID: "did:key:z1#z1") == secret)
        #expect(throws: (any Error).self) { try vault.open(sealed, keyID: "did:key:z2#z2") }
        let other = try KeyVault(masterKey: KeyVault.generateMasterKey())
        #expect(throws: (any Error).self) { try other.open(sealed, keyID: "did:key:z1#z1") }
        #expect(throws: ValidationError.self) { try KeyVault(masterKey: [1, 2, 3]) }
    }

    @Test func referenceDataIsBundled() {
        let reference = ReferenceData.bundled
        #expect(reference.countries["MX"]?.name.text(.es) == "México")
        #expect(reference.countries.count == 52)
        #expect(reference.creditSystems["SATCA"] != nil)
        #expect(reference.fields["0713"] != nil)
        #expect(reference.eqfLevels[8]?.uri == "http://data.europa.eu/snb/eqf/8")
    }

    @Test func nameBasedUUIDsFollowRFC9562() {
        // RFC 9562, appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
        let dns = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
        #expect(UUID(namespace: dns, name: "www.example.com").uuidString.lowercased() == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
    }
}

extension Array where Element == UInt8 {
    /// Whether `secret` appears anywhere in these bytes.
    func windowsOfSecret(_ secret: [UInt8]) -> Bool {
        guard count >= secret.count else { return false }
        return (0...(count - secret.count)).contains { Array(self[$0..<($0 + secret.count)]) == secret }
    }
}

@Suite struct PasswordHasherTests {
    @Test func hashesWithScryptAndVerifies() throws {
        let hasher = PasswordHasher(logN: 12)
        let stored = try hasher.hash("una contraseña larga")
        #expect(stored.hasPrefix("scrypt$12$8$1$"))
        #expect(hasher.verify("una contraseña larga", against: stored))
        #expect(!hasher.verify("una contraseña larg", against: stored))
        #expect(try hasher.hash("una contraseña larga") != stored)
        #expect(!hasher.verify("x", against: "scrypt$40$8$1$AAAA$BBBB"))
        #expect(!hasher.verify("x", against: "plain"))
        #expect(throws: ValidationError.self) { try PasswordHasher.validate("corta") }
    }
}
