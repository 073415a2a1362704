import Foundation
import LinkedData
import Testing

@testable import Credentials

/// Credentials signed by other implementations (1EdTech's validator fixtures) verify, or fail for
/// the reason their authors intended.
@Suite struct OtherImplementationsTests {
    let base = "openbadges/1edtech-validator/"
    let now = XSDDateTime("2026-06-01T00:00:00Z")!.date

    func status(_ report: VerificationReport, _ check: CheckName) -> CheckStatus? { report.result(check)?.status }

    /// The issuer's key as a controller document, for offline verification (`--document`).
    func issuerDocument(_ issuer: String, key: String) throws -> (String, JSONValue) {
        let method = VerificationMethod(
            id: issuer + "#" + key, type: "Multikey", controller: issuer, publicKey: try PublicKey(multibase: key))
        return (issuer, DIDDocument(id: issuer, verificationMethods: [method], assertionMethod: [method.id], authentication: []).json)
    }

    @Test func aBareDidKeyVerificationMethodNamesItsKey() async throws {
        let credential = try Fixtures.json(base + "simple-did-key-method.json")
        let report = await CredentialVerifier().verify(credential, at: now)
        #expect(status(report, .proof) == .passed, "\(report.json(input: nil).serializedString())")
        // Its issuer is a urn:uuid, which cannot control the did:key that signed it.
        #expect(status(report, .issuer) == .failed)
    }

    @Test func verifiesWithTheIssuersDocumentPreloaded() async throws {
        let credential = try Fixtures.json(base + "simple.json")
        let (issuer, document) = try issuerDocument(
            "https://example.com/issuers/876543", key: "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi")
        let verifier = CredentialVerifier(documents: PreloadedDocuments([issuer: document]))
        let report = await verifier.verify(credential, at: now)
        #expect(report.verified, "\(report.json(input: nil).serializedString())")
        // Without the document the key cannot be obtained: unknown, never passed.
        let offline = await CredentialVerifier().verify(credential, at: now)
        #expect(status(offline, .proof) == .unknown)
        #expect(!offline.verified)
    }

    @Test func anAlteredOrExpiredCredentialIsRefused() async throws {
        let (issuer, document) = try issuerDocument(
            "https://example.com/issuers/876543", key: "z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x")
        let verifier = CredentialVerifier(documents: PreloadedDocuments([issuer: document]))
        let altered = await verifier.verify(try Fixtures.json(base + "simple-err-proof-value.json"), at: now)
        #expect(status(altered, .proof) == .failed)
        let (expiredIssuer, expiredDocument) = try issuerDocument(
            "https://example.com/issuers/876543", key: "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi")
        let expired = await CredentialVerifier(documents: PreloadedDocuments([expiredIssuer: expiredDocument]))
            .verify(try Fixtures.json(base + "simple-err-expired.json"), at: now)
        #expect(status(expired, .validity) == .failed)
        #expect(status(expired, .proof) == .passed)
    }
}
