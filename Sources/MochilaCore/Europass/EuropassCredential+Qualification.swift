import Credentials
import Foundation
import LinkedData

/// The spec version as an ELM `Qualification`: the Annex I elements that describe the
/// micro-credential rather than the learner.
///
/// | Annex I element | ELM property |
/// |---|---|
/// | (b) title | `title` (and `description`) |
/// | (f) learning outcomes | `learningOutcome`, each with its `relatedESCOSkill`s |
/// | (g) notional workload | `volumeOfLearning` (hours) and `creditPoint` (each credit system) |
/// | (h) level | `eqfLevel` (EQF), `nqfLevel` (national framework); field: `thematicArea` (ISCED-F) |
/// | (i) type of assessment | `provenBy`: a `LearningAssessmentSpecification` with `dcType` |
/// | (j) form of participation | `mode` |
/// | (k) quality assurance | `additionalNote` |
/// | prerequisites | `entryRequirement` |
/// | supervision and identity verification | the assessment specification's `additionalNote`, and `idVerification` on the graded assessment |
/// | grading scheme | the assessment specification's `gradingScheme` |
/// | integration / stackability | `isPartialQualification` and `additionalNote` |
/// | further information | `supplementaryDocument` (a URL) or `additionalNote` |
/// | formal or non-formal learning (regional) | `learningSetting` |
/// | languages | `language` |
///
/// Note: ELM has no property for quality assurance as free text (`accreditation` needs an
/// accreditation type from an EU list and an accrediting agent), for stackability or for
/// supervision on a specification, so these are notes whose text starts with the element's name.
extension EuropassCredential {
    func qualification() -> JSONValue {
        var qualification: JSONObject = [
            "id": .string(specURN("")),
            "type": "Qualification",
            "title": ELMVocabulary.languageMap(spec.title),
        ]
        if !spec.description.isEmpty { qualification["description"] = ELMVocabulary.languageMap(spec.description) }
        qualification["learningOutcome"] = .array(spec.learningOutcomes.indices.map(learningOutcome))
        qualification["volumeOfLearning"] = .string(Self.duration(hours: spec.workloadHours))
        let credits = creditPoints()
        if !credits.isEmpty { qualification["creditPoint"] = .array(credits) }
        if let level = spec.eqfLevel, let eqf = reference.eqfLevels[level] {
            qualification["eqfLevel"] = ELMVocabulary.eqfLevel(eqf)
        }
        if let national = spec.nationalLevel, !national.isEmpty {
            // Note: national frameworks are in the EU's QDR list only for European countries.
            qualification["nqfLevel"] = ELMVocabulary.concept(id: nil, scheme: nil, labels: [primaryLanguage: national])
        }
        if let field = reference.fields[spec.iscedField] {
            qualification["thematicArea"] = ELMVocabulary.thematicArea(field)
        }
        qualification["learningSetting"] = ELMVocabulary.learningSetting(spec.formality)
        qualification["mode"] = ELMVocabulary.mode(spec.participation)
        let languages = languageConcepts()
        if !languages.isEmpty { qualification["language"] = .array(languages) }
        if let prerequisites = spec.prerequisites, !prerequisites.isEmpty {
            qualification["entryRequirement"] = note("entry-requirement", text: prerequisites)
        }
        qualification["provenBy"] = assessmentSpecification()
        if let stackability = spec.stackability {
            qualification["isPartialQualification"] = .bool(stackability.kind == .stackable)
        }
        var notes: [JSONValue] = []
        if !spec.qualityAssurance.isEmpty {
            notes.append(note("quality-assurance", heading: Heading.qualityAssurance, text: spec.qualityAssurance))
        }
        if let agency = institution.qualityAssuranceAgency, !agency.isEmpty {
            notes.append(note("quality-assurance-agency", heading: Heading.qualityAssuranceAgency, text: LocalizedText([primaryLanguage: agency])))
        }
        if let stackability = spec.stackability {
            var text = ELMVocabulary.labels(stackability.kind)
            for (language, description) in stackability.description?.values ?? [:] {
                text[language] = (text[language] ?? stackability.kind.label(.es)) + ". " + description
            }
            notes.append(note("stackability", heading: Heading.stackability, text: LocalizedText(text)))
        }
        if let further = spec.furtherInformation, !further.isEmpty {
            let urls = Set(further.values.values).sorted()
            if urls.allSatisfy(Self.isWebAddress) {
                qualification["supplementaryDocument"] = .array(
                    urls.enumerated().map { index, url -> JSONValue in
                        [
                            "id": .string(specURN("further-information/\(index)")),
                            "type": "WebResource",
                            "title": ELMVocabulary.languageMap(Heading.furtherInformation),
                            "contentURL": .string(url),
                        ]
                    })
            } else {
                notes.append(note("further-information", heading: Heading.furtherInformation, text: further))
            }
        }
        if !notes.isEmpty { qualification["additionalNote"] = .array(notes) }
        return .object(qualification)
    }

