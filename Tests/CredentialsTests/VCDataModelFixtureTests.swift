import Foundation
import LinkedData
import Testing

@testable import Credentials

/// One input of the W3C VCDM 2.0 test suite, as `vc-data-model-2.0/index.json` lists it (see
/// Fixtures/SOURCES.md).
struct VCDMFixture: Sendable, CustomTestStringConvertible {
    let file: String
    let kind: String
    /// `accept`, `reject`, `reject-or-inject-context`, or `nil` for the three unlabelled fixtures.
    let expected: String?

    var testDescription: String { file }

    /// Whether the data model must refuse the fixture.
    ///
    /// `reject-or-inject-context` lets an issuer repair the context instead; a validator does not
    /// repair, so it refuses. The three `presentation-self-asserted-vc-*` files without a suffix
    /// are refused: they are the inputs of the tests for VC 2.0 § 4.13.4 ("A verifiable
    /// presentation that includes a self-asserted verifiable credential that is only secured using
    /// the same mechanism as the verifiable presentation MUST include a holder property"; "the
    /// value of the issuer property of the verifiable credential MUST be identical to the holder
    /// property"), which upstream asserted as rejections before dropping them because its harness
    /// signs every embedded credential, so the credentials stop being self-asserted. The holder
    /// is missing in one and differs from the issuer in the other two.
    var expectsRefusal: Bool { expected != "accept" }

    /// The rule each refused fixture breaks first, so that it is refused for the reason its
    /// statement gives. Note: `credential-no-issuer-fail.json` gets an issuer from the harness and
    /// is refused for its empty subject; `credential-type-mapped-nonurl-fail.json` maps a type to
    /// `https ://…`, which JSON-LD does not take for an IRI, so the type is undefined.
    static let reasons: [String: String] = [
        "credential-context-combo3-fail.json": "context-item",
        "credential-context-combo4-fail.json": "context-item",
        "credential-evidence-missing-type-fail.json": "evidence-type",
        "credential-id-multi-fail.json": "id-url",
        "credential-id-nonidentifier-fail.json": "id-url",
        "credential-id-not-url-fail.json": "id-url",
        "credential-id-subject-multi-fail.json": "id-url",
        "credential-issuer-no-url-fail.json": "issuer-url",
        "credential-issuer-null-fail.json": "issuer-url",
        "credential-issuer-object-id-no-url-fail.json": "issuer-url",
        "credential-issuer-object-id-null-fail.json": "issuer-url",
        "credential-missing-base-context-fail-or-inject.json": "context-first",
        "credential-missing-required-type-fail.json": "type-required",
        "credential-no-context-fail-or-inject.json": "context-missing",
        "credential-no-issuer-fail.json": "subject-empty",
        "credential-no-subject-fail.json": "subject-missing",
        "credential-no-type-fail.json": "type-missing",
        "credential-proof-missing-type-fail.json": "proof-type",
        "credential-redef-type-fail.json": "context-redefinition",
        "credential-redef-type2-fail.json": "context-redefinition",
        "credential-refresh-no-type-fail.json": "refreshService-type",
        "credential-schema-no-id-fail.json": "credentialSchema-id",
        "credential-schema-no-type-fail.json": "credentialSchema-type",
        "credential-schema-non-url-id-fail.json": "credentialSchema-id",
        "credential-status-missing-type-fail.json": "credentialStatus-type",
        "credential-status-multiple-id-fail.json": "id-url",
        "credential-status-nonurl-id-fail.json": "id-url",
        "credential-status-type-nonurl-fail.json": "credentialStatus-type",
        "credential-subject-multiple-empty-fail.json": "subject-empty",
        "credential-subject-no-claims-fail.json": "subject-empty",
        "credential-termsofuse-missing-type-fail.json": "termsOfUse-type",
        "credential-termsofuse-no-type-fail.json": "termsOfUse-type",
        "credential-type-mapped-nonurl-fail.json": "term-undefined",
        "credential-type-unmapped-fail.json": "term-undefined",
        "credential-validUntil-validFrom-fail.json": "validity-order",
        "credential-validfrom-invalid-fail.json": "validFrom-datetime",
        "credential-validuntil-invalid-fail.json": "validUntil-datetime",
        "names-and-descriptions/credential-description-extra-prop-en-fail.json": "description-value",
        "names-and-descriptions/credential-name-extra-prop-en-fail.json": "name-value",
        "names-and-descriptions/issuer-description-extra-prop-en-fail.json": "description-value",
        "names-and-descriptions/issuer-name-extra-prop-en-fail.json": "name-value",
        "presentation-context-order-fail.json": "context-first",
        "presentation-enveloped-vc-missing-type-fail.json": "type-missing",
        "presentation-holder-fail.json": "holder-url",
        "presentation-holder-name-fail.json": "holder-url",
        "presentation-holder-object-fail.json": "holder-url",
        "presentation-missing-base-context-fail.json": "context-first",
        "presentation-missing-required-type-fail.json": "type-required",
        "presentation-no-context-fail-or-inject.json": "context-missing",
        "presentation-no-type-fail.json": "type-missing",
        "presentation-self-asserted-vc-holder-mismatch.json": "holder-issuer-mismatch",
        "presentation-self-asserted-vc-issuer-mismatch.json": "holder-issuer-mismatch",
        "presentation-self-asserted-vc-no-holder.json": "holder-required",
        "presentation-vc-as-string-fail.json": "verifiableCredential-value",
        "presentation-vc-missing-required-type-fail.json": "type-missing",
    ]

