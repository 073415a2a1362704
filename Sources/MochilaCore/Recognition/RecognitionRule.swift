import Credentials
import Foundation
import LinkedData

/// A receiving institution's published rule for recognising micro-credentials of other
/// institutions: which credentials it accepts (``Criteria``) and what they give (``Outcome``).
///
/// Rules are versioned like specs: a change makes a new version, and every proposal and decision
/// names the version it was made under, so a learner can always read the rule that applied.
public struct RecognitionRule: Sendable, Hashable, Codable {
    public var id: UUID
    public var version: Int
    /// The receiving institution.
    public var institutionID: UUID
    public var name: LocalizedText
    public var description: LocalizedText?
    public var criteria: Criteria
    public var outcome: Outcome
    /// The regulation the rule rests on, e.g. "Reglamento de convalidaciones, art. 12".
    public var legalBasis: LocalizedText
    /// To whom, and within how long, a learner may appeal a decision made under the rule.
    public var appealRoute: LocalizedText
    public var createdAt: Date

    public init(
        id: UUID = UUID(), version: Int = 1, institutionID: UUID, name: LocalizedText, description: LocalizedText? = nil,
        criteria: Criteria, outcome: Outcome, legalBasis: LocalizedText, appealRoute: LocalizedText, createdAt: Date
    ) {
        self.id = id
        self.version = version
        self.institutionID = institutionID
        self.name = name
        self.description = description
        self.criteria = criteria
        self.outcome = outcome
        self.legalBasis = legalBasis
        self.appealRoute = appealRoute
        self.createdAt = createdAt
    }

    /// What a submitted credential must show. Empty lists and `nil` limits do not restrict.
    public struct Criteria: Sendable, Hashable, Codable {
        /// The issuer must be in the network's trust registry and accredited for the credential's
        /// ISCED-F field and EQF level (``RecognitionFacts/trustedForScope``).
        public var requireTrustedIssuer: Bool
        /// ESCO concept URIs that must all be aligned.
        public var skillsAll: [String]
        /// ESCO concept URIs of which at least one must be aligned, when the list is not empty.
        public var skillsAny: [String]
        public var minimumEQFLevel: Int?
        /// Hours of learning, added up over the credentials submitted together.
        public var minimumWorkloadHours: Double?
        /// Months since issue, at the time of evaluation.
        public var maximumAgeMonths: Int?
        /// Achievement ids, or Mochila spec ids (any version), accepted; empty accepts any.
        public var achievements: [String]
        /// ISCED-F 2013 code prefixes (`07`, `071`, `0715`); empty accepts any field.
        public var fields: [String]

        public init(
            requireTrustedIssuer: Bool = true, skillsAll: [String] = [], skillsAny: [String] = [],
            minimumEQFLevel: Int? = nil, minimumWorkloadHours: Double? = nil, maximumAgeMonths: Int? = nil,
            achievements: [String] = [], fields: [String] = []
        ) {
            self.requireTrustedIssuer = requireTrustedIssuer
            self.skillsAll = skillsAll
            self.skillsAny = skillsAny
            self.minimumEQFLevel = minimumEQFLevel
            self.minimumWorkloadHours = minimumWorkloadHours
            self.maximumAgeMonths = maximumAgeMonths
            self.achievements = achievements
            self.fields = fields
        }

        /// The criteria in words, one line each, for the public rule page and the decision credential.
        public var narrative: LocalizedText {
            var lines: [LocalizedText] = [
                LocalizedText(
                    es: "La credencial está verificada (firma, emisor, vigencia y estado).",
                    en: "The credential is verified (signature, issuer, validity and status).",
                    pt: "A credencial está verificada (assinatura, emissor, validade e estado).")
            ]
            if requireTrustedIssuer {
                lines.append(LocalizedText(
                    es: "El emisor está en el registro de confianza de la red y acreditado para el campo y el nivel de la credencial.",
                    en: "The issuer is in the network's trust registry and accredited for the credential's field and level.",
                    pt: "O emissor está no registro de confiança da rede e acreditado para a área e o nível da credencial."))
            }
            if !skillsAll.isEmpty {
                let list = skillsAll.joined(separator: ", ")
                lines.append(LocalizedText(
                    es: "Competencias ESCO requeridas (todas): \(list).", en: "ESCO skills required (all): \(list).",
                    pt: "Competências ESCO exigidas (todas): \(list)."))
            }
            if !skillsAny.isEmpty {
                let list = skillsAny.joined(separator: ", ")
                lines.append(LocalizedText(
                    es: "Al menos una de estas competencias ESCO: \(list).", en: "At least one of these ESCO skills: \(list).",
                    pt: "Pelo menos uma destas competências ESCO: \(list)."))
            }
            if let level = minimumEQFLevel {
                lines.append(LocalizedText(
                    es: "Nivel MEC \(level) o superior.", en: "EQF level \(level) or higher.", pt: "Nível QEQ \(level) ou superior."))
            }
            if let hours = minimumWorkloadHours {
                let es = CreditConversion.format(hours, .es)
                let en = CreditConversion.format(hours, .en)
                lines.append(LocalizedText(
                    es: "Carga de trabajo de al menos \(es) h (sumando las credenciales presentadas).",
                    en: "A workload of at least \(en) h (adding up the credentials submitted).",
                    pt: "Carga horária de pelo menos \(es) h (somando as credenciais apresentadas)."))
            }
            if let months = maximumAgeMonths {
                lines.append(LocalizedText(
                    es: "Emitida hace \(months) meses como máximo.", en: "Issued at most \(months) months ago.",
                    pt: "Emitida há no máximo \(months) meses."))
            }
            if !achievements.isEmpty {
                let list = achievements.joined(separator: ", ")
                lines.append(LocalizedText(
                    es: "Solo estos logros: \(list).", en: "Only these achievements: \(list).", pt: "Somente estas conquistas: \(list)."))
            }
            if !fields.isEmpty {
                let list = fields.joined(separator: ", ")
                lines.append(LocalizedText(
                    es: "Campo ISCED-F 2013: \(list).", en: "ISCED-F 2013 field: \(list).", pt: "Área CINE-F 2013: \(list)."))
            }
            var values: [String: String] = [:]
            for language in Language.allCases {
                values[language.rawValue] = lines.map { "- " + $0.text(language) }.joined(separator: "\n")
            }
            return LocalizedText(values)
        }
    }

