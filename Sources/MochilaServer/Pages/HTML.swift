/// A fragment of HTML. Strings interpolated into it are escaped; fragments are inserted as they
/// are, so markup is only ever written by code and never comes from data.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var markup: String

    public init(stringLiteral value: String) { markup = value }

    public init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    init(unsafeMarkup: String) { markup = unsafeMarkup }

    public var description: String { markup }

    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity * 2)
        }

        public mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }

        /// Numbers and other plain values: escaped text.
        public mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) {
            markup += HTML.escape(value.description)
        }

        /// A fragment: inserted as is.
        public mutating func appendInterpolation(_ fragment: HTML) { markup += fragment.markup }

        /// Fragments, one after another.
        public mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { markup += fragment.markup }
        }

        /// An optional fragment: nothing when `nil`.
        public mutating func appendInterpolation(_ fragment: HTML?) { markup += fragment?.markup ?? "" }
    }

    /// Escapes text for element content and double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }
}

extension Array where Element == HTML {
    /// The fragments joined by a separator fragment.
    func joined(separator: HTML) -> HTML {
        HTML(unsafeMarkup: map(\.markup).joined(separator: separator.markup))
    }
}
