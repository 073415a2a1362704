import Foundation

/// The lexical forms the data model asks for: URLs, `data:` URLs, language tags and digests.
enum DataModelSyntax {
    /// Whether `text` is an absolute URL (or IRI): a scheme, a colon, something after it, and none
    /// of the characters URLs forbid (spaces, controls, `<>"{}|\^` and backtick).
    ///
    /// `did:example:123`, `urn:uuid:…`, `data:…` and `https://example.org/x` are URLs;
    /// `fake-issuer`, `https ://example.org` and `z6Mk…` are not. For the web schemes an authority
    /// with a host is required. Tabs and line breaks are ignored, as the URL Standard's parser
    /// removes them (long `data:` URLs are sometimes wrapped). Note: this is the check of VC 2.0
    /// § 4.4 ("a single URL"); it is stricter than the URL Standard about spaces in opaque paths,
    /// as an RDF IRI must be, and it does not resolve or normalize anything.
    static func isURL(_ text: String) -> Bool {
        if text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return isURL(bytes: text.utf8.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        }
        // Most are not wrapped: their UTF-8 is read in place (this runs for every IRI of every
        // credential verified).
        var text = text
        return text.withUTF8 { isURL(bytes: $0) }
    }

    /// The schemes whose URLs need an authority with a host.
    private static let webSchemes = ["http", "https", "ws", "wss", "ftp"].map { Array($0.utf8) }

    private static func isURL<Bytes: RandomAccessCollection<UInt8>>(bytes: Bytes) -> Bool where Bytes.Index == Int {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isAlpha(bytes[0]) else { return false }
        for byte in bytes[1..<colon] {
            guard isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
            else { return false }
        }
        let rest = bytes[(colon + 1)...]
        guard !rest.isEmpty else { return false }
        var fragments = 0
        var index = rest.startIndex
        while index < rest.endIndex {
            let byte = rest[index]
            switch byte {
            case 0x00...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"),
                UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                return false
            case UInt8(ascii: "#"):
                fragments += 1
                if fragments > 1 { return false }
            case UInt8(ascii: "%"):
                // A percent sign starts a percent-encoded octet.
                guard index + 2 < rest.endIndex, isHex(rest[index + 1]), isHex(rest[index + 2]) else { return false }
                index += 2
            default:
                break
            }
            index += 1
        }
        let scheme = bytes[..<colon]
        // The scheme's characters (letters, digits, "+", "-", ".") are compared with "| 0x20",
        // which lowercases letters and leaves the others as they are.
        if webSchemes.contains(where: { $0.count == scheme.count && zip($0, scheme).allSatisfy { $0 == $1 | 0x20 } }) {
            // scheme "://" host: the authority runs to the first "/", "?" or "#".
            guard rest.starts(with: "//".utf8) else { return false }
            let authority = rest.dropFirst(2).prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
            let hostAndPort = authority.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false).last ?? []
            guard let first = hostAndPort.first, first != UInt8(ascii: ":") else { return false }
        }
        return true
    }

    /// Whether `text` is a `data:` URL ([RFC 2397](https://www.rfc-editor.org/rfc/rfc2397)):
    /// `data:`, an optional media type with parameters, a comma, then the data.
    static func isDataURL(_ text: String) -> Bool {
        guard text.lowercased().hasPrefix("data:"), isURL(text), let comma = text.firstIndex(of: ",") else {
            return false
        }
        // The media type part may not hold a second "data:" or a fragment.
        let header = text[text.index(text.startIndex, offsetBy: 5)..<comma]
        return !header.contains("#")
    }

    /// Whether `tag` is a well-formed BCP 47 language tag, as far as its shape goes:
    /// `1*8ALPHA *("-" 1*8alphanum)`.
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.utf8.count), first.utf8.allSatisfy(isAlpha) else {
            return false
        }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.utf8.count) && part.utf8.allSatisfy { isAlpha($0) || isDigit($0) }
        }
    }

    /// Whether `text` is Subresource Integrity metadata: one or more `sha256-`, `sha384-` or
    /// `sha512-` hash expressions in base64, separated by spaces, each optionally followed by
    /// `?options` ([SRI § 3.5](https://www.w3.org/TR/SRI/#the-integrity-attribute)).
    static func isSRI(_ text: String) -> Bool {
        let expressions = text.split { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard !expressions.isEmpty else { return false }
        for expression in expressions {
            let hash = expression.split(separator: "?", maxSplits: 1).first ?? ""
            guard let dash = hash.firstIndex(of: "-") else { return false }
            let algorithm = hash[..<dash]
            let value = String(hash[hash.index(after: dash)...])
            let lengths = ["sha256": 32, "sha384": 48, "sha512": 64]
            guard let length = lengths[String(algorithm)], let digest = Data(base64Encoded: value), digest.count == length
            else { return false }
        }
        return true
    }

    /// Whether `text` is a multibase-encoded multihash (base58btc `z` or base64url `u`) of a
    /// SHA-2 or SHA-3 digest whose length matches its hash function
    /// ([VC Data Integrity § 2.6](https://www.w3.org/TR/vc-data-integrity/#resource-integrity)).
    static func isMultibaseDigest(_ text: String) -> Bool {
        guard let bytes = try? Multibase.decode(text), bytes.count >= 2 else { return false }
        // Multihash codes fit in one varint byte for these functions: code, length, digest.
        let lengths: [UInt8: Int] = [0x12: 32, 0x13: 64, 0x20: 48, 0x16: 32, 0x15: 48, 0x14: 64]
        guard let length = lengths[bytes[0]], Int(bytes[1]) == length, bytes.count == 2 + length else { return false }
        return true
    }

    static func isAlpha(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
}
