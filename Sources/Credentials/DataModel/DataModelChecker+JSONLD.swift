import LinkedData

/// The rules that need JSON-LD processing: each context is processable (VC 2.0 § 4.3), no context
/// redefines a protected term (§ 5.2), and every term and type maps to a URL (§ 4.5, § 5.2).
extension DataModelChecker {
    /// Expands `document` in safe mode with `loader` and reports what fails.
    ///
    /// Context URLs the loader does not serve are reported one by one first, with their paths; then
    /// an expansion error becomes one violation naming the JSON-LD error; then the expanded
    /// document's types and properties must be well-formed URLs.
    mutating func checkJSONLD(_ document: JSONObject, loader: any DocumentLoader) {
        let document = Self.withoutProofs(document)
        var unavailable = false
        for (url, path) in Self.contextURLs(in: .object(document), at: "") {
            do {
                _ = try loader.loadDocument(at: url)
            } catch {
                report(.contextUnavailable, at: path, url)
                unavailable = true
            }
        }
        if unavailable { return }

        let expanded: JSONValue
        do {
            expanded = try JSONLDProcessor(loader: loader, options: .credential).expand(.object(document))
        } catch let error as JSONLDError {
            let rule = Self.rule(for: error.code)
            report(rule, at: "", rule == .contextUnavailable ? Self.failedURL(of: error) : Self.detail(of: error))
            return
        } catch {
            report(.jsonLDInvalid, at: "", "\(error)")
            return
        }
        var malformed: [String] = []
        Self.collectMalformedIRIs(in: expanded, into: &malformed)
        for iri in malformed { report(.termNotURL, at: "", iri) }
    }

    /// The document without its proofs, nor those of the credentials it carries.
    ///
    /// The data model's rules are about the secured information, which a securing mechanism
    /// returns "without including any securing mechanism information, such as proof" (VC 2.0
    /// § 5.13); the terms of a proof graph are its securing mechanism's to define and check. Note:
    /// `proof-type` still requires each proof to have a type.
    static func withoutProofs(_ document: JSONObject) -> JSONObject {
        var document = document
        document.removeValue(forKey: "proof")
        if let credentials = document["verifiableCredential"] {
            func strip(_ value: JSONValue) -> JSONValue {
                guard case .object(let credential) = value else { return value }
                return .object(withoutProofs(credential))
            }
            document["verifiableCredential"] = credentials.arrayValue.map { .array($0.map(strip)) } ?? strip(credentials)
        }
        return document
    }

    /// The URL in a `loading remote context failed` error ("URL: reason"), or the whole message.
    static func failedURL(of error: JSONLDError) -> String {
        guard let separator = error.message.range(of: ": ") else { return error.message }
        return String(error.message[..<separator.lowerBound])
    }

    /// The context URLs written anywhere in the document (the top's and each embedded
    /// credential's), with their paths.
    static func contextURLs(in value: JSONValue, at path: String) -> [(url: String, path: String)] {
        var found: [(String, String)] = []
        switch value {
        case .object(let object):
            for (key, child) in object {
                let childPath = member(path, key)
                if key == "@context" {
                    for (item, itemPath) in items(child, at: childPath) {
                        if let url = item.stringValue { found.append((url, itemPath)) }
                    }
                } else {
                    found += contextURLs(in: child, at: childPath)
                }
            }
        case .array(let values):
            for (index, item) in values.enumerated() { found += contextURLs(in: item, at: "\(path)[\(index)]") }
        default:
            break
        }
        return found
    }

    static func rule(for code: JSONLDError.Code) -> DataModelRule {
        switch code {
        case .protectedTermRedefinition:
            return .contextRedefinition
        case .loadingDocumentFailed, .loadingRemoteContextFailed:
            return .contextUnavailable
        case .safeModeViolation:
            return .termUndefined
        case .invalidLocalContext, .invalidRemoteContext, .invalidContextEntry, .invalidContextNullification,
            .invalidTermDefinition, .invalidIRIMapping, .keywordRedefinition, .invalidVocabMapping, .invalidBaseIRI,
            .invalidContainerMapping, .invalidTypeMapping, .invalidScopedContext, .contextOverflow, .cyclicIRIMapping,
            .invalidKeywordAlias, .invalidReverseProperty, .invalidLanguageMapping, .invalidPrefixValue,
            .invalidPropagateValue, .invalidProtectedValue, .invalidVersionValue, .invalidImportValue,
            .invalidDefaultLanguage, .invalidBaseDirection, .processingModeConflict, .invalidNestValue:
            return .contextInvalid
        default:
            return .jsonLDInvalid
        }
    }

    /// The JSON-LD error for a message argument: the protected term alone when that is the error,
    /// otherwise the error code and its explanation.
    static func detail(of error: JSONLDError) -> String {
        let prefix = "the protected term ", suffix = " cannot be redefined"
        if error.code == .protectedTermRedefinition, error.message.hasPrefix(prefix), error.message.hasSuffix(suffix) {
            return String(error.message.dropFirst(prefix.count).dropLast(suffix.count))
        }
        return error.description
    }

    /// Types and property IRIs of the expanded document that are not well-formed URLs (a term
    /// mapped to `https ://…`, say). Keywords and blank node identifiers are left alone, and so are
    /// the insides of value objects, which may hold JSON literals.
    static func collectMalformedIRIs(in value: JSONValue, into found: inout [String]) {
        func note(_ iri: String) {
            if !iri.hasPrefix("@"), !iri.hasPrefix("_:"), !DataModelSyntax.isURL(iri), !found.contains(iri) {
                found.append(iri)
            }
        }
        switch value {
        case .array(let values):
            for item in values { collectMalformedIRIs(in: item, into: &found) }
        case .object(let object):
            for (key, member) in object {
                switch key {
                case "@value", "@id", "@language", "@direction", "@index":
                    continue
                case "@type":
                    for type in member.asArray { if let iri = type.stringValue { note(iri) } }
                default:
                    note(key)
                    collectMalformedIRIs(in: member, into: &found)
                }
            }
        default:
            break
        }
    }
}
