import Foundation
import LinkedData
import Testing

@testable import Credentials

/// Europass European Digital Credentials (ELM 3), unsigned and sealed with JAdES in the JWS JSON
/// serialization. The sealed fixtures were made by Python's `cryptography`, not by Mochila (see
/// Fixtures/europass/SOURCES.md).
@Suite struct EuropassVerifierTests {
    let now = XSDDateTime("2025-06-01T00:00:00Z")!.date
    let verifier = EuropassVerifier()
    let subject = "Universidad Técnica de Valparaíso Test (UTV TEST SEAL)"

    func bytes(_ name: String) throws -> [UInt8] {
        Array(try Fixtures.data("europass/" + name))
    }

    func verify(_ name: String, at date: Date? = nil) throws -> VerificationReport {
        verifier.verify(bytes: try bytes(name), at: date ?? now)
    }

    func status(_ report: VerificationReport, _ check: CheckName) -> CheckStatus? {
        report.result(check)?.status
    }

    /// The sealed fixture as JSON, changed by `edit`, as bytes again.
    func edited(_ name: String, _ edit: (inout JSONObject) throws -> Void) throws -> [UInt8] {
        var jws = try Fixtures.json("europass/" + name).objectValue!
        try edit(&jws)
        return JSONValue.object(jws).serialized()
    }

    /// The protected header of the sealed fixture's only signature.
    func protectedHeader(_ jws: JSONObject) throws -> JSONObject {
        let entry = jws["signatures"]![0]!
        return try EuropassVerifier.protectedHeader(entry["protected"]!.stringValue!)
    }

    // MARK: - Sealed

    @Test func sealedRS256ChecksTheSealButNeverTheIssuer() throws {
        let report = try verify("edc-signed.json")
        #expect(status(report, .format) == .passed)
        #expect(status(report, .proof) == .passed)
        #expect(report.result(.proof)?.message == Message("europass.proof.passed", "RS256", subject))
        #expect(status(report, .issuer) == .unknown)
        let issuer = Message("europass.issuer.notTrustListed", subject, "UTV TEST ROOT CA")
        #expect(report.result(.issuer)?.message == issuer)
        #expect(status(report, .validity) == .passed)
        #expect(status(report, .status) == .skipped)
        #expect(status(report, .trust) == .unknown)
        #expect(!report.verified)
        #expect(report.credential == (try Fixtures.json("europass/edc-unsigned.jsonld")))
    }

    @Test(arguments: ["edc-es256.json", "edc-ps256.json", "edc-rs512.json"])
    func otherAlgorithmsVerify(_ name: String) throws {
        let report = try verify(name)
        #expect(status(report, .proof) == .passed, "\(report.result(.proof)!.message.text())")
        #expect(!report.verified)
    }

    @Test func flattenedSerializationVerifies() throws {
        let input = try edited("edc-signed.json") { jws in
            let entry = jws.removeValue(forKey: "signatures")![0]!.objectValue!
            for (name, value) in entry { jws[name] = value }
        }
        #expect(status(verifier.verify(bytes: input, at: now), .proof) == .passed)
    }

    @Test func tamperedPayloadFails() throws {
        let report = try verify("edc-tampered.json")
        #expect(status(report, .format) == .passed)
        #expect(status(report, .proof) == .failed)
        #expect(report.result(.proof)?.message.key == "europass.proof.signature")
        #expect(report.result(.issuer)?.message.key == "issuer.noProof")
        #expect(!report.verified)
    }

    @Test func unknownCriticalHeaderFails() throws {
        let report = try verify("edc-crit-unknown.json")
        #expect(status(report, .proof) == .failed)
        #expect(report.result(.proof)?.message == Message("europass.proof.crit", "exampleExt"))
    }

    @Test func thumbprintMismatchFails() throws {
        let report = try verify("edc-x5t-mismatch.json")
        #expect(status(report, .proof) == .failed)
        #expect(report.result(.proof)?.message.key == "europass.proof.thumbprint")
    }

