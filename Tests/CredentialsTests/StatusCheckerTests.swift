import Foundation
import LinkedData
import Testing

@testable import Credentials

/// A resolver that records what it was asked for.
actor CountingResolver: DocumentResolver {
    let documents: [String: JSONValue]
    var fetches: [String] = []

    init(_ documents: [String: JSONValue]) { self.documents = documents }

    func document(at url: String) async throws -> JSONValue? {
        fetches.append(url)
        return documents[url] ?? documents[DIDURL.did(of: url)]
    }
}

/// A resolver whose network is down.
struct FailingResolver: DocumentResolver {
    func document(at url: String) async throws -> JSONValue? {
        throw CredentialsError(.resolution, "connection refused")
    }
}

/// The status check, end to end: lists fetched, verified by `CredentialVerifier`, decoded and read.
@Suite struct StatusCheckerTests {
    let now = XSDDateTime("2026-06-01T00:00:00Z")!.date
    let base = "bitstring-status-list/"
    static let testlistURL =
        "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/"
        + "inspector-vc/src/test/resources/ob30/bit-string-list/testlist"

    /// 1EdTech's test issuer, whose key signed the three fixtures, and its list at the URL the
    /// credentials name.
    func oneEdTechDocuments() throws -> [String: JSONValue] {
        let issuer = "https://1edtech.edu/issuers/565049"
        let key = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
        let method = VerificationMethod(
            id: issuer + "#" + key, type: "Multikey", controller: issuer, publicKey: try PublicKey(multibase: key))
        let document = DIDDocument(id: issuer, verificationMethods: [method], assertionMethod: [method.id], authentication: [])
        return [issuer: document.json, StatusCheckerTests.testlistURL: try Fixtures.json(base + "1edtech-validator/testlist.json")]
    }

    /// A checker that verifies lists as the verifier's wiring does: with `CredentialVerifier`.
    func checker(_ resolver: any DocumentResolver) -> StatusChecker {
        let verifier = CredentialVerifier(documents: resolver)
        let now = self.now
        return StatusChecker(documents: resolver) { await verifier.verify($0, at: now) }
    }

    func checker(_ documents: [String: JSONValue]) -> StatusChecker { checker(PreloadedDocuments(documents)) }

    // MARK: - 1EdTech's revoked credentials

    @Test func oneEdTechsRevokedCredentialsAreRevoked() async throws {
        let documents = try oneEdTechDocuments()
        let testlist = documents[StatusCheckerTests.testlistURL]!
        let list = await CredentialVerifier(documents: PreloadedDocuments(documents)).verify(testlist, at: now)
        #expect(list.verified, "\(list.json(input: nil).serializedString())")
        for file in ["credential-status-revoked.json", "credential-status-revoked-blank-nodes.json"] {
            let credential = try Fixtures.json(base + "1edtech-validator/" + file).objectValue!
            let result = await checker(documents).check(credential, at: now)
            #expect(result.status == .failed, "\(file): \(result.message.text())")
            #expect(result.message.key == "statusList.revoked")
            #expect(result.message.text(.es).contains("revocó"))
            #expect(result.message.text(.en).contains("index 23"))
        }
    }

    /// Through the verifier, as `mochila verify --document URL=FILE` runs it.
    @Test func theVerifierReportsTheRevocation() async throws {
        let credential = try Fixtures.json(base + "1edtech-validator/credential-status-revoked.json")
        let report = await CredentialVerifier(documents: PreloadedDocuments(try oneEdTechDocuments())).verify(credential, at: now)
        #expect(report.result(.proof)?.status == .passed)
        #expect(report.result(.status)?.status == .failed, "\(report.json(input: nil).serializedString())")
        #expect(!report.verified)
    }

