import Foundation
import LinkedData
import Testing

@testable import Credentials

/// How a token's key is found (VC-JOSE-COSE section 6), and the JWK and message plumbing under it.
@Suite struct VCJWTKeyDiscoveryTests {
    let now = XSDDateTime("2026-06-01T00:00:00Z")!.date

    func credential(issuer: String) -> JSONObject { JWTSamples.credential(issuer: issuer) }

    func token(_ header: JSONValue, _ claims: JSONObject, sign: ([UInt8]) throws -> [UInt8]) rethrows -> String {
        try JWTSamples.token(header, claims, sign: sign)
    }

    /// An institution that publishes a controller document at an https URL.
    struct Institution {
        let id = "https://uni.example/issuers/1"
        let key = SigningKey.generate(.p256)
        let otherKey = SigningKey.generate(.ed25519)
        var methodID: String { id + "#key-1" }

        var resolver: VerificationMethodResolver {
            let methods: [JSONValue] = [
                [
                    "id": .string(id + "#key-0"), "type": "JsonWebKey", "controller": .string(id),
                    "publicKeyJwk": .object(JWK.json(for: otherKey.publicKey)),
                ],
                [
                    "id": "#key-1", "type": "JsonWebKey", "controller": .string(id),
                    "publicKeyJwk": .object(JWK.json(for: key.publicKey)),
                ],
            ]
            let document: JSONValue = [
                "id": .string(id), "verificationMethod": .array(methods),
                "assertionMethod": [.string(id + "#key-0"), "#key-1"], "authentication": [],
            ]
            return VerificationMethodResolver(documents: PreloadedDocuments([id: document]))
        }
    }

    @Test func kidIsFoundThroughTheIssuersDocument() async throws {
        let institution = Institution()
        let claims = credential(issuer: institution.id)
        let thumbprint = JWK.thumbprint(of: institution.key.publicKey)
        for kid in [
            institution.methodID, "#key-1", "key-1", thumbprint, "urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + thumbprint,
        ] {
            let jwt = try token(["alg": "ES256", "typ": "vc+jwt", "kid": .string(kid)], claims) { try institution.key.signature(for: $0) }
            let verification = await VCJWT.verify(jwt, methods: institution.resolver, now: now)
            #expect(verification.proof.status == .passed, "\(kid): \(verification.proof.message.text())")
            #expect(verification.method?.id == institution.methodID, "\(kid)")
            #expect(verification.document?.id == institution.id)
        }
        // Without kid the issuer's assertion keys of the algorithm's type are tried.
        let bare = try token(["alg": "ES256", "typ": "vc+jwt"], claims) { try institution.key.signature(for: $0) }
        let found = await VCJWT.verify(bare, methods: institution.resolver, now: now)
        #expect(found.method?.id == institution.methodID)
        // A kid the document does not list fails; an issuer without a document is unknown.
        let unlisted = try token(["alg": "ES256", "typ": "vc+jwt", "kid": "key-9"], claims) { try institution.key.signature(for: $0) }
        #expect(
            await VCJWT.verify(unlisted, methods: institution.resolver, now: now).proof.message
                == Message("jwt.kidNotListed", institution.id, "key-9"))
        let stranger = try token(["alg": "ES256", "typ": "vc+jwt", "kid": "key-1"], credential(issuer: "https://other.example")) {
            try institution.key.signature(for: $0)
        }
        #expect(await VCJWT.verify(stranger, methods: institution.resolver, now: now).proof.status == .unknown)
        // ES384 asks for a P-384 key the issuer does not have.
        let noKey = token(["alg": "ES384", "typ": "vc+jwt"], claims) { _ in [UInt8](repeating: 1, count: 96) }
        #expect(
            await VCJWT.verify(noKey, methods: institution.resolver, now: now).proof.message
                == Message("jwt.noSuitableKey", institution.id, "ES384"))
    }

    // MARK: - keys and messages

    /// RFC 7638 section 3.1 and RFC 8037 appendix A.3.
    @Test func thumbprintsMatchTheRFCExamples() throws {
        let rsa: JSONValue = [
            "kty": "RSA",
            "n": """
                0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMs\
                tn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1\
                n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw
                """,
            "e": "AQAB", "alg": "RS256", "kid": "2011-04-29",
        ]
        #expect(JWK.thumbprint(of: try JWK.keys(from: rsa).public) == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
        let ed: JSONValue = ["kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"]
        #expect(JWK.thumbprint(of: try JWK.keys(from: ed).public) == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
    }

    @Test(arguments: KeyType.allCases)
    func jwksRoundTrip(_ type: KeyType) throws {
        let key = SigningKey.generate(type)
        #expect(try JWK.keys(from: .object(JWK.json(for: key.publicKey))).public == key.publicKey)
    }

    @Test func everyJOSEMessageReadsInThreeLanguages() {
        #expect(!MessageCatalog.jose.isEmpty)
        for (key, templates) in MessageCatalog.jose {
            #expect(key.hasPrefix("jwt."), "\(key)")
            let placeholders = { (text: String) in Set((0..<5).filter { text.contains("{\($0)}") }) }
            let english = templates[.en] ?? ""
            for language in [Language.es, .pt, .en] {
                let text = templates[language] ?? ""
                #expect(!text.isEmpty, "\(key) has no \(language) text")
                #expect(placeholders(text) == placeholders(english), "\(key) in \(language) has other arguments")
            }
        }
    }
}