    @Test func signingTimeOutsideTheCertificateFails() throws {
        let report = try verify("edc-sigt-outside.json")
        #expect(status(report, .proof) == .failed)
        #expect(report.result(.proof)?.message.key == "europass.proof.outsideValidity")
        let bounds = ["2035-06-01T00:00:00Z", "2024-01-01T00:00:00Z", "2034-01-01T00:00:00Z"]
        #expect(report.result(.proof)?.message.arguments == bounds)
    }

    @Test func signingTimeInTheFutureFails() throws {
        let report = try verify("edc-signed.json", at: XSDDateTime("2024-03-01T00:00:00Z")!.date)
        #expect(report.result(.proof)?.message.key == "europass.proof.future")
    }

    @Test func tooManyCertificatesFailClosed() throws {
        let input = try edited("edc-signed.json") { jws in
            var header = try protectedHeader(jws)
            header["x5c"] = .array(Array(repeating: header["x5c"]![0]!, count: 11))
            var entry = jws["signatures"]![0]!.objectValue!
            entry["protected"] = .string(Base64URL.encode(JSONValue.object(header).serialized()))
            jws["signatures"] = [.object(entry)]
        }
        let report = verifier.verify(bytes: input, at: now)
        #expect(report.result(.proof)?.message.key == "europass.proof.certificates")
        #expect(status(report, .proof) == .failed)
    }

    @Test func payloadEncodingMustMatchB64() throws {
        let input = try edited("edc-signed.json") { jws in
            jws["payload"] = .string(Base64URL.encode(Array(jws["payload"]!.stringValue!.utf8)))
        }
        let report = verifier.verify(bytes: input, at: now)
        #expect(status(report, .format) == .passed)
        #expect(report.result(.proof)?.message.key == "europass.proof.header")
    }

    @Test func twoSignaturesAreNotASeal() throws {
        let input = try edited("edc-signed.json") { jws in
            jws["signatures"] = .array(jws["signatures"]!.asArray + jws["signatures"]!.asArray)
        }
        #expect(EuropassInput.isEuropass(input))
        let report = verifier.verify(bytes: input, at: now)
        #expect(status(report, .format) == .failed)
        #expect(report.result(.format)?.message.key == "europass.format.jwsForm")
        #expect(report.result(.proof) == nil)
    }

    // MARK: - Unsigned and validity

    @Test func unsignedHasNoProof() throws {
        let report = try verify("edc-unsigned.jsonld")
        #expect(status(report, .format) == .passed)
        #expect(status(report, .proof) == .unknown)
        #expect(report.result(.proof)?.message.key == "europass.proof.unsigned")
        #expect(status(report, .issuer) == .unknown)
        #expect(status(report, .trust) == .unknown)
        #expect(!report.verified)
    }

    @Test func validityPeriod() throws {
        let before = try verify("edc-signed.json", at: XSDDateTime("2024-03-14T00:00:00Z")!.date)
        #expect(status(before, .validity) == .failed)
        #expect(before.result(.validity)?.message == Message("validity.notYet", "2024-03-15T00:00:00Z"))
        let after = try verify("edc-unsigned.jsonld", at: XSDDateTime("2030-01-01T00:00:00Z")!.date)
        #expect(status(after, .validity) == .failed)
        #expect(after.result(.validity)?.message == Message("validity.expired", "2029-12-31T23:59:59Z"))
        let unreadable = try edited("edc-unsigned.jsonld") { $0["validUntil"] = "end of 2029" }
        #expect(status(verifier.verify(bytes: unreadable, at: now), .validity) == .unknown)
    }

    @Test func statusIsNamedButNotChecked() throws {
        let input = try edited("edc-unsigned.jsonld") { edc in
            edc["credentialStatus"] = ["id": "https://example.org/status/1", "type": "TrustedCredentialStatus"]
        }
        let report = verifier.verify(bytes: input, at: now)
        #expect(status(report, .status) == .unknown)
        #expect(report.result(.status)?.message == Message("europass.status.notChecked", "TrustedCredentialStatus"))
    }

