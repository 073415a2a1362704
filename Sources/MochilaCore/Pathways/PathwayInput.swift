import Credentials
import Foundation
import LinkedData

/// A pathway as the API or the form sends it (JSON keys in camelCase, as the properties);
/// ``validated(id:version:institutionID:createdAt:reference:)`` names each field that is missing or wrong.
public struct PathwayInput: Codable, Sendable {
    public var name: LocalizedText?
    public var description: LocalizedText?
    public var requirement: RequirementInput?
    /// Left out: verified credentials from trusted issuers, of any age and level.
    public var conditions: ConditionsInput?
    public var award: AwardInput?

    public init(
        name: LocalizedText? = nil, description: LocalizedText? = nil, requirement: RequirementInput? = nil,
        conditions: ConditionsInput? = nil, award: AwardInput? = nil
    ) {
        self.name = name
        self.description = description
        self.requirement = requirement
        self.conditions = conditions
        self.award = award
    }

    /// The input of an existing pathway, to edit it into a new version.
    public init(_ pathway: Pathway) {
        let requirement: RequirementInput
        let parts = pathway.requirement.parts.map { PartInput(achievements: $0.achievements, fields: $0.fields, name: $0.name) }
        switch pathway.requirement {
        case .allOf: requirement = RequirementInput(kind: "allOf", parts: parts)
        case .nOf(let n, _): requirement = RequirementInput(kind: "nOf", n: n, parts: parts)
        case .credits(let minimum, let system, _):
            requirement = RequirementInput(kind: "credits", minimum: minimum, system: system, parts: parts)
        case .skills(let skills): requirement = RequirementInput(kind: "skills", skills: skills)
        }
        let conditions = pathway.conditions, award = pathway.award
        self.init(
            name: pathway.name, description: pathway.description, requirement: requirement,
            conditions: ConditionsInput(
                maximumAgeMonths: conditions.maximumAgeMonths, minimumEQFLevel: conditions.minimumEQFLevel,
                requireTrustedIssuer: conditions.requireTrustedIssuer),
            award: AwardInput(
                creditSystem: award.creditSystem, credits: award.credits, eqfLevel: award.eqfLevel, iscedField: award.iscedField,
                workloadHours: award.workloadHours))
    }

    /// ``Pathway/Requirement`` as sent: a `kind` (`allOf`, `nOf`, `credits`, `skills`) and the keys that kind uses.
    public struct RequirementInput: Codable, Sendable {
        public var kind: String?
        /// `nOf`: how many parts.
        public var n: Int?
        /// `credits`: how many credits, and of which system.
        public var minimum: Double?
        public var system: String?
        /// `allOf`, `nOf`, and `credits` (where an empty or missing list accepts any micro-credential).
        public var parts: [PartInput]?
        /// `skills`: ESCO concept URIs.
        public var skills: [String]?

        public init(
            kind: String? = nil, n: Int? = nil, minimum: Double? = nil, system: String? = nil, parts: [PartInput]? = nil,
            skills: [String]? = nil
        ) {
            self.kind = kind
            self.n = n
            self.minimum = minimum
            self.system = system
            self.parts = parts
            self.skills = skills
        }
    }

    /// ``Pathway/Part`` as sent; a missing list is empty, but a part must list achievements or fields.
    public struct PartInput: Codable, Sendable {
        public var achievements: [String]?
        public var fields: [String]?
        public var name: LocalizedText?

        public init(achievements: [String]? = nil, fields: [String]? = nil, name: LocalizedText? = nil) {
            self.achievements = achievements
            self.fields = fields
            self.name = name
        }
    }

    /// ``Pathway/Conditions`` as sent; a missing `requireTrustedIssuer` is `true`.
    public struct ConditionsInput: Codable, Sendable {
        public var maximumAgeMonths: Int?
        public var minimumEQFLevel: Int?
        public var requireTrustedIssuer: Bool?

