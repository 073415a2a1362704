import Credentials
import Foundation

/// A larger credential an institution awards for a set of micro-credentials stacked together,
/// from any member institution of the network: e.g. "Diplomado en energías renovables" for three
/// micro-credentials of photovoltaics, wind and storage.
///
/// Pathways are versioned like recognition rules: a change makes a new version, and every
/// stacked credential names the version it was earned under (``StackedCredential``). The learner
/// sees their progress (``PathwayProgress``) and claims the credential when it is met.
public struct Pathway: Sendable, Hashable, Codable {
    public var id: UUID
    public var version: Int
    /// The institution that awards the stacked credential.
    public var institutionID: UUID
    public var name: LocalizedText
    public var description: LocalizedText
    public var requirement: Requirement
    public var conditions: Conditions
    public var award: Award
    public var createdAt: Date

    public init(
        id: UUID = UUID(), version: Int = 1, institutionID: UUID, name: LocalizedText, description: LocalizedText,
        requirement: Requirement, conditions: Conditions = Conditions(), award: Award, createdAt: Date
    ) {
        self.id = id
        self.version = version
        self.institutionID = institutionID
        self.name = name
        self.description = description
        self.requirement = requirement
        self.conditions = conditions
        self.award = award
        self.createdAt = createdAt
    }

    /// The id of the pathway's achievement: one per pathway version, like a spec version's.
    public var achievementID: String {
        "urn:uuid:" + UUID(namespace: id, name: "pathway/version/\(version)").uuidString.lowercased()
    }

    /// What the credentials presented together must add up to. In JSON an object with a `kind`
    /// (`allOf`, `nOf`, `credits`, `skills`) and the keys of that kind, as ``PathwayInput`` sends it.
    public enum Requirement: Sendable, Hashable, Codable {
        /// Every part, each by a different credential.
        case allOf([Part])
        /// At least `n` of the parts, each by a different credential.
        case nOf(n: Int, [Part])
        /// At least `minimum` credits of `system`, adding up the credentials that match any of the
        /// parts (any credential when the list is empty), converted by ``CreditConversion``.
        case credits(minimum: Double, system: String, from: [Part])
        /// ESCO concept URIs the credentials cover together.
        case skills([String])

        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case allOf, nOf, credits, skills
        }

        public var kind: Kind {
            switch self {
            case .allOf: return .allOf
            case .nOf: return .nOf
            case .credits: return .credits
            case .skills: return .skills
            }
        }

        /// The parts the requirement names; none for `skills`.
        public var parts: [Part] {
            switch self {
            case .allOf(let parts), .nOf(_, let parts), .credits(_, _, let parts): return parts
            case .skills: return []
            }
        }

        enum CodingKeys: String, CodingKey {
            case kind, n, minimum, system, parts, skills
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(Kind.self, forKey: .kind) {
            case .allOf: self = .allOf(try container.decode([Part].self, forKey: .parts))
            case .nOf: self = .nOf(n: try container.decode(Int.self, forKey: .n), try container.decode([Part].self, forKey: .parts))
            case .credits:
                self = .credits(
                    minimum: try container.decode(Double.self, forKey: .minimum),
                    system: try container.decode(String.self, forKey: .system),
                    from: try container.decodeIfPresent([Part].self, forKey: .parts) ?? [])
            case .skills: self = .skills(try container.decode([String].self, forKey: .skills))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            switch self {
            case .allOf(let parts): try container.encode(parts, forKey: .parts)
            case .nOf(let n, let parts):
                try container.encode(n, forKey: .n)
                try container.encode(parts, forKey: .parts)
            case .credits(let minimum, let system, let parts):
                try container.encode(minimum, forKey: .minimum)
                try container.encode(system, forKey: .system)
                try container.encode(parts, forKey: .parts)
            case .skills(let skills): try container.encode(skills, forKey: .skills)
            }
        }
    }

    /// A micro-credential the pathway asks for: a credential matches when its achievement is
    /// listed (if any is) and its ISCED-F field starts with a listed prefix (if any is).
    public struct Part: Sendable, Hashable, Codable {
        /// Achievement ids, or Mochila spec ids (any version), as ``RecognitionRule/Criteria/achievements``.
        public var achievements: [String]
        /// ISCED-F 2013 code prefixes (`07`, `071`, `0713`).
        public var fields: [String]
        /// How the learner sees the part, e.g. "Instalación fotovoltaica".
        public var name: LocalizedText

        public init(achievements: [String] = [], fields: [String] = [], name: LocalizedText) {
            self.achievements = achievements
            self.fields = fields
            self.name = name
        }
    }

    /// What each credential must show to count at all, whatever part it matches.
    public struct Conditions: Sendable, Hashable, Codable {
        /// Months since issue, at the time of evaluation.
        public var maximumAgeMonths: Int?
        public var minimumEQFLevel: Int?
        /// The issuer must be in the network's trust registry and accredited for the credential's
        /// field and level (``RecognitionFacts/trustedForScope``).
        public var requireTrustedIssuer: Bool

