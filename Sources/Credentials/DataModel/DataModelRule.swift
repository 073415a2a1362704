/// A rule of the W3C Verifiable Credentials Data Model that ``VCDataModel`` checks.
///
/// The raw value is the rule's short, stable id, as ``DataModelViolation/rule`` reports it. Each
/// case names the section of [VC Data Model 2.0](https://www.w3.org/TR/vc-data-model-2.0/) it
/// comes from and says whether it also applies to VC 1.1 documents (first `@context`
/// `https://www.w3.org/2018/credentials/v1`); rules marked "2.0 only" are not checked there.
public enum DataModelRule: String, Sendable, Hashable, CaseIterable {
    // MARK: Contexts (§ 4.3), both versions

    /// `@context` is missing.
    case contextMissing = "context-missing"
    /// The first `@context` item is not the base context (`…/ns/credentials/v2`, or
    /// `…/2018/credentials/v1` for VC 1.1).
    case contextFirst = "context-first"
    /// A later `@context` item is neither a URL nor an object.
    case contextItem = "context-item"
    /// A context URL is not one the document loader serves, so the terms cannot be understood.
    case contextUnavailable = "context-unavailable"
    /// A context redefines a protected term (§ 5.2, "compliant JSON-LD-based processors produce an
    /// error when a JSON-LD context redefines any term").
    case contextRedefinition = "context-redefinition"
    /// The contexts cannot be processed as JSON-LD contexts.
    case contextInvalid = "context-invalid"
    /// A term or type does not expand to a URL with the document's contexts (§ 4.5, § 5.2).
    case termUndefined = "term-undefined"
    /// A term expands to something that is not a well-formed URL.
    case termNotURL = "term-not-url"
    /// The document is not valid JSON-LD for some other reason (§ 6.1).
    case jsonLDInvalid = "jsonld-invalid"

    // MARK: Identifiers and types (§ 4.4, § 4.5), both versions

    /// An `id` is present but is not a single URL.
    case idURL = "id-url"
    /// `type` is missing or has no value.
    case typeMissing = "type-missing"
    /// A `type` value is not a non-empty string (a term or an absolute URL).
    case typeValue = "type-value"
    /// `type` lacks `VerifiableCredential`, `VerifiablePresentation` or, for an enveloped object,
    /// `EnvelopedVerifiableCredential` / `EnvelopedVerifiablePresentation`.
    case typeRequired = "type-required"

    // MARK: Credentials (§ 4.6 to § 4.11), both versions unless marked

    /// A credential has no `issuer` (§ 4.7).
    case issuerMissing = "issuer-missing"
    /// `issuer` is neither a URL nor an object whose `id` is a URL (§ 4.7).
    case issuerURL = "issuer-url"
    /// A credential has no `credentialSubject` (§ 4.8).
    case subjectMissing = "subject-missing"
    /// A `credentialSubject` value is not an object (§ 4.8).
    case subjectValue = "subject-value"
    /// A `credentialSubject` object makes no claim (§ 4.8).
    case subjectEmpty = "subject-empty"
    /// `name` is not a string or a language value object (§ 4.6, § 11.1). 2.0 only.
    case nameValue = "name-value"
    /// `description` is not a string or a language value object (§ 4.6, § 11.1). 2.0 only.
    case descriptionValue = "description-value"
    /// `validFrom` is not an XML Schema `dateTimeStamp` (§ 4.9). 2.0 only.
    case validFromDateTime = "validFrom-datetime"
    /// `validUntil` is not an XML Schema `dateTimeStamp` (§ 4.9). 2.0 only.
    case validUntilDateTime = "validUntil-datetime"
    /// `validFrom` is later than `validUntil` (§ 4.9). 2.0 only.
    case validityOrder = "validity-order"
    /// A VC 1.1 credential has no `issuanceDate`. 1.1 only.
    case issuanceDateMissing = "issuanceDate-missing"
    /// `issuanceDate` is not a date and time. 1.1 only.
    case issuanceDateDateTime = "issuanceDate-datetime"
    /// `expirationDate` is not a date and time. 1.1 only.
    case expirationDateDateTime = "expirationDate-datetime"

    // MARK: Objects that must have a type (§ 4.5 table, § 4.10, § 4.11, § 5.4 to § 5.6, § 5.10)