        public init(maximumAgeMonths: Int? = nil, minimumEQFLevel: Int? = nil, requireTrustedIssuer: Bool? = nil) {
            self.maximumAgeMonths = maximumAgeMonths
            self.minimumEQFLevel = minimumEQFLevel
            self.requireTrustedIssuer = requireTrustedIssuer
        }
    }

    /// ``Pathway/Award`` as sent.
    public struct AwardInput: Codable, Sendable {
        public var creditSystem: String?
        public var credits: Double?
        public var eqfLevel: Int?
        public var iscedField: String?
        public var workloadHours: Double?

        public init(
            creditSystem: String? = nil, credits: Double? = nil, eqfLevel: Int? = nil, iscedField: String? = nil,
            workloadHours: Double? = nil
        ) {
            self.creditSystem = creditSystem
            self.credits = credits
            self.eqfLevel = eqfLevel
            self.iscedField = iscedField
            self.workloadHours = workloadHours
        }
    }

    /// The most parts, and the most ESCO skills, a pathway may list.
    public static let maximumParts = 50
    public static let maximumSkills = 50

    /// The input as a pathway, after checking every element.
    /// - Throws: ``ValidationError`` listing every problem, each with its field.
    public func validated(
        id: UUID, version: Int, institutionID: UUID, createdAt: Date, reference: ReferenceData = .bundled
    ) throws -> Pathway {
        var v = Validator()
        func text(_ value: LocalizedText?, _ field: String, max: Int) {
            guard let value, !value.isEmpty else { return v.fail(field, "is required in Spanish: {\"es\": \"…\"}") }
            v.require(value.values["es"] != nil, field + ".es", "is required: give the Spanish text")
            for (language, entry) in value.values.sorted(by: { $0.key < $1.key }) {
                v.require(
                    language.count == 2 && language.allSatisfy { $0.isASCII && $0.isLowercase }, "\(field).\(language)",
                    "is not an ISO 639-1 language code")
                v.require(entry.count <= max, "\(field).\(language)", "is longer than \(max) characters")
            }
        }
        func system(_ id: String?, _ field: String, convertible: Bool) {
            guard let id else { return v.fail(field, "is required: a credit system, e.g. \"ECTS\" or \"SCT-Chile\"") }
            guard let known = reference.creditSystems[id] else {
                let list = reference.creditSystems.keys.sorted().joined(separator: ", ")
                return v.fail(field, "\"\(id.prefix(40))\" is not a known credit system (\(list))")
            }
            v.require(
                !convertible || known.hoursPerCredit != nil, field,
                "\"\(id)\" has no single number of hours per credit in the reference data, so credits cannot be converted into it")
        }
        text(name, "name", max: 300)
        text(description, "description", max: 5000)

        var requirement: Pathway.Requirement?
        let kinds = Pathway.Requirement.Kind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        if let input = self.requirement {
            let kind = input.kind.flatMap(Pathway.Requirement.Kind.init(rawValue:))
            if kind == nil { v.fail("requirement.kind", "is required: one of \(kinds)") }
            let partList = input.parts ?? []
            v.require(
                partList.count <= Self.maximumParts, "requirement.parts", "lists more than \(Self.maximumParts) parts")
            var parts: [Pathway.Part] = []
            for (index, part) in partList.enumerated() {
                let field = "requirement.parts[\(index)]"
                text(part.name, field + ".name", max: 300)
                let achievements = part.achievements ?? [], fields = part.fields ?? []
                v.require(
                    !achievements.isEmpty || !fields.isEmpty, field, "lists no achievement and no field, so any credential would match")
                v.require(achievements.count <= 100, field + ".achievements", "lists more than 100 achievements")
                for (i, achievement) in achievements.enumerated() {
                    v.require(
                        !achievement.isEmpty && achievement.count <= 500 && !achievement.contains(" "), "\(field).achievements[\(i)]",
                        "must be an achievement id (a URI) or a spec id, without spaces")
                }
                v.require(fields.count <= 100, field + ".fields", "lists more than 100 fields")
                for (i, code) in fields.enumerated() {
                    v.require(
                        reference.fields[code] != nil, "\(field).fields[\(i)]",
                        "\"\(code.prefix(20))\" is not an ISCED-F 2013 code (e.g. \"07\", \"071\" or \"0713\")")
                }
                parts.append(Pathway.Part(achievements: achievements, fields: fields, name: part.name ?? LocalizedText()))
            }
            func unused(_ present: Bool, _ key: String, _ kinds: String) {
                v.require(!present, "requirement.\(key)", "applies only to the kind \(kinds)")
            }
            unused(input.n != nil && kind != .nOf, "n", "\"nOf\"")
            unused(input.minimum != nil && kind != .credits, "minimum", "\"credits\"")
            unused(input.system != nil && kind != .credits, "system", "\"credits\"")
            unused(input.skills != nil && kind != .skills, "skills", "\"skills\"")
            unused(input.parts != nil && kind == .skills, "parts", "\"allOf\", \"nOf\" or \"credits\"")
            switch kind {
            case .allOf?:
                v.require(!parts.isEmpty, "requirement.parts", "is empty: list the micro-credentials the pathway requires")
                requirement = .allOf(parts)
            case .nOf?:
                v.require(!parts.isEmpty, "requirement.parts", "is empty: list the micro-credentials to choose from")
                if let n = input.n {
                    v.require(
                        (1...max(1, parts.count)).contains(n), "requirement.n", "must be from 1 to the number of parts (\(parts.count))")
                } else {
                    v.fail("requirement.n", "is required: how many of the parts the learner must hold")
                }
                requirement = .nOf(n: input.n ?? 0, parts)
            case .credits?:
                if let minimum = input.minimum {
                    v.require(minimum > 0 && minimum <= 1000, "requirement.minimum", "must be more than 0 and at most 1000 credits")
                } else {
                    v.fail("requirement.minimum", "is required: how many credits the credentials must add up to")
                }
                system(input.system, "requirement.system", convertible: true)
                requirement = .credits(minimum: input.minimum ?? 0, system: input.system ?? "", from: parts)
            case .skills?:
                let skills = input.skills ?? []
                v.require(!skills.isEmpty, "requirement.skills", "is empty: list the ESCO skills the credentials must cover")
                v.require(skills.count <= Self.maximumSkills, "requirement.skills", "lists more than \(Self.maximumSkills) skills")
                for (index, uri) in skills.enumerated() {
                    v.require(
                        uri.hasPrefix(RecognitionFacts.escoPrefix) && uri.count <= 500 && !uri.contains(" "),
                        "requirement.skills[\(index)]",
                        "\"\(uri.prefix(80))\" is not an ESCO concept URI (http://data.europa.eu/esco/skill/…)")
                }
                requirement = .skills(skills)
            case nil: break
            }
        } else {
            v.fail("requirement", "is required: {\"kind\": \"allOf\", \"parts\": [{\"name\": \"…\", \"achievements\": [\"…\"]}]}")
        }

        let conditions = self.conditions ?? ConditionsInput()
        if let months = conditions.maximumAgeMonths {
            v.require(
                (1...600).contains(months), "conditions.maximumAgeMonths", "must be from 1 to 600 months (leave it out for no limit)")
        }
        if let level = conditions.minimumEQFLevel {
            v.require((1...8).contains(level), "conditions.minimumEQFLevel", "must be an EQF level from 1 to 8")
        }

        if let award {
            if let code = award.iscedField {
                v.require(
                    reference.fields[code] != nil, "award.iscedField",
                    "\"\(code.prefix(20))\" is not an ISCED-F 2013 code (e.g. \"07\", \"071\" or \"0713\")")
            } else {
                v.fail("award.iscedField", "is required: the ISCED-F 2013 field of the stacked credential, e.g. \"0713\"")
            }
            if let level = award.eqfLevel { v.require((1...8).contains(level), "award.eqfLevel", "must be an EQF level from 1 to 8") }
            if let credits = award.credits {
                v.require(credits > 0 && credits <= 1000, "award.credits", "must be more than 0 and at most 1000")
                system(award.creditSystem, "award.creditSystem", convertible: false)
            } else if award.creditSystem != nil {
                v.fail("award.credits", "is required with award.creditSystem")
            }
            if let hours = award.workloadHours {
                v.require(hours > 0 && hours <= 10_000, "award.workloadHours", "must be more than 0 and at most 10000 hours")
            }
        } else {
            v.fail("award", "is required: {\"iscedField\": \"0713\"}")
        }
        try v.check()
        let award = self.award!
        return Pathway(
            id: id, version: version, institutionID: institutionID, name: name!, description: description!,
            requirement: requirement!,
            conditions: Pathway.Conditions(
                maximumAgeMonths: conditions.maximumAgeMonths, minimumEQFLevel: conditions.minimumEQFLevel,
                requireTrustedIssuer: conditions.requireTrustedIssuer ?? true),
            award: Pathway.Award(
                creditSystem: award.creditSystem, credits: award.credits, eqfLevel: award.eqfLevel, iscedField: award.iscedField!,
                workloadHours: award.workloadHours),
            createdAt: createdAt)
    }
}

