import Credentials
import Foundation
import LinkedData
import MochilaCore

/// A spec as the designer form holds it: every field as typed, so that a form with mistakes
/// comes back as it was sent, with the mistakes named. Texts are kept per language
/// (`title.es`, `title.pt`, `title.en`); attached skills travel as hidden fields holding their
/// JSON, so that searching ESCO and adding skills round-trips without JavaScript.
struct SpecDraft: Sendable {
    struct Outcome: Sendable {
        var text: [String: String] = [:]
        var skills: [SkillReference] = []
    }

    var title: [String: String] = [:]
    var description: [String: String] = [:]
    var languages = "es"
    var outcomes: [Outcome] = [Outcome()]
    var workloadHours = ""
    var credits: [(system: String, value: String)] = []
    var eqfLevel = ""
    var nationalLevel = ""
    var iscedField = ""
    var assessmentType = ""
    var assessmentDescription: [String: String] = [:]
    var participation = ""
    var supervision = ""
    var gradingScheme: [String: String] = [:]
    var prerequisites: [String: String] = [:]
    var qualityAssurance: [String: String] = [:]
    var formality = ""
    var validityMonths = ""
    var stackability = ""
    var stackabilityDescription: [String: String] = [:]
    var furtherInformation: [String: String] = [:]

    /// The most learning outcomes and skills per outcome the form holds.
    static let maxOutcomes = 50
    static let maxSkills = 30
    /// The languages texts are written in, in the form.
    static let textLanguages = Language.allCases.map(\.rawValue)

    init() {}

    /// The form filled with an existing spec, to make its next version.
    init(_ spec: MicroCredentialSpec) {
        title = spec.title.values
        description = spec.description.values
        languages = spec.languages.joined(separator: ", ")
        outcomes = spec.learningOutcomes.map { Outcome(text: $0.text.values, skills: $0.skills) }
        workloadHours = SpecDraft.number(spec.workloadHours)
        credits = spec.credits.map { ($0.system, SpecDraft.number($0.value)) }
        eqfLevel = spec.eqfLevel.map(String.init) ?? ""
        nationalLevel = spec.nationalLevel ?? ""
        iscedField = spec.iscedField
        assessmentType = spec.assessment.type.rawValue
        assessmentDescription = spec.assessment.description?.values ?? [:]
        participation = spec.participation.rawValue
        supervision = spec.supervision?.rawValue ?? ""
        gradingScheme = spec.gradingScheme?.values ?? [:]
        prerequisites = spec.prerequisites?.values ?? [:]
        qualityAssurance = spec.qualityAssurance.values
        formality = spec.formality.rawValue
        validityMonths = spec.validityMonths.map(String.init) ?? ""
        stackability = spec.stackability?.kind.rawValue ?? ""
        stackabilityDescription = spec.stackability?.description?.values ?? [:]
        furtherInformation = spec.furtherInformation?.values ?? [:]
    }

    /// The form as posted.
    init(_ form: FormData) {
        func texts(_ name: String) -> [String: String] {
            var values: [String: String] = [:]
            for language in SpecDraft.textLanguages {
                if let value = form.fields.first(where: { $0.name == "\(name).\(language)" })?.value, !value.isEmpty {
                    values[language] = value
                }
            }
            return values
        }
        title = texts("title")
        description = texts("description")
        languages = form["languages"] ?? ""
        let count = min(Int(form["outcomes"] ?? "") ?? 1, SpecDraft.maxOutcomes)
        outcomes = (0..<max(count, 0)).map { index in
            let skills = form.all("o\(index).skill").prefix(SpecDraft.maxSkills).compactMap { json -> SkillReference? in
                try? JSONDecoder().decode(SkillReference.self, from: Data(json.utf8))
            }
            return Outcome(text: texts("o\(index)"), skills: Array(skills))
        }
        workloadHours = form["workloadHours"] ?? ""
        // Rows left empty are the form's spare rows, not credits.
        credits = zip(form.all("credit.system"), form.all("credit.value")).map {
            ($0.0.trimmingCharacters(in: .whitespaces), $0.1.trimmingCharacters(in: .whitespaces))
        }.filter { !$0.0.isEmpty || !$0.1.isEmpty }.prefix(20).map { $0 }
        eqfLevel = form["eqfLevel"] ?? ""
        nationalLevel = form["nationalLevel"] ?? ""
        iscedField = form["iscedField"] ?? ""
        assessmentType = form["assessmentType"] ?? ""
        assessmentDescription = texts("assessmentDescription")
        participation = form["participation"] ?? ""
        supervision = form["supervision"] ?? ""
        gradingScheme = texts("gradingScheme")
        prerequisites = texts("prerequisites")
        qualityAssurance = texts("qualityAssurance")
        formality = form["formality"] ?? ""
        validityMonths = form["validityMonths"] ?? ""
        stackability = form["stackability"] ?? ""
        stackabilityDescription = texts("stackabilityDescription")
        furtherInformation = texts("furtherInformation")
    }

