import Foundation
import LinkedData
import Testing

@testable import Credentials

/// The VC-JWTs (Open Badges 3.0 / VC 1.1 form, RS256) from 1EdTech's validator tests. Their keys
/// are not published with them, so each must read correctly and end "key unknown", never "passed".
@Suite struct OpenBadgesJWTTests {
    let now = XSDDateTime("2026-06-01T00:00:00Z")!.date
    let noDocuments = VerificationMethodResolver(documents: PreloadedDocuments())

    @Test func simpleJWTIsReadAndItsKeyIsUnknown() async throws {
        let token = try Fixtures.text("openbadges/jwt/ob30-simple.jwt")
        let verification = await VCJWT.verify(token, methods: noDocuments, now: now)
        #expect(verification.form == .openBadges)
        #expect(verification.header?["alg"] == "RS256")
        #expect(verification.proof.status == .unknown)
        #expect(verification.proof.message == Message("jwt.keyUnknown", "https://example.edu/issuers/565049"))
        #expect(verification.verifiedPayload == nil)
        let credential = try #require(verification.payload)
        #expect(credential["id"] == "http://example.edu/credentials/3732")
        #expect(credential["issuer"]?["id"] == "https://example.edu/issuers/565049")
        #expect(credential["issuanceDate"] == "2010-01-01T00:00:00Z")
        #expect(credential["credentialSubject"]?["id"] == "did:example:ebfeb1f712ebc6f1c276e12ec21")
        #expect(credential["type"]?.asArray.contains("OpenBadgeCredential") == true)
        #expect(verification.validity.status == .passed)
    }

    @Test func velocityJWTNamesAKeyThatCannotBeResolvedHere() async throws {
        let token = try Fixtures.text("openbadges/jwt/ob30-velocity.jwt")
        let verification = await VCJWT.verify(token, methods: noDocuments, now: now)
        #expect(verification.form == .openBadges)
        #expect(verification.proof.status == .unknown)
        let kid = try #require(verification.header?["kid"]?.stringValue)
        #expect(kid.hasPrefix("did:velocity:"))
        #expect(verification.proof.message == Message("jwt.keyUnknown", kid))
        // nbf is the issuanceDate without its milliseconds: the claims still agree.
        #expect(verification.payload?["issuanceDate"] == "2025-10-15T00:44:21.142Z")
    }

    /// clr20/simple.jwt carries its own key in a `jwk` header, and that key does verify it. The
    /// key must come from the issuer all the same: with no issuer document the proof is unknown,
    /// with one that lists another key it fails, and only when the issuer lists this key it passes.
    @Test func aJWKHeaderIsNeverTheKey() async throws {
        let token = try Fixtures.text("openbadges/jwt/clr20-simple.jwt")
        let issuer = "https://example.edu/issuers/565049"
        let unknown = await VCJWT.verify(token, methods: noDocuments, now: now)
        #expect(unknown.header?["jwk"] != nil)
        #expect(unknown.form == .openBadges)
        #expect(unknown.payload?["type"]?.asArray.contains("ClrCredential") == true)
        #expect(unknown.proof.status == .unknown)

        func issuerDocument(listing jwk: JSONValue) -> VerificationMethodResolver {
            let method: JSONValue = [
                "id": .string(issuer + "#key-1"), "type": "JsonWebKey", "controller": .string(issuer), "publicKeyJwk": jwk,
            ]
            let document: JSONValue = [
                "id": .string(issuer), "verificationMethod": [method], "assertionMethod": [.string(issuer + "#key-1")],
            ]
            return VerificationMethodResolver(documents: PreloadedDocuments([issuer: document]))
        }
        let otherKey = SigningKey.generate(.rsa)
        let other = await VCJWT.verify(
            token, methods: issuerDocument(listing: .object(JWK.json(for: otherKey.publicKey))), now: now)
        #expect(other.proof.status == .failed)
        #expect(other.proof.message.key == "jwt.signature")

        let listed = await VCJWT.verify(token, methods: issuerDocument(listing: unknown.header!["jwk"]!), now: now)
        #expect(listed.proof.status == .passed, "\(listed.proof.message.text())")
        #expect(listed.method?.id == issuer + "#key-1")
        #expect(listed.document?.id == issuer)
    }
}