    /// Annex I (f): a learning outcome and the skills it develops.
    func learningOutcome(_ index: Int) -> JSONValue {
        let outcome = spec.learningOutcomes[index]
        var object: JSONObject = [
            "id": .string(specURN("learning-outcome/\(index)")),
            "type": "LearningOutcome",
            "title": ELMVocabulary.languageMap(outcome.text),
        ]
        var related: [String: [JSONValue]] = [:]
        for skill in outcome.skills {
            let (property, concept) = ELMVocabulary.skill(skill)
            related[property, default: []].append(concept)
        }
        for property in ["relatedESCOSkill", "relatedSkill"] {
            if let concepts = related[property] { object[property] = .array(concepts) }
        }
        return .object(object)
    }

    /// Annex I (g): the credits in each credit system, ECTS first.
    func creditPoints() -> [JSONValue] {
        let credits = spec.credits.filter { $0.system == "ECTS" } + spec.credits.filter { $0.system != "ECTS" }
        return credits.map { credit -> JSONValue in
            [
                "id": .string(specURN("credit-point/" + credit.system)),
                "type": "CreditPoint",
                "framework": ELMVocabulary.creditFramework(credit.system, reference: reference),
                "point": .string(ECMAScriptNumber.format(credit.value)),
            ]
        }
    }

    /// Annex I (i): how the learning outcomes are assessed, with the supervision and the grading
    /// scheme.
    func assessmentSpecification() -> JSONValue {
        var specification: JSONObject = [
            "id": .string(specURN("assessment")),
            "type": "LearningAssessmentSpecification",
            "title": ELMVocabulary.languageMap(ELMVocabulary.labels(spec.assessment.type)),
        ]
        if let description = spec.assessment.description, !description.isEmpty {
            specification["description"] = ELMVocabulary.languageMap(description)
        }
        specification["dcType"] = ELMVocabulary.assessmentType(spec.assessment.type)
        let languages = languageConcepts()
        if !languages.isEmpty { specification["language"] = .array(languages) }
        if let grading = spec.gradingScheme, !grading.isEmpty {
            specification["gradingScheme"] = [
                "id": .string(specURN("grading-scheme")),
                "type": "GradingScheme",
                "title": ELMVocabulary.languageMap(Heading.gradingScheme),
                "description": ELMVocabulary.languageMap(grading),
            ]
        }
        if let supervision = spec.supervision {
            specification["additionalNote"] = [
                note("supervision", heading: Heading.supervision, text: LocalizedText(ELMVocabulary.labels(supervision)))
            ]
        }
        return .object(specification)
    }

    func languageConcepts() -> [JSONValue] {
        var seen: Set<String> = []
        return spec.languages.filter { seen.insert($0).inserted }.map { ELMVocabulary.language($0, reference: reference) }
    }

    /// A `Note` of the spec version; with a heading, each language's text starts with the
    /// element's name in that language (Spanish where the heading lacks it).
    func note(_ name: String, heading: [String: String]? = nil, text: LocalizedText) -> JSONValue {
        var literal: [String: String] = [:]
        for (language, value) in text.values {
            if let heading {
                literal[language] = (heading[language] ?? heading["es"]!) + ": " + value
            } else {
                literal[language] = value
            }
        }
        return [
            "id": .string(specURN("note/" + name)),
            "type": "Note",
            "noteLiteral": ELMVocabulary.languageMap(literal),
        ]
    }

    /// An `xsd:duration` of whole hours and minutes: `PT50H`, `PT37H30M`.
    static func duration(hours: Double) -> String {
        let minutes = max(0, Int((hours * 60).rounded()))
        switch (minutes / 60, minutes % 60) {
        case (let h, 0): return "PT\(h)H"
        case (0, let m): return "PT\(m)M"
        case (let h, let m): return "PT\(h)H\(m)M"
        }
    }

    static func isWebAddress(_ text: String) -> Bool {
        (text.hasPrefix("https://") || text.hasPrefix("http://")) && !text.contains(where: \.isWhitespace)
    }

    /// The names of the elements that travel as notes.
    enum Heading {
        static let qualityAssurance = [
            "es": "Aseguramiento de la calidad", "en": "Quality assurance", "pt": "Garantia da qualidade",
        ]
        static let qualityAssuranceAgency = [
            "es": "Agencia de aseguramiento de la calidad", "en": "Quality assurance agency",
            "pt": "Agência de garantia da qualidade",
        ]
        static let stackability = [
            "es": "Integración y acumulación", "en": "Integration and stackability", "pt": "Integração e acumulação",
        ]
        static let supervision = [
            "es": "Supervisión y verificación de identidad", "en": "Supervision and identity verification",
            "pt": "Supervisão e verificação de identidade",
        ]
        static let furtherInformation = ["es": "Más información", "en": "Further information", "pt": "Mais informações"]
        static let gradingScheme = ["es": "Sistema de calificación", "en": "Grading scheme", "pt": "Sistema de avaliação"]
    }
}