    /// A `credentialStatus` value is not an object with a `type`.
    case credentialStatusType = "credentialStatus-type"
    /// A VC 1.1 `credentialStatus` has no URL `id`. 1.1 only (optional in 2.0).
    case credentialStatusID = "credentialStatus-id"
    /// A `credentialSchema` value is not an object with a `type`.
    case credentialSchemaType = "credentialSchema-type"
    /// A `credentialSchema` has no URL `id`.
    case credentialSchemaID = "credentialSchema-id"
    /// An `evidence` value is not an object with a `type`.
    case evidenceType = "evidence-type"
    /// A `refreshService` value is not an object with a `type`.
    case refreshServiceType = "refreshService-type"
    /// A VC 1.1 `refreshService` has no URL `id`. 1.1 only.
    case refreshServiceID = "refreshService-id"
    /// A `termsOfUse` value is not an object with a `type`.
    case termsOfUseType = "termsOfUse-type"
    /// A `renderMethod` value is not an object with a `type` (§ 5.10, reserved). 2.0 only.
    case renderMethodType = "renderMethod-type"
    /// A `confidenceMethod` value is not an object with a `type` (§ 5.10, reserved). 2.0 only.
    case confidenceMethodType = "confidenceMethod-type"
    /// A `proof` value is not an object with a `type` (Data Integrity § 2.1).
    case proofType = "proof-type"

    // MARK: Related resources (§ 5.3), 2.0 only

    /// A `relatedResource` value is not an object with a URL `id`.
    case relatedResourceID = "relatedResource-id"
    /// Two `relatedResource` objects have the same `id`.
    case relatedResourceDuplicate = "relatedResource-duplicate"
    /// A `relatedResource` has neither `digestSRI` nor `digestMultibase`.
    case relatedResourceDigest = "relatedResource-digest"
    /// A `digestSRI` is not a Subresource Integrity value.
    case relatedResourceDigestSRI = "relatedResource-digestSRI"
    /// A `digestMultibase` is not a multibase-encoded multihash.
    case relatedResourceDigestMultibase = "relatedResource-digestMultibase"

    // MARK: Presentations (§ 4.13), both versions unless marked

    /// `holder` is neither a URL nor an object whose `id` is a URL.
    case holderURL = "holder-url"
    /// A `verifiableCredential` value is not an object (2.0; VC 1.1 also allows JWT strings).
    case verifiableCredentialValue = "verifiableCredential-value"
    /// An enveloped credential or presentation lacks the base context (§ 4.13.1, § 4.13.2). 2.0 only.
    case envelopedContext = "enveloped-context"
    /// An enveloped credential or presentation's `id` is not a `data:` URL. 2.0 only.
    case envelopedID = "enveloped-id"
    /// A presentation carries a self-asserted credential secured only by the presentation's own
    /// proof but has no `holder` (§ 4.13.4). 2.0 only.
    case holderRequired = "holder-required"
    /// A credential secured only by the presentation's own proof has an issuer other than the
    /// presentation's `holder` (§ 4.13.4). 2.0 only.
    case holderIssuerMismatch = "holder-issuer-mismatch"

    /// The ``Message`` key of the rule's text in `MessageCatalog.dataModel`; some rules share one.
    var messageKey: String {
        switch self {
        case .nameValue, .descriptionValue: return "dataModel.languageValue"
        case .validFromDateTime, .validUntilDateTime: return "dataModel.dateTimeStamp"
        case .issuanceDateDateTime, .expirationDateDateTime: return "dataModel.dateTime"
        case .credentialStatusType, .credentialSchemaType, .evidenceType, .refreshServiceType, .termsOfUseType,
            .renderMethodType, .confidenceMethodType, .proofType:
            return "dataModel.typedObject"
        case .credentialStatusID, .credentialSchemaID, .refreshServiceID, .relatedResourceID:
            return "dataModel.requiredID"
        default:
            // "context-first" -> "dataModel.contextFirst"
            var key = "dataModel."
            var upper = false
            for character in rawValue {
                if character == "-" {
                    upper = true
                } else {
                    key += upper ? character.uppercased() : String(character)
                    upper = false
                }
            }
            return key
        }
    }
}
