import Crypto
import Foundation
import LinkedData
import Testing

@testable import Credentials

/// Credentials and hand-made tokens for the JWT tests.
enum JWTSamples {
    /// A small VC 2.0 credential issued by `issuer`.
    static func credential(issuer: String) -> JSONObject {
        [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": "urn:uuid:3f0e8c4e-4a57-4d7a-8f43-1f6f6c0b8a11",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": .string(issuer), "type": ["Profile"], "name": "Universidad de Ejemplo"],
            "validFrom": "2026-01-15T00:00:00Z",
            "name": "Microcredencial en Energías Renovables",
            "credentialSubject": [
                "id": "did:example:learner", "type": ["AchievementSubject"],
                "achievement": ["id": "urn:uuid:9d6c5a9e", "type": ["Achievement"], "name": "Energías Renovables"],
            ],
        ]
    }

    /// A token built by hand, for the attacks a signer of ours would never produce.
    static func token(_ header: JSONValue, _ claims: JSONObject, sign: ([UInt8]) throws -> [UInt8]) rethrows -> String {
        let input = Base64URL.encode(header.serialized()) + "." + Base64URL.encode(JSONValue.object(claims).serialized())
        return input + "." + Base64URL.encode(try sign(Array(input.utf8)))
    }
}

@Suite struct VCJWTTests {
    let now = XSDDateTime("2026-06-01T00:00:00Z")!.date
    let didKeys = VerificationMethodResolver(documents: PreloadedDocuments())

    func credential(issuer: String) -> JSONObject { JWTSamples.credential(issuer: issuer) }

    func token(_ header: JSONValue, _ claims: JSONObject, sign: ([UInt8]) throws -> [UInt8]) rethrows -> String {
        try JWTSamples.token(header, claims, sign: sign)
    }

    // MARK: - round trips

    @Test(arguments: KeyType.allCases)
    func roundTripsThroughDIDKey(_ type: KeyType) async throws {
        let key = SigningKey.generate(type)
        let multikey = Multikey(didKeyFor: key)
        let document = credential(issuer: multikey.controller)
        let jwt = try VCJWT.sign(document, key: key, keyID: multikey.id)
        let verification = await VCJWT.verify(jwt, methods: didKeys, now: now)
        #expect(verification.proof.status == .passed, "\(type): \(verification.proof.message.text())")
        #expect(verification.form == .credential)
        #expect(verification.payload == document)
        #expect(verification.verifiedPayload == document)
        #expect(verification.method?.id == multikey.id)
        #expect(verification.method?.controller == multikey.controller)
        #expect(verification.document?.assertionMethod.contains(multikey.id) == true)
        #expect(verification.header?["alg"]?.stringValue == JOSEAlgorithm(keyType: type).rawValue)
        #expect(verification.header?["typ"] == "vc+jwt")
        #expect(verification.header?["cty"] == "vc")
        #expect(verification.header?["kid"]?.stringValue == multikey.id)
        #expect(verification.validity.status == .skipped)
    }

    @Test(arguments: [KeyType.rsa, .ed25519])
    func roundTripsInTheOpenBadgesForm(_ type: KeyType) async throws {
        let key = SigningKey.generate(type)
        let multikey = Multikey(didKeyFor: key)
        var document = credential(issuer: multikey.controller)
        document["validUntil"] = "2030-01-15T00:00:00Z"
        let jwt = try VCJWT.sign(document, key: key, keyID: multikey.id, form: .openBadges)
        let verification = await VCJWT.verify(jwt, methods: didKeys, now: now)
        #expect(verification.proof.status == .passed, "\(verification.proof.message.text())")
        #expect(verification.form == .openBadges)
        #expect(verification.header?["typ"] == "JWT")
        #expect(verification.payload == document)
        let claims = try #require(verification.claims)
        #expect(claims["iss"]?.stringValue == multikey.controller)
        #expect(claims["jti"] == "urn:uuid:3f0e8c4e-4a57-4d7a-8f43-1f6f6c0b8a11")
        #expect(claims["sub"] == "did:example:learner")
        #expect(claims["nbf"] == .number(XSDDateTime("2026-01-15T00:00:00Z")!.secondsSince1970))
        #expect(claims["exp"] == .number(XSDDateTime("2030-01-15T00:00:00Z")!.secondsSince1970))
        #expect(verification.validity.status == .passed)
    }

