import Foundation
import LinkedData

/// Open Badges 2.0 assertions baked into badge images (Open Badges Baking Specification 1.0):
/// a PNG `iTXt` chunk with keyword `openbadges` (or, in pre-2013 badges, a `tEXt` chunk holding
/// the hosted assertion's URL), or an SVG `<openbadges:assertion>` element of the namespace
/// `http://openbadges.org`, with the assertion JSON in its content or a URL or JWS in its `verify`
/// attribute. ``BakedBadge`` reads the Open Badges 3.0 form.
public enum OpenBadges2Baked {
    /// What an image carries.
    public enum Content: Sendable, Hashable {
        /// The URL of a hosted assertion.
        case url(String)
        /// A signed assertion (compact JWS).
        case jws(String)
        /// The text of an assertion's JSON.
        case json(String)
    }

    /// The namespace of the SVG element.
    public static let namespace = "http://openbadges.org"
    /// The largest baked text read, in bytes.
    public static let maxTextBytes = 1 << 20

    /// The assertion baked into an image.
    /// - Returns: `nil` when the bytes are neither a PNG nor an SVG.
    /// - Throws: ``CredentialsError/Code/invalidDocument`` for an image without an Open Badges 2.0
    ///   assertion, or a malformed one.
    public static func extract(from bytes: [UInt8]) throws -> Content? {
        if bytes.starts(with: PNG.signature) {
            return try classify(png(bytes))
        }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if head.contains("<svg") || head.hasPrefix("<?xml") {
            return try svg(String(decoding: bytes, as: UTF8.self))
        }
        return nil
    }

    /// Tells a URL, a compact JWS and JSON apart.
    /// - Throws: ``CredentialsError/Code/invalidDocument`` for text that is none of them.
    public static func classify(_ text: String) throws -> Content {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") { return .json(trimmed) }
        if CredentialVerifier.looksLikeJWT(Array(trimmed.utf8)) { return .jws(trimmed) }
        let lower = trimmed.lowercased()
        if (lower.hasPrefix("https://") || lower.hasPrefix("http://")), !trimmed.contains(where: \.isWhitespace) {
            return .url(trimmed)
        }
        throw CredentialsError(.invalidDocument, "the baked text is neither an assertion URL, a JWS nor JSON")
    }

