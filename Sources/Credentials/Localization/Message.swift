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
        return Message.fill(templates[language] ?? templates[.en] ?? key, with: arguments)
    }

    /// `template` with each `{n}` replaced by `arguments[n]`, in one pass: an argument is never
    /// read as a template (a credential named "{1}" stays "{1}"), and a placeholder without an
    /// argument stays as it is. (Foundation's `replacingOccurrences`, once per argument, was 2.4 %
    /// of a verification's CPU in the report's JSON.)
    static func fill(_ template: String, with arguments: [String]) -> String {
        guard !arguments.isEmpty else { return template }
        let bytes = template.utf8
        var text = ""
        var literal = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "{") else {
                index = bytes.index(after: index)
                continue
            }
            var cursor = bytes.index(after: index)
            var number = 0
            var digits = 0
            while cursor < bytes.endIndex, digits < 4, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
                number = number * 10 + Int(bytes[cursor] - 0x30)
                digits += 1
                cursor = bytes.index(after: cursor)
            }
            if digits > 0, cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "}"), number < arguments.count {
                text += template[literal..<index]
                text += arguments[number]
                index = bytes.index(after: cursor)
                literal = index
            } else {
                index = bytes.index(after: index)
            }
        }
        text += template[literal...]
        return text
    }
}

/// A message can be the failure of a `Result`, for steps whose only outcome is a reason.
extension Message: Error {}
