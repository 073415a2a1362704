import Credentials
import Foundation
import LinkedData

/// One micro-credential offered in the network's catalogue: the latest version of a published
/// spec, with what people search it by.
public struct CatalogueEntry: Sendable, Hashable {
    public struct Skill: Sendable, Hashable {
        public var uri: String
        public var label: LocalizedText
    }

    /// The spec's id (`urn:uuid:…`) and version.
    public var id: String
    public var version: Int
    public var institutionDID: String
    public var institutionName: LocalizedText
    /// ISO 3166-1 alpha-2.
    public var country: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var skills: [Skill]
    public var eqfLevel: Int?
    public var iscedField: String
    public var credits: [CreditValue]
    public var workloadHours: Double
    /// `online`, `onsite` or `blended`.
    public var modality: String
    /// BCP 47 tags of the languages it is taught in.
    public var languages: [String]
    /// Where it is described (the spec's JSON on its node).
    public var url: String

    /// The entry of a spec of an institution on a node reached at `baseURL`.
    public init(spec: MicroCredentialSpec, institution: Institution, baseURL: String) {
        id = "urn:uuid:" + spec.id.uuidString.lowercased()
        version = spec.version
        institutionDID = institution.did
        institutionName = institution.name
        country = institution.country
        title = spec.title
        description = spec.description
        var seen: Set<String> = []
        skills = spec.learningOutcomes.flatMap(\.skills).compactMap { skill in
            seen.insert(skill.uri).inserted ? Skill(uri: skill.uri, label: skill.label) : nil
        }
        eqfLevel = spec.eqfLevel
        iscedField = spec.iscedField
        credits = spec.credits
        workloadHours = spec.workloadHours
        modality = spec.participation.rawValue
        languages = spec.languages
        url = baseURL + "/api/v1/specs/" + spec.id.uuidString.lowercased()
    }