    /// The text of the first `openbadges` chunk: `iTXt` (the specification's), `tEXt` (legacy,
    /// Latin-1) or `zTXt`.
    static func png(_ bytes: [UInt8]) throws -> String {
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let start = offset + 8
            guard start + length + 4 <= bytes.count else {
                throw CredentialsError(.invalidDocument, "the PNG is truncated")
            }
            let data = bytes[start..<(start + length)]
            if ["iTXt", "tEXt", "zTXt"].contains(type), let keywordEnd = data.firstIndex(of: 0),
                String(decoding: data[..<keywordEnd], as: UTF8.self) == "openbadges"
            {
                let text = try chunkText(type, data[(keywordEnd + 1)...])
                guard text.count <= maxTextBytes else {
                    throw CredentialsError(.invalidDocument, "the PNG's baked assertion is larger than \(maxTextBytes) bytes")
                }
                return text
            }
            if type == "IEND" { break }
            offset = start + length + 4
        }
        throw CredentialsError(.invalidDocument, "the PNG has no baked Open Badges 2.0 assertion (no openbadges chunk)")
    }

    /// The text of a text chunk after its keyword and separator.
    static func chunkText(_ type: String, _ rest: ArraySlice<UInt8>) throws -> String {
        func inflate(_ data: ArraySlice<UInt8>) throws -> [UInt8] {
            try ZLib.inflate(Array(data), maxOutput: maxTextBytes)
        }
        switch type {
        case "tEXt":
            // Latin-1: each byte is the code point of the same value.
            return String(String.UnicodeScalarView(rest.map { Unicode.Scalar($0) }))
        case "zTXt":
            guard let method = rest.first, method == 0 else {
                throw CredentialsError(.invalidDocument, "the PNG's openbadges zTXt chunk is malformed")
            }
            return String(String.UnicodeScalarView(try inflate(rest.dropFirst()).map { Unicode.Scalar($0) }))
        default:
            // iTXt: compression flag, compression method, language tag \0, translated keyword \0, text.
            guard rest.count >= 2 else { throw CredentialsError(.invalidDocument, "the PNG's openbadges iTXt chunk is malformed") }
            let compressed = rest[rest.startIndex] == 1
            var cursor = rest.startIndex + 2
            for _ in 0..<2 {
                guard let end = rest[cursor...].firstIndex(of: 0) else {
                    throw CredentialsError(.invalidDocument, "the PNG's openbadges iTXt chunk is malformed")
                }
                cursor = end + 1
            }
            let text = compressed ? try inflate(rest[cursor...]) : Array(rest[cursor...])
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// The assertion of the first `assertion` element of the Open Badges namespace: its content
    /// when it has any (the JSON), else its `verify` attribute (a URL or a JWS).
    static func svg(_ text: String) throws -> Content {
        // The prefix the document binds to the namespace; bakers write `openbadges`.
        var prefixes = Set<Substring>()
        var search = text[...]
        while let xmlns = search.range(of: "xmlns:") {
            let rest = search[xmlns.upperBound...]
            let name = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" }
            if let value = try? attributeValue(rest.dropFirst(name.count)), value.value == namespace || value.value == namespace + "/" {
                prefixes.insert(name)
            }
            search = rest
        }
        if prefixes.isEmpty { prefixes = ["openbadges"] }
        var first: (range: Range<String.Index>, prefix: Substring)? = nil
        for prefix in prefixes {
            var from = text.startIndex
            while let found = text[from...].range(of: "<\(prefix):assertion") {
                let next = text[found.upperBound...].first
                if next == nil || next!.isWhitespace || next == ">" || next == "/" {
                    if first == nil || found.lowerBound < first!.range.lowerBound { first = (found, prefix) }
                    break
                }
                from = found.upperBound
            }
        }
        guard let (open, prefix) = first else {
            throw CredentialsError(.invalidDocument, "the SVG has no baked Open Badges 2.0 assertion (no openbadges:assertion element)")
        }
        let (attributes, selfClosing, contentStart) = try readAttributes(text[open.upperBound...])
        if !selfClosing {
            guard let close = text[contentStart...].range(of: "</\(prefix):assertion") else {
                throw CredentialsError(.invalidDocument, "the SVG's openbadges:assertion element is not closed")
            }
            let content = try BakedBadge.characterData(text[contentStart..<close.lowerBound])
            if !content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                let json = content.trimmingCharacters(in: .whitespacesAndNewlines)
                guard json.utf8.count <= maxTextBytes else {
                    throw CredentialsError(.invalidDocument, "the SVG's baked assertion is larger than \(maxTextBytes) bytes")
                }
                return .json(json)
            }
        }
        guard let verify = attributes["verify"] else {
            throw CredentialsError(.invalidDocument, "the SVG's openbadges:assertion element has neither content nor a verify attribute")
        }
        return try classify(verify)
    }

    /// The attributes of a start tag, read from just after its name; whether it closes itself;
    /// and where its content starts.
    static func readAttributes(_ text: Substring) throws -> ([String: String], Bool, String.Index) {
        var attributes: [String: String] = [:]
        var rest = text
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard let character = rest.first else {
                throw CredentialsError(.invalidDocument, "the SVG's openbadges:assertion tag is not closed")
            }
            if character == ">" { return (attributes, false, rest.index(after: rest.startIndex)) }
            if rest.hasPrefix("/>") { return (attributes, true, rest.index(rest.startIndex, offsetBy: 2)) }
            let name = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }
            guard !name.isEmpty else { throw CredentialsError(.invalidDocument, "the SVG's openbadges:assertion tag is malformed") }
            let (value, end) = try attributeValue(rest.dropFirst(name.count))
            attributes[String(name)] = value
            rest = rest[end...]
        }
    }

    /// An attribute's `= "value"`, its character references and entities decoded, and where it ends.
    static func attributeValue(_ text: Substring) throws -> (value: String, end: String.Index) {
        let afterEquals = text.drop { $0.isWhitespace }
        guard afterEquals.first == "=" else { throw CredentialsError(.invalidDocument, "the SVG has an attribute without a value") }
        let quoted = afterEquals.dropFirst().drop { $0.isWhitespace }
        guard let quote = quoted.first, quote == "\"" || quote == "'",
            let end = quoted.dropFirst().firstIndex(of: quote)
        else {
            throw CredentialsError(.invalidDocument, "the SVG has a malformed attribute value")
        }
        let raw = quoted[quoted.index(after: quoted.startIndex)..<end]
        guard !raw.contains("<") else { throw CredentialsError(.invalidDocument, "the SVG has a malformed attribute value") }
        return (try BakedBadge.characterData(raw), quoted.index(after: end))
    }
}

extension OpenBadges2Input {
    /// Whether `bytes` are an Open Badges 2.0 (or 1.x) assertion rather than a Verifiable
    /// Credential: an image baked the 2.0 way, the URL of a hosted assertion, JSON whose
    /// `@context` is Open Badges' (`https://w3id.org/openbadges/…`, not the OB 3.0 VC context), or
    /// a JWS carrying such JSON. Anything else goes to the Verifiable Credential verifier.
    public static func isOpenBadges2(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || String(decoding: bytes.prefix(4096), as: UTF8.self).contains("<svg") {
            // An image with an OB 3.0 credential is not 2.0, whatever else it carries.
            if (try? BakedBadge.extract(from: bytes, inflate: { try ZLib.inflate($0) })) != nil { return false }
            return (try? OpenBadges2Baked.extract(from: bytes)) != nil
        }
        let text = String(decoding: bytes.prefix(1 << 20), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("https://") || text.hasPrefix("http://") {
            return !text.contains(where: \.isWhitespace)
        }
        var json = text
        if CredentialVerifier.looksLikeJWT(Array(text.utf8)) {
            let parts = text.split(separator: ".")
            guard let payload = try? Base64URL.decode(String(parts[1])) else { return false }
            json = String(decoding: payload, as: UTF8.self)
        }
        guard json.hasPrefix("{"), let value = try? JSONValue(parsing: Array(json.utf8), limits: .credential) else { return false }
        let contexts = value["@context"]?.asArray.compactMap(\.stringValue) ?? []
        return contexts.contains { $0.hasPrefix("https://w3id.org/openbadges/v") || $0.hasPrefix("http://w3id.org/openbadges/v") }
            || (contexts.isEmpty && value["type"]?.asArray.contains("Assertion") == true && value["verification"] != nil)
    }
}
