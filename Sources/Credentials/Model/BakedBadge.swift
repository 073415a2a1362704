import Foundation

/// Credentials baked into badge images (Open Badges 3.0, section 5.3 "Baking"): a PNG with an
/// `iTXt` chunk whose keyword is `openbadgecredential`, or an SVG with an
/// `<openbadges:credential>` element (the JSON in its content, or a JWT in its `verify` attribute).
public enum BakedBadge {
    /// The credential baked into an image, as the text of a JSON credential or a compact JWT.
    /// - Returns: `nil` when the bytes are neither a PNG nor an SVG.
    /// - Throws: ``CredentialsError/Code/invalidDocument`` for an image without a baked credential,
    ///   or a malformed one.
    public static func extract(from bytes: [UInt8], inflate: (([UInt8]) throws -> [UInt8])? = nil) throws -> String? {
        if bytes.starts(with: PNG.signature) {
            return try png(bytes, inflate: inflate)
        }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if head.contains("<svg") || head.hasPrefix("<?xml") {
            return try svg(String(decoding: bytes, as: UTF8.self))
        }
        return nil
    }

    static func png(_ bytes: [UInt8], inflate: (([UInt8]) throws -> [UInt8])?) throws -> String {
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let start = offset + 8
            guard length >= 0, start + length + 4 <= bytes.count else {
                throw CredentialsError(.invalidDocument, "the PNG is truncated")
            }
            if type == "iTXt" {
                let data = Array(bytes[start..<(start + length)])
                // keyword \0 compression-flag compression-method language \0 translated-keyword \0 text
                if let keywordEnd = data.firstIndex(of: 0), String(decoding: data[..<keywordEnd], as: UTF8.self) == "openbadgecredential",
                    keywordEnd + 2 < data.count
                {
                    let compressed = data[keywordEnd + 1] == 1
                    var cursor = keywordEnd + 3
                    for _ in 0..<2 {
                        guard let end = data[cursor...].firstIndex(of: 0) else {
                            throw CredentialsError(.invalidDocument, "the PNG's openbadgecredential chunk is malformed")
                        }
                        cursor = end + 1
                    }
                    var text = Array(data[cursor...])
                    if compressed {
                        guard let inflate else {
                            throw CredentialsError(.invalidDocument, "the PNG's baked credential is compressed")
                        }
                        text = try inflate(text)
                    }
                    return String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
            if type == "IEND" { break }
            offset = start + length + 4
        }
        throw CredentialsError(.invalidDocument, "the PNG has no baked credential (no openbadgecredential iTXt chunk)")
    }

    static func svg(_ text: String) throws -> String {
        guard let open = text.range(of: "<openbadges:credential") else {
            throw CredentialsError(.invalidDocument, "the SVG has no baked credential (no openbadges:credential element)")
        }
        guard let tagEnd = text[open.upperBound...].firstIndex(of: ">") else {
            throw CredentialsError(.invalidDocument, "the SVG's openbadges:credential element is malformed")
        }
        let attributes = text[open.upperBound..<tagEnd]
        if let verify = attributes.range(of: "verify=") {
            let rest = attributes[verify.upperBound...]
            guard let quote = rest.first, quote == "\"" || quote == "'",
                let end = rest.dropFirst().firstIndex(of: quote)
            else {
                throw CredentialsError(.invalidDocument, "the SVG's verify attribute is malformed")
            }
            return String(rest[rest.index(after: rest.startIndex)..<end])
        }
        if attributes.hasSuffix("/") { throw CredentialsError(.invalidDocument, "the SVG's openbadges:credential element is empty") }
        guard let close = text[tagEnd...].range(of: "</openbadges:credential>") else {
            throw CredentialsError(.invalidDocument, "the SVG's openbadges:credential element is not closed")
        }
        let content = try characterData(text[text.index(after: tagEnd)..<close.lowerBound])
        return content.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text of an element's content as an XML parser reports it: CDATA sections joined (a
    /// baker splits a `]]>` in the JSON across two sections) and character references and the
    /// five predefined entities outside them decoded.
    static func characterData(_ content: Substring) throws -> String {
        var output = ""
        var rest = content
        while !rest.isEmpty {
            if rest.hasPrefix("<![CDATA[") {
                let body = rest.dropFirst(9)
                guard let end = body.range(of: "]]>") else {
                    throw CredentialsError(.invalidDocument, "the SVG's openbadges:credential has an unclosed CDATA section")
                }
                output += body[..<end.lowerBound]
                rest = body[end.upperBound...]
            } else if rest.hasPrefix("<") {
                throw CredentialsError(.invalidDocument, "the SVG's openbadges:credential holds markup, not a credential")
            } else if rest.hasPrefix("&") {
                guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semicolon) <= 10 else {
                    throw CredentialsError(.invalidDocument, "the SVG's openbadges:credential has a malformed entity reference")
                }
                let name = rest[rest.index(after: rest.startIndex)..<semicolon]
                let predefined: [Substring: Character] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"]
                if let character = predefined[name] {
                    output.append(character)
                } else if name.hasPrefix("#x"), let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                    output.unicodeScalars.append(scalar)
                } else if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) {
                    output.unicodeScalars.append(scalar)
                } else {
                    throw CredentialsError(.invalidDocument, "the SVG's openbadges:credential uses an unknown entity &\(name);")
                }
                rest = rest[rest.index(after: semicolon)...]
            } else {
                let next = rest.firstIndex { $0 == "<" || $0 == "&" } ?? rest.endIndex
                output += rest[..<next]
                rest = rest[next...]
            }
        }
        return output
    }
}


