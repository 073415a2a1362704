import Foundation
import LinkedData
import Testing

@testable import Credentials

@Suite struct CredentialVerifierTests {
    let now = XSDDateTime("2026-06-01T00:00:00Z")!.date

    /// A small OB 3.0 credential issued by the key's own did:key.
    func signedCredential(
        key: SigningKey = SigningKey.generate(.ed25519), edit: (inout JSONObject) -> Void = { _ in }
    ) throws -> JSONObject {
        let multikey = Multikey(didKeyFor: key)
        var credential: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": "urn:uuid:3f0e8c4e-4a57-4d7a-8f43-1f6f6c0b8a11",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": .string(multikey.controller), "type": ["Profile"], "name": "Universidad de Ejemplo"],
            "validFrom": "2026-01-15T00:00:00Z",
            "validUntil": "2029-01-15T00:00:00Z",
            "name": "Microcredencial en Energías Renovables",
            "credentialSubject": [
                "type": ["AchievementSubject"], "name": "María José Núñez Pérez",
                "achievement": [
                    "id": "urn:uuid:9d6c5a9e-2a1b-4b1e-9a3c-6c2f1d0e7b22", "type": ["Achievement"],
                    "achievementType": "Badge", "name": "Energías Renovables",
                    "description": "Diseño de sistemas fotovoltaicos.", "criteria": ["narrative": "Evaluación final."],
                ],
            ],
        ]
        edit(&credential)
        return try DataIntegrity.addProof(
            to: credential, suite: EdDSAJCS2022(), key: key,
            options: ProofOptions(verificationMethod: multikey.id, created: "2026-01-15T00:00:00Z"))
    }

    func status(_ report: VerificationReport, _ check: CheckName) -> CheckStatus? {
        report.result(check)?.status
    }

    @Test func verifiesAWellFormedCredentialFromItsOwnIssuer() async throws {
        let report = await CredentialVerifier().verify(.object(try signedCredential()), at: now)
        #expect(report.verified, "\(report.json(input: nil).serializedString())")
        #expect(status(report, .format) == .passed)
        #expect(status(report, .proof) == .passed)
        #expect(status(report, .issuer) == .passed)
        #expect(status(report, .validity) == .passed)
        #expect(status(report, .status) == .skipped)
        #expect(report.trusted == nil)
    }

    /// The canonicalization of an `eddsa-rdfc-2022` proof and the data model check expand the
    /// same credential (without its proof): the second takes the first's expansion. A changed
    /// credential is expanded anew, and fails its proof.
    @Test func aCredentialIsExpandedOnceForItsProofAndItsDataModel() async throws {
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        var unsigned = try signedCredential(key: key)
        unsigned.removeValue(forKey: "proof")
        let credential = try DataIntegrity.addProof(
            to: unsigned, suite: EdDSARDFC2022(), key: key,
            options: ProofOptions(verificationMethod: multikey.id, created: "2026-01-15T00:00:00Z"))
        let scratch = ExpansionScratch()
        let report = await ExpansionScratch.$current.withValue(scratch) {
            await CredentialVerifier().verify(.object(credential), at: now)
        }
        #expect(report.verified, "\(report.json(input: nil).serializedString())")
        #expect(status(report, .format) == .passed && status(report, .proof) == .passed)
        #expect(scratch.hits == 1)

        var changed = credential
        changed["credentialSubject"]!["name"] = "Otra Persona"
        let again = await ExpansionScratch.$current.withValue(scratch) { await CredentialVerifier().verify(.object(changed), at: now) }
        #expect(status(again, .proof) == .failed)
        #expect(status(again, .format) == .passed)
        // Its format check took its own proof's expansion, and its proof options (the same as the
        // first's) were expanded once for both.
        #expect(scratch.hits == 3)
    }

    @Test func aChangedClaimFailsTheProofCheck() async throws {
        var credential = try signedCredential()
        credential["credentialSubject"]!["name"] = "Otra Persona"
        let report = await CredentialVerifier().verify(.object(credential), at: now)
        #expect(!report.verified)
        #expect(status(report, .proof) == .failed)
    }

    @Test func aKeyThatIsNotTheIssuersFailsTheIssuerCheck() async throws {
        let other = Multikey(didKeyFor: SigningKey.generate(.ed25519)).controller
        let credential = try signedCredential { $0["issuer"]!["id"] = .string(other) }
        let report = await CredentialVerifier().verify(.object(credential), at: now)
        #expect(status(report, .proof) == .passed)
        #expect(status(report, .issuer) == .failed)
        #expect(!report.verified)
    }

    @Test func validityWindowIsCheckedAgainstTheInjectedClock() async throws {
        let credential = JSONValue.object(try signedCredential())
        let before = await CredentialVerifier().verify(credential, at: XSDDateTime("2025-12-31T23:59:59Z")!.date)
        #expect(status(before, .validity) == .failed)
        let after = await CredentialVerifier().verify(credential, at: XSDDateTime("2029-01-15T00:00:01Z")!.date)
        #expect(status(after, .validity) == .failed)
        #expect(!after.verified)
        #expect(after.result(.validity)!.message.text(.es).contains("venció"))
    }

    @Test func anUnsupportedCryptosuiteIsUnknownNotPassed() async throws {
        var credential = try signedCredential()
        credential["proof"]!["cryptosuite"] = "ecdsa-sd-2023"
        let report = await CredentialVerifier().verify(.object(credential), at: now)
        #expect(status(report, .proof) == .unknown)
        #expect(!report.verified)
    }

    @Test func anUnresolvableKeyIsUnknown() async throws {
        var credential = try signedCredential()
        credential["proof"]!["verificationMethod"] = "https://issuer.example/keys/1"
        let report = await CredentialVerifier().verify(.object(credential), at: now)
        #expect(status(report, .proof) == .unknown)
        #expect(status(report, .issuer) == .unknown)
        #expect(!report.verified)
    }

    @Test func aCredentialStatusThatCannotBeCheckedIsUnknown() async throws {
        let credential = try signedCredential {
            $0["credentialStatus"] = [
                "type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "7",
                "statusListCredential": "https://issuer.example/status/1",
            ]
        }
        let report = await CredentialVerifier().verify(.object(credential), at: now)
        #expect(status(report, .status) == .unknown)
        #expect(!report.verified)
    }

    @Test func aMissingProofOrWrongPurposeFails() async throws {
        var credential = try signedCredential()
        var proof = credential["proof"]!.objectValue!
        proof["proofPurpose"] = "authentication"
        credential["proof"] = .object(proof)
        #expect(status(await CredentialVerifier().verify(.object(credential), at: now), .proof) == .failed)
        credential.removeValue(forKey: "proof")
        #expect(status(await CredentialVerifier().verify(.object(credential), at: now), .proof) == .failed)
    }

    @Test func malformedCredentialsFailTheFormatCheck() async throws {
        let verifier = CredentialVerifier()
        let noContext = try signedCredential { $0["@context"] = ["https://example.com/ctx"] }
        #expect(status(await verifier.verify(.object(noContext), at: now), .format) == .failed)
        let badDate = try signedCredential { $0["validFrom"] = "2026-13-01T00:00:00Z" }
        #expect(status(await verifier.verify(.object(badDate), at: now), .format) == .failed)
        let noSubject = try signedCredential { $0.removeValue(forKey: "credentialSubject") }
        #expect(status(await verifier.verify(.object(noSubject), at: now), .format) == .failed)
        #expect(status(await verifier.verify(bytes: Array("{oops".utf8), at: now), .format) == .failed)
        let notACredential = await verifier.verify(bytes: Array("eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2ln".utf8), at: now)
        #expect(status(notACredential, .format) == .failed)
        #expect(!notACredential.verified)
    }

    @Test func theW3CVectorsProofPassesButItsKeyIsNotTheIssuers() async throws {
        let signed = try Fixtures.json("vc-di-eddsa/TestVectors/eddsa-jcs-2022/signedJCS.json")
        let report = await CredentialVerifier().verify(signed, at: now)
        #expect(status(report, .proof) == .passed)
        // The vector's issuer is https://vc.example/issuers/5678 while the key is a did:key.
        #expect(status(report, .issuer) == .failed)
        #expect(!report.verified)
    }

    @Test func preloadedControllerDocumentsAreUsed() async throws {
        let key = SigningKey.generate(.ed25519)
        let issuer = "did:web:uni.example"
        let method = VerificationMethod(id: issuer + "#key-1", type: "Multikey", controller: issuer, publicKey: key.publicKey)
        let document = DIDDocument(id: issuer, verificationMethods: [method], assertionMethod: [method.id], authentication: [])
        var credential = try signedCredential(key: key) { $0["issuer"]!["id"] = .string(issuer) }
        credential = try DataIntegrity.addProof(
            to: { var c = credential; c.removeValue(forKey: "proof"); return c }(), suite: EdDSAJCS2022(), key: key,
            options: ProofOptions(verificationMethod: method.id))
        let verifier = CredentialVerifier(documents: PreloadedDocuments([issuer: document.json]))
        let report = await verifier.verify(.object(credential), at: now)
        #expect(report.verified, "\(report.json(input: nil).serializedString())")
        let offline = await CredentialVerifier().verify(.object(credential), at: now)
        #expect(status(offline, .proof) == .unknown)
    }

    @Test func messagesReadInEachLanguage() {
        let message = Message("validity.expired", "2020-01-01T00:00:00Z")
        #expect(message.text(.es) == "La credencial venció el 2020-01-01T00:00:00Z.")
        #expect(message.text(.pt) == "A credencial expirou em 2020-01-01T00:00:00Z.")
        #expect(message.text(.en) == "The credential expired on 2020-01-01T00:00:00Z.")
        #expect(Language.negotiate(acceptLanguage: "en-US,en;q=0.9,es;q=0.8") == .en)
        #expect(Language.negotiate(acceptLanguage: "fr-FR, pt-BR;q=0.5") == .pt)
        #expect(Language.negotiate(acceptLanguage: nil) == .es)
    }

    /// Arguments fill their places once: an argument that looks like a place stays as written.
    @Test func argumentsFillTheirPlacesOnce() {
        #expect(Message.fill("{0} y {1}, otra vez {0}", with: ["{1}", "ñandú"]) == "{1} y ñandú, otra vez {1}")
        #expect(Message.fill("{2} {x} {} {0", with: ["a", "b"]) == "{2} {x} {} {0")
        #expect(Message.fill("sin lugares", with: ["a"]) == "sin lugares")
        #expect(Message.fill("{10}{1}", with: (0...10).map(String.init)) == "101")
        #expect(Message("validity.expired", "{0}").text(.es) == "La credencial venció el {0}.")
    }

    @Test func dateTimesParseStrictly() throws {
        #expect(XSDDateTime("2024-02-29T12:00:00Z") != nil)
        #expect(XSDDateTime("2023-02-29T12:00:00Z") == nil)
        #expect(XSDDateTime("2024-01-01T00:00:00.123+05:30")!.secondsSince1970 == XSDDateTime("2023-12-31T18:30:00.123Z")!.secondsSince1970)
        #expect(XSDDateTime("2024-01-01T00:00:00")?.hasTimezone == false)
        #expect(XSDDateTime("2024-01-01 00:00:00Z") == nil)
        #expect(XSDDateTime.format(XSDDateTime("2031-07-04T09:08:07Z")!.date) == "2031-07-04T09:08:07Z")
        // Years around and before year 0 (1 BCE, proleptic Gregorian) are written as they are read.
        for text in ["0000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "-0044-03-15T12:00:00Z", "-12345-06-07T08:09:10Z", "0999-01-01T00:00:00Z"] {
            #expect(XSDDateTime.format(try #require(XSDDateTime(text)).date) == text)
        }
        #expect(XSDDateTime.format(Date(timeIntervalSince1970: -62_167_219_201)) == "-0001-12-31T23:59:59Z")
    }
}
