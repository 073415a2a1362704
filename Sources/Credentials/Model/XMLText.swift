/// Text written into XML documents Mochila makes (baked SVG badges, QR code SVGs).
public enum XMLText {
    /// `text` escaped for XML character data and attribute values (tab, line feed and carriage
    /// return as references, so attribute values keep them). Characters XML 1.0 does not allow
    /// (other C0 controls, U+FFFE and U+FFFF) are left out.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