extension Pathway {
    /// The pathway for the public JSON page and the API: the keys of ``PathwayInput`` plus id,
    /// version, institution and date, always in the same order; texts are language maps.
    public var json: JSONValue {
        func text(_ value: LocalizedText) -> JSONValue {
            .object(JSONObject(value.values.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        }
        func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
        func parts(_ list: [Part]) -> JSONValue {
            .array(list.map { ["name": text($0.name), "achievements": strings($0.achievements), "fields": strings($0.fields)] })
        }
        var requirement: JSONObject = ["kind": .string(self.requirement.kind.rawValue)]
        switch self.requirement {
        case .allOf(let list): requirement["parts"] = parts(list)
        case .nOf(let n, let list):
            requirement["n"] = .number(Double(n))
            requirement["parts"] = parts(list)
        case .credits(let minimum, let system, let list):
            requirement["minimum"] = .number(minimum)
            requirement["system"] = .string(system)
            requirement["parts"] = parts(list)
        case .skills(let skills): requirement["skills"] = strings(skills)
        }
        var conditions: JSONObject = ["maximumAgeMonths": self.conditions.maximumAgeMonths.map { .number(Double($0)) } ?? .null]
        conditions["minimumEQFLevel"] = self.conditions.minimumEQFLevel.map { .number(Double($0)) } ?? .null
        conditions["requireTrustedIssuer"] = .bool(self.conditions.requireTrustedIssuer)
        var award: JSONObject = ["creditSystem": self.award.creditSystem.map { .string($0) } ?? .null]
        award["credits"] = self.award.credits.map { .number($0) } ?? .null
        award["eqfLevel"] = self.award.eqfLevel.map { .number(Double($0)) } ?? .null
        award["iscedField"] = .string(self.award.iscedField)
        award["workloadHours"] = self.award.workloadHours.map { .number($0) } ?? .null
        var object: JSONObject = ["id": .string("urn:uuid:" + id.uuidString.lowercased())]
        object["version"] = .number(Double(version))
        object["institutionId"] = .string("urn:uuid:" + institutionID.uuidString.lowercased())
        object["name"] = text(name)
        object["description"] = text(description)
        object["requirement"] = .object(requirement)
        object["conditions"] = .object(conditions)
        object["award"] = .object(award)
        object["createdAt"] = .string(XSDDateTime.format(createdAt))
        return .object(object)
    }
}