    static let all: [VCDMFixture] = {
        guard let index = try? Fixtures.json("vc-data-model-2.0/index.json"),
            let entries = index["fixtures"]?.arrayValue
        else { return [] }
        return entries.compactMap { entry in
            guard let file = entry["file"]?.stringValue, let kind = entry["kind"]?.stringValue else { return nil }
            return VCDMFixture(file: file, kind: kind, expected: entry["expectedByFileName"]?.stringValue)
        }
    }()
}

/// What the upstream harness does to a fixture before an implementation sees it
/// (`index.json` → `harness`), minus the signatures: the data model is what is tested here.
enum VCDMHarness {
    /// The suite's public test key, as its did:key and verification method.
    static let issuer = "did:key:z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj"
    static let verificationMethod = issuer + "#z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj"

    /// The fixture as the data model checks it.
    static func violations(of fixture: VCDMFixture) throws -> [DataModelViolation] {
        guard case .object(var document) = try Fixtures.json("vc-data-model-2.0/" + fixture.file) else {
            Issue.record("\(fixture.file) is not a JSON object")
            return []
        }
        applyMutation(of: fixture, to: &document)
        if fixture.kind == "presentation" {
            secure(&document, embeddedCredentials: !fixture.file.contains("presentation-self-asserted-vc"))
            return VCDataModel.violations(ofPresentation: document)
        }
        injectIssuer(into: &document)
        return VCDataModel.violations(of: document)
    }

    /// The two validity-order fixtures hold `PAST DATE` and `FUTURE DATE`, which the upstream test
    /// replaces by now ∓ one year.
    static func applyMutation(of fixture: VCDMFixture, to document: inout JSONObject) {
        let year = 365.0 * 86_400
        let past = JSONValue.string(XSDDateTime.format(Date().addingTimeInterval(-year)))
        let future = JSONValue.string(XSDDateTime.format(Date().addingTimeInterval(year)))
        for key in ["validFrom", "validUntil"] {
            if document[key] == "PAST DATE" { document[key] = past }
            if document[key] == "FUTURE DATE" { document[key] = future }
        }
    }

    /// `harness.issuerInjection`: an issuer object whose `id` is not explicitly `null` gets
    /// `id := id || issuer`; otherwise, unless `issuer` is present and `null`,
    /// `issuer := issuer || issuer` (JavaScript's `||`, so only falsy values are replaced).
    static func injectIssuer(into credential: inout JSONObject) {
        if case .object(var object)? = credential["issuer"], object["id"] != .null {
            if isFalsy(object["id"]) { object["id"] = .string(issuer) }
            credential["issuer"] = .object(object)
        } else if credential["issuer"] != .null, isFalsy(credential["issuer"]) {
            credential["issuer"] = .string(issuer)
        }
    }

