import Foundation

/// A micro-credential spec as the API receives it; ``validated(institutionID:id:version:createdAt:reference:)``
/// checks every element and names each field that is missing or wrong.
public struct SpecInput: Sendable, Codable {
    public var title: LocalizedText?
    public var description: LocalizedText?
    public var learningOutcomes: [LearningOutcome]?
    public var workloadHours: Double?
    public var credits: [CreditValue]?
    public var eqfLevel: Int?
    public var nationalLevel: String?
    public var iscedField: String?
    public var assessment: Assessment?
    public var participation: ParticipationForm?
    public var qualityAssurance: LocalizedText?
    public var formality: Formality?
    public var validityMonths: Int?
    public var languages: [String]?
    public var prerequisites: LocalizedText?
    public var supervision: Supervision?
    public var gradingScheme: LocalizedText?
    public var stackability: Stackability?
    public var furtherInformation: LocalizedText?

    public init() {}

    /// The input as a spec, after checking every element.
    /// - Throws: ``ValidationError`` listing every problem, each with its field.
    public func validated(
        institutionID: UUID, id: UUID, version: Int, createdAt: Date, reference: ReferenceData = .bundled
    ) throws -> MicroCredentialSpec {
        var v = Validator()
        func text(_ value: LocalizedText?, _ field: String, required: Bool, max: Int) {
            guard let value, !value.isEmpty else {
                if required { v.fail(field, "is required: give the text in at least one language, e.g. {\"es\": \"…\"}") }
                return
            }
            for (language, entry) in value.values {
                v.require(
                    language.count == 2 && language.allSatisfy { $0.isASCII && $0.isLowercase }, "\(field).\(language)",
                    "is not an ISO 639-1 language code")
                v.require(entry.count <= max, "\(field).\(language)", "is longer than \(max) characters")
            }
        }
        text(title, "title", required: true, max: 300)
        text(description, "description", required: true, max: 5000)
        text(qualityAssurance, "qualityAssurance", required: true, max: 2000)
        text(prerequisites, "prerequisites", required: false, max: 2000)
        text(gradingScheme, "gradingScheme", required: false, max: 2000)
        text(furtherInformation, "furtherInformation", required: false, max: 2000)
        text(assessment?.description, "assessment.description", required: false, max: 2000)
        text(stackability?.description, "stackability.description", required: false, max: 2000)

        if let outcomes = learningOutcomes {
            v.require(!outcomes.isEmpty, "learningOutcomes", "must list at least one learning outcome")
            v.require(outcomes.count <= 50, "learningOutcomes", "lists more than 50 learning outcomes")
            for (index, outcome) in outcomes.enumerated() {
                text(outcome.text, "learningOutcomes[\(index)].text", required: true, max: 1000)
                v.require(outcome.skills.count <= 30, "learningOutcomes[\(index)].skills", "lists more than 30 skills")
                for (skillIndex, skill) in outcome.skills.enumerated() {
                    let field = "learningOutcomes[\(index)].skills[\(skillIndex)]"
                    if skill.framework == "ESCO" {
                        v.require(
                            skill.uri.hasPrefix("http://data.europa.eu/esco/skill/")
                                || skill.uri.hasPrefix("http://data.europa.eu/esco/occupation/")
                                || skill.uri.hasPrefix("http://data.europa.eu/esco/isced-f/"),
                            field + ".uri", "is not an ESCO concept URI (http://data.europa.eu/esco/skill/…)")
                    } else {
                        v.require(
                            skill.uri.hasPrefix("https://") || skill.uri.hasPrefix("http://"), field + ".uri",
                            "must be an http(s) URI")
                    }
                    v.require(skill.uri.count <= 500, field + ".uri", "is longer than 500 characters")
                    text(skill.label, field + ".label", required: true, max: 300)
                }
            }
        } else {
            v.fail("learningOutcomes", "is required: list the learning outcomes")
        }
        if let hours = workloadHours {
            v.require(hours > 0 && hours <= 3000, "workloadHours", "must be more than 0 and at most 3000 hours")
        } else {
            v.fail("workloadHours", "is required: the notional workload in hours")
        }
        for (index, credit) in (credits ?? []).enumerated() {
            if reference.creditSystems[credit.system] == nil {
                let known = reference.creditSystems.keys.sorted().joined(separator: ", ")
                v.fail("credits[\(index)].system", "\"\(credit.system)\" is not a known credit system (\(known))")
            }
            v.require(credit.value > 0 && credit.value <= 120, "credits[\(index)].value", "must be more than 0 and at most 120")
        }
        if let level = eqfLevel {
            v.require((1...8).contains(level), "eqfLevel", "must be an EQF level from 1 to 8")
        }
        v.require((nationalLevel ?? "").count <= 200, "nationalLevel", "is longer than 200 characters")
        if let field = iscedField {
            v.require(reference.fields[field] != nil, "iscedField", "\"\(field)\" is not an ISCED-F 2013 code (e.g. \"0713\")")
        } else {
            v.fail("iscedField", "is required: the ISCED-F 2013 field code, e.g. \"0713\"")
        }
        v.require(assessment != nil, "assessment", "is required: {\"type\": \"project\", …}")
        v.require(participation != nil, "participation", "is required: \"online\", \"onsite\" or \"blended\"")
        v.require(formality != nil, "formality", "is required: \"formal\" or \"non-formal\"")
        if let months = validityMonths {
            v.require((1...600).contains(months), "validityMonths", "must be from 1 to 600 months (leave it out for no expiry)")
        }
        let languages = self.languages ?? ["es"]
        v.require(!languages.isEmpty, "languages", "must list at least one language")
        for (index, language) in languages.enumerated() {
            v.require(
                language.count == 2 && language.allSatisfy { $0.isASCII && $0.isLowercase }, "languages[\(index)]",
                "\"\(language)\" is not an ISO 639-1 code")
        }
        try v.check()
        return MicroCredentialSpec(
            id: id, version: version, institutionID: institutionID, title: title!, description: description!,
            learningOutcomes: learningOutcomes!, workloadHours: workloadHours!, credits: credits ?? [], eqfLevel: eqfLevel,
            nationalLevel: nationalLevel, iscedField: iscedField!, assessment: assessment!, participation: participation!,
            qualityAssurance: qualityAssurance!, formality: formality!, validityMonths: validityMonths, languages: languages,
            prerequisites: prerequisites, supervision: supervision, gradingScheme: gradingScheme,
            stackability: stackability, furtherInformation: furtherInformation, createdAt: createdAt)
    }
}

