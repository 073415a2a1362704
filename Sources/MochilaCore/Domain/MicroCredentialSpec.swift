import Foundation

/// What a micro-credential certifies: every element of the EU Council Recommendation on
/// micro-credentials (2022/C 243/02, Annex I) and those the region adds.
///
/// Specs are versioned: a change makes a new version, and every award names the version it
/// was issued under, so a credential always describes what the learner actually did.
public struct MicroCredentialSpec: Sendable, Hashable, Codable {
    public var id: UUID
    public var version: Int
    public var institutionID: UUID
    /// Annex I (b): title of the micro-credential.
    public var title: LocalizedText
    /// A short description for catalogues and the credential.
    public var description: LocalizedText
    /// Annex I (f): learning outcomes, each with the ESCO skills it develops.
    public var learningOutcomes: [LearningOutcome]
    /// Annex I (g): notional workload, in hours of learning.
    public var workloadHours: Double
    /// Annex I (g): credits, in ECTS wherever possible and in the region's systems.
    public var credits: [CreditValue]
    /// Annex I (h): EQF level (1–8), if applicable.
    public var eqfLevel: Int?
    /// Annex I (h): level in the national qualifications framework, as it is written there.
    public var nationalLevel: String?
    /// ISCED-F 2013 field of education and training (2–4 digit code).
    public var iscedField: String
    /// Annex I (i): type of assessment.
    public var assessment: Assessment
    /// Annex I (j): form of participation in the learning activity.
    public var participation: ParticipationForm
    /// Annex I (k): type of quality assurance used to underpin the micro-credential.
    public var qualityAssurance: LocalizedText
    /// Regional: formal or non-formal learning.
    public var formality: Formality
    /// Regional: months a credential stays valid after issue; `nil` when it does not expire.
    public var validityMonths: Int?
    /// Languages of instruction and assessment (ISO 639-1).
    public var languages: [String]
    /// Optional: prerequisites needed to enrol.
    public var prerequisites: LocalizedText?
    /// Optional: supervision and identity verification during assessment.
    public var supervision: Supervision?
    /// Optional: how grades are given (the grade itself is on the award).
    public var gradingScheme: LocalizedText?
    /// Optional: integration or stackability options.
    public var stackability: Stackability?
    /// Optional: further information (a URL or a text).
    public var furtherInformation: LocalizedText?
    public var createdAt: Date

    public init(
        id: UUID = UUID(), version: Int = 1, institutionID: UUID, title: LocalizedText, description: LocalizedText,
        learningOutcomes: [LearningOutcome], workloadHours: Double, credits: [CreditValue], eqfLevel: Int?,
        nationalLevel: String? = nil, iscedField: String, assessment: Assessment, participation: ParticipationForm,
        qualityAssurance: LocalizedText, formality: Formality, validityMonths: Int?, languages: [String],
        prerequisites: LocalizedText? = nil, supervision: Supervision? = nil, gradingScheme: LocalizedText? = nil,
        stackability: Stackability? = nil, furtherInformation: LocalizedText? = nil, createdAt: Date
    ) {
        self.id = id
        self.version = version
        self.institutionID = institutionID
        self.title = title
        self.description = description
        self.learningOutcomes = learningOutcomes
        self.workloadHours = workloadHours
        self.credits = credits
        self.eqfLevel = eqfLevel
        self.nationalLevel = nationalLevel
        self.iscedField = iscedField
        self.assessment = assessment
        self.participation = participation
        self.qualityAssurance = qualityAssurance
        self.formality = formality
        self.validityMonths = validityMonths
        self.languages = languages
        self.prerequisites = prerequisites
        self.supervision = supervision
        self.gradingScheme = gradingScheme
        self.stackability = stackability
        self.furtherInformation = furtherInformation
        self.createdAt = createdAt
    }
}

/// A learning outcome and the skills it develops.
public struct LearningOutcome: Sendable, Hashable, Codable {
    public var text: LocalizedText
    public var skills: [SkillReference]

    public init(text: LocalizedText, skills: [SkillReference] = []) {
        self.text = text
        self.skills = skills
    }
}

/// A skill in a skills framework, ESCO by default.
public struct SkillReference: Sendable, Hashable, Codable {
    /// The concept URI, e.g. `http://data.europa.eu/esco/skill/…`.
    public var uri: String
    public var label: LocalizedText
    public var framework: String

    public init(uri: String, label: LocalizedText, framework: String = "ESCO") {
        self.uri = uri
        self.label = label
        self.framework = framework
    }

    enum CodingKeys: String, CodingKey { case uri, label, framework }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        uri = try container.decode(String.self, forKey: .uri)
        label = try container.decode(LocalizedText.self, forKey: .label)
        framework = try container.decodeIfPresent(String.self, forKey: .framework) ?? "ESCO"
    }
}

/// Credits in one credit system (an id of `credit_systems.json`: `ECTS`, `SCT-Chile`, `SATCA`…).
public struct CreditValue: Sendable, Hashable, Codable {
    public var system: String
    public var value: Double

    public init(system: String, value: Double) {
        self.system = system
        self.value = value
    }
}

/// Annex I (i): how learning is assessed.
public struct Assessment: Sendable, Hashable, Codable {
    public var type: AssessmentType
    public var description: LocalizedText?

    public init(type: AssessmentType, description: LocalizedText? = nil) {
        self.type = type
        self.description = description
    }
}
