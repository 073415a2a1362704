import Credentials
import LinkedData

/// The EU controlled vocabularies an ELM 3 credential draws its `Concept`s from, and how
/// Mochila's spec values map onto them.
///
/// Only concept URIs seen in the European Commission's own ELM 3 sample credentials
/// (european-commission-empl/European-Learning-Model, "JSON-LD Examples (ELM v3)") or in
/// independent ELM libraries that mirror EU Vocabularies are used. Where no EU concept is known
/// for a value, the concept has a `prefLabel` and no `id`: a blank node rather than an invented
/// URI.
enum ELMVocabulary {
    // MARK: Concept schemes

    static let credentialScheme = "http://data.europa.eu/snb/credential/25831c2"
    static let learningSettingScheme = "http://data.europa.eu/snb/learning-setting/25831c2"
    /// "Mode of learning and assessment" (its URI says learning-assessment).
    static let modeScheme = "http://data.europa.eu/snb/learning-assessment/25831c2"
    static let supervisionScheme = "http://data.europa.eu/snb/supervision-verification/25831c2"
    static let educationCreditScheme = "http://data.europa.eu/snb/education-credit/25831c2"
    static let eqfScheme = "http://data.europa.eu/snb/eqf/25831c2"
    static let iscedFScheme = "http://data.europa.eu/snb/isced-f/25831c2"
    static let escoSkillScheme = "http://data.europa.eu/esco/concept-scheme/skills"
    static let languageAuthority = "http://publications.europa.eu/resource/authority/language"
    static let countryAuthority = "http://publications.europa.eu/resource/authority/country"

    /// The SHACL shapes Europass validates an EDC against (the `credentialSchema` of the samples).
    static let genericShapes = "http://data.europa.eu/snb/model/ap/edc-generic-full"

    // MARK: Building concepts

    /// A `skos:Concept`; `id` and `scheme` only where they are real EU vocabulary URIs.
    static func concept(
        id: String?, scheme: String?, labels: [String: String], notation: String? = nil
    ) -> JSONValue {
        var object = JSONObject()
        if let id { object["id"] = .string(id) }
        object["type"] = "Concept"
        if let scheme { object["inScheme"] = ["id": .string(scheme), "type": "ConceptScheme"] }
        if let notation { object["notation"] = .string(notation) }
        object["prefLabel"] = languageMap(labels)
        return .object(object)
    }

    /// A language map (`@container: @language`): Spanish first, then English, Portuguese and any
    /// other language in code order, so that the same texts always print the same way.
    static func languageMap(_ values: [String: String]) -> JSONValue {
        let priority = ["es": 0, "en": 1, "pt": 2]
        let keys = values.keys.sorted { (priority[$0] ?? 3, $0) < (priority[$1] ?? 3, $1) }
        return .object(JSONObject(keys.map { ($0, .string(values[$0]!)) }))
    }

    static func languageMap(_ text: LocalizedText) -> JSONValue { languageMap(text.values) }

    /// A `SpecVocabulary` value's labels, keyed by language code.
    static func labels<V: SpecVocabulary>(_ value: V) -> [String: String] {
        Dictionary(uniqueKeysWithValues: value.labels.map { ($0.key.rawValue, $0.value) })
    }

    // MARK: Mochila's values as EU concepts

    /// The credential profile of the EU's Annex I micro-credential sample: "Generic".
    static let genericProfile = concept(
        id: "http://data.europa.eu/snb/credential/e34929035b", scheme: credentialScheme,
        labels: ["en": "Generic", "es": "Genérico", "pt": "Genérico"])

    /// Learning setting (formal or non-formal learning).
    static func learningSetting(_ formality: Formality) -> JSONValue {
        switch formality {
        case .formal:
            return concept(
                id: "http://data.europa.eu/snb/learning-setting/6fd4685715", scheme: learningSettingScheme,
                labels: ["en": "formal learning", "es": "aprendizaje formal", "pt": "aprendizagem formal"])
        case .nonFormal:
            return concept(
                id: "http://data.europa.eu/snb/learning-setting/e207a81fc7", scheme: learningSettingScheme,
                labels: ["en": "non-formal learning", "es": "aprendizaje no formal", "pt": "aprendizagem não formal"])
        }
    }

    /// Mode of learning and assessment, for Annex I (j), the form of participation.
    static func mode(_ participation: ParticipationForm) -> JSONValue {
        let (code, english): (String, String)
        switch participation {
        case .online: (code, english) = ("920fbb3cbe", "Online")
        // Note: EU Vocabularies calls on-site learning "Presential".
        case .onsite: (code, english) = ("9191af2ed9", "Presential")
        case .blended: (code, english) = ("e92d221e4d", "Blended")
        }
        var labels = self.labels(participation)
        labels["en"] = english
        return concept(id: "http://data.europa.eu/snb/learning-assessment/" + code, scheme: modeScheme, labels: labels)
    }