    @Test func aVC11CredentialReadsBackWithItsDatesFromTheClaims() async throws {
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let vc: JSONObject = [
            "@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
            "credentialSubject": ["name": "Ana"],
        ]
        let claims: JSONObject = [
            "vc": .object(vc), "iss": .string(multikey.controller), "nbf": 1_767_225_600, "exp": 1_893_456_000,
            "jti": "urn:uuid:1", "sub": "did:example:ana",
        ]
        let jwt = try token(["alg": "EdDSA", "kid": .string(multikey.id)], claims) { try key.signature(for: $0) }
        let verification = await VCJWT.verify(jwt, methods: didKeys, now: now)
        #expect(verification.proof.status == .passed, "\(verification.proof.message.text())")
        let payload = try #require(verification.payload)
        #expect(payload["issuer"]?.stringValue == multikey.controller)
        #expect(payload["issuanceDate"] == "2026-01-01T00:00:00Z")
        #expect(payload["expirationDate"] == "2030-01-01T00:00:00Z")
        #expect(payload["id"] == "urn:uuid:1")
        #expect(payload["credentialSubject"] == ["name": "Ana", "id": "did:example:ana"])
    }

    @Test func openBadgesClaimsThatContradictTheCredentialFail() async throws {
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let document = credential(issuer: multikey.controller)
        let base = try VCJWT.openBadgesClaims(for: document)
        let edits: [(String, JSONValue)] = [
            ("iss", "did:example:someone-else"), ("jti", "urn:uuid:other"), ("sub", "did:example:other"), ("nbf", 0),
        ]
        for (claim, value) in edits {
            var claims = base
            claims[claim] = value
            let jwt = try token(["alg": "EdDSA", "kid": .string(multikey.id), "typ": "JWT"], claims) { try key.signature(for: $0) }
            let verification = await VCJWT.verify(jwt, methods: didKeys, now: now)
            #expect(verification.proof.status == .failed, "\(claim)")
            #expect(verification.proof.message.key == "jwt.claimMismatch", "\(claim): \(verification.proof.message.text())")
        }
    }

    @Test func presentationsEnvelopTheirCredentials() async throws {
        let issuerKey = SigningKey.generate(.p256)
        let issuer = Multikey(didKeyFor: issuerKey)
        let holderKey = SigningKey.generate(.ed25519)
        let holder = Multikey(didKeyFor: holderKey)
        let credentialJWT = try VCJWT.sign(credential(issuer: issuer.controller), key: issuerKey, keyID: issuer.id)
        let presentation: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
            "holder": .string(holder.controller),
            "verifiableCredential": [
                [
                    "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["EnvelopedVerifiableCredential"],
                    "id": .string("data:application/vc+jwt," + credentialJWT),
                ]
            ],
        ]
        let jwt = try VCJWT.sign(presentation, key: holderKey, keyID: holder.id)
        let verification = await VCJWT.verify(jwt, methods: didKeys, now: now)
        #expect(verification.proof.status == .passed, "\(verification.proof.message.text())")
        #expect(verification.form == .presentation)
        #expect(verification.header?["typ"] == "vp+jwt")
        #expect(verification.header?["cty"] == "vp")
        #expect(verification.envelopedCredentials == [EnvelopedCredential(dataURL: "data:application/vc+jwt," + credentialJWT)!])
        let inner = await VCJWT.verify(verification.envelopedCredentials[0].data, methods: didKeys, now: now)
        #expect(inner.proof.status == .passed)
        #expect(inner.method?.controller == issuer.controller)

