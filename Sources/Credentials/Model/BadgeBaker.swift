import Foundation
import LinkedData

/// Bakes credentials into badge images (Open Badges 3.0, section 5.3 "Baking"), the reverse of
/// ``BakedBadge``:
///
/// - PNG (5.3.1.1): an `iTXt` chunk with the keyword `openbadgecredential`, compression flag and
///   method 0, empty language tag and translated keyword, and as its text the credential's JSON
///   (embedded proof) or its compact JWS (VC-JWT). It goes right after `IHDR`, so before the first
///   `IDAT` and before any reader that stops at the first `openbadgecredential` chunk needs more.
/// - SVG (5.3.2.1): `xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"` on the root `<svg>`
///   and an `<openbadges:credential>` element directly after its start tag, the JSON in a CDATA
///   section, or for a JWT an empty element with the token in its `verify` attribute.
///
/// The specification allows either refusing an image that already carries a credential or
/// replacing it; Mochila refuses (``CredentialsError/Code/invalidDocument``), so that baking never
/// silently discards someone's credential: bake into the unbaked image instead.
public enum BadgeBaker {
    /// The `iTXt` keyword of a baked credential (5.3.1.1).
    public static let pngKeyword = "openbadgecredential"
    /// The XML namespace of the `openbadges` prefix in a baked SVG (5.3.2.1).
    public static let svgNamespace = "https://purl.imsglobal.org/ob/v3p0"
    /// The largest image accepted for baking, in bytes.
    public static let maxImageSize = 16 << 20

    /// Bakes a credential into a PNG or SVG image.
    /// - Parameters:
    ///   - credential: the credential as JSON text (a credential with an embedded proof) or as a
    ///     compact JWS (VC-JWT); surrounding whitespace is dropped.
    ///   - image: the bytes of a PNG, or of an SVG document (UTF-8 or an ASCII-compatible encoding).
    /// - Returns: the baked image, every byte of the input kept and the credential added.
    /// - Throws: ``CredentialsError/Code/invalidDocument`` for a credential that is neither a JSON
    ///   object nor a compact JWS, an image that is neither a PNG nor an SVG, a malformed, truncated
    ///   or oversized image, or one that already carries a baked credential.
    public static func bake(_ credential: String, into image: [UInt8]) throws -> [UInt8] {
        guard image.count <= maxImageSize else {
            throw CredentialsError(.invalidDocument, "the image is larger than \(maxImageSize >> 20) MiB")
        }
        let payload = try Payload(credential)
        if image.starts(with: PNG.signature) {
            return try png(payload, into: image)
        }
        if let root = try SVGRoot(image) {
            return try svg(payload, into: image, root: root)
        }
        throw CredentialsError(
            .invalidDocument, "the image is neither a PNG nor an SVG; Open Badges 3.0 bakes credentials only into those")
    }

    // MARK: - The credential

    /// What goes into the image: JSON text or a compact JWS.
    enum Payload {
        case json(String)
        case jwt(String)

        init(_ credential: String) throws {
            let text = credential.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("{") {
                let value: JSONValue
                do {
                    value = try JSONValue(parsing: text)
                } catch {
                    throw CredentialsError(.invalidDocument, "the credential to bake is not valid JSON (\(error))")
                }
                guard value.objectValue != nil else {
                    throw CredentialsError(.invalidDocument, "the credential to bake is not a JSON object")
                }
                // JSON carries no raw control characters; these two code points are no XML characters.
                guard !text.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) else {
                    throw CredentialsError(.invalidDocument, "the credential to bake contains U+FFFE or U+FFFF")
                }
                self = .json(text)
            } else if CredentialVerifier.looksLikeJWT(Array(text.utf8)) {
                self = .jwt(text)
            } else {
                throw CredentialsError(
                    .invalidDocument, "the credential to bake is neither JSON nor a compact JWS (header.payload.signature)")
            }
        }