    /// The language the texts are first written in: the first language of instruction that
    /// Mochila speaks, else the reader's.
    func primaryLanguage(_ fallback: Language) -> Language {
        languageCodes.lazy.compactMap { Language(rawValue: $0) }.first ?? fallback
    }

    var languageCodes: [String] {
        languages.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map { $0.lowercased() }
    }

    /// The spec input, or the problems, each named with its field's label in `language`.
    /// Checks here are the ones people trip on, in their words; ``SpecInput/validated`` then
    /// checks everything again.
    func input(_ language: Language, reference: ReferenceData) -> (SpecInput?, [(field: String, message: String)]) {
        var problems: [(String, String)] = []
        func t(_ key: String, _ arguments: String...) -> String {
            UIText.lookup(key, language, in: ConsoleText.strings, arguments)
        }
        func label(_ key: String) -> String { t(key).replacingOccurrences(of: " *", with: "") }
        func localized(_ values: [String: String]) -> LocalizedText? {
            let text = LocalizedText(values)
            return text.isEmpty ? nil : text
        }
        func number(_ text: String, _ key: String, range: ClosedRange<Double>) -> Double? {
            guard !text.isEmpty else { return nil }
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                problems.append((label(key), t("designer.notNumber", text)))
                return nil
            }
            guard range.contains(value) else {
                problems.append((label(key), t("designer.range", SpecDraft.number(range.lowerBound), SpecDraft.number(range.upperBound))))
                return nil
            }
            return value
        }
        var input = SpecInput()
        input.title = localized(title)
        if input.title == nil { problems.append((label("designer.title"), t("designer.required"))) }
        input.description = localized(description)
        if input.description == nil { problems.append((label("designer.description"), t("designer.required"))) }
        let codes = languageCodes
        if codes.isEmpty { problems.append((label("designer.languages").components(separatedBy: " (").first!, t("designer.required"))) }
        for code in codes where code.count != 2 || !code.allSatisfy({ $0.isASCII && $0.isLetter }) {
            problems.append((t("field.language"), t("designer.badLanguage", code)))
        }
        input.languages = codes
        let written = outcomes.filter { !LocalizedText($0.text).isEmpty }
        if written.isEmpty { problems.append((t("designer.outcomes"), t("designer.outcomeRequired"))) }
        input.learningOutcomes = written.map { LearningOutcome(text: LocalizedText($0.text), skills: $0.skills) }
        if workloadHours.isEmpty { problems.append((label("designer.workload"), t("designer.required"))) }
        input.workloadHours = number(workloadHours, "designer.workload", range: 0.5...3000)
        var credits: [CreditValue] = []
        for credit in self.credits where !credit.system.isEmpty || !credit.value.isEmpty {
            guard !credit.system.isEmpty else {
                problems.append((label("designer.creditSystem"), t("designer.required")))
                continue
            }
            if credits.contains(where: { $0.system == credit.system }) {
                problems.append((label("designer.credits"), t("designer.duplicateCredit", credit.system)))
                continue
            }
            if credit.value.isEmpty { problems.append(("\(label("designer.creditValue")) (\(credit.system))", t("designer.required"))) }
            if let value = number(credit.value, "designer.creditValue", range: 0.1...120) {
                credits.append(CreditValue(system: credit.system, value: value))
            }
        }
        input.credits = credits
        input.eqfLevel = eqfLevel.isEmpty ? nil : Int(eqfLevel)
        input.nationalLevel = nationalLevel.isEmpty ? nil : nationalLevel
        if iscedField.isEmpty { problems.append((label("designer.isced"), t("designer.required"))) }
        input.iscedField = iscedField.isEmpty ? nil : iscedField
        if let type = AssessmentType(rawValue: assessmentType) {
            input.assessment = Assessment(type: type, description: localized(assessmentDescription))
        } else {
            problems.append((label("designer.assessmentType"), t("designer.required")))
        }
        input.participation = ParticipationForm(rawValue: participation)
        if input.participation == nil { problems.append((label("designer.participation"), t("designer.required"))) }
        input.supervision = Supervision(rawValue: supervision)
        input.gradingScheme = localized(gradingScheme)
        input.prerequisites = localized(prerequisites)
        input.qualityAssurance = localized(qualityAssurance)
        if input.qualityAssurance == nil { problems.append((label("designer.qa"), t("designer.required"))) }
        input.formality = Formality(rawValue: formality)
        if input.formality == nil { problems.append((label("designer.formality"), t("designer.required"))) }
        input.validityMonths = number(validityMonths, "designer.validity", range: 1...600).map { Int($0) }
        if let kind = Stackability.Kind(rawValue: stackability) {
            input.stackability = Stackability(kind: kind, description: localized(stackabilityDescription))
        }
        input.furtherInformation = localized(furtherInformation)
        return (problems.isEmpty ? input : nil, problems)
    }

    /// A number as people write it: no trailing `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