        // A credential in the clear is not secured, and the presentation fails.
        var unsecured = presentation
        unsecured["verifiableCredential"] = [.object(credential(issuer: issuer.controller))]
        let failing = await VCJWT.verify(try VCJWT.sign(unsecured, key: holderKey, keyID: holder.id), methods: didKeys, now: now)
        #expect(failing.proof.message == Message("jwt.enveloped", "1"))
    }

    // MARK: - refusals

    @Test func algNoneIsRefused() async throws {
        let multikey = Multikey(didKeyFor: SigningKey.generate(.ed25519))
        let claims = credential(issuer: multikey.controller)
        for alg in ["none", "None", "NONE"] {
            let jwt = token(["alg": .string(alg), "typ": "vc+jwt", "kid": .string(multikey.id)], claims) { _ in [] }
            let verification = await VCJWT.verify(jwt, methods: didKeys, now: now)
            #expect(verification.proof.status == .failed)
            #expect(verification.proof.message.key == "jwt.unsecured", "\(alg)")
            #expect(verification.verifiedPayload == nil)
        }
    }

    @Test func hmacIsRefusedEvenWithThePublicKeyAsTheSecret() async throws {
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let secret = SymmetricKey(data: key.publicKey.rawRepresentation)
        for alg in ["HS256", "HS384", "HS512", "PS256", "ES256K", "RS512"] {
            let jwt = token(["alg": .string(alg), "typ": "vc+jwt", "kid": .string(multikey.id)], credential(issuer: multikey.controller)) {
                Array(HMAC<SHA256>.authenticationCode(for: $0, using: secret))
            }
            let verification = await VCJWT.verify(jwt, methods: didKeys, now: now)
            #expect(verification.proof.status == .failed)
            #expect(verification.proof.message == Message("jwt.algorithm", alg))
        }
    }

    @Test func anRS256TokenIsNeverCheckedWithAnEd25519Key() async throws {
        let edKey = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: edKey)
        let rsaKey = SigningKey.generate(.rsa)
        let claims = credential(issuer: multikey.controller)
        let header: JSONValue = ["alg": "RS256", "typ": "vc+jwt", "kid": .string(multikey.id)]
        let jwt = try token(header, claims) { try rsaKey.signature(for: $0) }
        let verification = await VCJWT.verify(jwt, methods: didKeys, now: now)
        #expect(verification.proof.status == .failed)
        #expect(verification.proof.message == Message("jwt.keyType", "RS256", "RSA", multikey.id, "Ed25519"))
        // Nor an ES256 header over a valid Ed25519 signature.
        let relabelled = try token(["alg": "ES256", "typ": "vc+jwt", "kid": .string(multikey.id)], claims) {
            try edKey.signature(for: $0)
        }
        let second = await VCJWT.verify(relabelled, methods: didKeys, now: now)
        #expect(second.proof.message.key == "jwt.keyType")
    }

    @Test func aJWKHeaderDoesNotBringItsOwnKey() async throws {
        let issuerKey = SigningKey.generate(.ed25519)
        let issuer = Multikey(didKeyFor: issuerKey)
        let attacker = SigningKey.generate(.ed25519)
        let header: JSONValue = [
            "alg": "EdDSA", "typ": "vc+jwt", "cty": "vc", "jwk": .object(JWK.json(for: attacker.publicKey)),
        ]
        // No kid: the key comes from the issuer's did:key, and the attacker's signature fails.
        let forged = try token(header, credential(issuer: issuer.controller)) { try attacker.signature(for: $0) }
        let verification = await VCJWT.verify(forged, methods: didKeys, now: now)
        #expect(verification.proof.status == .failed)
        #expect(verification.proof.message.key == "jwt.signature")
        // With an issuer whose document cannot be had, the answer is unknown, never passed.
        let elsewhere = try token(header, credential(issuer: "https://uni.example/issuers/1")) { try attacker.signature(for: $0) }
        let unknown = await VCJWT.verify(elsewhere, methods: didKeys, now: now)
        #expect(unknown.proof.status == .unknown)
        // The issuer's own token, signed without kid, passes through the same discovery.
        let genuine = try token(header, credential(issuer: issuer.controller)) { try issuerKey.signature(for: $0) }
        let passed = await VCJWT.verify(genuine, methods: didKeys, now: now)
        #expect(passed.proof.status == .passed)
        #expect(passed.method?.publicKey == issuerKey.publicKey)
    }

    @Test func aKeyOfAnotherControllerIsReportedForTheIssuerCheck() async throws {
        // A kid naming the attacker's own did:key verifies the signature, but the method's
        // controller is not the issuer: the caller's issuer check must refuse it.
        let attacker = SigningKey.generate(.ed25519)
        let attackerMethod = Multikey(didKeyFor: attacker)
        let jwt = try VCJWT.sign(credential(issuer: "did:web:uni.example"), key: attacker, keyID: attackerMethod.id)
        let verification = await VCJWT.verify(jwt, methods: didKeys, now: now)
        #expect(verification.proof.status == .passed)
        #expect(verification.method?.controller == attackerMethod.controller)
        #expect(verification.method?.controller != "did:web:uni.example")
    }

    @Test func aTamperedPayloadFails() async throws {
        let key = SigningKey.generate(.p256)
        let multikey = Multikey(didKeyFor: key)
        let jwt = try VCJWT.sign(credential(issuer: multikey.controller), key: key, keyID: multikey.id)
        let parts = jwt.split(separator: ".").map(String.init)
        var claims = credential(issuer: multikey.controller)
        claims["name"] = "Microcredencial falsificada"
        let tampered = parts[0] + "." + Base64URL.encode(JSONValue.object(claims).serialized()) + "." + parts[2]
        let verification = await VCJWT.verify(tampered, methods: didKeys, now: now)
        #expect(verification.proof.status == .failed)
        #expect(verification.proof.message.key == "jwt.signature")
        #expect(verification.payload?["name"] == "Microcredencial falsificada")
        #expect(verification.verifiedPayload == nil)
        // A changed signature fails the same way.
        let badSignature = parts[0] + "." + parts[1] + "." + Base64URL.encode([UInt8](repeating: 7, count: 64))
        #expect(await VCJWT.verify(badSignature, methods: didKeys, now: now).proof.message.key == "jwt.signature")
    }

    @Test func expiryAndNotBeforeAreReportedToTheCaller() async throws {
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let expired = try VCJWT.sign(
            credential(issuer: multikey.controller), key: key, keyID: multikey.id,
            issuedAt: XSDDateTime("2025-01-01T00:00:00Z")!.date, expires: XSDDateTime("2026-01-01T00:00:00Z")!.date)
        let verification = await VCJWT.verify(expired, methods: didKeys, now: now)
        #expect(verification.proof.status == .passed)
        #expect(verification.validity.status == .failed)
        #expect(verification.validity.message == Message("jwt.expired", "2026-01-01T00:00:00Z"))
        #expect(verification.claims?["iat"] == .number(XSDDateTime("2025-01-01T00:00:00Z")!.secondsSince1970))
        // Within a leeway of a year it is still current.
        let lenient = await VCJWT.verify(expired, methods: didKeys, now: now, leeway: 366 * 86400)
        #expect(lenient.validity.status == .passed)

        var future = credential(issuer: multikey.controller)
        future["nbf"] = .number(XSDDateTime("2027-01-01T00:00:00Z")!.secondsSince1970)
        let early = await VCJWT.verify(try VCJWT.sign(future, key: key, keyID: multikey.id), methods: didKeys, now: now)
        #expect(early.validity.message == Message("jwt.notYet", "2027-01-01T00:00:00Z"))

        var textual = credential(issuer: multikey.controller)
        textual["exp"] = "2027-01-01T00:00:00Z"
        let unreadable = await VCJWT.verify(try VCJWT.sign(textual, key: key, keyID: multikey.id), methods: didKeys, now: now)
        #expect(unreadable.validity.message == Message("jwt.timeMalformed", "exp"))
    }

    @Test func headersAndClaimsMustNameTheForm() async throws {
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let claims = credential(issuer: multikey.controller)
        let kid = JSONValue.string(multikey.id)
        func verify(_ header: JSONValue, _ claims: JSONObject) async throws -> Message {
            await VCJWT.verify(try token(header, claims) { try key.signature(for: $0) }, methods: didKeys, now: now).proof.message
        }
        #expect(try await verify(["alg": "EdDSA", "kid": kid], claims) == Message("jwt.type", "—"))
        #expect(try await verify(["alg": "EdDSA", "kid": kid, "typ": "JWT"], claims) == Message("jwt.type", "JWT"))
        #expect(try await verify(["alg": "EdDSA", "kid": kid, "typ": "vc+sd-jwt"], claims) == Message("jwt.type", "vc+sd-jwt"))
        #expect(try await verify(["alg": "EdDSA", "kid": kid, "typ": "vc+jwt", "cty": "vp"], claims) == Message("jwt.contentType", "vp", "vc"))
        #expect(try await verify(["alg": "EdDSA", "kid": kid, "typ": "vp+jwt"], claims) == Message("jwt.payloadType", "vp+jwt", "VerifiablePresentation"))
        #expect(try await verify(["alg": "EdDSA", "kid": kid, "typ": "vc+jwt", "crit": ["b64"], "b64": false], claims).key == "jwt.critical")
        #expect(try await verify(["alg": "EdDSA", "kid": kid, "typ": "application/VC+JWT", "cty": "application/vc"], claims).key == "jwt.passed")
        var withVC = claims
        withVC["vc"] = .object(claims)
        #expect(try await verify(["alg": "EdDSA", "kid": kid, "typ": "vc+jwt"], withVC) == Message("jwt.vcClaim"))
        var otherIss = claims
        otherIss["iss"] = "did:example:other"
        #expect(
            try await verify(["alg": "EdDSA", "kid": kid, "typ": "vc+jwt"], otherIss)
                == Message("jwt.issuerMismatch", "did:example:other", multikey.controller))
    }

    @Test func compactSerializationIsReadStrictly() async throws {
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let jwt = try VCJWT.sign(credential(issuer: multikey.controller), key: key, keyID: multikey.id)
        let parts = jwt.split(separator: ".").map(String.init)
        let duplicated = Base64URL.encode(Array(#"{"alg":"EdDSA","alg":"none","typ":"vc+jwt"}"#.utf8))
        let bad = [
            parts[0] + "." + parts[1],  // two parts
            jwt + ".",  // four parts
            parts[0] + "=." + parts[1] + "." + parts[2],  // padding
            parts[0] + "." + parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "+." + parts[2],
            duplicated + "." + parts[1] + "." + parts[2],  // duplicate member names
            Base64URL.encode(Array("[1]".utf8)) + "." + parts[1] + "." + parts[2],  // header not an object
            parts[0] + "." + Base64URL.encode(Array("not json".utf8)) + "." + parts[2],
            String(repeating: "a", count: 2_000_000),
        ]
        for text in bad {
            let verification = await VCJWT.verify(text, methods: didKeys, now: now)
            #expect(verification.proof.status == .failed)
            #expect(verification.proof.message.key == "jwt.malformed", "\(text.prefix(60))")
        }
        // Stray bits in the last character of the signature are not canonical base64url.
        var signature = Array(parts[2])
        let last = signature.removeLast()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let index = alphabet.firstIndex(of: last)!
        signature.append(alphabet[index ^ 1])
        let stray = await VCJWT.verify(parts[0] + "." + parts[1] + "." + String(signature), methods: didKeys, now: now)
        #expect(stray.proof.message.key == "jwt.malformed")
        // Surrounding whitespace is fine.
        #expect(await VCJWT.verify("\n " + jwt + "\n", methods: didKeys, now: now).proof.status == .passed)
    }

    @Test func noChangedCharacterOrTruncationVerifies() async throws {
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let jwt = Array(try VCJWT.sign(credential(issuer: multikey.controller), key: key, keyID: multikey.id))
        for index in stride(from: 0, to: jwt.count, by: 5) {
            var changed = jwt
            changed[index] = changed[index] == "A" ? "B" : "A"
            let verification = await VCJWT.verify(String(changed), methods: didKeys, now: now)
            // Failed, or unknown when the change lands in the kid and names a key nobody has.
            #expect(verification.proof.status != .passed, "character \(index)")
            let truncated = await VCJWT.verify(String(jwt[..<index]), methods: didKeys, now: now)
            #expect(truncated.proof.status == .failed, "prefix \(index)")
        }
    }

    @Test func signingRefusesWhatItCannotSecure() throws {
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let document = credential(issuer: multikey.controller)
        #expect(throws: CredentialsError.self) { try VCJWT.sign(document, key: key, keyID: "key-1") }
        var vc11 = document
        vc11["@context"] = ["https://www.w3.org/2018/credentials/v1"]
        #expect(throws: CredentialsError.self) { try VCJWT.sign(vc11, key: key, keyID: multikey.id) }
        var withVP = document
        withVP["vp"] = "x"
        #expect(throws: CredentialsError.self) { try VCJWT.sign(withVP, key: key, keyID: multikey.id) }
        #expect(throws: CredentialsError.self) {
            try VCJWT.sign(document, key: key, keyID: multikey.id, form: .openBadges, expires: Date())
        }
    }
}
