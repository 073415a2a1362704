import Crypto
import Credentials
import Foundation
import LinkedData

/// Builds the Open Badges 3.0 `OpenBadgeCredential` (VC 2.0) of an award: the spec's elements
/// mapped to OB 3.0 fields where OB has them, and to ``MochilaContext`` terms where it has not.
public struct OpenBadgeCredential: Sendable {
    public var institution: Institution
    public var spec: MicroCredentialSpec
    public var learner: Learner
    public var grade: String?
    public var credentialID: String
    public var issuedAt: Date
    public var reference: ReferenceData
    /// Salt for the hashed email identifier; random per credential so hashes cannot be linked.
    public var salt: String
    /// The credential's status list entries (`BitstringStatusListEntry`): revocation first, then
    /// suspension. Open Badges 3.0 allows one `credentialStatus`, so the revocation entry goes
    /// there, where every verifier reads it; the suspension entry goes in Mochila's
    /// `suspensionStatus`, which Mochila's verifier also checks.
    public var credentialStatus: [JSONValue]
    /// The id of the credential this one renews.
    public var supersedes: String?

    public init(
        institution: Institution, spec: MicroCredentialSpec, learner: Learner, grade: String?, credentialID: String,
        issuedAt: Date, salt: String, credentialStatus: [JSONValue] = [], supersedes: String? = nil,
        reference: ReferenceData = .bundled
    ) {
        self.institution = institution
        self.spec = spec
        self.learner = learner
        self.grade = grade
        self.credentialID = credentialID
        self.issuedAt = issuedAt
        self.salt = salt
        self.credentialStatus = credentialStatus
        self.supersedes = supersedes
        self.reference = reference
    }

    /// The two status entries of a credential in `slot`: revocation and suspension, at the same
    /// index of the institution's lists published under `baseURL`.
    public static func statusEntries(slot: StatusSlot, institutionSlug: String, baseURL: String) -> [JSONValue] {
        StatusPurpose.allCases.map { purpose in
            let list = "\(baseURL)/status/\(institutionSlug)/\(slot.number)/\(purpose.rawValue)"
            return [
                "id": .string("\(list)#\(slot.index)"),
                "type": "BitstringStatusListEntry",
                "statusPurpose": .string(purpose.rawValue),
                "statusListIndex": .string(String(slot.index)),
                "statusListCredential": .string(list),
            ]
        }
    }

    /// The language the credential's texts are written in: the spec's first language that
    /// Mochila speaks, Spanish otherwise.
    public var language: Language {
        spec.languages.lazy.compactMap { Language(rawValue: $0) }.first ?? .es
    }