    /// The entry as the catalogue feed publishes it.
    public var json: JSONValue {
        func text(_ value: LocalizedText) -> JSONValue {
            .object(JSONObject(value.values.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        }
        var object: JSONObject = ["id": .string(id), "version": .number(Double(version))]
        object["institution"] = ["id": .string(institutionDID), "name": text(institutionName), "country": .string(country)]
        object["title"] = text(title)
        object["description"] = text(description)
        object["skills"] = .array(skills.map { ["id": .string($0.uri), "label": text($0.label)] })
        object["eqfLevel"] = eqfLevel.map { .number(Double($0)) } ?? .null
        object["iscedField"] = .string(iscedField)
        object["credits"] = .array(credits.map { ["system": .string($0.system), "value": .number($0.value)] })
        object["workloadHours"] = .number(workloadHours)
        object["modality"] = .string(modality)
        object["languages"] = .array(languages.map { .string($0) })
        object["url"] = .string(url)
        return .object(object)
    }

    /// Reads an entry of a feed.
    /// - Throws: ``ValidationError`` naming the member at fault.
    public init(json: JSONValue, at path: String) throws {
        func text(_ value: JSONValue?) -> LocalizedText? {
            guard let object = value?.objectValue else { return nil }
            var values: [String: String] = [:]
            for (key, entry) in object { if let string = entry.stringValue { values[key] = String(string.prefix(5000)) } }
            return values.isEmpty ? nil : LocalizedText(values)
        }
        func string(_ name: String, _ value: JSONValue?, max: Int = 2000) throws -> String {
            guard let text = value?.stringValue, !text.isEmpty, text.count <= max else {
                throw ValidationError(field: "\(path).\(name)", "is required text (at most \(max) characters)")
            }
            return text
        }
        id = try string("id", json["id"], max: 500)
        version = Int(json["version"]?.numberValue ?? 1)
        institutionDID = try string("institution.id", json["institution"]?["id"], max: 500)
        guard let name = text(json["institution"]?["name"]) else { throw ValidationError(field: "\(path).institution.name", "is required") }
        institutionName = name
        country = try string("institution.country", json["institution"]?["country"], max: 2)
        guard let title = text(json["title"]) else { throw ValidationError(field: "\(path).title", "is required") }
        self.title = title
        description = text(json["description"]) ?? LocalizedText([:])
        skills = (json["skills"]?.asArray ?? []).prefix(200).compactMap { skill in
            guard let uri = skill["id"]?.stringValue else { return nil }
            return Skill(uri: uri, label: text(skill["label"]) ?? LocalizedText([:]))
        }
        eqfLevel = json["eqfLevel"]?.numberValue.map { Int($0) }
        iscedField = json["iscedField"]?.stringValue ?? ""
        credits = (json["credits"]?.asArray ?? []).prefix(20).compactMap { credit in
            guard let system = credit["system"]?.stringValue, let value = credit["value"]?.numberValue else { return nil }
            return CreditValue(system: system, value: value)
        }
        workloadHours = json["workloadHours"]?.numberValue ?? 0
        modality = json["modality"]?.stringValue ?? ""
        languages = (json["languages"]?.asArray ?? []).prefix(20).compactMap(\.stringValue)
        url = try string("url", json["url"])
    }
}

/// The catalogue: every node serves its institutions' entries as a feed (`/catalogue.json`), and
/// pulls the feeds of federated nodes; people search the whole of it.
public enum Catalogue {
    public static let feedType = "MochilaCatalogue"
    /// The most entries a feed may bring.
    public static let maximumEntries = 20_000

    /// The feed of a node.
    public static func feed(_ entries: [CatalogueEntry], node: String, generatedAt: Date) -> JSONValue {
        [
            "type": .string(feedType), "node": .string(node), "generatedAt": .string(XSDDateTime.format(generatedAt)),
            "entries": .array(entries.map(\.json)),
        ]
    }

    /// The entries of a feed; one that cannot be read names the entry at fault.
    public static func entries(of feed: JSONValue) throws -> [CatalogueEntry] {
        guard feed["type"]?.stringValue == feedType, let entries = feed["entries"]?.arrayValue else {
            throw ValidationError(field: "feed", "is not a Mochila catalogue feed ({\"type\": \"\(feedType)\", \"entries\": [...]})")
        }
        guard entries.count <= maximumEntries else { throw ValidationError(field: "feed", "has more than \(maximumEntries) entries") }
        return try entries.enumerated().map { try CatalogueEntry(json: $1, at: "entries[\($0)]") }
    }

    /// What people search by; every part is optional.
    public struct Query: Sendable, Hashable {
        /// Words, in Spanish, Portuguese or English; accents and case do not matter, and every
        /// word must appear (in a title, description, skill or institution, in any language).
        public var text: String
        /// An ESCO URI among the entry's skills.
        public var skill: String?
        public var country: String?
        public var eqfLevel: Int?
        public var modality: String?
        /// At least this many credits in some system (or this many ECTS when `creditSystem` is set).
        public var minimumCredits: Double?
        public var creditSystem: String?
        public var language: String?

        public init(
            text: String = "", skill: String? = nil, country: String? = nil, eqfLevel: Int? = nil, modality: String? = nil,
            minimumCredits: Double? = nil, creditSystem: String? = nil, language: String? = nil
        ) {
            self.text = text
            self.skill = skill
            self.country = country
            self.eqfLevel = eqfLevel
            self.modality = modality
            self.minimumCredits = minimumCredits
            self.creditSystem = creditSystem
            self.language = language
        }
    }

    /// The entries that match, in the order given.
    public static func search(_ entries: [CatalogueEntry], _ query: Query) -> [CatalogueEntry] {
        var folding = SearchText()
        let words = tokens(query.text, &folding)
        return entries.filter { entry in
            if let skill = query.skill, !entry.skills.contains(where: { $0.uri == skill }) { return false }
            if let country = query.country, entry.country.uppercased() != country.uppercased() { return false }
            if let level = query.eqfLevel, entry.eqfLevel != level { return false }
            if let modality = query.modality, entry.modality != modality { return false }
            if let language = query.language, !entry.languages.contains(where: { $0.lowercased().hasPrefix(language.lowercased()) }) {
                return false
            }
            if let minimum = query.minimumCredits {
                let values = entry.credits.filter { query.creditSystem == nil || $0.system == query.creditSystem }.map(\.value)
                if !values.contains(where: { $0 >= minimum }) { return false }
            }
            guard !words.isEmpty else { return true }
            var haystack: [LocalizedText] = [entry.title, entry.description, entry.institutionName]
            haystack += entry.skills.map(\.label)
            let indexed = Set(haystack.flatMap { $0.values.values }.flatMap { tokens($0, &folding) })
            return words.allSatisfy { word in indexed.contains { $0.hasPrefix(word) } }
        }
    }

    static func tokens(_ text: String, _ folding: inout SearchText) -> [String] {
        var found: [String] = []
        folding.forEachToken(in: text) { found.append(String(decoding: $0, as: UTF8.self)) }
        return found
    }
}
