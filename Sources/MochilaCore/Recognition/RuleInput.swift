import Foundation

/// A recognition rule as the API or the form sends it (JSON keys in camelCase, as the properties);
/// ``validated(id:version:institutionID:createdAt:reference:)`` names each field that is missing or wrong.
public struct RecognitionRuleInput: Codable, Sendable {
    public var name: LocalizedText?
    public var description: LocalizedText?
    /// Left out: no criteria beyond a verified credential from a trusted issuer.
    public var criteria: CriteriaInput?
    public var outcome: OutcomeInput?
    public var legalBasis: LocalizedText?
    public var appealRoute: LocalizedText?

    public init(
        name: LocalizedText? = nil, description: LocalizedText? = nil, criteria: CriteriaInput? = nil,
        outcome: OutcomeInput? = nil, legalBasis: LocalizedText? = nil, appealRoute: LocalizedText? = nil
    ) {
        self.name = name
        self.description = description
        self.criteria = criteria
        self.outcome = outcome
        self.legalBasis = legalBasis
        self.appealRoute = appealRoute
    }

    /// The input of an existing rule, to edit it into a new version.
    public init(_ rule: RecognitionRule) {
        let criteria = rule.criteria
        self.init(
            name: rule.name, description: rule.description,
            criteria: CriteriaInput(
                requireTrustedIssuer: criteria.requireTrustedIssuer, skillsAll: criteria.skillsAll, skillsAny: criteria.skillsAny,
                minimumEQFLevel: criteria.minimumEQFLevel, minimumWorkloadHours: criteria.minimumWorkloadHours,
                maximumAgeMonths: criteria.maximumAgeMonths, achievements: criteria.achievements, fields: criteria.fields),
            outcome: OutcomeInput(
                creditSystem: rule.outcome.creditSystem, rounding: rule.outcome.rounding,
                maximumCredits: rule.outcome.maximumCredits, courseEquivalence: rule.outcome.courseEquivalence,
                partialBelowCriteria: rule.outcome.partialBelowCriteria),
            legalBasis: rule.legalBasis, appealRoute: rule.appealRoute)
    }

    /// ``RecognitionRule/Criteria`` as sent; a missing list is empty, a missing flag `requireTrustedIssuer` is `true`.
    public struct CriteriaInput: Codable, Sendable {
        public var requireTrustedIssuer: Bool?
        public var skillsAll: [String]?
        public var skillsAny: [String]?
        public var minimumEQFLevel: Int?
        public var minimumWorkloadHours: Double?
        public var maximumAgeMonths: Int?
        public var achievements: [String]?
        public var fields: [String]?

        public init(
            requireTrustedIssuer: Bool? = nil, skillsAll: [String]? = nil, skillsAny: [String]? = nil,
            minimumEQFLevel: Int? = nil, minimumWorkloadHours: Double? = nil, maximumAgeMonths: Int? = nil,
            achievements: [String]? = nil, fields: [String]? = nil
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
    }

    /// ``RecognitionRule/Outcome`` as sent; `partialBelowCriteria` is `false` when left out.
    public struct OutcomeInput: Codable, Sendable {
        public var creditSystem: String?
        public var rounding: RecognitionRule.Rounding?
        public var maximumCredits: Double?
        public var courseEquivalence: LocalizedText?
        public var partialBelowCriteria: Bool?

        public init(
            creditSystem: String? = nil, rounding: RecognitionRule.Rounding? = nil, maximumCredits: Double? = nil,
            courseEquivalence: LocalizedText? = nil, partialBelowCriteria: Bool? = nil
        ) {
            self.creditSystem = creditSystem
            self.rounding = rounding
            self.maximumCredits = maximumCredits
            self.courseEquivalence = courseEquivalence
            self.partialBelowCriteria = partialBelowCriteria
        }
    }

    /// The most ESCO skills a rule may list, `skillsAll` and `skillsAny` together.
    public static let maximumSkills = 50

