import Foundation
import LinkedData
import Testing

@testable import Credentials

/// Presentations: the holder's `authentication` proof with the verifier's challenge and domain,
/// the holder's binding to the credentials' subjects, and each credential (embedded or enveloped).
@Suite struct PresentationVerificationTests {
    let now = XSDDateTime("2026-06-01T00:00:00Z")!.date
    let issuerKey = SigningKey.generate(.ed25519)
    let holderKey = SigningKey.generate(.ed25519)

    var issuer: Multikey { Multikey(didKeyFor: issuerKey) }
    var holder: Multikey { Multikey(didKeyFor: holderKey) }

    func credential(subject: String) throws -> JSONObject {
        let unsigned: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": "urn:uuid:5b0d8f8e-0b7a-4c55-9a4f-2f1c8e6b7d10",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": .string(issuer.controller), "type": ["Profile"], "name": "Instituto de Prueba"],
            "validFrom": "2026-01-01T00:00:00Z",
            "name": "Insignia de prueba",
            "credentialSubject": [
                "id": .string(subject), "type": ["AchievementSubject"],
                "achievement": [
                    "id": "urn:uuid:0f1e2d3c-4b5a-4697-8877-665544332211", "type": ["Achievement"], "name": "Prueba",
                    "description": "Una prueba.", "criteria": ["narrative": "Aprobar."],
                ],
            ],
        ]
        return try DataIntegrity.addProof(
            to: unsigned, suite: EdDSARDFC2022(), key: issuerKey, options: ProofOptions(verificationMethod: issuer.id))
    }

    func presentation(_ credentials: [JSONValue], signer: SigningKey? = nil, challenge: String = "c-123", domain: String = "verificador.example") throws -> JSONValue {
        let key = signer ?? holderKey
        let unsigned: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiablePresentation"],
            "holder": .string(holder.controller),
            "verifiableCredential": .array(credentials),
        ]
        return .object(
            try DataIntegrity.addProof(
                to: unsigned, suite: EdDSARDFC2022(), key: key,
                options: ProofOptions(
                    verificationMethod: Multikey(didKeyFor: key).id, proofPurpose: "authentication", challenge: challenge,
                    domain: domain)))
    }

    @Test func verifiesAPresentationByTheSubjectOfItsCredential() async throws {
        let vp = try presentation([.object(try credential(subject: holder.controller))])
        let report = await CredentialVerifier().verifyPresentation(vp, challenge: "c-123", domain: "verificador.example", at: now)
        #expect(report.verified, "\(report.json(input: nil).serializedString())")
        #expect(report.result(.holder)?.status == .passed)
        #expect(report.credentials.count == 1)
        #expect(report.json(input: "vp.json")["credentials"]?[0]?["verified"] == true)
    }

    @Test func aWrongChallengeOrDomainFailsTheProof() async throws {
        let vp = try presentation([.object(try credential(subject: holder.controller))])
        let replayed = await CredentialVerifier().verifyPresentation(vp, challenge: "otro", at: now)
        #expect(replayed.result(.proof)?.status == .failed)
        #expect(!replayed.verified)
        let elsewhere = await CredentialVerifier().verifyPresentation(vp, domain: "otro.example", at: now)
        #expect(elsewhere.result(.proof)?.status == .failed)
    }

    @Test func someoneElsesCredentialFailsTheHolderCheck() async throws {
        let stranger = Multikey(didKeyFor: SigningKey.generate(.ed25519)).controller
        let vp = try presentation([.object(try credential(subject: stranger))])
        let report = await CredentialVerifier().verifyPresentation(vp, at: now)
        #expect(report.result(.proof)?.status == .passed)
        #expect(report.result(.holder)?.status == .failed)
        #expect(!report.verified)
    }

    @Test func aPresentationSignedByAnotherKeyThanTheHolders() async throws {
        let vp = try presentation([.object(try credential(subject: holder.controller))], signer: SigningKey.generate(.ed25519))
        let report = await CredentialVerifier().verifyPresentation(vp, at: now)
        #expect(report.result(.holder)?.status == .failed)
        #expect(!report.verified)
    }

    @Test func aTamperedCredentialInsideFailsThePresentation() async throws {
        var inner = try credential(subject: holder.controller)
        inner["name"] = "Insignia alterada"
        let vp = try presentation([.object(inner)])
        let report = await CredentialVerifier().verifyPresentation(vp, at: now)
        #expect(report.result(.proof)?.status == .passed)
        #expect(report.credentials.first?.result(.proof)?.status == .failed)
        #expect(!report.verified)
    }

    @Test func verifiesJWTCredentialsAndAJWTPresentationWithEnvelopedCredentials() async throws {
        var unsigned = try credential(subject: holder.controller)
        unsigned.removeValue(forKey: "proof")
        let vcJWT = try VCJWT.sign(unsigned, key: issuerKey, keyID: issuer.id)
        let report = await CredentialVerifier().verify(bytes: Array(vcJWT.utf8), at: now)
        #expect(report.verified, "\(report.json(input: nil).serializedString())")
        #expect(report.result(.issuer)?.status == .passed)

        let vp: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiablePresentation"],
            "holder": .string(holder.controller),
            "verifiableCredential": [
                ["@context": "https://www.w3.org/ns/credentials/v2", "id": .string("data:application/vc+jwt," + vcJWT), "type": "EnvelopedVerifiableCredential"]
            ],
        ]
        let vpJWT = try VCJWT.sign(vp, key: holderKey, keyID: holder.id)
        let outcome = await CredentialVerifier().verifyAny(bytes: Array(vpJWT.utf8), at: now)
        guard case .presentation(let presentation) = outcome else {
            Issue.record("a vp+jwt was not read as a presentation")
            return
        }
        #expect(presentation.verified, "\(presentation.json(input: nil).serializedString())")
        #expect(presentation.credentials.first?.verified == true)
    }
}