    @Test func aListMadeJustAfterVerificationBeganIsCurrent() {
        let now = XSDDateTime("2026-05-01T12:00:00Z")!.date
        let soon: JSONValue = ["validFrom": "2026-05-01T12:00:02Z"]
        #expect(StatusChecker.listInstant(soon, now: now) == XSDDateTime("2026-05-01T12:00:02Z")!.date)
        // Beyond the slack, the list really is not valid yet: verified at `now`, it fails.
        let later: JSONValue = ["validFrom": "2026-05-01T12:10:00Z"]
        #expect(StatusChecker.listInstant(later, now: now) == now)
        #expect(StatusChecker.listInstant(["validFrom": "2026-05-01T11:00:00Z"], now: now) == now)
    }

    @Test func aListThatCannotBeFetchedIsUnknown() async throws {
        let credential = try Fixtures.json(base + "1edtech-validator/credential-status-revoked.json").objectValue!
        var documents = try oneEdTechDocuments()
        documents[StatusCheckerTests.testlistURL] = nil
        let missing = await checker(documents).check(credential, at: now)
        #expect(missing.status == .unknown && missing.message.key == "statusList.unavailable")
        #expect(missing.message.text().contains("STATUS_RETRIEVAL_ERROR"))
        let down = await checker(FailingResolver()).check(credential, at: now)
        #expect(down.status == .unknown && down.message.key == "statusList.retrieval")
        #expect(down.message.text().contains("connection refused"))
    }

    /// A forged list that clears bit 23 must not pass: its proof no longer verifies.
    @Test func aListWhoseProofFailsIsUnknown() async throws {
        let credential = try Fixtures.json(base + "1edtech-validator/credential-status-revoked.json").objectValue!
        var documents = try oneEdTechDocuments()
        documents[StatusCheckerTests.testlistURL]!["credentialSubject"]!["encodedList"] = .string(try BitstringStatusList().encodedList())
        let forged = await checker(documents).check(credential, at: now)
        #expect(forged.status == .unknown && forged.message.key == "statusList.listProof", "\(forged.message.text())")
        // Without the issuer's document the list's key cannot be obtained: unknown as well.
        let noKey = await checker([StatusCheckerTests.testlistURL: try oneEdTechDocuments()[StatusCheckerTests.testlistURL]!])
            .check(credential, at: now)
        #expect(noKey.status == .unknown && noKey.message.key == "statusList.listProof")
    }

    // MARK: - lists signed here

    let listURL = "https://mochila.example/status/1"

    func signedList(
        _ list: BitstringStatusList, purposes: [String], key: SigningKey, validUntil: String? = nil
    ) throws -> JSONValue {
        let multikey = Multikey(didKeyFor: key)
        let unsigned = BitstringStatusListCredential.unsigned(
            id: listURL, issuer: multikey.controller, validFrom: XSDDateTime("2026-01-01T00:00:00Z")!.date,
            validUntil: validUntil.map { XSDDateTime($0)!.date }, statusPurpose: purposes, list: list)
        return .object(
            try DataIntegrity.addProof(
                to: unsigned, suite: EdDSAJCS2022(), key: key,
                options: ProofOptions(verificationMethod: multikey.id, created: "2026-01-01T00:00:00Z")))
    }

    func credential(issuer key: SigningKey, _ entries: [(purpose: String, index: String)], size: Int? = nil) -> JSONObject {
        let status: [JSONValue] = entries.map {
            var entry: JSONObject = [
                "id": .string(listURL + "#" + $0.index), "type": "BitstringStatusListEntry", "statusPurpose": .string($0.purpose),
                "statusListIndex": .string($0.index), "statusListCredential": .string(listURL),
            ]
            if let size {
                entry["statusSize"] = .number(Double(size))
                entry["statusMessage"] = .array((0..<(1 << size)).map { ["status": .string("0x" + String($0, radix: 16)), "message": "m"] })
            }
            return .object(entry)
        }
        return [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
            "issuer": .string(Multikey(didKeyFor: key).controller), "validFrom": "2026-01-15T00:00:00Z",
            "credentialSubject": ["id": "did:example:learner"], "credentialStatus": .array(status),
        ]
    }

