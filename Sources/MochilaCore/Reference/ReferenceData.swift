import Credentials
import Foundation
import LinkedData

/// The reference tables shipped in the package's resources: countries of Latin America and the
/// Caribbean, credit systems, EQF levels and ISCED-F 2013 fields (see Resources/reference/SOURCES.md).
public struct ReferenceData: Sendable {
    public struct Country: Sendable, Hashable {
        public var code: String
        /// ISO 3166-1 alpha-3 code (`MEX`), as EU vocabularies name countries.
        public var alpha3: String?
        public var name: LocalizedText
    }

    public struct LanguageEntry: Sendable, Hashable {
        /// ISO 639-1 code (`es`).
        public var code: String
        /// ISO 639-3 code (`spa`).
        public var alpha3: String?
        public var name: LocalizedText
    }

    public struct CreditSystem: Sendable, Hashable {
        public var id: String
        public var name: LocalizedText
        /// Hours of student work per credit (the low and high ends of the range).
        public var hoursPerCredit: ClosedRange<Double>?
    }

    public struct Field: Sendable, Hashable {
        public var code: String
        public var name: LocalizedText
        public var uri: String?
    }

    public struct EQFLevel: Sendable, Hashable {
        public var level: Int
        public var uri: String
    }

    public var countries: [String: Country]
    public var languages: [String: LanguageEntry]
    public var creditSystems: [String: CreditSystem]
    public var fields: [String: Field]
    public var eqfLevels: [Int: EQFLevel]

    /// The tables bundled with Mochila, read once.
    public static let bundled: ReferenceData = {
        do {
            return try ReferenceData(directory: Bundle.module.resourceURL!.appendingPathComponent("reference"))
        } catch {
            fatalError("the bundled reference data could not be read: \(error)")
        }
    }()

    init(directory: URL) throws {
        func load(_ name: String) throws -> JSONValue {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            return try JSONValue(parsing: Array(data), limits: JSONLimits(maxBytes: 8 << 20, maxDepth: 32))
        }
        func text(_ value: JSONValue?) -> LocalizedText {
            var values: [String: String] = [:]
            for (key, entry) in value?.objectValue ?? [:] {
                if let string = entry.stringValue { values[key] = string }
            }
            return LocalizedText(values)
        }
        countries = [:]
        for entry in try load("countries_lac.json")["countries"]?.arrayValue ?? [] {
            guard let code = entry["alpha2"]?.stringValue else { continue }
            countries[code] = Country(code: code, alpha3: entry["alpha3"]?.stringValue, name: text(entry["name"]))
        }
        languages = [:]
        for entry in try load("languages.json")["languages"]?.arrayValue ?? [] {
            guard let code = entry["iso639_1"]?.stringValue else { continue }
            languages[code] = LanguageEntry(code: code, alpha3: entry["iso639_3"]?.stringValue, name: text(entry["name"]))
        }
        creditSystems = [:]
        for entry in try load("credit_systems.json")["systems"]?.arrayValue ?? [] {
            guard let id = entry["id"]?.stringValue else { continue }
            var range: ClosedRange<Double>? = nil
            if let low = entry["hoursPerCredit"]?["min"]?.numberValue, let high = entry["hoursPerCredit"]?["max"]?.numberValue,
                low <= high
            {
                range = low...high
            } else if let exact = entry["hoursPerCredit"]?.numberValue {
                range = exact...exact
            }
            creditSystems[id] = CreditSystem(id: id, name: text(entry["name"]), hoursPerCredit: range)
        }
        fields = [:]
        for entry in try load("isced_f_2013.json")["fields"]?.arrayValue ?? [] {
            guard let code = entry["code"]?.stringValue else { continue }
            fields[code] = Field(code: code, name: text(entry["name"]), uri: entry["euVocabularyUri"]?.stringValue)
        }
        eqfLevels = [:]
        for entry in try load("eqf_levels.json")["levels"]?.arrayValue ?? [] {
            guard let level = entry["level"]?.numberValue, let uri = entry["euVocabularyUri"]?.stringValue else { continue }
            eqfLevels[Int(level)] = EQFLevel(level: Int(level), uri: uri)
        }
    }

    /// The country's name in `language`, or the code itself when it is not in the table.
    public func countryName(_ code: String, _ language: Language) -> String {
        countries[code]?.name.text(language) ?? code
    }
}
