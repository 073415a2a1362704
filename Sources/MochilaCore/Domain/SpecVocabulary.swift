import Credentials

/// A closed list of values, read from their JSON names with an error that lists the allowed ones.
public protocol SpecVocabulary: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {
    /// The value's label in each language.
    var labels: [Language: String] { get }
}

extension SpecVocabulary {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            let allowed = Self.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(raw)\" is not one of \(allowed)")
        }
        self = value
    }

    /// The value's label in `language`.
    public func label(_ language: Language) -> String {
        labels[language] ?? labels[.es] ?? rawValue
    }
}

/// Regional element: whether the learning is part of formal education.
public enum Formality: String, SpecVocabulary {
    case formal
    case nonFormal = "non-formal"

    public var labels: [Language: String] {
        switch self {
        case .formal: return [.es: "Formal", .pt: "Formal", .en: "Formal"]
        case .nonFormal: return [.es: "No formal", .pt: "Não formal", .en: "Non-formal"]
        }
    }
}

/// Annex I (j): form of participation.
public enum ParticipationForm: String, SpecVocabulary {
    case online, onsite, blended

    public var labels: [Language: String] {
        switch self {
        case .online: return [.es: "En línea", .pt: "On-line", .en: "Online"]
        case .onsite: return [.es: "Presencial", .pt: "Presencial", .en: "On site"]
        case .blended: return [.es: "Mixta (híbrida)", .pt: "Híbrida", .en: "Blended"]
        }
    }
}

/// Annex I (i): type of assessment.
public enum AssessmentType: String, SpecVocabulary {
    case writtenExam = "written-exam"
    case oralExam = "oral-exam"
    case practicalDemonstration = "practical-demonstration"
    case project
    case portfolio
    case continuous
    case other

    public var labels: [Language: String] {
        switch self {
        case .writtenExam: return [.es: "Examen escrito", .pt: "Exame escrito", .en: "Written examination"]
        case .oralExam: return [.es: "Examen oral", .pt: "Exame oral", .en: "Oral examination"]
        case .practicalDemonstration:
            return [.es: "Demostración práctica", .pt: "Demonstração prática", .en: "Practical demonstration"]
        case .project: return [.es: "Proyecto", .pt: "Projeto", .en: "Project"]
        case .portfolio: return [.es: "Portafolio", .pt: "Portfólio", .en: "Portfolio"]
        case .continuous: return [.es: "Evaluación continua", .pt: "Avaliação contínua", .en: "Continuous assessment"]
        case .other: return [.es: "Otra", .pt: "Outra", .en: "Other"]
        }
    }
}

/// Annex I, optional: supervision and identity verification during assessment.
public enum Supervision: String, SpecVocabulary {
    case unsupervised = "unsupervised-no-identity-verification"
    case supervised = "supervised-no-identity-verification"
    case supervisedOnline = "supervised-online-identity-verified"
    case supervisedOnsite = "supervised-onsite-identity-verified"

    public var labels: [Language: String] {
        switch self {
        case .unsupervised:
            return [.es: "Sin supervisión ni verificación de identidad", .pt: "Sem supervisão nem verificação de identidade",
                    .en: "Unsupervised, no identity verification"]
        case .supervised:
            return [.es: "Supervisada, sin verificación de identidad", .pt: "Supervisionada, sem verificação de identidade",
                    .en: "Supervised, no identity verification"]
        case .supervisedOnline:
            return [.es: "Supervisada en línea con verificación de identidad",
                    .pt: "Supervisionada on-line com verificação de identidade",
                    .en: "Supervised online with identity verification"]
        case .supervisedOnsite:
            return [.es: "Supervisada presencialmente con verificación de identidad",
                    .pt: "Supervisionada presencialmente com verificação de identidade",
                    .en: "Supervised on site with identity verification"]
        }
    }
}

/// Annex I, optional: integration and stackability options.
public struct Stackability: Sendable, Hashable, Codable {
    public enum Kind: String, SpecVocabulary {
        case standalone, stackable

        public var labels: [Language: String] {
            switch self {
            case .standalone:
                return [.es: "Independiente", .pt: "Independente", .en: "Stand-alone, independent micro-credential"]
            case .stackable:
                return [.es: "Acumulable hacia otra credencial", .pt: "Acumulável para outra credencial",
                        .en: "Integrated, stackable towards another credential"]
            }
        }
    }

    public var kind: Kind
    /// What it stacks into, in words.
    public var description: LocalizedText?

    public init(kind: Kind, description: LocalizedText? = nil) {
        self.kind = kind
        self.description = description
    }
}