    /// Supervision and identity verification during assessment.
    static func supervision(_ supervision: Supervision) -> JSONValue {
        switch supervision {
        case .unsupervised:
            var labels = self.labels(supervision)
            labels["en"] = "Unsupervised without ID Verification"
            return concept(
                id: "http://data.europa.eu/snb/supervision-verification/c598449d64", scheme: supervisionScheme,
                labels: labels)
        case .supervised, .supervisedOnline, .supervisedOnsite:
            // Note: the EU list has "supervised" concepts, but the URIs of neither these nor an
            // online/on-site distinction could be confirmed; the label carries the meaning.
            return concept(id: nil, scheme: nil, labels: labels(supervision))
        }
    }

    /// Annex I (i): the type of assessment. Note: the EU assessment-type list
    /// (`http://data.europa.eu/snb/assessment/25831c2`) could not be checked, so the type is a
    /// concept of its own, as the EU's Annex I sample does for its assessment type.
    static func assessmentType(_ type: AssessmentType) -> JSONValue {
        concept(id: nil, scheme: nil, labels: labels(type))
    }

    /// An EQF level (1–8), with the URI of the reference data.
    static func eqfLevel(_ level: ReferenceData.EQFLevel) -> JSONValue {
        concept(
            id: level.uri, scheme: eqfScheme,
            labels: ["en": "Level \(level.level)", "es": "Nivel \(level.level)", "pt": "Nível \(level.level)"])
    }

    /// An ISCED-F 2013 field of education and training.
    static func thematicArea(_ field: ReferenceData.Field) -> JSONValue {
        concept(id: field.uri, scheme: field.uri == nil ? nil : iscedFScheme, labels: field.name.values, notation: field.code)
    }

    /// The credit framework of a credit system: ECTS is the EU concept; the region's systems
    /// (SCT-Chile, SATCA, …) have no EU concept and are named by their id and names.
    static func creditFramework(_ system: String, reference: ReferenceData) -> JSONValue {
        var labels = reference.creditSystems[system]?.name.values ?? [:]
        if system == "ECTS" {
            labels["en"] = "European Credit Transfer System"
            return concept(
                id: "http://data.europa.eu/snb/education-credit/6fcec5c5af", scheme: educationCreditScheme,
                labels: labels)
        }
        if labels.isEmpty { labels["es"] = system }
        return concept(id: nil, scheme: nil, labels: labels, notation: system)
    }

    /// The EU official languages among Mochila's, whose Language authority codes are certain.
    /// Note: Haitian Creole, Quechua, Guarani and Aymara are given without a URI.
    static let authorityLanguages: Set<String> = ["es", "en", "pt", "fr", "nl"]

    /// A language of instruction and assessment (ISO 639-1 code).
    static func language(_ code: String, reference: ReferenceData) -> JSONValue {
        let entry = reference.languages[code]
        var labels = entry?.name.values ?? [:]
        if labels.isEmpty { labels["en"] = code }
        if authorityLanguages.contains(code), let alpha3 = entry?.alpha3 {
            return concept(id: languageAuthority + "/" + alpha3.uppercased(), scheme: languageAuthority, labels: labels)
        }
        return concept(id: nil, scheme: nil, labels: labels, notation: code)
    }

    /// A country (ISO 3166-1 alpha-2 code). The Country authority names countries by their
    /// alpha-3 code (`…/country/MEX`), as the EU samples do (`BEL`, `IRL`, `SVN`).
    static func country(_ code: String, reference: ReferenceData) -> JSONValue {
        let country = reference.countries[code]
        var labels = country?.name.values ?? [:]
        if labels.isEmpty { labels["en"] = code }
        guard let alpha3 = country?.alpha3 else { return concept(id: nil, scheme: nil, labels: labels, notation: code) }
        return concept(id: countryAuthority + "/" + alpha3, scheme: countryAuthority, labels: labels)
    }

    /// A skill a learning outcome develops: `relatedESCOSkill` for ESCO skills, `relatedSkill`
    /// (with no scheme) for other frameworks and for the ESCO occupations and fields a spec may
    /// name.
    static func skill(_ skill: SkillReference) -> (property: String, concept: JSONValue) {
        let isESCO = skill.framework.caseInsensitiveCompare("ESCO") == .orderedSame
            && skill.uri.hasPrefix("http://data.europa.eu/esco/skill/")
        var labels = skill.label.values
        if labels.isEmpty { labels["en"] = skill.uri }
        return isESCO
            ? ("relatedESCOSkill", concept(id: skill.uri, scheme: escoSkillScheme, labels: labels))
            : ("relatedSkill", concept(id: skill.uri, scheme: nil, labels: labels))
    }
}
