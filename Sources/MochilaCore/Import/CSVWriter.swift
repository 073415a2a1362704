/// Writes CSV (RFC 4180) that spreadsheet programs open safely.
public enum CSVWriter {
    /// One line, without its line break: fields with a comma, quote or line break are quoted,
    /// and a field that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab or
    /// carriage return first) is prefixed with `'`, so opening the file never runs anything.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    public static func field(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
