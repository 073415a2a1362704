import Credentials

/// A message about an imported file, with a stable key and arguments, readable in each ``Language``.
///
/// The key doubles as a code a program can match (`row.duplicateEmail`); the texts live in
/// `ImportMessage+Catalog.swift`. Arguments are inserted as written, so a value from the file
/// that happens to contain `{1}` is shown literally.
public struct ImportMessage: Sendable, Hashable, CustomStringConvertible {
    public var key: String
    public var arguments: [String]

    public init(_ key: String, _ arguments: String...) {
        self.key = key
        self.arguments = arguments
    }

    public init(key: String, arguments: [String]) {
        self.key = key
        self.arguments = arguments
    }

    /// The message in `language`, with `{0}`, `{1}`… replaced by the arguments.
    public func text(_ language: Language) -> String {
        guard let template = ImportMessage.catalog[key]?[language] ?? ImportMessage.catalog[key]?[.en] else {
            return ([key] + arguments).joined(separator: " ")
        }
        // One pass over the template, so that arguments are never themselves expanded.
        var text = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]),
                arguments.indices.contains(index)
            {
                text += arguments[index]
                rest = rest[rest.index(after: close)...]
            } else {
                text += "{"
                rest = rest[afterOpen...]
            }
        }
        return text + rest
    }

    /// The English text, for logs.
    public var description: String { text(.en) }
}
