import Foundation
import LinkedData
import Testing

@testable import Credentials

/// Open Badges 2.0 imports: hosted and signed assertions, recipients and baked images.
///
/// The hosted documents are 1EdTech openbadges-validator-core's `2_0_basic_*` test components;
/// the signed ones follow its `JwsFullVerifyTests`, made with Python's `cryptography`; the baked
/// SVG is the Baking Specification's example (see Fixtures/SOURCES.md, "openbadges2/").
@Suite struct OpenBadges2Tests {
    let now = XSDDateTime("2024-06-01T00:00:00Z")!.date
    let assertionURL = "https://example.org/beths-robotics-badge.json"
    let assertion: JSONObject
    let badgeClass: JSONObject
    let issuer: JSONObject

    init() throws {
        assertion = try Fixtures.json("openbadges2/validator-core/2_0_basic_assertion.json").objectValue!
        badgeClass = try Fixtures.json("openbadges2/validator-core/2_0_basic_badgeclass.json").objectValue!
        issuer = try Fixtures.json("openbadges2/validator-core/2_0_basic_issuer.json").objectValue!
    }

    /// An in-memory web: each document served at its `id`.
    func web(_ documents: [JSONObject]) -> PreloadedDocuments {
        var served: [String: JSONValue] = [:]
        for document in documents { served[document["id"]!.stringValue!] = .object(document) }
        return PreloadedDocuments(served)
    }

    func hosted(_ documents: [JSONObject]? = nil, policy: OpenBadges2URLPolicy = .httpsOnly) -> OpenBadges2Verifier {
        OpenBadges2Verifier(documents: web(documents ?? [assertion, badgeClass, issuer]), urlPolicy: policy)
    }

    func status(_ result: OpenBadges2Verification, _ check: CheckName) -> CheckStatus? {
        result.report.result(check)?.status
    }

    // MARK: - Hosted