    /// The end of the validity period: issue date plus the spec's validity in months (UTC calendar).
    public var validUntil: Date? {
        guard let months = spec.validityMonths else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: months, to: issuedAt)
    }

    /// The id of the achievement: one per spec version, stable across awards.
    public var achievementID: String {
        "urn:uuid:" + UUID(namespace: spec.id, name: "version/\(spec.version)").uuidString.lowercased()
    }

    /// The institution as an Open Badges `Profile`: the issuer of every credential it signs.
    public static func issuerProfile(_ institution: Institution, language: Language, reference: ReferenceData) -> JSONObject {
        var issuer: JSONObject = [
            "id": .string(institution.did),
            "type": ["Profile"],
            "name": .string(institution.name.text(language)),
        ]
        if let url = institution.url { issuer["url"] = .string(url) }
        issuer["address"] = [
            "type": ["Address"],
            "addressCountry": .string(reference.countryName(institution.country, language)),
            "addressCountryCode": .string(institution.country),
        ]
        return issuer
    }

    /// The unsigned credential.
    public func unsigned() -> JSONObject {
        let language = self.language
        func text(_ value: LocalizedText) -> JSONValue { .string(value.text(language)) }

        let issuer = OpenBadgeCredential.issuerProfile(institution, language: language, reference: reference)

        var achievement: JSONObject = [
            "id": .string(achievementID),
            "type": ["Achievement"],
            "achievementType": "MicroCredential",
            "name": text(spec.title),
            "description": text(spec.description),
            "criteria": ["narrative": .string(criteriaNarrative(language))],
        ]
        var alignments: [JSONValue] = []
        for outcome in spec.learningOutcomes {
            for skill in outcome.skills where !alignments.contains(where: { $0["targetUrl"]?.stringValue == skill.uri }) {
                alignments.append([
                    "type": ["Alignment"], "targetName": text(skill.label), "targetUrl": .string(skill.uri),
                    "targetFramework": .string(skill.framework), "targetType": "ceasn:Competency",
                ])
            }
        }
        if let level = spec.eqfLevel, let eqf = reference.eqfLevels[level] {
            alignments.append([
                "type": ["Alignment"], "targetName": .string(eqfName(level, language)), "targetUrl": .string(eqf.uri),
                "targetFramework": "European Qualifications Framework (EQF)", "targetCode": .string(String(level)),
            ])
        }
        if let field = reference.fields[spec.iscedField], let uri = field.uri {
            alignments.append([
                "type": ["Alignment"], "targetName": text(field.name), "targetUrl": .string(uri),
                "targetFramework": "ISCED-F 2013", "targetCode": .string(field.code),
            ])
        }
        if !alignments.isEmpty { achievement["alignment"] = .array(alignments) }
        if let ects = spec.credits.first(where: { $0.system == "ECTS" }) {
            achievement["creditsAvailable"] = .number(ects.value)
        }
        if let field = reference.fields[spec.iscedField] { achievement["fieldOfStudy"] = text(field.name) }
        achievement["inLanguage"] = .string(language.rawValue)
        achievement["version"] = .string(String(spec.version))
        achievement["creator"] = .object(issuer)
        // Annex I and regional elements (MochilaContext).
        achievement["learningOutcome"] = .array(
            spec.learningOutcomes.map { outcome in
                var object: JSONObject = ["type": "LearningOutcome", "name": text(outcome.text)]
                if !outcome.skills.isEmpty { object["relatedSkill"] = .array(outcome.skills.map { .string($0.uri) }) }
                return .object(object)
            })
        achievement["workloadHours"] = .number(spec.workloadHours)
        if !spec.credits.isEmpty {
            achievement["credit"] = .array(
                spec.credits.map {
                    ["type": "CreditValue", "creditSystem": .string($0.system), "creditValue": .number($0.value)]
                })
        }
        if let level = spec.eqfLevel, let eqf = reference.eqfLevels[level] { achievement["eqfLevel"] = .string(eqf.uri) }
        if let national = spec.nationalLevel { achievement["nationalLevel"] = .string(national) }
        achievement["assessmentType"] = .string(spec.assessment.type.rawValue)
        if let description = spec.assessment.description { achievement["assessmentDescription"] = text(description) }
        achievement["participationForm"] = .string(spec.participation.rawValue)
        achievement["qualityAssurance"] = text(spec.qualityAssurance)
        achievement["formality"] = .string(spec.formality.rawValue)
        if let months = spec.validityMonths { achievement["validityPeriod"] = .string("P\(months)M") }
        if let prerequisites = spec.prerequisites { achievement["prerequisites"] = text(prerequisites) }
        if let supervision = spec.supervision { achievement["supervision"] = .string(supervision.rawValue) }
        if let grading = spec.gradingScheme { achievement["gradingScheme"] = text(grading) }
        if let stackability = spec.stackability {
            achievement["stackability"] = .string(stackability.kind.rawValue)
            if let description = stackability.description { achievement["stackabilityDescription"] = text(description) }
        }
        if let further = spec.furtherInformation { achievement["furtherInformation"] = text(further) }

        var subject: JSONObject = ["type": ["AchievementSubject"]]
        if let did = learner.did { subject["id"] = .string(did) }
        subject["name"] = .string(learner.fullName)
        // Recipient identifiers are salted hashes (OB 3.0 IdentityHash, "sha256$" and the hex of
        // SHA-256 of the value and the salt): a verifier who knows the name or the email can
        // check them, and nobody else learns anything from them.
        func hashed(_ value: String, as type: String) -> JSONValue {
            let digest = SHA256.hash(data: Array((value + salt).utf8))
            return [
                "type": "IdentityObject", "identityHash": .string("sha256$" + Hex.encode(digest)), "identityType": .string(type),
                "hashed": true, "salt": .string(salt),
            ]
        }
        var identifiers = [hashed(learner.fullName, as: "name")]
        if let email = learner.email { identifiers.append(hashed(email.lowercased(), as: "emailAddress")) }
        subject["identifier"] = .array(identifiers)
        subject["achievement"] = .object(achievement)
        if let ects = spec.credits.first(where: { $0.system == "ECTS" }) { subject["creditsEarned"] = .number(ects.value) }
        if let grade { subject["result"] = [["type": ["Result"], "value": .string(grade)]] }

        var credential: JSONObject = [
            "@context": MochilaContext.credentialContext,
            "id": .string(credentialID),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": text(spec.title),
            "issuer": .object(issuer),
            "validFrom": .string(XSDDateTime.format(issuedAt)),
        ]
        if let validUntil { credential["validUntil"] = .string(XSDDateTime.format(validUntil)) }
        credential["awardedDate"] = .string(XSDDateTime.format(issuedAt))
        if let supersedes { credential["supersedes"] = .string(supersedes) }
        credential["credentialSubject"] = .object(subject)
        if let revocation = credentialStatus.first { credential["credentialStatus"] = revocation }
        if credentialStatus.count > 1 { credential["suspensionStatus"] = credentialStatus[1] }
        credential["credentialSchema"] = [["id": .string(MochilaContext.openBadgesSchema), "type": "1EdTechJsonSchemaValidator2019"]]
        return credential
    }

    func eqfName(_ level: Int, _ language: Language) -> String {
        switch language {
        case .es: return "MEC nivel \(level)"
        case .pt: return "QEQ nível \(level)"
        case .en: return "EQF level \(level)"
        }
    }

    /// The criteria, in words: the learning outcomes and how they are assessed.
    func criteriaNarrative(_ language: Language) -> String {
        let heading: String
        let assessed: String
        switch language {
        case .es: (heading, assessed) = ("Resultados de aprendizaje:", "Evaluación")
        case .pt: (heading, assessed) = ("Resultados de aprendizagem:", "Avaliação")
        case .en: (heading, assessed) = ("Learning outcomes:", "Assessment")
        }
        var lines = [heading]
        lines += spec.learningOutcomes.map { "- " + $0.text.text(language) }
        var assessment = "\(assessed): \(spec.assessment.type.label(language))"
        if let description = spec.assessment.description { assessment += ". " + description.text(language) }
        lines.append("")
        lines.append(assessment)
        return lines.joined(separator: "\n")
    }
}
