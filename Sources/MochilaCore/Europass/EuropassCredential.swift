import Credentials
import Foundation
import LinkedData

/// Builds the European Digital Credential of an award: the European Learning Model (ELM 3)
/// credential, in JSON-LD, that Europass reads, carrying the elements of Annex I of the Council
/// Recommendation on micro-credentials (2022/C 243/02) and the region's.
///
/// The document is unsigned. ELM credentials are sealed with a qualified electronic seal
/// (JAdES) by the Europass issuing tools (the EDC Issuer, or a national issuer built on it);
/// Mochila provides the data those tools seal, which the institution uploads there. They also
/// add what Mochila cannot know: the `displayParameter` (the printable rendering of the
/// credential) and the issuer's eIDAS legal identifier.
///
/// The shape follows the European Commission's Annex I sample credential
/// (european-commission-empl/European-Learning-Model, `Credentials/JSON-LD Examples (ELM v3)/
/// Sample-MC-Annex1-unsigned.jsonld`):
///
/// - `credentialSubject`: the learner, a `Person`, whose `hasClaim` is a `LearningAchievement`:
///   - `awardedBy`: an `AwardingProcess`, with the institution as `awardingBody` and the
///     `awardingDate`;
///   - `specifiedBy`: the spec version as a `Qualification` (see
///     `EuropassCredential+Qualification.swift`), the ELM class that carries an EQF level;
///   - `provenBy`: a `LearningAssessment` with the grade, when the award has one;
///   - `creditReceived`: the credits, in every credit system the spec gives.
///
/// Every node has a stable id: `urn:uuid:` name-based UUIDs derived from the award's id (for the
/// credential, the learner, the achievement), the spec's id and version (for the qualification
/// and its parts, the same for every award of that version) or the institution's id, so that the
/// same award always exports the same document. The learner's DID is their id when they have one.
///
/// The caller decides which awards may be exported; a revoked or suspended award should not be.
public struct EuropassCredential: Sendable {
    /// The ELM 3 context for European Digital Credentials (bundled with ``LinkedData``).
    public static let elmContext = "http://data.europa.eu/snb/model/context/edc-ap"
    /// The VC Data Model 1.1 context, which ELM 3 credentials use with the ELM context: it gives
    /// `id`, `type`, `credentialSubject`, `issuer` and the credential's dates, which the ELM
    /// context does not define.
    public static let credentialsContext = "https://www.w3.org/2018/credentials/v1"
    /// The `@context` of an exported credential, as in the EU's samples.
    public static let context: JSONValue = [.string(credentialsContext), .string(elmContext)]

    public var institution: Institution
    /// The spec version the award was issued under (`award.specVersion`).
    public var spec: MicroCredentialSpec
    public var award: Award
    public var reference: ReferenceData

    public init(institution: Institution, spec: MicroCredentialSpec, award: Award, reference: ReferenceData = .bundled) {
        self.institution = institution
        self.spec = spec
        self.award = award
        self.reference = reference
    }

    /// The credential's id, derived from the award's.
    public var credentialID: String { Self.urn(award.id, "europass/credential") }

    /// The language of texts that have only one: the learner's name, the grade. The spec's first
    /// language of instruction, Spanish otherwise.
    var primaryLanguage: String { spec.languages.first ?? "es" }

    /// The end of the credential's validity, as recorded on the award.
    var expirationDate: Date? { award.validUntil }

    /// The unsigned credential.
    public func document() -> JSONObject {
        let issued = JSONValue.string(XSDDateTime.format(award.issuedAt))
        var credential: JSONObject = [
            "@context": Self.context,
            "id": .string(credentialID),
            "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
            "credentialProfiles": ELMVocabulary.genericProfile,
            "credentialSchema": ["id": .string(ELMVocabulary.genericShapes), "type": "ShaclValidator2017"],
            "issuer": organisation(),
            "issuanceDate": issued,
            "issued": issued,
            "validFrom": issued,
        ]
        if let expirationDate { credential["expirationDate"] = .string(XSDDateTime.format(expirationDate)) }
        credential["credentialSubject"] = learner()
        return credential
    }

    // MARK: The learner and the achievement