/// An award as the API receives it.
public struct AwardInput: Sendable, Codable {
    public var specId: UUID?
    /// The spec version to issue under; the latest when left out.
    public var specVersion: Int?
    public var learner: LearnerInput?
    public var grade: String?

    public init(specId: UUID? = nil, specVersion: Int? = nil, learner: LearnerInput? = nil, grade: String? = nil) {
        self.specId = specId
        self.specVersion = specVersion
        self.learner = learner
        self.grade = grade
    }

    public struct LearnerInput: Sendable, Codable {
        public var givenName: String?
        public var familyName: String?
        public var email: String?
        public var did: String?

        public init(givenName: String? = nil, familyName: String? = nil, email: String? = nil, did: String? = nil) {
            self.givenName = givenName
            self.familyName = familyName
            self.email = email
            self.did = did
        }
    }

    /// The learner, after checking names, email and DID.
    /// - Throws: ``ValidationError`` naming each problem.
    public func validatedLearner() throws -> Learner {
        var v = Validator()
        guard let learner else {
            throw ValidationError(field: "learner", "is required: {\"givenName\": …, \"familyName\": …}")
        }
        func name(_ value: String?, _ field: String) -> String {
            let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            v.require(!trimmed.isEmpty, field, "is required")
            v.require(trimmed.count <= 200, field, "is longer than 200 characters")
            v.require(!trimmed.unicodeScalars.contains { $0.properties.generalCategory == .control }, field,
                      "contains control characters")
            return trimmed
        }
        let given = name(learner.givenName, "learner.givenName")
        let family = name(learner.familyName, "learner.familyName")
        var email: String? = nil
        if let raw = learner.email?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty {
            let parts = raw.split(separator: "@", omittingEmptySubsequences: false)
            v.require(
                parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !raw.contains(" ") && raw.count <= 254,
                "learner.email", "\"\(raw)\" is not an email address")
            email = raw
        }
        if let did = learner.did {
            v.require(did.hasPrefix("did:") && did.split(separator: ":").count >= 3 && did.count <= 500, "learner.did",
                      "\"\(did)\" is not a DID")
        }
        v.require((grade ?? "").count <= 100, "grade", "is longer than 100 characters")
        try v.check()
        return Learner(givenName: given, familyName: family, email: email, did: learner.did)
    }
}
