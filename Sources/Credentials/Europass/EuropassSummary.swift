import LinkedData

/// What a backpack shows of a European Digital Credential: its title, who issued it, to whom,
/// and since when. Each is `nil` when the EDC does not say.
public struct EuropassSummary: Sendable, Hashable {
    /// The achievement's title, or the credential's display title.
    public var title: String?
    /// The issuing organisation's legal name, or its short name.
    public var issuerName: String?
    /// The learner's given and family names, or their full name.
    public var subjectName: String?
    /// `validFrom` as written.
    public var validFrom: String?

    public init(title: String? = nil, issuerName: String? = nil, subjectName: String? = nil, validFrom: String? = nil) {
        self.title = title
        self.issuerName = issuerName
        self.subjectName = subjectName
        self.validFrom = validFrom
    }
}

extension EuropassVerifier {
    /// The languages a summary prefers, in order; any other comes after them.
    static let summaryLanguages = ["es", "pt", "en"]

    /// Reads the summary of an EDC (ELM 3), unsigned or a sealed one's payload.
    ///
    /// ELM 3 writes names and titles as language maps (`{"es": "…", "en": "…"}`); the Spanish
    /// text is taken when there is one, then the Portuguese, the English, and else the first.
    /// - title: `credentialSubject.hasClaim[0].title`, else `displayParameter.title`;
    /// - issuer: `issuer.legalName`, else `issuer.altLabel`;
    /// - subject: `credentialSubject.givenName` and `familyName`, else `fullName`.
    public static func summary(of edc: JSONValue) -> EuropassSummary {
        let subject = edc["credentialSubject"]?.asArray.first
        let claim = subject?["hasClaim"]?.asArray.first
        let issuer = edc["issuer"]?.asArray.first
        let names = [subject?["givenName"], subject?["familyName"]].compactMap { text(of: $0) }
        return EuropassSummary(
            title: text(of: claim?["title"]) ?? text(of: edc["displayParameter"]?["title"]),
            issuerName: text(of: issuer?["legalName"]) ?? text(of: issuer?["altLabel"]),
            subjectName: names.isEmpty ? text(of: subject?["fullName"]) : names.joined(separator: " "),
            validFrom: edc["validFrom"]?.stringValue)
    }

    /// The text of a language map in the preferred language; a plain string is its own text, and
    /// a list gives its first text.
    static func text(of value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?:
            return text.isEmpty ? nil : text
        case .array(let items)?:
            return items.lazy.compactMap { text(of: $0) }.first
        case .object(let map)?:
            for language in summaryLanguages {
                if let text = text(of: map[language]) { return text }
            }
            return map.lazy.filter { !$0.key.hasPrefix("@") }.compactMap { text(of: $0.value) }.first
        default:
            return nil
        }
    }
}
