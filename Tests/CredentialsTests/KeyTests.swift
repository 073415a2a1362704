import Foundation
import LinkedData
import Testing

@testable import Credentials

@Suite struct KeyTests {
    @Test func base58RoundTripsAndKeepsLeadingZeros() throws {
        #expect(Base58.encode(Array("Hello World!".utf8)) == "2NEpo7TZRRrLZSi2U")
        #expect(Base58.encode([0, 0, 0x28, 0x7F, 0xB4, 0xCD]) == "11233QC4")
        #expect(try Base58.decode("11233QC4") == [0, 0, 0x28, 0x7F, 0xB4, 0xCD])
        #expect(Base58.encode([]) == "")
        #expect(try Base58.decode("") == [])
        #expect(throws: CredentialsError.self) { try Base58.decode("0OIl") }
        for length in [1, 2, 31, 32, 33, 64] {
            let bytes = (0..<length).map { UInt8(($0 * 37 + 11) & 0xFF) }
            #expect(try Base58.decode(Base58.encode(bytes)) == bytes)
        }
    }

    @Test func base64URLRoundTrips() throws {
        #expect(Base64URL.encode(Array("any carnal pleas".utf8)) == "YW55IGNhcm5hbCBwbGVhcw")
        #expect(try Base64URL.decode("YW55IGNhcm5hbCBwbGVhcw==") == Array("any carnal pleas".utf8))
        #expect(try Base64URL.decode("-_8") == [0xFB, 0xFF])
    }

    @Test func ed25519SecretKeysAsSeedAndAsSeedWithPublicKey() throws {
        let key = SigningKey.generate(.ed25519)
        let long = try SigningKey(type: .ed25519, secretBytes: key.secretBytes + key.publicKey.rawRepresentation)
        #expect(long.publicKey == key.publicKey)
        #expect(long.secretBytes == key.secretBytes)
        // The 64-byte form written with the multicodec prefix, as some wallets export it.
        let multibase64 = Multibase.encode([0x80, 0x26] + key.secretBytes + key.publicKey.rawRepresentation)
        #expect(try SigningKey(multibase: multibase64).publicKey == key.publicKey)
        // A 64-byte form whose halves do not match is refused.
        let other = SigningKey.generate(.ed25519)
        #expect(throws: CredentialsError.self) {
            try SigningKey(type: .ed25519, secretBytes: key.secretBytes + other.publicKey.rawRepresentation)
        }
        #expect(throws: CredentialsError.self) { try SigningKey(type: .ed25519, secretBytes: [1, 2, 3]) }
    }

    @Test func multikeyRoundTripsForBothKeyTypes() throws {
        for type in KeyType.allCases {
            let key = SigningKey.generate(type)
            let multikey = Multikey(didKeyFor: key)
            let read = try Multikey(json: multikey.json(includeSecret: true))
            #expect(read.id == multikey.id)
            #expect(read.controller == multikey.controller)
            #expect(read.publicKey == key.publicKey)
            #expect(read.secretKey?.secretBytes == key.secretBytes)
            #expect(multikey.json(includeSecret: false)["secretKeyMultibase"] == nil)
            let message = Array("hola".utf8)
            #expect(key.publicKey.isValidSignature(try key.signature(for: message), for: message))
        }
        #expect(Multikey(didKeyFor: SigningKey.generate(.ed25519)).controller.hasPrefix("did:key:z6Mk"))
        #expect(Multikey(didKeyFor: SigningKey.generate(.p256)).controller.hasPrefix("did:key:zDn"))
    }

    @Test func keyFilesWithMismatchedHalvesOrNoKeyAreRefused() throws {
        let a = SigningKey.generate(.ed25519)
        let b = SigningKey.generate(.ed25519)
        #expect(throws: CredentialsError.self) {
            try Multikey(json: ["publicKeyMultibase": .string(a.publicKey.multibase), "secretKeyMultibase": .string(b.multibase)])
        }
        #expect(throws: CredentialsError.self) { try Multikey(json: ["id": "did:example:1"]) }
        #expect(throws: CredentialsError.self) { try Multikey(json: "not an object") }
    }

    @Test func didKeyResolvesToADocumentThatAuthorisesTheKey() throws {
        // did:key spec example keys.
        let ed = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
        let document = try DIDKey.document(for: ed + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
        #expect(document.id == ed)
        #expect(document.assertionMethod == [ed + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"])
        #expect(document.verificationMethods.first?.publicKey.type == .ed25519)
        let p256 = "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169"
        #expect(try DIDKey.publicKey(of: p256).type == .p256)
        #expect(throws: CredentialsError.self) { try DIDKey.publicKey(of: "did:key:z123") }
        #expect(throws: CredentialsError.self) { try DIDKey.publicKey(of: "did:web:example.com") }
    }

    @Test func jwkKeysAreRead() throws {
        let key = SigningKey.generate(.p256)
        let raw = try P256PublicPoint.uncompressed(key.publicKey)
        let jwk: JSONValue = [
            "kty": "EC", "crv": "P-256", "x": .string(Base64URL.encode(raw[1..<33])),
            "y": .string(Base64URL.encode(raw[33..<65])), "d": .string(Base64URL.encode(key.secretBytes)),
        ]
        let parsed = try JWK.keys(from: jwk)
        #expect(parsed.public == key.publicKey)
        #expect(parsed.secret?.secretBytes == key.secretBytes)
    }
}

