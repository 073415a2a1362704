/// IRI and keyword helpers for the JSON-LD algorithms: keyword recognition, the "form of an IRI"
/// tests, well-formedness for RDF, and reference resolution ([RFC 3986 § 5.2](https://www.rfc-editor.org/rfc/rfc3986#section-5.2)).
enum IRI {
    /// The keywords of JSON-LD 1.1 ([JSON-LD 1.1 § 1.7](https://www.w3.org/TR/json-ld11/#keywords)).
    static let keywords: Set<String> = [
        "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included",
        "@index", "@json", "@language", "@list", "@nest", "@none", "@prefix", "@propagate",
        "@protected", "@reverse", "@set", "@type", "@value", "@version", "@vocab",
    ]

    static func isKeyword(_ value: String) -> Bool {
        value.utf8.first == UInt8(ascii: "@") && keywords.contains(value)
    }

    /// Whether `value` has the form of a keyword: `"@" 1*ALPHA` (API § 4.2.2, step 5).
    static func hasKeywordForm(_ value: String) -> Bool {
        var bytes = value.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "@") else { return false }
        var count = 0
        while let byte = bytes.next() {
            guard isAlpha(byte) else { return false }
            count += 1
        }
        return count > 0
    }

    /// Whether `value` starts with a scheme and a colon, or is a blank node identifier: the
    /// "form of an IRI" the algorithms test for (RFC 3987 § 2.2, `scheme ":"`).
    static func isAbsolute(_ value: String) -> Bool {
        var bytes = value.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first == UInt8(ascii: "_") { return bytes.next() == UInt8(ascii: ":") }
        guard isAlpha(first) else { return false }
        while let byte = bytes.next() {
            if byte == UInt8(ascii: ":") { return true }
            guard isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
            else { return false }
        }
        return false
    }

    static func isBlankNode(_ value: String) -> Bool {
        value.utf8.starts(with: "_:".utf8)
    }

    /// Whether `value` is a well-formed absolute IRI for RDF: a scheme and no characters that IRIs
    /// forbid (spaces, controls, `<>"{}|\^` and backtick).
    static func isWellFormed(_ value: String) -> Bool {
        guard !isBlankNode(value), isAbsolute(value) else { return false }
        var fragment = false
        var bytes = value.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case 0x00...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"),
                UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                return false
            case UInt8(ascii: "#"):
                // Only one fragment.
                if fragment { return false }
                fragment = true
            case UInt8(ascii: "%"):
                // A percent sign starts a percent-encoded octet.
                guard let high = bytes.next(), let low = bytes.next(), isHexDigit(high), isHexDigit(low) else {
                    return false
                }
            default: continue
            }
        }
        return true
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    /// Whether `value` is an IRI or a blank node identifier that may be an RDF subject or object.
    static func isWellFormedResource(_ value: String) -> Bool {
        isBlankNode(value) ? value.utf8.count > 2 : isWellFormed(value)
    }

    /// Whether `tag` is a well-formed BCP 47 language tag, as far as RDF needs:
    /// `1*8ALPHA *("-" 1*8alphanum)`.
    static func isWellFormedLanguageTag(_ tag: String) -> Bool {
        var count = 0
        var first = true
        for byte in tag.utf8 {
            if byte == UInt8(ascii: "-") {
                if count == 0 { return false }
                first = false
                count = 0
                continue
            }
            guard isAlpha(byte) || (!first && isDigit(byte)) else { return false }
            count += 1
            if count > 8 { return false }
        }
        return count > 0
    }

    /// Whether `iri` ends with an RFC 3986 gen-delim: `:/?#[]@`.
    static func endsWithGenDelim(_ iri: String) -> Bool {
        guard let last = iri.utf8.last else { return false }
        return ":/?#[]@".utf8.contains(last)
    }

    static func isAlpha(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    // MARK: - Resolution

    /// The components of a URI reference (RFC 3986 § 3, Appendix B).
    struct Components {
        var scheme: Substring?
        var authority: Substring?
        var path: Substring
        var query: Substring?
        var fragment: Substring?

        init(_ reference: String) {
            var rest = reference[...]
            if let hash = rest.firstIndex(of: "#") {
                fragment = rest[rest.index(after: hash)...]
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = rest[rest.index(after: question)...]
                rest = rest[..<question]
            }
            if let colon = rest.firstIndex(of: ":"), colon != rest.startIndex,
                !rest[..<colon].contains(where: { $0 == "/" })
            {
                let candidate = rest[..<colon]
                if candidate.utf8.allSatisfy({ IRI.isAlpha($0) || IRI.isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }),
                    IRI.isAlpha(candidate.utf8.first!)
                {
                    scheme = candidate
                    rest = rest[rest.index(after: colon)...]
                }
            }
            if rest.hasPrefix("//") {
                let start = rest.index(rest.startIndex, offsetBy: 2)
                let end = rest[start...].firstIndex(of: "/") ?? rest.endIndex
                authority = rest[start..<end]
                rest = rest[end...]
            }
            path = rest
        }

        var recomposed: String {
            var result = ""
            if let scheme { result += scheme + ":" }
            if let authority { result += "//" + authority }
            result += path
            if let query { result += "?" + query }
            if let fragment { result += "#" + fragment }
            return result
        }
    }

    /// `reference` resolved against `base` (RFC 3986 § 5.2.2), without normalization; `reference`
    /// unchanged when there is no base.
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base else { return reference }
        let r = Components(reference)
        if r.scheme != nil {
            var t = r
            t.path = removeDotSegments(r.path)[...]
            return t.recomposed
        }
        let b = Components(base)
        var t = r
        t.scheme = b.scheme
        if r.authority != nil {
            t.path = removeDotSegments(r.path)[...]
        } else {
            t.authority = b.authority
            if r.path.isEmpty {
                t.path = b.path
                t.query = r.query ?? b.query
            } else if r.path.hasPrefix("/") {
                t.path = removeDotSegments(r.path)[...]
            } else {
                // RFC 3986 § 5.2.3, merge paths.
                let merged: String
                if b.authority != nil && b.path.isEmpty {
                    merged = "/" + r.path
                } else if let slash = b.path.lastIndex(of: "/") {
                    merged = String(b.path[...slash]) + r.path
                } else {
                    merged = String(r.path)
                }
                t.path = removeDotSegments(merged[...])[...]
            }
        }
        return t.recomposed
    }

    /// RFC 3986 § 5.2.4, Remove Dot Segments.
    static func removeDotSegments(_ path: Substring) -> String {
        guard path.utf8.contains(UInt8(ascii: ".")) else { return String(path) }
        var input = path
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                // Move the first segment, with its leading "/" if any, to the output.
                let start = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[start...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[input.startIndex..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }
}