        public init(maximumAgeMonths: Int? = nil, minimumEQFLevel: Int? = nil, requireTrustedIssuer: Bool = true) {
            self.maximumAgeMonths = maximumAgeMonths
            self.minimumEQFLevel = minimumEQFLevel
            self.requireTrustedIssuer = requireTrustedIssuer
        }
    }

    /// What the stacked credential states about itself.
    public struct Award: Sendable, Hashable, Codable {
        /// An id of `credit_systems.json`; with ``credits``, or both `nil`.
        public var creditSystem: String?
        public var credits: Double?
        public var eqfLevel: Int?
        /// ISCED-F 2013 code of the stacked credential.
        public var iscedField: String
        /// `nil`: the sum of the parts' hours (``CreditConversion/hours(of:preferring:reference:)``).
        public var workloadHours: Double?

        public init(
            creditSystem: String? = nil, credits: Double? = nil, eqfLevel: Int? = nil, iscedField: String, workloadHours: Double? = nil
        ) {
            self.creditSystem = creditSystem
            self.credits = credits
            self.eqfLevel = eqfLevel
            self.iscedField = iscedField
            self.workloadHours = workloadHours
        }
    }
}

extension Pathway {
    /// The requirement and the conditions in words, one line each, for the public pathway page
    /// and the stacked credential's criteria.
    public var narrative: LocalizedText {
        typealias T = RecognitionProposal
        var lines: [LocalizedText] = []
        func list(_ parts: [Part]) -> [LocalizedText] {
            parts.map { part in
                LocalizedText(Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, "  - " + part.name.text($0)) }))
            }
        }
        switch requirement {
        case .allOf(let parts):
            lines.append(T.t("Reunir todas estas microcredenciales, cada una con una credencial distinta:",
                             "Reunir todas estas microcredenciais, cada uma com uma credencial distinta:",
                             "Hold all of these micro-credentials, each with a different credential:"))
            lines += list(parts)
        case .nOf(let n, let parts):
            lines.append(T.t("Reunir al menos \(n) de estas \(parts.count) microcredenciales, cada una con una credencial distinta:",
                             "Reunir pelo menos \(n) destas \(parts.count) microcredenciais, cada uma com uma credencial distinta:",
                             "Hold at least \(n) of these \(parts.count) micro-credentials, each with a different credential:"))
            lines += list(parts)
        case .credits(let minimum, let system, let parts):
            let es = T.n(minimum), en = T.e(minimum)
            if parts.isEmpty {
                lines.append(T.t("Sumar al menos \(es) créditos \(system) con microcredenciales de la red.",
                                 "Somar pelo menos \(es) créditos \(system) com microcredenciais da rede.",
                                 "Add up at least \(en) \(system) credits with micro-credentials of the network."))
            } else {
                lines.append(T.t("Sumar al menos \(es) créditos \(system) con microcredenciales de:",
                                 "Somar pelo menos \(es) créditos \(system) com microcredenciais de:",
                                 "Add up at least \(en) \(system) credits with micro-credentials of:"))
                lines += list(parts)
            }
            lines.append(T.t("Los créditos de otros sistemas se convierten a través de las horas de aprendizaje.",
                             "Os créditos de outros sistemas são convertidos por meio das horas de aprendizagem.",
                             "Credits of other systems are converted through hours of learning."))
        case .skills(let skills):
            lines.append(T.t("Cubrir entre las credenciales presentadas estas competencias ESCO:",
                             "Cobrir entre as credenciais apresentadas estas competências ESCO:",
                             "Cover these ESCO skills among the credentials presented:"))
            lines += skills.map { LocalizedText(es: "  - " + $0) }
        }
        lines.append(T.t("Cada credencial está verificada (firma, emisor, vigencia y estado).",
                         "Cada credencial está verificada (assinatura, emissor, validade e estado).",
                         "Each credential is verified (signature, issuer, validity and status)."))
        if conditions.requireTrustedIssuer {
            lines.append(T.t("Su emisor está en el registro de confianza de la red y acreditado para su campo y nivel.",
                             "Seu emissor está no registro de confiança da rede e acreditado para sua área e nível.",
                             "Its issuer is in the network's trust registry and accredited for its field and level."))
        }
        if let months = conditions.maximumAgeMonths {
            lines.append(T.t("Emitida hace \(months) meses como máximo.", "Emitida há no máximo \(months) meses.",
                             "Issued at most \(months) months ago."))
        }
        if let level = conditions.minimumEQFLevel {
            lines.append(T.t("Nivel MEC \(level) o superior.", "Nível QEQ \(level) ou superior.", "EQF level \(level) or higher."))
        }
        var values: [String: String] = [:]
        for language in Language.allCases {
            values[language.rawValue] = lines.map {
                let text = $0.text(language)
                return text.hasPrefix("  - ") ? text : "- " + text
            }.joined(separator: "\n")
        }
        return LocalizedText(values)
    }
}