    /// What a recognised credential gives at the receiving institution.
    public struct Outcome: Sendable, Hashable, Codable {
        /// The receiving institution's credit system: an id of `credit_systems.json` with hours per credit.
        public var creditSystem: String
        public var rounding: Rounding
        /// The most credits the rule grants, however many hours are submitted.
        public var maximumCredits: Double?
        /// The course the recognition stands for, e.g. "Equivale a SOL-201 Soldadura I".
        public var courseEquivalence: LocalizedText?
        /// When only the workload or skills criteria fail, propose partial recognition instead of
        /// refusal (see ``RecognitionProposal/evaluate(_:facts:at:reference:)``).
        public var partialBelowCriteria: Bool

        public init(
            creditSystem: String, rounding: Rounding, maximumCredits: Double? = nil, courseEquivalence: LocalizedText? = nil,
            partialBelowCriteria: Bool = false
        ) {
            self.creditSystem = creditSystem
            self.rounding = rounding
            self.maximumCredits = maximumCredits
            self.courseEquivalence = courseEquivalence
            self.partialBelowCriteria = partialBelowCriteria
        }
    }

    /// How converted credits are rounded; the label is the wording explanations use.
    public enum Rounding: String, SpecVocabulary {
        case downToHalf = "down-to-half"
        case nearestHalf = "nearest-half"
        case downToWhole = "down-to-whole"
        case nearestWhole = "nearest-whole"

        public var labels: [Language: String] {
            switch self {
            case .downToHalf:
                return [.es: "redondeo hacia abajo a medio crédito", .pt: "arredondamento para baixo a meio crédito",
                        .en: "rounded down to half a credit"]
            case .nearestHalf:
                return [.es: "redondeo al medio crédito más cercano", .pt: "arredondamento ao meio crédito mais próximo",
                        .en: "rounded to the nearest half credit"]
            case .downToWhole:
                return [.es: "redondeo hacia abajo a crédito entero", .pt: "arredondamento para baixo a crédito inteiro",
                        .en: "rounded down to a whole credit"]
            case .nearestWhole:
                return [.es: "redondeo al crédito entero más cercano", .pt: "arredondamento ao crédito inteiro mais próximo",
                        .en: "rounded to the nearest whole credit"]
            }
        }

        /// `value` rounded; halves round up for the nearest kinds. A millionth of slack absorbs
        /// binary fractions, so 2.9999999 rounds down to 3, not to 2.5.
        public func apply(_ value: Double) -> Double {
            let step: Double
            switch self {
            case .downToHalf, .nearestHalf: step = 2
            case .downToWhole, .nearestWhole: step = 1
            }
            switch self {
            case .downToHalf, .downToWhole: return max(0, ((value * step) + 1e-6).rounded(.down) / step)
            case .nearestHalf, .nearestWhole: return max(0, (value * step).rounded(.toNearestOrAwayFromZero) / step)
            }
        }
    }
}

extension RecognitionRule {
    /// The rule for the public JSON page: the keys of ``RecognitionRuleInput`` plus id, version,
    /// institution and date, always in the same order; texts are language maps.
    public var json: JSONValue {
        func text(_ value: LocalizedText) -> JSONValue {
            .object(JSONObject(value.values.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        }
        func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
        var criteria: JSONObject = ["requireTrustedIssuer": .bool(self.criteria.requireTrustedIssuer)]
        criteria["skillsAll"] = strings(self.criteria.skillsAll)
        criteria["skillsAny"] = strings(self.criteria.skillsAny)
        criteria["minimumEQFLevel"] = self.criteria.minimumEQFLevel.map { .number(Double($0)) } ?? .null
        criteria["minimumWorkloadHours"] = self.criteria.minimumWorkloadHours.map { .number($0) } ?? .null
        criteria["maximumAgeMonths"] = self.criteria.maximumAgeMonths.map { .number(Double($0)) } ?? .null
        criteria["achievements"] = strings(self.criteria.achievements)
        criteria["fields"] = strings(self.criteria.fields)
        var outcome: JSONObject = ["creditSystem": .string(self.outcome.creditSystem)]
        outcome["rounding"] = .string(self.outcome.rounding.rawValue)
        outcome["maximumCredits"] = self.outcome.maximumCredits.map { .number($0) } ?? .null
        outcome["courseEquivalence"] = self.outcome.courseEquivalence.map(text) ?? .null
        outcome["partialBelowCriteria"] = .bool(self.outcome.partialBelowCriteria)
        var object: JSONObject = ["id": .string("urn:uuid:" + id.uuidString.lowercased())]
        object["version"] = .number(Double(version))
        object["institutionId"] = .string("urn:uuid:" + institutionID.uuidString.lowercased())
        object["name"] = text(name)
        object["description"] = description.map(text) ?? .null
        object["criteria"] = .object(criteria)
        object["outcome"] = .object(outcome)
        object["legalBasis"] = text(legalBasis)
        object["appealRoute"] = text(appealRoute)
        object["createdAt"] = .string(XSDDateTime.format(createdAt))
        return .object(object)
    }
}