        var text: String {
            switch self {
            case .json(let text), .jwt(let text): text
            }
        }
    }

    // MARK: - PNG


    /// Inserts the `iTXt` chunk after `IHDR`, once the whole datastream has checked out: signature,
    /// `IHDR` first (13 bytes), chunk lengths within the data and at most 2^31 - 1 (PNG 5.3), chunk
    /// types of four ASCII letters, every CRC right, some `IDAT`, `IEND` last with nothing after
    /// it, and no text chunk (`iTXt`, `tEXt`, `zTXt`) named `openbadgecredential` already.
    static func png(_ payload: Payload, into image: [UInt8]) throws -> [UInt8] {
        var offset = PNG.signature.count
        var chunkIndex = 0
        var sawImageData = false
        var sawEnd = false
        while offset < image.count {
            guard offset + 12 <= image.count else { throw CredentialsError(.invalidDocument, "the PNG is truncated") }
            let length = Int(readUInt32(image, offset))
            guard length <= 0x7FFF_FFFF, offset + 12 + length <= image.count else {
                throw CredentialsError(.invalidDocument, "the PNG is truncated")
            }
            let typeBytes = image[(offset + 4)..<(offset + 8)]
            guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw CredentialsError(.invalidDocument, "the PNG has a malformed chunk at byte \(offset)")
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            let data = image[(offset + 8)..<(offset + 8 + length)]
            guard CRC32.checksum(image[(offset + 4)..<(offset + 8 + length)]) == readUInt32(image, offset + 8 + length) else {
                throw CredentialsError(.invalidDocument, "the PNG's \(type) chunk at byte \(offset) fails its CRC")
            }
            if chunkIndex == 0 {
                guard type == "IHDR", length == 13 else {
                    throw CredentialsError(.invalidDocument, "the PNG does not begin with an IHDR chunk")
                }
            } else if type == "IHDR" {
                throw CredentialsError(.invalidDocument, "the PNG has more than one IHDR chunk")
            }
            switch type {
            case "iTXt", "tEXt", "zTXt":
                // Every text chunk begins with its keyword, ended by a NUL (PNG 11.3.4).
                let keyword = data.prefix(while: { $0 != 0 })
                if keyword.elementsEqual(pngKeyword.utf8) {
                    throw CredentialsError(
                        .invalidDocument,
                        "the PNG already carries a baked credential (an \(type) chunk openbadgecredential); bake into the unbaked image")
                }
            case "IDAT":
                sawImageData = true
            case "IEND":
                sawEnd = true
            default:
                break
            }
            offset += 12 + length
            chunkIndex += 1
            if sawEnd { break }
        }
        guard sawEnd else { throw CredentialsError(.invalidDocument, "the PNG is truncated (no IEND chunk)") }
        guard offset == image.count else { throw CredentialsError(.invalidDocument, "the PNG has data after its IEND chunk") }
        guard sawImageData else { throw CredentialsError(.invalidDocument, "the PNG has no image data (no IDAT chunk)") }

        // keyword, NUL, compression flag 0, compression method 0, language tag "" + NUL,
        // translated keyword "" + NUL, text (PNG 11.3.4.5).
        let chunk = PNG.chunk("iTXt", Array(pngKeyword.utf8) + [0, 0, 0, 0, 0] + Array(payload.text.utf8))
        let afterHeader = PNG.signature.count + 12 + 13
        return Array(image[..<afterHeader]) + chunk + Array(image[afterHeader...])
    }

    /// A PNG chunk: length, type, data and the CRC-32 of type and data (PNG 5.3).
    static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }


    // MARK: - SVG

    /// Adds the namespace declaration and the credential element to the root start tag, leaving
    /// the rest of the document (XML declaration, doctype, comments, the drawing) byte for byte.
    static func svg(_ payload: Payload, into image: [UInt8], root: SVGRoot) throws -> [UInt8] {
        if let encoding = root.declaredEncoding, !["utf-8", "utf8"].contains(encoding.lowercased()),
            !payload.text.utf8.allSatisfy({ $0 < 0x80 })
        {
            throw CredentialsError(
                .invalidDocument, "the SVG is encoded in \(encoding), which cannot carry this credential's non-ASCII text; use UTF-8")
        }
        var prefixes: Set<String> = ["openbadges"]
        for (name, value) in root.namespaceDeclarations(in: image) where value == svgNamespace {
            prefixes.insert(name)
        }
        for prefix in prefixes where containsStartTag(image, prefix + ":credential") {
            throw CredentialsError(
                .invalidDocument, "the SVG already carries a baked credential (a \(prefix):credential element); bake into the unbaked image")
        }

        var declaration: [UInt8] = []
        if let bound = root.attributes.first(where: { $0.name == "xmlns:openbadges" }) {
            guard bound.value == svgNamespace else {
                throw CredentialsError(
                    .invalidDocument,
                    "the SVG binds the openbadges prefix to \(bound.value), not \(svgNamespace) (an Open Badges 2.0 baked image?)")
            }
        } else {
            declaration = Array(" xmlns:openbadges=\"\(svgNamespace)\"".utf8)
        }

        let element: String
        switch payload {
        case .json(let json):
            element = "<openbadges:credential>" + cdata(json) + "</openbadges:credential>"
        case .jwt(let token):
            // A compact JWS is base64url and dots: nothing to escape in an attribute value.
            element = "<openbadges:credential verify=\"\(token)\"></openbadges:credential>"
        }

        // The declaration goes after the last attribute, before any space ending the tag.
        var attributesEnd = root.tagClose
        while isXMLSpace(image[attributesEnd - 1]) { attributesEnd -= 1 }
        var output = Array(image[..<attributesEnd]) + declaration + Array(image[attributesEnd..<root.tagClose])
        if root.selfClosing {
            // `<svg .../>` becomes `<svg ...>credential</svg>`; tagClose points at the "/".
            output += Array(">".utf8) + Array(element.utf8) + Array("</svg>".utf8)
            output += image[(root.tagClose + 2)...]
        } else {
            output += [UInt8(ascii: ">")] + Array(element.utf8)
            output += image[(root.tagClose + 1)...]
        }
        return output
    }

    /// Text in CDATA sections: a CDATA section ends at the first "]]>", so each "]]>" of the text
    /// is split across two sections ("]]" ends one, ">" begins the next), which an XML parser
    /// joins back into the same text.
    static func cdata(_ text: String) -> String {
        "<![CDATA[" + text.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }

    /// Whether `<name` occurs in the document as the start of a tag (followed by whitespace, ">"
    /// or "/"). Conservative: one inside a comment counts too, since a reader scanning for the tag
    /// (as ``BakedBadge`` does) would find it.
    static func containsStartTag(_ bytes: [UInt8], _ name: String) -> Bool {
        let needle = [UInt8(ascii: "<")] + Array(name.utf8)
        var from = 0
        while let found = firstRange(of: needle, in: bytes, from: from) {
            let next = found + needle.count
            if next >= bytes.count || isXMLSpace(bytes[next]) || bytes[next] == UInt8(ascii: ">") || bytes[next] == UInt8(ascii: "/") {
                return true
            }
            from = found + 1
        }
        return false
    }

    /// The root element of an SVG document: where its start tag ends, and its attributes.
    struct SVGRoot {
        /// The index of the start tag's closing ">" (or of the "/" of "/>").
        var tagClose: Int
        var selfClosing: Bool
        var attributes: [(name: String, value: String)]
        /// The `encoding` of the XML declaration, if any.
        var declaredEncoding: String?

        /// Reads the prolog (BOM, XML declaration, processing instructions, comments, doctype,
        /// whitespace) and the root start tag.
        /// - Returns: `nil` when the bytes do not look like XML at all (not an SVG).
        /// - Throws: ``CredentialsError`` for an XML document whose root is not `<svg>`, or a
        ///   malformed prolog or root start tag.
        init?(_ bytes: [UInt8]) throws {
            var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var encoding: String?
            var sawMarkup = false
            func malformed(_ what: String) -> CredentialsError {
                CredentialsError(.invalidDocument, "the SVG is malformed: \(what)")
            }
            while true {
                while i < bytes.count, isXMLSpace(bytes[i]) { i += 1 }
                guard i < bytes.count, bytes[i] == UInt8(ascii: "<") else {
                    if sawMarkup { throw malformed("no root element") }
                    return nil
                }
                if starts(bytes, i, "<?") {
                    guard let end = firstRange(of: Array("?>".utf8), in: bytes, from: i + 2) else {
                        throw malformed("an unterminated processing instruction")
                    }
                    if starts(bytes, i, "<?xml"), i + 5 < bytes.count, isXMLSpace(bytes[i + 5]) {
                        encoding = pseudoAttribute("encoding", in: Array(bytes[(i + 5)..<end]))
                    }
                    i = end + 2
                } else if starts(bytes, i, "<!--") {
                    guard let end = firstRange(of: Array("-->".utf8), in: bytes, from: i + 4) else {
                        throw malformed("an unterminated comment")
                    }
                    i = end + 3
                } else if starts(bytes, i, "<!DOCTYPE") {
                    i = try skipDoctype(bytes, from: i + 9)
                } else {
                    break
                }
                sawMarkup = true
            }

            // The root element's name.
            var j = i + 1
            while j < bytes.count, !isXMLSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            guard name == "svg" else {
                guard sawMarkup || name.first.map({ $0.isLetter || $0 == "_" }) == true else { return nil }
                throw CredentialsError(.invalidDocument, "the document's root element is <\(name)>, not <svg>")
            }

            // Its attributes, up to ">" or "/>".
            var attributes: [(name: String, value: String)] = []
            while true {
                while j < bytes.count, isXMLSpace(bytes[j]) { j += 1 }
                guard j < bytes.count else { throw malformed("the <svg> start tag is not closed") }
                if bytes[j] == UInt8(ascii: ">") {
                    selfClosing = false
                    break
                }
                if bytes[j] == UInt8(ascii: "/") {
                    guard j + 1 < bytes.count, bytes[j + 1] == UInt8(ascii: ">") else { throw malformed("a stray \"/\" in <svg>") }
                    selfClosing = true
                    break
                }
                let nameStart = j
                while j < bytes.count, !isXMLSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">"),
                    bytes[j] != UInt8(ascii: "/")
                {
                    j += 1
                }
                let attribute = String(decoding: bytes[nameStart..<j], as: UTF8.self)
                while j < bytes.count, isXMLSpace(bytes[j]) { j += 1 }
                guard !attribute.isEmpty, j < bytes.count, bytes[j] == UInt8(ascii: "=") else {
                    throw malformed("an attribute of <svg> without a value")
                }
                j += 1
                while j < bytes.count, isXMLSpace(bytes[j]) { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'"),
                    let end = bytes[(j + 1)...].firstIndex(of: bytes[j])
                else {
                    throw malformed("an unquoted or unterminated attribute value in <svg>")
                }
                attributes.append((attribute, String(decoding: bytes[(j + 1)..<end], as: UTF8.self)))
                j = end + 1
            }
            tagClose = j
            self.attributes = attributes
            declaredEncoding = encoding
        }

        /// Every `xmlns:prefix="namespace"` declaration in the document, on any element (a
        /// textual scan, enough to find a credential element under another prefix).
        func namespaceDeclarations(in bytes: [UInt8]) -> [(prefix: String, namespace: String)] {
            var found: [(String, String)] = []
            let needle = Array("xmlns:".utf8)
            var from = 0
            while let start = firstRange(of: needle, in: bytes, from: from) {
                from = start + needle.count
                var j = from
                while j < bytes.count, !isXMLSpace(bytes[j]), bytes[j] != UInt8(ascii: "=") { j += 1 }
                let prefix = String(decoding: bytes[from..<j], as: UTF8.self)
                while j < bytes.count, isXMLSpace(bytes[j]) || bytes[j] == UInt8(ascii: "=") { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'"),
                    let end = bytes[(j + 1)...].firstIndex(of: bytes[j])
                else { continue }
                found.append((prefix, String(decoding: bytes[(j + 1)..<end], as: UTF8.self)))
            }
            return found
        }
    }

    /// Skips a document type declaration, internal subset included; `from` is just after
    /// "<!DOCTYPE". Returns the index after its closing ">".
    static func skipDoctype(_ bytes: [UInt8], from start: Int) throws -> Int {
        var i = start
        var inSubset = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let end = bytes[(i + 1)...].firstIndex(of: byte) else { break }
                i = end + 1
                continue
            }
            if inSubset, starts(bytes, i, "<!--") {
                guard let end = firstRange(of: Array("-->".utf8), in: bytes, from: i + 4) else { break }
                i = end + 3
                continue
            }
            if byte == UInt8(ascii: "[") { inSubset = true }
            if byte == UInt8(ascii: "]") { inSubset = false }
            if byte == UInt8(ascii: ">"), !inSubset { return i + 1 }
            i += 1
        }
        throw CredentialsError(.invalidDocument, "the SVG is malformed: an unterminated doctype")
    }

    /// The value of a pseudo-attribute of the XML declaration (`encoding="UTF-8"`).
    static func pseudoAttribute(_ name: String, in bytes: [UInt8]) -> String? {
        guard let start = firstRange(of: Array(name.utf8), in: bytes, from: 0) else { return nil }
        var j = start + name.utf8.count
        while j < bytes.count, isXMLSpace(bytes[j]) || bytes[j] == UInt8(ascii: "=") { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'"),
            let end = bytes[(j + 1)...].firstIndex(of: bytes[j])
        else { return nil }
        return String(decoding: bytes[(j + 1)..<end], as: UTF8.self)
    }

    static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func starts(_ bytes: [UInt8], _ index: Int, _ prefix: String) -> Bool {
        bytes[index...].starts(with: prefix.utf8)
    }

    /// The index of the first occurrence of `needle` at or after `from`.
    static func firstRange(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = from
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    // MARK: - A default badge image

    /// A plain badge image for a credential whose achievement has none: a medallion (a circle with
    /// an inner ring) with the title wrapped over up to four lines and the issuer's name beneath,
    /// white on dark blue (a contrast ratio above 10:1), 512 × 512.
    ///
    /// It is accessible as an image (`role="img"`), named by its `<title>` (the badge title) and
    /// described by its `<desc>` (the issuer). Both strings are XML-escaped, with control
    /// characters XML cannot carry replaced by spaces; words too long for a line are broken, and a
    /// title too long for four lines ends in "…". The result can be passed to ``bake(_:into:)``.
    public static func defaultBadgeSVG(title: String, issuer: String) -> String {
        let title = normalized(title).isEmpty ? "Open Badge" : normalized(title)
        let issuer = normalized(issuer)
        let lines = wrap(title, width: 16, maxLines: 4)
        let fontSize = [44, 42, 40, 34][lines.count - 1]
        let lineHeight = fontSize * 6 / 5
        // The block of lines is centred on y = 232; a baseline sits about 0.35 em below a line's middle.
        let firstBaseline = 232 - (lines.count - 1) * lineHeight / 2 + fontSize * 35 / 100

        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512" \
            role="img" aria-labelledby="badge-title badge-desc">
              <title id="badge-title">\(xmlEscaped(title))</title>
              <desc id="badge-desc">\(xmlEscaped(issuer))</desc>
              <circle cx="256" cy="256" r="248" fill="#1D3557"/>
              <circle cx="256" cy="256" r="222" fill="none" stroke="#F1FAEE" stroke-width="6"/>
              <g fill="#F1FAEE" font-family="'Helvetica Neue', Helvetica, Arial, sans-serif" text-anchor="middle">
                <text x="256" y="\(firstBaseline)" font-size="\(fontSize)" font-weight="bold">
            """
        for (index, line) in lines.enumerated() {
            let dy = index == 0 ? "" : " dy=\"\(lineHeight)\""
            svg += "\n      <tspan x=\"256\"\(dy)>\(xmlEscaped(line))</tspan>"
        }
        svg += "\n    </text>"
        if !issuer.isEmpty {
            svg += """

                    <line x1="196" y1="336" x2="316" y2="336" stroke="#F1FAEE" stroke-width="3"/>
                    <text x="256" y="384" font-size="24">\(xmlEscaped(truncated(issuer, to: 28)))</text>
                """
        }
        svg += "\n  </g>\n</svg>\n"
        return svg
    }

    /// Whitespace runs collapsed to one space, characters XML 1.0 cannot carry (C0 controls,
    /// U+FFFE, U+FFFF) read as spaces.
    static func normalized(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { scalar -> Character in
            scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF || scalar.properties.isWhitespace
                ? " " : Character(scalar)
        }
        return String(scalars).split(separator: " ").joined(separator: " ")
    }

    /// Greedy word wrap to `width` characters a line; longer words are broken, and what does not
    /// fit in `maxLines` lines is cut, the last line ending in "…".
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            var word = Substring(word)
            while word.count > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.isEmpty { return [""] }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = String(lines[maxLines - 1].prefix(width - 1)) + "…"
        }
        return lines
    }

    static func truncated(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    /// Text escaped for XML character data and attribute values (``XMLText/escaped(_:)``).
    static func xmlEscaped(_ text: String) -> String { XMLText.escaped(text) }
}