@Suite struct TrustRegistryTests {
    let now = XSDDateTime("2026-06-01T00:00:00Z")!.date

    func credential(field: String, level: Int) -> JSONObject {
        [
            "issuer": "did:web:uni.example",
            "validFrom": "2026-03-01T00:00:00Z",
            "credentialSubject": [
                "achievement": [
                    "alignment": [
                        ["targetFramework": "ISCED-F 2013", "targetCode": .string(field)],
                        ["targetFramework": "European Qualifications Framework (EQF)", "targetCode": .string(String(level))],
                    ]
                ]
            ],
        ]
    }

    @Test func checksMembershipAndTheScopeOfAccreditation() throws {
        let registry = try TrustRegistry(json: [
            "members": [
                [
                    "did": "did:web:uni.example", "name": "Universidad de Ejemplo",
                    "accreditation": [
                        ["fields": ["07"], "eqfLevels": [5, 6], "validFrom": "2025-01-01T00:00:00Z", "validUntil": "2030-01-01T00:00:00Z"]
                    ],
                ],
                "did:web:otra.example",
            ]
        ])
        #expect(registry.check(credential(field: "0713", level: 5)).status == .passed)
        #expect(registry.check(credential(field: "0912", level: 5)).status == .failed)
        #expect(registry.check(credential(field: "0713", level: 7)).status == .failed)
        var early = credential(field: "0713", level: 6)
        early["validFrom"] = "2024-06-01T00:00:00Z"
        #expect(registry.check(early).message.key == "trust.accreditationNotYet")
        var unscoped = credential(field: "0912", level: 8)
        unscoped["issuer"] = "did:web:otra.example"
        #expect(registry.check(unscoped).status == .passed)
        unscoped["issuer"] = "did:web:nadie.example"
        #expect(registry.check(unscoped).status == .failed)
        #expect(throws: CredentialsError.self) { try TrustRegistry(json: ["members": [["name": "sin DID"]]]) }
    }
}