import Crypto

enum P256PublicPoint {
    static func uncompressed(_ key: PublicKey) throws -> [UInt8] {
        Array(try P256.Signing.PublicKey(compressedRepresentation: key.rawRepresentation).x963Representation)
    }
}

@Suite struct DIDWebTests {
    @Test func mapsDIDsToDocumentURLs() throws {
        #expect(try DIDWeb.documentURL(for: "did:web:w3c-ccg.github.io") == "https://w3c-ccg.github.io/.well-known/did.json")
        #expect(try DIDWeb.documentURL(for: "did:web:w3c-ccg.github.io:user:alice#key-1") == "https://w3c-ccg.github.io/user/alice/did.json")
        #expect(try DIDWeb.documentURL(for: "did:web:example.com%3A3000:institutions:uasd") == "https://example.com:3000/institutions/uasd/did.json")
        #expect(DIDWeb.did(host: "example.com:3000", path: ["institutions", "uasd"]) == "did:web:example.com%3A3000:institutions:uasd")
        for bad in ["did:web:", "did:web:example.com::x", "did:web:exa mple.com", "did:web:example.com:..", "did:key:z6Mk"] {
            #expect(throws: CredentialsError.self, "\(bad)") { try DIDWeb.documentURL(for: bad) }
        }
    }

    @Test func resolvesThroughTheInjectedResolverAndRefusesAnotherDIDsDocument() async throws {
        let key = SigningKey.generate(.ed25519)
        let did = "did:web:uni.example"
        let method = VerificationMethod(id: did + "#key-1", type: "Multikey", controller: did, publicKey: key.publicKey)
        let document = DIDDocument(id: did, verificationMethods: [method], assertionMethod: [method.id], authentication: [])
        let resolver = VerificationMethodResolver(
            documents: PreloadedDocuments(["https://uni.example/.well-known/did.json": document.json]))
        #expect(try await resolver.verificationMethod(did + "#key-1")?.method.publicKey == key.publicKey)
        let impostor = VerificationMethodResolver(
            documents: PreloadedDocuments(["https://uni.example/.well-known/did.json": DIDDocument(
                id: "did:web:other.example", verificationMethods: [], assertionMethod: [], authentication: []).json]))
        await #expect(throws: CredentialsError.self) { try await impostor.verificationMethod(did + "#key-1") }
    }
}