    @Test func hostedAssertionVerifiesFromItsURL() async {
        let result = await hosted().verify(.url(assertionURL), at: now)
        #expect(result.verified, "\(result.report.json(input: nil).serializedString())")
        #expect(result.method == .hosted)
        for check in [CheckName.format, .proof, .issuer, .validity, .status] { #expect(status(result, check) == .passed) }
        #expect(result.badgeClass?["name"] == "Awesome Robotics Badge")
        #expect(result.issuer?["id"] == "https://example.org/organization.json")
        #expect(result.isRecipient("nobody@example.org"))
    }

    @Test func hostedAssertionVerifiesFromItsJSON() async throws {
        let bytes = try Fixtures.data("openbadges2/validator-core/2_0_basic_assertion.json")
        let result = await hosted().verify(bytes: Array(bytes), at: now)
        #expect(result.verified)
        // The URL itself, uploaded as text, is read as a hosted assertion too.
        #expect(await hosted().verify(bytes: Array("  \(assertionURL)\n".utf8), at: now).verified)
    }

    @Test func tamperedAssertionFails() async {
        var tampered = assertion
        tampered["recipient"] = ["type": "email", "hashed": false, "identity": "mallory@example.com"]
        let result = await hosted().verify(.json(.object(tampered)), at: now)
        #expect(!result.verified)
        #expect(status(result, .proof) == .failed)
        #expect(result.report.result(.proof)?.message.key == "ob2.proof.hostedDiffers")
        // The report carries the issuer's copy, not the tampered one.
        #expect(!result.isRecipient("mallory@example.com"))
        #expect(result.isRecipient("nobody@example.org"))
    }

    @Test func documentWithAnotherIDFails() async {
        // The issuer's server answers the URL with a different assertion.
        var other = assertion
        other["id"] = "https://example.org/someone-elses-badge.json"
        let documents = PreloadedDocuments([
            assertionURL: .object(other), badgeClass["id"]!.stringValue!: .object(badgeClass),
            issuer["id"]!.stringValue!: .object(issuer),
        ])
        let verifier = OpenBadges2Verifier(documents: documents)
        let fromJSON = await verifier.verify(.json(.object(assertion)), at: now)
        #expect(status(fromJSON, .proof) == .failed)
        #expect(!fromJSON.verified)
        let fromURL = await verifier.verify(.url(assertionURL), at: now)
        #expect(status(fromURL, .proof) == .failed)
        #expect(fromURL.report.result(.proof)?.message.key == "ob2.proof.idMismatch")
    }

    @Test func assertionOutsideTheIssuersOriginFails() async {
        // Default policy: the origin of the issuer's id.
        var elsewhere = issuer
        elsewhere["id"] = "https://issuer.example.net/organization.json"
        var badge = badgeClass
        badge["issuer"] = "https://issuer.example.net/organization.json"
        var result = await hosted([assertion, badge, elsewhere]).verify(.url(assertionURL), at: now)
        #expect(status(result, .proof) == .passed)
        #expect(status(result, .issuer) == .failed)
        #expect(!result.verified)

        // An explicit allowedOrigins that leaves example.org out.
        var policy = issuer
        policy["verification"] = ["allowedOrigins": ["badges.example.org", "example.net"]]
        result = await hosted([assertion, badgeClass, policy]).verify(.url(assertionURL), at: now)
        #expect(status(result, .issuer) == .failed)
        #expect(result.report.result(.issuer)?.message.key == "ob2.issuer.origin")

        // ...and one that lets another host serve the issuer's assertions.
        policy["verification"] = ["allowedOrigins": "example.org"]
        elsewhere["verification"] = ["allowedOrigins": "example.org"]
        result = await hosted([assertion, badge, elsewhere]).verify(.url(assertionURL), at: now)
        #expect(result.verified)

        // startsWith narrows the URLs within the origin.
        policy["verification"] = ["startsWith": "https://example.org/assertions/"]
        result = await hosted([assertion, badgeClass, policy]).verify(.url(assertionURL), at: now)
        #expect(status(result, .issuer) == .failed)
        #expect(result.report.result(.issuer)?.message.key == "ob2.issuer.startsWith")
    }

    @Test func unreachableBadgeClassIsUnknown() async {
        let result = await hosted([assertion, issuer]).verify(.url(assertionURL), at: now)
        #expect(status(result, .proof) == .passed)
        #expect(status(result, .issuer) == .unknown)
        #expect(!result.verified)

        // A resolver that fails (network error) is unknown too, never passed.
        struct Failing: DocumentResolver {
            let inner: PreloadedDocuments
            func document(at url: String) async throws -> JSONValue? {
                if url.hasSuffix("organization.json") { throw CredentialsError(.retrieval, "connection refused") }
                return try await inner.document(at: url)
            }
        }
        let failing = OpenBadges2Verifier(documents: Failing(inner: web([assertion, badgeClass, issuer])))
        let second = await failing.verify(.url(assertionURL), at: now)
        #expect(status(second, .issuer) == .unknown)
        #expect(!second.verified)

        // Nothing fetched at all: the hosted assertion.
        let nothing = await OpenBadges2Verifier(documents: PreloadedDocuments()).verify(.json(.object(assertion)), at: now)
        #expect(status(nothing, .proof) == .unknown)
        #expect(status(nothing, .status) == .unknown)
        #expect(!nothing.verified)
    }

    @Test func plainHTTPIsRefusedUnlessAllowed() async {
        func http(_ document: JSONObject) -> JSONObject {
            var copy = document
            for key in ["id", "badge", "issuer"] {
                if let text = copy[key]?.stringValue { copy[key] = .string(text.replacingOccurrences(of: "https://", with: "http://")) }
            }
            return copy
        }
        let documents = [http(assertion), http(badgeClass), http(issuer)]
        let url = "http://example.org/beths-robotics-badge.json"
        let refused = await hosted(documents).verify(.url(url), at: now)
        #expect(status(refused, .format) == .unknown)
        #expect(!refused.verified)
        let refusedJSON = await hosted(documents).verify(.json(.object(documents[0])), at: now)
        #expect(status(refusedJSON, .proof) == .unknown)
        #expect(await hosted(documents, policy: .allowHTTP).verify(.url(url), at: now).verified)
        #expect(!(await hosted(documents, policy: .allowLoopbackHTTP).verify(.url(url), at: now).verified))
        #expect(OpenBadges2URLPolicy.allowLoopbackHTTP.permits("http://127.0.0.1:8080/a.json"))
        #expect(!OpenBadges2URLPolicy.httpsOnly.permits("http://127.0.0.1:8080/a.json"))
    }

    @Test func fetchesAreBounded() async {
        var verifier = hosted()
        verifier.maxFetches = 2
        let result = await verifier.verify(.url(assertionURL), at: now)
        #expect(status(result, .issuer) == .unknown)
        #expect(!result.verified)
        // A document larger than the limit is not read.
        var big = hosted()
        big.maxDocumentBytes = 200
        #expect(status(await big.verify(.url(assertionURL), at: now), .format) == .unknown)
    }

    @Test func revokedHostedAssertionFails() async {
        var revoked = assertion
        revoked["revoked"] = true
        revoked["revocationReason"] = "Awarded by mistake"
        let result = await hosted([revoked, badgeClass, issuer]).verify(.url(assertionURL), at: now)
        #expect(status(result, .status) == .failed)
        #expect(!result.verified)
    }

    @Test func validityWindow() async {
        var expiring = assertion
        expiring["expires"] = "2018-12-31T23:59:59Z"
        var result = await hosted([expiring, badgeClass, issuer]).verify(.url(assertionURL), at: now)
        #expect(status(result, .validity) == .failed)
        #expect(!result.verified)
        // The same assertion, verified before it expired.
        result = await hosted([expiring, badgeClass, issuer]).verify(.url(assertionURL), at: XSDDateTime("2018-06-01T00:00:00Z")!.date)
        #expect(result.verified)
        // Issued after "now".
        result = await hosted().verify(.url(assertionURL), at: XSDDateTime("2016-12-01T00:00:00Z")!.date)
        #expect(status(result, .validity) == .failed)
        #expect(result.report.result(.validity)?.message.key == "ob2.validity.future")
    }

    @Test func malformedAndLegacyAssertionsFailFormat() async {
        var missing = assertion
        missing["recipient"] = nil
        #expect(status(await hosted().verify(.json(.object(missing)), at: now), .format) == .failed)
        let legacy: JSONValue = [
            "uid": "123abc", "recipient": ["identity": "test@example.com", "hashed": false, "type": "email"],
            "badge": "http://a.com/badgeclass", "issuedOn": "2015-04-30",
            "verify": ["type": "hosted", "url": "http://a.com/instance"],
        ]
        let result = await hosted().verify(.json(legacy), at: now)
        #expect(result.report.result(.format)?.message.key == "ob2.format.legacy")
        #expect(!result.verified)
    }

    // MARK: - Signed

    func signedWeb(revocationList: String = "revocation-list.json", issuer edit: (inout JSONObject) -> Void = { _ in })
        throws -> OpenBadges2Verifier
    {
        var signedIssuer = try Fixtures.json("openbadges2/signed/issuer.json").objectValue!
        edit(&signedIssuer)
        let documents = [
            badgeClass, signedIssuer,
            try Fixtures.json("openbadges2/signed/key1.json").objectValue!,
            try Fixtures.json("openbadges2/signed/key2.json").objectValue!,
            try Fixtures.json("openbadges2/signed/\(revocationList)").objectValue!,
        ]
        return OpenBadges2Verifier(documents: web(documents))
    }

    @Test func signedAssertionVerifies() async throws {
        for name in ["assertion-rs256.jws", "assertion-es256.jws"] {
            let token = try Fixtures.line("openbadges2/signed/\(name)")
            let result = try await signedWeb().verify(.jws(token), at: now)
            #expect(result.verified, "\(name): \(result.report.json(input: nil).serializedString())")
            #expect(result.method == .signed)
            for check in [CheckName.format, .proof, .issuer, .validity, .status] { #expect(status(result, check) == .passed) }
            #expect(result.isRecipient("nobody@example.org"))
            // Uploaded as bytes, the token is recognised as a JWS.
            #expect(try await signedWeb().verify(bytes: Array(token.utf8), at: now).verified)
        }
    }

    @Test func tamperedSignedAssertionFails() async throws {
        let token = try Fixtures.line("openbadges2/signed/assertion-rs256-tampered.jws")
        let result = try await signedWeb().verify(.jws(token), at: now)
        #expect(status(result, .proof) == .failed)
        #expect(result.report.result(.proof)?.message.key == "ob2.proof.signature")
        #expect(!result.verified)
        // A signature moved onto another key's token fails too.
        let rs = try Fixtures.line("openbadges2/signed/assertion-rs256.jws").split(separator: ".")
        let es = try Fixtures.line("openbadges2/signed/assertion-es256.jws").split(separator: ".")
        let swapped = "\(es[0]).\(es[1]).\(rs[2])"
        #expect(status(try await signedWeb().verify(.jws(swapped), at: now), .proof) == .failed)
    }

    @Test func revokedSignedAssertionFails() async throws {
        let token = try Fixtures.line("openbadges2/signed/assertion-rs256.jws")
        let result = try await signedWeb(revocationList: "revocation-list-revoked.json").verify(.jws(token), at: now)
        #expect(status(result, .proof) == .passed)
        #expect(status(result, .status) == .failed)
        #expect(result.report.result(.status)?.message.text().contains("A good reason, for sure") == true)
        #expect(!result.verified)
        // Without a revocation list the status check does not apply; an unreachable one is unknown.
        let noList = try await signedWeb(issuer: { $0["revocationList"] = nil }).verify(.jws(token), at: now)
        #expect(status(noList, .status) == .skipped)
        #expect(noList.verified)
        let gone = try await signedWeb(issuer: { $0["revocationList"] = "https://example.org/gone" }).verify(.jws(token), at: now)
        #expect(status(gone, .status) == .unknown)
        #expect(!gone.verified)
    }

    @Test func signingKeyMustBeTheIssuers() async throws {
        let token = try Fixtures.line("openbadges2/signed/assertion-rs256.jws")
        let unlisted = try await signedWeb(issuer: { $0["publicKey"] = "https://example.org/key2" }).verify(.jws(token), at: now)
        #expect(status(unlisted, .proof) == .passed)
        #expect(status(unlisted, .issuer) == .failed)
        #expect(!unlisted.verified)
        // The key's owner is another profile (which the issuer cannot vouch for by listing it).
        var key = try Fixtures.json("openbadges2/signed/key1.json").objectValue!
        key["owner"] = "https://example.org/other.json"
        let signedIssuer = try Fixtures.json("openbadges2/signed/issuer.json").objectValue!
        let other = await OpenBadges2Verifier(documents: web([badgeClass, signedIssuer, key])).verify(.jws(token), at: now)
        #expect(status(other, .proof) == .passed)
        #expect(status(other, .issuer) == .failed)
        #expect(other.report.result(.issuer)?.message.key == "issuer.mismatch")
        #expect(!other.verified)
        // The key cannot be fetched.
        let noKey = await OpenBadges2Verifier(documents: web([badgeClass])).verify(.jws(token), at: now)
        #expect(status(noKey, .proof) == .unknown)
        #expect(!noKey.verified)
    }

    @Test func signedJSONWithoutItsSignatureFails() async throws {
        let token = try Fixtures.line("openbadges2/signed/assertion-rs256.jws")
        let payload = try CompactJWS(parsing: token).payload
        let result = try await signedWeb().verify(bytes: payload, at: now)
        #expect(status(result, .proof) == .failed)
        #expect(!result.verified)
    }

    @Test func everyMessageHasItsTexts() async throws {
        let token = try Fixtures.line("openbadges2/signed/assertion-rs256-tampered.jws")
        let results = [
            await hosted().verify(.url(assertionURL), at: now),
            await hosted([assertion]).verify(.json(.object(assertion)), at: now),
            await OpenBadges2Verifier(documents: PreloadedDocuments()).verify(.url(assertionURL), at: now),
            try await signedWeb(revocationList: "revocation-list-revoked.json").verify(.jws(token), at: now),
        ]
        for check in results.flatMap(\.report.checks) {
            let texts = MessageCatalog.openBadges2[check.message.key] ?? MessageCatalog.templates[check.message.key]
            #expect(texts?.count == 3, "\(check.message.key)")
        }
    }

    // MARK: - Recipient

    @Test func recipientMatching() {
        // validator-core's 2.0 assertion: sha256 of nobody@example.org with the salt "deadsea".
        let hashed = assertion["recipient"]!
        #expect(OpenBadges2Recipient.matches(hashed, identifier: "nobody@example.org"))
        #expect(OpenBadges2Recipient.matches(hashed, identifier: "Nobody@Example.org"))
        #expect(OpenBadges2Recipient.matches(hashed, identifier: "nobody@example.org", type: "email"))
        #expect(!OpenBadges2Recipient.matches(hashed, identifier: "nobody@example.org", type: "url"))
        #expect(!OpenBadges2Recipient.matches(hashed, identifier: "somebody@example.org"))
        #expect(OpenBadges2Recipient.hashedIdentity("nobody@example.org", salt: "deadsea") == hashed["identity"]?.stringValue)
        // test_recipient.py: the salt "Maldon".
        let maldon: JSONValue = [
            "type": "email", "hashed": true, "salt": "Maldon",
            "identity": .string(OpenBadges2Recipient.hashedIdentity("nobody@example.org", salt: "Maldon")),
        ]
        #expect(OpenBadges2Recipient.matches(maldon, identifier: "nobody@example.org"))
        // md5, unsalted (Python: hashlib.md5(b"nobody@example.org").hexdigest()).
        let md5: JSONValue = ["type": "email", "hashed": true, "identity": "md5$556F4AC7E166DAEEDB1B8968E228480B"]
        #expect(OpenBadges2Recipient.matches(md5, identifier: "nobody@example.org"))
        // Plain identities.
        let plain: JSONValue = ["type": "email", "hashed": false, "identity": "test@example.com"]
        #expect(OpenBadges2Recipient.matches(plain, identifier: "test@example.com"))
        #expect(!OpenBadges2Recipient.matches(plain, identifier: "other@example.com"))
        let url: JSONValue = ["type": "url", "hashed": false, "identity": "https://example.org/~nobody"]
        #expect(OpenBadges2Recipient.matches(url, identifier: "https://example.org/~nobody"))
        // An unknown hash algorithm never matches.
        let sha1: JSONValue = ["type": "email", "hashed": true, "identity": "sha1$0000"]
        #expect(!OpenBadges2Recipient.matches(sha1, identifier: "nobody@example.org"))
    }

    // MARK: - Baked

    @Test func bakedSVGFromTheBakingSpecification() async throws {
        let bytes = Array(try Fixtures.data("openbadges2/baking-spec-example.svg"))
        guard case .json(let text)? = try OpenBadges2Baked.extract(from: bytes) else {
            Issue.record("expected the assertion JSON")
            return
        }
        let baked = try JSONValue(parsing: Array(text.utf8)).objectValue!
        #expect(baked["id"] == "https://example.org/assertions/123")
        #expect(OpenBadges2Recipient.matches(baked["recipient"]!, identifier: "alice@example.org"))
        // Served at its id, with its badge class and issuer embedded (allowedOrigins "example.org").
        let verifier = OpenBadges2Verifier(documents: web([baked]))
        let result = await verifier.verify(bytes: bytes, at: now)
        #expect(result.verified, "\(result.report.json(input: nil).serializedString())")
        #expect(result.report.result(.issuer)?.message.key == "ob2.issuer.hosted")
    }

    @Test func bakedSVGWithASignatureOrURL() throws {
        let token = try Fixtures.line("openbadges2/signed/assertion-rs256.jws")
        let signed = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org" viewBox="0 0 10 10">
              <ob:assertion verify='\(token)'/>
              <circle r="4"/>
            </svg>
            """
        #expect(try OpenBadges2Baked.extract(from: Array(signed.utf8)) == .jws(token))
        let hosted = """
            <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
            <openbadges:assertion verify="https://example.org/a?x=1&amp;y=2"></openbadges:assertion></svg>
            """
        #expect(try OpenBadges2Baked.extract(from: Array(hosted.utf8)) == .url("https://example.org/a?x=1&y=2"))
        // An OB 3.0 baked SVG is not an OB 2.0 one.
        let ob3 = Array(try Fixtures.data("openbadges/baked/simple-json.svg"))
        #expect(throws: CredentialsError.self) { try OpenBadges2Baked.extract(from: ob3) }
    }

    @Test func bakedPNG() throws {
        let image = Array(try Fixtures.data("openbadges/images/pillow-32x32.png"))
        func baked(_ type: String, _ data: [UInt8]) -> [UInt8] {
            // After the signature and IHDR (8 + 25 bytes).
            Array(image[..<33]) + PNG.chunk(type, data) + Array(image[33...])
        }
        let json = try Fixtures.text("openbadges2/validator-core/2_0_basic_assertion.json")
        let iTXt = baked("iTXt", Array("openbadges".utf8) + [0, 0, 0, 0, 0] + Array(json.utf8))
        guard case .json(let text)? = try OpenBadges2Baked.extract(from: iTXt) else {
            Issue.record("expected the assertion JSON")
            return
        }
        #expect(try JSONValue(parsing: Array(text.utf8)) == .object(assertion))
        // The pre-2013 form: the hosted assertion's URL in a tEXt chunk.
        let tEXt = baked("tEXt", Array("openbadges".utf8) + [0] + Array(assertionURL.utf8))
        #expect(try OpenBadges2Baked.extract(from: tEXt) == .url(assertionURL))
        #expect(throws: CredentialsError.self) { try OpenBadges2Baked.extract(from: image) }
        #expect(try OpenBadges2Baked.extract(from: Array("{}".utf8)) == nil)
    }
}

/// Which door an upload goes through: Open Badges 2.0, or the Verifiable Credential verifier.
@Suite struct OpenBadges2DetectionTests {
    @Test func openBadges2AssertionsAreToldFromVerifiableCredentials() throws {
        let assertion = Array(try Fixtures.data("openbadges2/validator-core/2_0_basic_assertion.json"))
        #expect(OpenBadges2Input.isOpenBadges2(assertion))
        #expect(OpenBadges2Input.isOpenBadges2(Array(try Fixtures.data("openbadges2/signed/assertion-rs256.jws"))))
        #expect(OpenBadges2Input.isOpenBadges2(Array(try Fixtures.data("openbadges2/baking-spec-example.svg"))))
        #expect(OpenBadges2Input.isOpenBadges2(Array(" https://example.org/beths-robotics-badge.json\n".utf8)))

        let credential = Array(try Fixtures.data("openbadges/spec-examples/sample-openbadgecredential.json"))
        #expect(!OpenBadges2Input.isOpenBadges2(credential))
        #expect(!OpenBadges2Input.isOpenBadges2(Array("hola mundo".utf8)))
        #expect(!OpenBadges2Input.isOpenBadges2(Array("https://a.example/x y".utf8)))
        let svg3 = try Fixtures.data("openbadges/baked/simple-json.svg")
        #expect(!OpenBadges2Input.isOpenBadges2(Array(svg3)))
    }
}