    /// Example 7 of the spec: one list serving revocation and suspension, fetched once.
    @Test func suspensionAndRevocationFromOneList() async throws {
        let key = SigningKey.generate(.ed25519)
        var list = try BitstringStatusList()
        try list.set(12345)
        let resolver = CountingResolver([listURL: try signedList(list, purposes: ["revocation", "suspension"], key: key)])
        let credential = credential(issuer: key, [("revocation", "94567"), ("suspension", "12345")])
        let suspended = await checker(resolver).check(credential, at: now)
        #expect(suspended.status == .failed && suspended.message.key == "statusList.suspended", "\(suspended.message.text())")
        #expect(await resolver.fetches == [listURL])
        let entries = await checker(resolver).checkEntries(credential, at: now)
        #expect(entries.map(\.message.key) == ["statusList.notRevoked", "statusList.suspended"])
        try list.set(12345, to: 0)
        let lifted = CountingResolver([listURL: try signedList(list, purposes: ["revocation", "suspension"], key: key)])
        let passed = await checker(lifted).check(credential, at: now)
        #expect(passed.status == .passed && passed.message.key == "statusList.allPassed", "\(passed.message.text())")
    }

    @Test func messagePurposeReportsTheMessage() async throws {
        let key = SigningKey.generate(.ed25519)
        var list = try BitstringStatusList(size: 500_000, statusSize: 2)
        try list.set(492_847, to: 2)
        var credential = credential(issuer: key, [])
        var entry = BitstringStatusListTests.messageEntry
        entry["statusListCredential"] = .string(listURL)
        entry["id"] = .string(listURL + "#492847")
        credential["credentialStatus"] = .object(entry)
        let result = await checker([listURL: try signedList(list, purposes: ["message"], key: key)]).check(credential, at: now)
        #expect(result.status == .passed && result.message.key == "statusList.message")
        #expect(result.message.arguments == ["0x2", "rejected"])
        #expect(result.message.text(.pt).contains("rejected"))
    }

    @Test func specErrorsAreUnknownAndNamed() async throws {
        let key = SigningKey.generate(.ed25519)
        let list = try BitstringStatusList()
        let documents = [listURL: try signedList(list, purposes: ["revocation"], key: key)]
        func check(_ credential: JSONObject, _ documents: [String: JSONValue]) async -> CheckResult {
            await checker(documents).check(credential, at: now)
        }
        let one = credential(issuer: key, [("revocation", "1")])
        let short = try BitstringStatusList(bitstring: [UInt8](repeating: 0, count: 16383))
        let expired = try signedList(list, purposes: ["revocation"], key: key, validUntil: "2026-05-01T00:00:00Z")
        let cases: [(String, JSONObject, [String: JSONValue], String)] = [
            ("RANGE_ERROR", credential(issuer: key, [("revocation", "131072")]), documents, "statusList.range"),
            ("purpose", credential(issuer: key, [("suspension", "1")]), documents, "statusList.purposeMismatch"),
            ("2-bit statuses in 131,072 bits", credential(issuer: key, [("revocation", "1")], size: 2), documents, "statusList.tooShort"),
            ("short list", one, [listURL: try signedList(short, purposes: ["revocation"], key: key)], "statusList.tooShort"),
            ("another issuer", credential(issuer: SigningKey.generate(.ed25519), [("revocation", "1")]), documents, "statusList.issuerMismatch"),
            ("expired list", one, [listURL: expired], "statusList.listValidity"),
            ("index", credential(issuer: key, [("revocation", "-3")]), documents, "statusList.entryMalformed"),
        ]
        for (name, credential, documents, key) in cases {
            let result = await check(credential, documents)
            #expect(result.status == .unknown, "\(name): \(result.message.text())")
            #expect(result.message.key == key, "\(name): \(result.message.text())")
        }
        let range = await check(cases[0].1, documents)
        #expect(range.message.text().contains("RANGE_ERROR"))
    }

