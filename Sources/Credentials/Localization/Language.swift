/// The languages Mochila speaks, Spanish first.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case es, pt, en

    /// The language's own name, for a language switcher.
    public var nativeName: String {
        switch self {
        case .es: return "Español"
        case .pt: return "Português"
        case .en: return "English"
        }
    }

    /// The best match for a BCP 47 tag or a locale name (`es-MX`, `pt_BR.UTF-8`, `en`), or `nil`.
    public init?(tag: String) {
        let primary = tag.lowercased().prefix { $0.isLetter }
        guard let language = Language(rawValue: String(primary)) else { return nil }
        self = language
    }

    /// The first supported language in an HTTP `Accept-Language` header, by quality; Spanish when none.
    public static func negotiate(acceptLanguage header: String?) -> Language {
        guard let header else { return .es }
        var choices: [(Language, Double)] = []
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";")
            guard let tag = pieces.first.map({ $0.trimmingWhitespace() }), let language = Language(tag: tag) else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() {
                let trimmed = parameter.trimmingWhitespace()
                if trimmed.hasPrefix("q="), let q = Double(trimmed.dropFirst(2)) { quality = q }
            }
            if quality > 0 { choices.append((language, quality)) }
        }
        // A stable sort keeps header order among equal qualities.
        return choices.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.first?.element.0 ?? .es
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