    /// The learner, with the achievement as their claim.
    func learner() -> JSONValue {
        let learner = award.learner
        var person: JSONObject = [
            "id": .string(learner.did ?? Self.urn(award.id, "europass/learner")),
            "type": "Person",
            "givenName": [primaryLanguage: .string(learner.givenName)],
            "familyName": [primaryLanguage: .string(learner.familyName)],
            "fullName": [primaryLanguage: .string(learner.fullName)],
        ]
        if let email = learner.email {
            person["contactPoint"] = [
                "id": .string(Self.urn(award.id, "europass/contact-point")),
                "type": "ContactPoint",
                "emailAddress": ["id": .string("mailto:" + email), "type": "Mailbox"],
            ]
        }
        person["hasClaim"] = achievement()
        return .object(person)
    }

    /// The learning achievement: what the learner was awarded.
    func achievement() -> JSONValue {
        var achievement: JSONObject = [
            "id": .string(Self.urn(award.id, "europass/achievement")),
            "type": "LearningAchievement",
            "title": ELMVocabulary.languageMap(spec.title),
        ]
        if !spec.description.isEmpty { achievement["description"] = ELMVocabulary.languageMap(spec.description) }
        achievement["awardedBy"] = awardingProcess()
        if let assessment = assessment() { achievement["provenBy"] = assessment }
        let credits = creditPoints()
        if !credits.isEmpty { achievement["creditReceived"] = .array(credits) }
        achievement["specifiedBy"] = qualification()
        return .object(achievement)
    }

    /// Annex I (c), (d), (e): who awarded the credential, from which country, and when.
    func awardingProcess() -> JSONValue {
        [
            "id": .string(Self.urn(award.id, "europass/awarding-process")),
            "type": "AwardingProcess",
            "awardingBody": organisation(),
            "awardingDate": .string(XSDDateTime.format(award.issuedAt)),
        ]
    }

    /// The assessment the learner passed, with their grade; `nil` when the award has no grade
    /// (ELM requires a grade on a learning assessment; how the spec assesses is on the
    /// qualification's assessment specification either way).
    func assessment() -> JSONValue? {
        guard let grade = award.grade?.trimmingCharacters(in: .whitespacesAndNewlines), !grade.isEmpty else { return nil }
        var assessment: JSONObject = [
            "id": .string(Self.urn(award.id, "europass/assessment")),
            "type": "LearningAssessment",
            "title": ELMVocabulary.languageMap(ELMVocabulary.labels(spec.assessment.type)),
            "awardedBy": awardingProcess(),
            "dateIssued": .string(XSDDateTime.format(award.issuedAt)),
            "grade": [
                "id": .string(Self.urn(award.id, "europass/grade")),
                "type": "Note",
                "noteLiteral": [primaryLanguage: .string(grade)],
            ],
        ]
        if let supervision = spec.supervision { assessment["idVerification"] = ELMVocabulary.supervision(supervision) }
        assessment["specifiedBy"] = assessmentSpecification()
        return .object(assessment)
    }

    // MARK: The institution

    /// The institution, as issuer and awarding body: its DID, legal name in every language it
    /// has, country (Annex I (d)) and website.
    func organisation() -> JSONValue {
        var organisation: JSONObject = [
            "id": .string(institution.did),
            "type": "Organisation",
            "legalName": ELMVocabulary.languageMap(institution.name),
            "location": [
                "id": .string(Self.urn(institution.id, "europass/location")),
                "type": "Location",
                "address": [
                    "id": .string(Self.urn(institution.id, "europass/address")),
                    "type": "Address",
                    "countryCode": ELMVocabulary.country(institution.country, reference: reference),
                ],
            ],
        ]
        if let url = institution.url {
            organisation["homepage"] = [
                "id": .string(Self.urn(institution.id, "europass/homepage")),
                "type": "WebResource",
                "contentURL": .string(url),
            ]
        }
        return .object(organisation)
    }

    // MARK: Identifiers

    /// A `urn:uuid:` name-based (version 5) UUID: the same namespace and name always give the same id.
    static func urn(_ namespace: UUID, _ name: String) -> String {
        "urn:uuid:" + UUID(namespace: namespace, name: name).uuidString.lowercased()
    }

    /// The id of a part of the spec version, the same in every award of that version.
    func specURN(_ name: String) -> String {
        Self.urn(spec.id, "version/\(spec.version)" + (name.isEmpty ? "" : "/" + name))
    }
}