    // MARK: - Detection and limits

    @Test func detection() throws {
        #expect(EuropassInput.isEuropass(try bytes("edc-signed.json")))
        #expect(EuropassInput.isEuropass(try bytes("edc-es256.json")))
        #expect(EuropassInput.isEuropass(try bytes("edc-unsigned.jsonld")))
        let openBadge = Array(try Fixtures.data("openbadges/1edtech-validator/simple.json"))
        #expect(!EuropassInput.isEuropass(openBadge))
        #expect(status(verifier.verify(bytes: openBadge, at: now), .format) == .failed)
        for garbage in ["", "null", "[1,2]", "{\"payload\": 3}", "not json at all", "eyJhbGciOiJSUzI1NiJ9..c2ln"] {
            #expect(!EuropassInput.isEuropass(Array(garbage.utf8)), "\(garbage)")
        }
        let compact = verifier.verify(bytes: Array("eyJhbGciOiJSUzI1NiJ9..c2ln".utf8), at: now)
        #expect(compact.result(.format)?.message.key == "europass.format.compact")
    }

    @Test func sealedOpenBadgeIsNotAnEDC() throws {
        let input = try edited("edc-signed.json") { jws in
            jws["payload"] = .string(try Fixtures.text("openbadges/1edtech-validator/simple.json"))
        }
        #expect(!EuropassInput.isEuropass(input))
        let report = verifier.verify(bytes: input, at: now)
        #expect(report.result(.format)?.message.key == "europass.format.notEDC")
        #expect(report.credential == nil)
    }

    @Test func oversizedInputIsRefused() {
        let input = [UInt8](repeating: UInt8(ascii: " "), count: EuropassInput.maxBytes + 1)
        #expect(!EuropassInput.isEuropass(input))
        let report = verifier.verify(bytes: input, at: now)
        #expect(status(report, .format) == .failed)
        #expect(report.result(.format)?.message.key == "europass.format.tooLarge")
        #expect(!report.verified)
    }

    // MARK: - Summary and messages

    @Test func summaryReadsTheELM3Names() throws {
        let edc = try Fixtures.json("europass/edc-unsigned.jsonld")
        let summary = EuropassVerifier.summary(of: edc)
        #expect(summary.title == "Soldadura por arco eléctrico")
        #expect(summary.issuerName == "Universidad Técnica de Valparaíso Test")
        #expect(summary.subjectName == "María José González Rojas")
        #expect(summary.validFrom == "2024-03-15T00:00:00Z")
        var other = edc
        other["credentialSubject"]?["hasClaim"] = nil
        other["issuer"] = ["altLabel": ["en": "UTV", "pt": "UTV-pt"]]
        other["credentialSubject"] = ["fullName": ["fr": "Marie"]]
        let fallback = EuropassVerifier.summary(of: other)
        #expect(fallback.title == "Microcredencial en soldadura por arco eléctrico")
        #expect(fallback.issuerName == "UTV-pt")
        #expect(fallback.subjectName == "Marie")
    }

    @Test func everyMessageHasItsTexts() throws {
        var reports: [VerificationReport] = []
        for name in ["edc-signed.json", "edc-tampered.json", "edc-unsigned.jsonld", "edc-crit-unknown.json",
            "edc-x5t-mismatch.json", "edc-sigt-outside.json"]
        {
            reports.append(try verify(name))
            reports.append(try verify(name, at: XSDDateTime("2031-01-01T00:00:00Z")!.date))
        }
        reports.append(verifier.verify(bytes: Array("{}".utf8), at: now))
        reports.append(verifier.verify(bytes: Array("{".utf8), at: now))
        for check in reports.flatMap(\.checks) {
            let texts = MessageCatalog.europass[check.message.key] ?? MessageCatalog.templates[check.message.key]
            #expect(texts?.count == 3, "\(check.message.key)")
        }
        #expect(MessageCatalog.europass.values.allSatisfy { $0.count == 3 })
    }
}
