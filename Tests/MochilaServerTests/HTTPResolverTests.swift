import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import Synchronization
import Testing

@testable import MochilaServer

/// The HTTP document resolver against a real HTTP server: a status list served, changed and gone.
@Suite struct HTTPResolverTests {
    let issuerKey = SigningKey.generate(.ed25519)

    /// A signed status list with `revoked` set.
    func statusList(url: String, issuer: String, revoked: [Int]) throws -> JSONObject {
        var list = try BitstringStatusList()
        for index in revoked { try list.set(index) }
        let unsigned = BitstringStatusListCredential.unsigned(
            id: url, issuer: issuer, validFrom: XSDDateTime("2026-01-01T00:00:00Z")!.date, statusPurpose: ["revocation"], list: list)
        return try DataIntegrity.addProof(
            to: unsigned, suite: EdDSARDFC2022(), key: issuerKey, options: ProofOptions(verificationMethod: Multikey(didKeyFor: issuerKey).id))
    }

    func credential(statusURL: String, index: Int) throws -> JSONObject {
        let issuer = Multikey(didKeyFor: issuerKey)
        let entry = BitstringStatusListEntry(
            id: statusURL + "#\(index)", statusPurpose: "revocation", statusListIndex: index, statusListCredential: statusURL)
        return try DataIntegrity.addProof(
            to: [
                "@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:uuid:7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "type": ["VerifiableCredential"], "issuer": .string(issuer.controller), "validFrom": "2026-02-01T00:00:00Z",
                "credentialSubject": ["id": "did:example:alumna"], "credentialStatus": .object(entry.json),
            ], suite: EdDSARDFC2022(), key: issuerKey, options: ProofOptions(verificationMethod: issuer.id))
    }

    /// DNS rebinding: the name is resolved once, for the address check, and the connection goes
    /// to that address, never to a second answer (which could be 127.0.0.1). Here the check's
    /// answer is a documentation address (RFC 5737) for a name DNS does not know: the failure
    /// comes from connecting there, so the client did not ask DNS again.
    @Test func connectsToTheAddressItChecked() async throws {
        var policy = HTTPDocumentResolver.Policy()
        policy.resolve = { host in host == "rebind.mochila.invalid" ? ["203.0.113.7"] : [] }
        policy.timeout = .seconds(2)
        let resolver = HTTPDocumentResolver(policy: policy)
        do {
            _ = try await resolver.document(at: "https://rebind.mochila.invalid/status/1")
            Issue.record("nothing answers at 203.0.113.7")
        } catch {
            // Unreachable (the error names the address or times out), or, where a proxy answers
            // every address, a TLS peer whose certificate is not for the name: either way, not a
            // DNS failure for a name DNS does not know.
            let text = "\(error)"
            #expect(
                text.contains("203.0.113.7") || text.contains("connectTimeout") || text.contains("failedToValidateHostname"), "\(text)")
        }
        var local = HTTPDocumentResolver.Policy()
        local.resolve = { _ in ["127.0.0.1"] }
        do {
            _ = try await HTTPDocumentResolver(policy: local).document(at: "https://rebind.mochila.invalid/status/1")
            Issue.record("a name resolving to loopback is refused")
        } catch {
            #expect("\(error)".contains("private or local"), "\(error)")
        }
    }

    @Test func fetchesStatusListsOverHTTPAndFailsClosedWhenTheyAreGone() async throws {
        let issuer = Multikey(didKeyFor: issuerKey).controller
        let served = Mutex<JSONObject?>(nil)
        let router = Router()
        router.get("/status/1") { _, _ -> Response in
            guard let list = served.withLock({ $0 }) else { return Response(status: .notFound) }
            return Response(
                status: .ok, headers: [.contentType: "application/vc"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONValue.object(list).serialized())))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let url = "http://127.0.0.1:\(client.port!)/status/1"
            var policy = HTTPDocumentResolver.Policy()
            policy.allowLocal = true
            policy.cacheTTL = 0
            let verifier = CredentialVerifier(documents: HTTPDocumentResolver(policy: policy))
            let now = XSDDateTime("2026-06-01T00:00:00Z")!.date
            let credential = JSONValue.object(try credential(statusURL: url, index: 42))

            served.withLock { $0 = try? statusList(url: url, issuer: issuer, revoked: [7]) }
            let active = await verifier.verify(credential, at: now)
            #expect(active.result(.status)?.status == .passed, "\(active.json(input: nil).serializedString())")
            #expect(active.verified)

            served.withLock { $0 = try? statusList(url: url, issuer: issuer, revoked: [7, 42]) }
            let revoked = await verifier.verify(credential, at: now)
            #expect(revoked.result(.status)?.status == .failed)
            #expect(!revoked.verified)

            // A list altered after signing does not count: unknown, never "not revoked".
            var forged = try statusList(url: url, issuer: issuer, revoked: [42])
            forged["credentialSubject"]?["encodedList"] = .string(try BitstringStatusList().encodedList())
            served.withLock { $0 = forged }
            let tampered = await verifier.verify(credential, at: now)
            #expect(tampered.result(.status)?.status == .unknown)

            served.withLock { $0 = nil }
            let gone = await verifier.verify(credential, at: now)
            #expect(gone.result(.status)?.status == .unknown)
            #expect(!gone.verified)
        }
    }
}
