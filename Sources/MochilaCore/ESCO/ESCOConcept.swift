import Credentials

/// A concept of ESCO (European Skills, Competences, Qualifications and Occupations): a skill, a
/// knowledge concept or an occupation, as Mochila's modified copy of ESCO holds it.
///
/// Labels come from different ESCO releases (see `Resources/esco/SOURCES.md`): skills carry
/// English (v1.1.1) and, for most, Spanish (v1.0.x) labels but no Portuguese; occupations
/// (v1.2.x) carry English, Spanish and Portuguese. ESCO's `es` and `pt` are the variants of
/// Spain and Portugal.
public struct ESCOConcept: Sendable, Hashable, Identifiable {
    /// What a concept is: ESCO's two skill types, and occupations.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// `skillType` "skill/competence" (and the few skills whose type ESCO leaves empty).
        case skill
        /// `skillType` "knowledge".
        case knowledge
        case occupation
    }

    /// How widely a skill applies, ESCO's `reuseLevel`.
    public enum ReuseLevel: String, Sendable, Hashable, CaseIterable, Codable {
        case transversal
        case crossSector = "cross-sector"
        case sectorSpecific = "sector-specific"
        case occupationSpecific = "occupation-specific"
    }

    /// The concept URI, e.g. `http://data.europa.eu/esco/skill/18d3f89a-…`.
    public var uri: String
    public var kind: Kind
    /// The preferred label in each language that has one.
    public var preferredLabel: [Language: String]
    /// Alternative labels (synonyms, spelling and gender variants) per language; the preferred
    /// label is not repeated here.
    public var alternativeLabels: [Language: [String]]
    /// The description per language: English for skills, English, Spanish and Portuguese for
    /// most occupations.
    public var description: [Language: String]
    /// ESCO's `skillType` verbatim (`skill/competence` or `knowledge`); `nil` for occupations
    /// and for the skills ESCO leaves untyped.
    public var skillType: String?
    /// `nil` for occupations and for the skills ESCO gives no level.
    public var reuseLevel: ReuseLevel?
    /// For occupations: the ISCO-08 unit group (4 digits), e.g. `2654`.
    public var iscoGroup: String?
    /// For occupations: the ESCO occupation code, e.g. `2654.1.7`.
    public var code: String?

    public var id: String { uri }

    public init(
        uri: String, kind: Kind, preferredLabel: [Language: String], alternativeLabels: [Language: [String]] = [:],
        description: [Language: String] = [:], skillType: String? = nil, reuseLevel: ReuseLevel? = nil,
        iscoGroup: String? = nil, code: String? = nil
    ) {
        self.uri = uri
        self.kind = kind
        self.preferredLabel = preferredLabel
        self.alternativeLabels = alternativeLabels
        self.description = description
        self.skillType = skillType
        self.reuseLevel = reuseLevel
        self.iscoGroup = iscoGroup
        self.code = code
    }

    /// The languages tried, in order, for a reader of `language`.
    ///
    /// Spanish readers fall back to English; Portuguese readers to Spanish, the closer
    /// language, because ESCO skills have no Portuguese labels; English readers to Spanish.
    public static func fallbackChain(for language: Language) -> [Language] {
        switch language {
        case .es: return [.es, .en]
        case .pt: return [.pt, .es, .en]
        case .en: return [.en, .es]
        }
    }

    /// The language whose labels a reader of `language` sees for this concept: the first in
    /// ``fallbackChain(for:)`` with a preferred label, or `nil` when the concept has none.
    public func labelLanguage(for language: Language) -> Language? {
        Self.fallbackChain(for: language).first { preferredLabel[$0] != nil }
    }

    /// The preferred label to show a reader of `language`, and the language it is in.
    public func label(for language: Language) -> (text: String, language: Language)? {
        guard let shown = labelLanguage(for: language), let text = preferredLabel[shown] else { return nil }
        return (text, shown)
    }
}