    /// The input as a rule, after checking every element.
    /// - Throws: ``ValidationError`` listing every problem, each with its field.
    public func validated(
        id: UUID, version: Int, institutionID: UUID, createdAt: Date, reference: ReferenceData = .bundled
    ) throws -> RecognitionRule {
        var v = Validator()
        func text(_ value: LocalizedText?, _ field: String, required: Bool, max: Int) {
            guard let value, !value.isEmpty else {
                if required { v.fail(field, "is required in Spanish: {\"es\": \"…\"}") }
                return
            }
            if required { v.require(value.values["es"] != nil, field + ".es", "is required: give the Spanish text") }
            for (language, entry) in value.values.sorted(by: { $0.key < $1.key }) {
                v.require(
                    language.count == 2 && language.allSatisfy { $0.isASCII && $0.isLowercase }, "\(field).\(language)",
                    "is not an ISO 639-1 language code")
                v.require(entry.count <= max, "\(field).\(language)", "is longer than \(max) characters")
            }
        }
        text(name, "name", required: true, max: 300)
        text(description, "description", required: false, max: 5000)
        text(legalBasis, "legalBasis", required: true, max: 1000)
        text(appealRoute, "appealRoute", required: true, max: 1000)
        text(outcome?.courseEquivalence, "outcome.courseEquivalence", required: false, max: 300)

        let criteria = self.criteria ?? CriteriaInput()
        let skillsAll = criteria.skillsAll ?? [], skillsAny = criteria.skillsAny ?? []
        v.require(
            skillsAll.count + skillsAny.count <= Self.maximumSkills, "criteria.skillsAll",
            "lists more than \(Self.maximumSkills) skills (with criteria.skillsAny)")
        for (list, name) in [(skillsAll, "criteria.skillsAll"), (skillsAny, "criteria.skillsAny")] {
            for (index, uri) in list.enumerated() {
                v.require(
                    uri.hasPrefix("http://data.europa.eu/esco/") && uri.count <= 500 && !uri.contains(" "), "\(name)[\(index)]",
                    "\"\(uri.prefix(80))\" is not an ESCO concept URI (http://data.europa.eu/esco/skill/…)")
            }
        }
        if let level = criteria.minimumEQFLevel {
            v.require((1...8).contains(level), "criteria.minimumEQFLevel", "must be an EQF level from 1 to 8")
        }
        if let hours = criteria.minimumWorkloadHours {
            v.require(hours >= 0 && hours <= 10_000, "criteria.minimumWorkloadHours", "must be from 0 to 10000 hours")
        }
        if let months = criteria.maximumAgeMonths {
            v.require((1...600).contains(months), "criteria.maximumAgeMonths", "must be from 1 to 600 months (leave it out for no limit)")
        }
        let achievements = criteria.achievements ?? []
        v.require(achievements.count <= 100, "criteria.achievements", "lists more than 100 achievements")
        for (index, achievement) in achievements.enumerated() {
            v.require(
                !achievement.isEmpty && achievement.count <= 500 && !achievement.contains(" "), "criteria.achievements[\(index)]",
                "must be an achievement id (a URI) or a spec id, without spaces")
        }
        let fields = criteria.fields ?? []
        v.require(fields.count <= 100, "criteria.fields", "lists more than 100 fields")
        for (index, field) in fields.enumerated() {
            v.require(
                reference.fields[field] != nil, "criteria.fields[\(index)]",
                "\"\(field.prefix(20))\" is not an ISCED-F 2013 code (e.g. \"07\", \"071\" or \"0715\")")
        }

        if let outcome {
            if let system = outcome.creditSystem {
                if let known = reference.creditSystems[system] {
                    v.require(
                        known.hoursPerCredit != nil, "outcome.creditSystem",
                        "\"\(system)\" has no single number of hours per credit in the reference data, so hours cannot be converted into it")
                } else {
                    let known = reference.creditSystems.keys.sorted().joined(separator: ", ")
                    v.fail("outcome.creditSystem", "\"\(system.prefix(40))\" is not a known credit system (\(known))")
                }
            } else {
                v.fail("outcome.creditSystem", "is required: the receiving institution's credit system, e.g. \"SCT-Chile\"")
            }
            v.require(
                outcome.rounding != nil, "outcome.rounding",
                "is required: " + RecognitionRule.Rounding.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
            if let maximum = outcome.maximumCredits {
                v.require(maximum > 0 && maximum <= 1000, "outcome.maximumCredits", "must be more than 0 and at most 1000")
            }
        } else {
            v.fail("outcome", "is required: {\"creditSystem\": \"SCT-Chile\", \"rounding\": \"down-to-half\"}")
        }
        try v.check()
        return RecognitionRule(
            id: id, version: version, institutionID: institutionID, name: name!,
            description: description.flatMap { $0.isEmpty ? nil : $0 },
            criteria: RecognitionRule.Criteria(
                requireTrustedIssuer: criteria.requireTrustedIssuer ?? true, skillsAll: skillsAll, skillsAny: skillsAny,
                minimumEQFLevel: criteria.minimumEQFLevel, minimumWorkloadHours: criteria.minimumWorkloadHours,
                maximumAgeMonths: criteria.maximumAgeMonths, achievements: achievements, fields: fields),
            outcome: RecognitionRule.Outcome(
                creditSystem: outcome!.creditSystem!, rounding: outcome!.rounding!, maximumCredits: outcome!.maximumCredits,
                courseEquivalence: outcome!.courseEquivalence.flatMap { $0.isEmpty ? nil : $0 },
                partialBelowCriteria: outcome!.partialBelowCriteria ?? false),
            legalBasis: legalBasis!, appealRoute: appealRoute!, createdAt: createdAt)
    }
}
