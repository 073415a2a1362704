import Foundation

/// A message with a stable key and arguments, readable in each ``Language``.
///
/// Verification reasons are messages rather than strings so that the command line, the API and
/// the pages can each show them in the reader's language.
public struct Message: Sendable, Hashable {
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

    /// The message in `language`; `{0}`, `{1}`… are replaced by the arguments.
    public func text(_ language: Language = .en) -> String {
        guard let templates = MessageCatalog.templates[key] else {
            return ([key] + arguments).joined(separator: " ")
        }
        var text = templates[language] ?? templates[.en] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }
}

/// A message can be the failure of a `Result`, for steps whose only outcome is a reason.
extension Message: Error {}
