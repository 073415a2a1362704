import Benchmark
import Credentials
import Foundation
import LinkedData

/// Every way Mochila signs or checks a credential, one benchmark per suite and key type, on the
/// 1EdTech Open Badges 3.0 vector (the same credential as `CredentialBenchmarks`):
///
/// - canonicalization: JCS (RFC 8785; RDFC-1.0 is in `CredentialBenchmarks`);
/// - Data Integrity: `eddsa-jcs-2022` (signing; its verification is in `CredentialBenchmarks`),
///   `ecdsa-rdfc-2019` and `ecdsa-jcs-2019` with P-256 and P-384, and the legacy
///   `Ed25519Signature2020`: sign (`DataIntegrity.addProof`) and verify (`checkSignature`: the
///   canonical form, the hashes and the signature, with the key in hand);
/// - JWT: VC-JOSE-COSE `vc+jwt` with each JOSE algorithm (EdDSA, ES256, ES384, ES512, RS256) and
///   Open Badges 3.0's VC-JWT (`vc` claim): sign (`VCJWT.sign`) and verify (`VCJWT.verify`: parse,
///   claims, `did:key` key discovery, signature);
/// - verify only (Mochila imports these, it does not issue them): Open Badges 2.0 signed
///   assertions (compact JWS, RS256 and ES256, with the badge class, issuer, key and revocation
///   list preloaded) and Europass EDC JAdES seals (RS256 and ES256, X.509 chain in `x5c`).
///
/// Keys are generated at start; each signed input is checked once before it is measured, so a
/// benchmark never times a failure.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput], timeUnits: .microseconds,
        maxDuration: .seconds(3), maxIterations: 100_000)

    let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    func bytes(_ name: String) -> [UInt8] { Array(try! Data(contentsOf: fixtures.appendingPathComponent(name))) }
    func json(_ name: String) -> JSONValue { try! JSONValue(parsing: bytes(name)) }
    func line(_ name: String) -> String {
        String(decoding: bytes(name), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let unsigned = json("unsigned.json").objectValue!
    let created = "2024-06-01T00:00:00Z"

    // MARK: canonicalization

    Benchmark("Canonicalize OB 3.0 vector (JCS)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(JCS.canonicalize(.object(unsigned))) }
    }

    // MARK: Data Integrity suites

    /// The OB 3.0 vector issued by the `did:key` of `key`, so that it names its own key.
    func credential(issuedBy key: SigningKey, context extra: [String] = []) -> JSONObject {
        var document = unsigned
        var issuer = document["issuer"]!.objectValue!
        issuer["id"] = .string(DIDKey.did(for: key.publicKey))
        document["issuer"] = .object(issuer)
        if !extra.isEmpty { document["@context"] = .array(document["@context"]!.asArray + extra.map { .string($0) }) }
        return document
    }

    let dataIntegrityCases: [(name: String, suite: any Cryptosuite, key: KeyType, context: [String])] = [
        ("eddsa-jcs-2022, Ed25519", EdDSAJCS2022(), .ed25519, []),
        ("ecdsa-rdfc-2019, P-256", ECDSARDFC2019(), .p256, []),
        ("ecdsa-rdfc-2019, P-384", ECDSARDFC2019(), .p384, []),
        ("ecdsa-jcs-2019, P-256", ECDSAJCS2019(), .p256, []),
        ("ecdsa-jcs-2019, P-384", ECDSAJCS2019(), .p384, []),
        // The legacy suite's proof type is defined by its own context, which documents carry.
        ("Ed25519Signature2020, Ed25519", Ed25519Signature2020(), .ed25519, ["https://w3id.org/security/suites/ed25519-2020/v1"]),
    ]
    for entry in dataIntegrityCases {
        let key = SigningKey.generate(entry.key)
        let document = credential(issuedBy: key, context: entry.context)
        let options = ProofOptions(verificationMethod: DIDKey.did(for: key.publicKey) + "#" + key.publicKey.multibase, created: created)
        let signed = try! DataIntegrity.addProof(to: document, suite: entry.suite, key: key, options: options)
        let proof = DataIntegrityProof(json: signed["proof"]!.objectValue!)
        let check = DataIntegrity.checkSignature(of: proof, in: signed, publicKey: key.publicKey)
        precondition(check == .valid, "\(entry.name): \(check)")

        Benchmark("Sign OB 3.0 vector (\(entry.name))") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try DataIntegrity.addProof(to: document, suite: entry.suite, key: key, options: options))
            }
        }
        Benchmark("Verify OB 3.0 vector (\(entry.name))") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(DataIntegrity.checkSignature(of: proof, in: signed, publicKey: key.publicKey))
            }
        }
    }

    // MARK: JWT

    let now = XSDDateTime("2024-06-01T00:00:00Z")!.date
    let methods = VerificationMethodResolver(documents: PreloadedDocuments())
    let jwtCases: [(name: String, key: KeyType, form: VCJWT.Form)] = [
        ("vc+jwt, EdDSA", .ed25519, .credential),
        ("vc+jwt, ES256", .p256, .credential),
        ("vc+jwt, ES384", .p384, .credential),
        ("vc+jwt, ES512", .p521, .credential),
        ("vc+jwt, RS256", .rsa, .credential),
        ("OB 3.0 VC-JWT, EdDSA", .ed25519, .openBadges),
        ("OB 3.0 VC-JWT, RS256", .rsa, .openBadges),
    ]
    for entry in jwtCases {
        let key = SigningKey.generate(entry.key)
        let document = credential(issuedBy: key)
        let keyID = DIDKey.did(for: key.publicKey) + "#" + key.publicKey.multibase
        let token = try! VCJWT.sign(document, key: key, keyID: keyID, form: entry.form)

        Benchmark("Sign OB 3.0 vector (\(entry.name))") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try VCJWT.sign(document, key: key, keyID: keyID, form: entry.form))
            }
        }
        Benchmark("Verify OB 3.0 vector (\(entry.name))") { benchmark in
            let first = await VCJWT.verify(token, methods: methods, now: now)
            precondition(first.proof.status == .passed, "\(entry.name): \(first.proof.message.text())")
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(await VCJWT.verify(token, methods: methods, now: now))
            }
        }
    }

    // MARK: imported formats, verified only

    var web: [String: JSONValue] = [:]
    for name in ["ob2-badgeclass.json", "ob2-issuer.json", "ob2-key1.json", "ob2-key2.json", "ob2-revocation-list.json"] {
        let document = json(name)
        web[document["id"]!.stringValue!] = document
    }
    let openBadges2 = OpenBadges2Verifier(documents: PreloadedDocuments(web))
    for (algorithm, file) in [("RS256", "ob2-assertion-rs256.jws"), ("ES256", "ob2-assertion-es256.jws")] {
        let token = line(file)
        Benchmark("Verify Open Badges 2.0 signed assertion (\(algorithm), documents preloaded)") { benchmark in
            let first = await openBadges2.verify(.jws(token), at: now)
            precondition(first.verified, "OB 2.0 \(algorithm) does not verify")
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(await openBadges2.verify(.jws(token), at: now)) }
        }
    }

    let europass = EuropassVerifier()
    let europassNow = XSDDateTime("2025-06-01T00:00:00Z")!.date
    for (algorithm, file) in [("RS256", "europass-rs256.json"), ("ES256", "europass-es256.json")] {
        let sealed = bytes(file)
        precondition(europass.verify(bytes: sealed, at: europassNow).result(.proof)?.status == .passed, "Europass \(algorithm)")
        Benchmark("Verify Europass EDC JAdES seal (\(algorithm), X.509 chain)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(europass.verify(bytes: sealed, at: europassNow)) }
        }
    }
}
