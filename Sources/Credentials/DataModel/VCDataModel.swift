import LinkedData

/// The rules of the W3C [Verifiable Credentials Data Model v2.0](https://www.w3.org/TR/vc-data-model-2.0/)
/// (Recommendation, May 2025), checked on a credential or a presentation before it is secured
/// and after it is read.
///
/// ```swift
/// let violations = VCDataModel.violations(of: credential)
/// if let first = violations.first { print(first.rule, first.message.text(.es)) }
/// ```
///
/// The first `@context` item says which data model a document follows:
///
/// - **VC 2.0** (`https://www.w3.org/ns/credentials/v2`) gets every rule of ``DataModelRule``
///   except the three marked "1.1 only": contexts, identifiers and types (§ 4.3 to § 4.5);
///   `name` and `description` on the credential and its issuer (§ 4.6); a required `issuer`
///   (§ 4.7) and `credentialSubject` (§ 4.8); `validFrom` and `validUntil` as `dateTimeStamp`s in
///   order (§ 4.9); a `type` on every `credentialStatus`, `credentialSchema` (with a URL `id`),
///   `evidence`, `refreshService`, `termsOfUse`, `renderMethod`, `confidenceMethod` and `proof`;
///   `relatedResource` ids and digests (§ 5.3); presentations' `holder`, `verifiableCredential`,
///   enveloped credentials and presentations, and self-asserted credentials (§ 4.13).
/// - **VC 1.1** (`https://www.w3.org/2018/credentials/v1`), still used by early Open Badges 3.0
///   issuers, gets a smaller set: contexts, identifiers and types; `issuer` and
///   `credentialSubject`; a required `issuanceDate` and an `expirationDate`, both date-times
///   (a missing timezone is read as UTC); `credentialStatus` and `refreshService` with a `type` and
///   a URL `id`; `credentialSchema` with both; `evidence`, `termsOfUse` and `proof` with a `type`;
///   and presentations' `holder` and `verifiableCredential`, which may hold VC-JWT strings. The
///   2.0-only rules (language values, validity period, related resources, reserved extension
///   points, enveloping, holder claims) do not apply.
/// - A document whose first `@context` is neither is reported (`context-first`) and checked as 2.0.
///
/// The JSON-LD rules (`context-unavailable`, `context-redefinition`, `context-invalid`,
/// `term-undefined`, `term-not-url`, `jsonld-invalid`) expand the document in safe mode with the
/// given loader, and run only when every other rule passed: a broken structure usually breaks
/// JSON-LD processing too, and saying so twice would not help. Pass `loader: nil` to leave them out.
///
/// A presentation's embedded credentials are checked as credentials, with paths such as
/// `verifiableCredential[0].issuer`; their proofs are not verified here.
public enum VCDataModel {
    /// The data model a document follows, from its first `@context` item.
    public enum Version: String, Sendable, Hashable {
        case v2 = "2.0"
        case v1 = "1.1"
    }

    /// The VC 2.0 base context, the first `@context` item of every VC 2.0 document.
    public static let baseContext = "https://www.w3.org/ns/credentials/v2"
    /// The VC 1.1 base context.
    public static let v1Context = "https://www.w3.org/2018/credentials/v1"

    /// The version whose base context is the document's first `@context` item, or `nil`.
    public static func version(of document: JSONObject) -> Version? {
        switch document["@context"]?.asArray.first?.stringValue {
        case baseContext?: return .v2
        case v1Context?: return .v1
        default: return nil
        }
    }

    /// The ways `credential` breaks the data model; empty when it conforms.
    ///
    /// - Parameters:
    ///   - credential: A credential as JSON, with or without a proof. An
    ///     `EnvelopedVerifiableCredential` object is checked as an envelope.
    ///   - loader: Serves the contexts for the JSON-LD rules; `nil` skips those rules.
    public static func violations(
        of credential: JSONObject, loader: (any DocumentLoader)? = BundledContexts.shared
    ) -> [DataModelViolation] {
        var checker = DataModelChecker()
        checker.checkCredential(credential, at: "")
        if checker.violations.isEmpty, let loader { checker.checkJSONLD(credential, loader: loader) }
        return checker.violations
    }

    /// The ways `presentation`, and each credential it carries, break the data model; empty when
    /// they conform.
    ///
    /// - Parameters:
    ///   - presentation: A presentation as JSON. An `EnvelopedVerifiablePresentation` object is
    ///     checked as an envelope.
    ///   - loader: Serves the contexts for the JSON-LD rules; `nil` skips those rules.
    public static func violations(
        ofPresentation presentation: JSONObject, loader: (any DocumentLoader)? = BundledContexts.shared
    ) -> [DataModelViolation] {
        var checker = DataModelChecker()
        checker.checkPresentation(presentation, at: "")
        if checker.violations.isEmpty, let loader { checker.checkJSONLD(presentation, loader: loader) }
        return checker.violations
    }

    /// Whether `credential` conforms to the data model.
    public static func conforms(_ credential: JSONObject, loader: (any DocumentLoader)? = BundledContexts.shared) -> Bool {
        violations(of: credential, loader: loader).isEmpty
    }
}
