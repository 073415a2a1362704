import Credentials

extension SkillReference {
    /// A reference to an ESCO concept, labelled with its preferred labels in Spanish, English
    /// and Portuguese where ESCO has them.
    public init(_ concept: ESCOConcept) {
        var labels: [String: String] = [:]
        for language in Language.allCases {
            if let label = concept.preferredLabel[language] { labels[language.rawValue] = label }
        }
        self.init(uri: concept.uri, label: LocalizedText(labels), framework: "ESCO")
    }
}

extension ESCOConcept {
    /// The concept as a skill of a learning outcome (occupations can be referenced too).
    public var skillReference: SkillReference { SkillReference(self) }
}