    static func isFalsy(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?, .bool(false)?, .number(0)?, .string("")?: return true
        default: return false
        }
    }

    /// `harness.presentationSigning` (createLocalVp): each embedded credential without a proof is
    /// issued by the test key, then the presentation gets its authentication proof. The proofs
    /// here are placeholders of the right shape.
    ///
    /// Note: for the self-asserted fixtures the credentials are left as they are, to be secured by
    /// the presentation's proof alone, which is the case their statements are about (see
    /// ``VCDMFixture/expectsRefusal``). Enveloped credentials are secured by their envelope.
    static func secure(_ presentation: inout JSONObject, embeddedCredentials: Bool) {
        if embeddedCredentials, let credentials = presentation["verifiableCredential"] {
            func secured(_ value: JSONValue) -> JSONValue {
                guard case .object(var credential) = value, credential["proof"] == nil,
                    !(credential["type"]?.asArray.contains("EnvelopedVerifiableCredential") ?? false)
                else { return value }
                credential["issuer"] = .string(issuer)
                credential["proof"] = proof(purpose: "assertionMethod")
                return .object(credential)
            }
            presentation["verifiableCredential"] = credentials.arrayValue.map { .array($0.map(secured)) } ?? secured(credentials)
        }
        var authentication = proof(purpose: "authentication")
        authentication["domain"] = "github.com/w3c/vc-data-model-2.0-test-suite"
        authentication["challenge"] = "uZ2hhbGxlbmdlLWZvci10ZXN0cw"
        presentation["proof"] = authentication
    }

    static func proof(purpose: String) -> JSONValue {
        [
            "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2025-03-03T00:00:00Z",
            "verificationMethod": .string(verificationMethod), "proofPurpose": .string(purpose),
            "proofValue": "z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKiZUHBKxSLGkJ1wbA",
        ]
    }
}

/// The 120 inputs of the W3C VCDM 2.0 test suite, each accepted or refused as its name says.
@Suite struct VCDataModelFixtureTests {
    @Test(arguments: VCDMFixture.all)
    func fixtureIsAcceptedOrRefusedAsItsNameSays(_ fixture: VCDMFixture) throws {
        let violations = try VCDMHarness.violations(of: fixture)
        if fixture.expectsRefusal {
            #expect(!violations.isEmpty, "\(fixture.file) should be refused")
            let name = String(fixture.file.dropFirst("input/".count))
            #expect(violations.first?.rule == VCDMFixture.reasons[name], "\(fixture.file): \(violations)")
        } else {
            #expect(violations.isEmpty, "\(fixture.file): \(violations)")
        }
    }

    @Test func everyFixtureComesOutRight() throws {
        #expect(VCDMFixture.all.count == 120)
        var accepted = 0
        var refused = 0
        var wrong: [String] = []
        for fixture in VCDMFixture.all {
            let violations = try VCDMHarness.violations(of: fixture)
            switch (fixture.expectsRefusal, violations.isEmpty) {
            case (false, true): accepted += 1
            case (true, false): refused += 1
            default: wrong.append(fixture.file)
            }
        }
        print("VCDM 2.0 fixtures: \(accepted) accepted as expected, \(refused) refused as expected, \(wrong.count) wrong")
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(accepted == 65)
        #expect(refused == 55)
    }

    /// The upstream tests that change a fixture before use (`mutation` in index.json).
    @Test func mutatedContextsAreRefused() throws {
        guard case .object(var presentation) = try Fixtures.json("vc-data-model-2.0/input/presentation-ok.json") else {
            Issue.record("presentation-ok.json is not an object")
            return
        }
        presentation["@context"] = ["https://www.w3.org/ns/credentials/examples/v2", "https://www.w3.org/ns/credentials/v2"]
        #expect(VCDataModel.violations(ofPresentation: presentation).map(\.rule) == ["context-first"])

        guard case .object(var withCredential) = try Fixtures.json("vc-data-model-2.0/input/presentation-vc-ok.json") else {
            Issue.record("presentation-vc-ok.json is not an object")
            return
        }
        VCDMHarness.secure(&withCredential, embeddedCredentials: true)
        let cases: [(JSONValue, String)] = [
            ("https://example.com", "context-unavailable"),
            ("https ://not-a-url/contexts/example/v1", "context-item"),
            (123_192_875, "context-item"),
        ]
        for (context, rule) in cases {
            var mutated = withCredential
            mutated["@context"] = [.string(VCDataModel.baseContext), context]
            let violations = VCDataModel.violations(ofPresentation: mutated)
            #expect(violations.map(\.rule) == [rule], "\(context): \(violations)")
            #expect(violations.first?.path == "@context[1]")
        }
    }
}
