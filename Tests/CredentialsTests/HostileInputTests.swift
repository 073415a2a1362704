import Foundation
import LinkedData
import Testing

@testable import Credentials

/// What an attacker or a broken issuer sends: each is refused with its reason named, none crashes
/// or hangs.
@Suite struct HostileInputTests {
    let now = XSDDateTime("2026-06-01T00:00:00Z")!.date
    let key = SigningKey.generate(.ed25519)

    func signed(_ edit: (inout JSONObject) -> Void = { _ in }) throws -> JSONObject {
        let multikey = Multikey(didKeyFor: key)
        var credential: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": "urn:uuid:9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
            "type": ["VerifiableCredential"],
            "issuer": .string(multikey.controller),
            "validFrom": "2026-01-01T00:00:00Z",
            "credentialSubject": ["id": "did:example:alumna"],
        ]
        edit(&credential)
        return try DataIntegrity.addProof(
            to: credential, suite: EdDSARDFC2022(), key: key, options: ProofOptions(verificationMethod: multikey.id))
    }

    func report(_ text: String) async -> VerificationReport {
        await CredentialVerifier().verify(bytes: Array(text.utf8), at: now)
    }

    @Test func deepNestingHugeNumbersLongStringsAndDuplicateKeysAreUnreadable() async {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let huge = #"{"@context": ["https://www.w3.org/ns/credentials/v2"], "n": 1e999}"#
        let long = #"{"name": ""# + String(repeating: "a", count: 2 << 20) + #""}"#
        let duplicate = #"{"issuer": "did:example:a", "issuer": "did:example:b"}"#
        for (input, reason) in [(deep, "nesting deeper"), (huge, "too large"), (long, "bytes"), (duplicate, "duplicate member name")] {
            let result = await report(input)
            #expect(result.result(.format)?.status == .failed)
            #expect(result.result(.format)?.message.text(.en).contains(reason) == true, "\(reason)")
            #expect(!result.verified)
        }
    }

    @Test func aRepeatedProofIsRefused() async throws {
        var credential = try signed()
        credential["proof"] = [credential["proof"]!, credential["proof"]!]
        let result = await CredentialVerifier().verify(.object(credential), at: now)
        #expect(result.result(.proof)?.message.key == "proof.duplicate")
        #expect(!result.verified)
    }

    @Test func aProofOverAnotherDocumentFails() async throws {
        let original = try signed()
        var other = try signed { $0["credentialSubject"] = ["id": "did:example:otra"] }
        other["proof"] = original["proof"]
        let result = await CredentialVerifier().verify(.object(other), at: now)
        #expect(result.result(.proof)?.status == .failed)
        #expect(result.result(.proof)?.message.key == "signature.mismatch")
    }

    @Test func aKeyOfAnotherIssuerFails() async throws {
        let credential = try signed { $0["issuer"] = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp" }
        let result = await CredentialVerifier().verify(.object(credential), at: now)
        #expect(result.result(.proof)?.status == .passed)
        #expect(result.result(.issuer)?.status == .failed)
        #expect(!result.verified)
    }

    @Test func anUnknownContextIsRefusedNotFetched() async throws {
        var credential = try signed()
        credential["@context"] = ["https://www.w3.org/ns/credentials/v2", "https://evil.example/context.jsonld"]
        let result = await CredentialVerifier().verify(.object(credential), at: now)
        #expect(result.result(.format)?.status == .failed)
        #expect(result.result(.proof)?.status == .failed)
        #expect(result.result(.proof)?.message.text(.en).contains("not one of the bundled contexts") == true)
    }
}
