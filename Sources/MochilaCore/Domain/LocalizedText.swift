import Credentials

/// A text in several languages, keyed by ISO 639-1 code (`es`, `pt`, `en`, …).
///
/// Spanish comes first: when the reader's language is missing, Spanish, then English, then
/// Portuguese, then any other language is shown.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    public init(es: String, en: String? = nil, pt: String? = nil) {
        var values = ["es": es]
        if let en { values["en"] = en }
        if let pt { values["pt"] = pt }
        self.init(values)
    }

    /// Whether no language has a text.
    public var isEmpty: Bool { values.isEmpty }

    /// The text in `language`, or the best fallback; empty when there is no text at all.
    public func text(_ language: Language) -> String {
        if let value = values[language.rawValue] { return value }
        for fallback in ["es", "en", "pt"] { if let value = values[fallback] { return value } }
        return values.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    /// The language the text in `language` is actually in (after fallback).
    public func languageShown(for language: Language) -> String? {
        if values[language.rawValue] != nil { return language.rawValue }
        for fallback in ["es", "en", "pt"] where values[fallback] != nil { return fallback }
        return values.keys.sorted().first
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.init(["es": text])
        } else {
            self.init(try container.decode([String: String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}

import Foundation