    /// A report as a verifier would give it, for checking what the checker makes of one.
    static func report(proof: CheckStatus, validity: CheckStatus = .passed, credential: JSONValue?) -> VerificationReport {
        let message = Message("test")
        return VerificationReport(
            checks: [
                CheckResult(.format, .passed, message), CheckResult(.proof, proof, message), CheckResult(.issuer, .passed, message),
                CheckResult(.validity, validity, message), CheckResult(.status, .skipped, message),
            ], credential: credential)
    }

    /// The checker's own checks hold even when `verifyList` does not make them.
    @Test func theListsValidityIsCheckedEvenIfTheVerifierDoesNot() async throws {
        let key = SigningKey.generate(.ed25519)
        let expired = try signedList(try BitstringStatusList(), purposes: ["revocation"], key: key, validUntil: "2026-05-01T00:00:00Z")
        let checker = StatusChecker(documents: PreloadedDocuments([listURL: expired])) { _ in
            StatusCheckerTests.report(proof: .passed, credential: nil)
        }
        let result = await checker.check(credential(issuer: key, [("revocation", "1")]), at: now)
        #expect(result.status == .unknown && result.message.key == "statusList.listExpired")
    }

    /// A list secured as a JWT: the verifier's report carries its payload.
    @Test func aJWTListIsReadFromTheVerifiersReport() async throws {
        let key = SigningKey.generate(.ed25519)
        var list = try BitstringStatusList()
        try list.set(7)
        let payload = BitstringStatusListCredential.unsigned(
            id: listURL, issuer: Multikey(didKeyFor: key).controller, validFrom: XSDDateTime("2026-01-01T00:00:00Z")!.date,
            statusPurpose: ["revocation"], list: list)
        let jwt = JSONValue.string("eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2lnbmF0dXJl")
        let credential = credential(issuer: key, [("revocation", "7")])
        for (proof, expected) in [(CheckStatus.passed, CheckStatus.failed), (.failed, .unknown)] {
            let checker = StatusChecker(documents: PreloadedDocuments([listURL: jwt])) { value in
                #expect(value == jwt)
                return StatusCheckerTests.report(proof: proof, credential: .object(["vc": .object(payload)]))
            }
            #expect(await checker.check(credential, at: now).status == expected)
        }
    }

    @Test func aDecompressionBombIsUnknown() async throws {
        let key = SigningKey.generate(.ed25519)
        var bomb = BitstringStatusListCredential.unsigned(
            id: listURL, issuer: Multikey(didKeyFor: key).controller, validFrom: XSDDateTime("2026-01-01T00:00:00Z")!.date,
            statusPurpose: ["revocation"], list: try BitstringStatusList())
        bomb["credentialSubject"]!["encodedList"] = .string(Multibase.encode(GZIPTests.bomb(), base: .base64url))
        let checker = StatusChecker(documents: PreloadedDocuments([listURL: .object(bomb)])) { _ in
            StatusCheckerTests.report(proof: .passed, credential: nil)
        }
        let result = await checker.check(credential(issuer: key, [("revocation", "1")]), at: now)
        #expect(result.status == .unknown && result.message.key == "statusList.tooLarge", "\(result.message.text())")
    }

    @Test func noStatusIsSkippedAndUnknownTypesAreUnknown() async throws {
        let key = SigningKey.generate(.ed25519)
        var credential = credential(issuer: key, [])
        credential["credentialStatus"] = nil
        let checker = StatusChecker(documents: PreloadedDocuments()) { _ in StatusCheckerTests.report(proof: .passed, credential: nil) }
        #expect(await checker.check(credential, at: now).status == .skipped)
        credential["credentialStatus"] = ["id": "https://example.com/status/1#5", "type": "StatusList2021Entry"]
        let other = await checker.check(credential, at: now)
        #expect(other.status == .unknown && other.message.key == "statusList.unsupportedType")
        #expect(other.message.text(.es).contains("StatusList2021Entry"))
    }
}
