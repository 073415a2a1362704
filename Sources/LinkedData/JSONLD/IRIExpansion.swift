/// The IRI Expansion algorithm
/// ([JSON-LD 1.1 API § 5.2.2](https://www.w3.org/TR/json-ld11-api/#algorithm-4)).
extension JSONLDEngine {
    /// `value` expanded to an IRI, a blank node identifier or a keyword; `nil` when it maps to
    /// nothing (a keyword-like string, or a term defined as `null`).
    ///
    /// - Parameters:
    ///   - documentRelative: Resolve a relative IRI reference against the base IRI.
    ///   - vocab: Terms and the vocabulary mapping apply.
    ///   - scope: During context processing, the local context whose terms are defined on demand.
    func expandIRI(
        _ value: String, active: ActiveContext, documentRelative: Bool = false, vocab: Bool = false,
        scope: TermScope? = nil
    ) throws -> String? {
        // 1. Keywords are returned as they are.
        if IRI.isKeyword(value) { return value }
        // 2. Other strings with the form of a keyword map to nothing.
        if IRI.hasKeywordForm(value) { return nil }
        // 3. Define the term first if the local context being processed has it.
        if let scope, scope.local[value] != nil, scope.defined[value] != true {
            try createTermDefinition(value, in: active, scope: scope)
        }
        if let definition = active.terms[value] {
            // 4. A keyword alias.
            if let iri = definition.iri, IRI.isKeyword(iri) { return iri }
            // 5. A term, when vocabulary-relative.
            if vocab { return definition.iri }
        }
        // 6. A compact IRI, an IRI or a blank node identifier.
        if let colon = value.utf8.firstIndex(of: UInt8(ascii: ":")), colon != value.utf8.startIndex {
            // 6.1
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            // 6.2 A blank node identifier or an IRI with an authority.
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            // 6.3
            if let scope, scope.local[prefix] != nil, scope.defined[prefix] != true {
                try createTermDefinition(prefix, in: active, scope: scope)
            }
            // 6.4 A compact IRI whose prefix is a prefix term.
            if let definition = active.terms[prefix], let iri = definition.iri, definition.prefix {
                return iri + suffix
            }
            // 6.5 An IRI.
            if IRI.isAbsolute(value) { return value }
        }
        // 7. Relative to the vocabulary mapping.
        if vocab, let vocabulary = active.vocab { return vocabulary + value }
        // 8. Relative to the base IRI.
        if documentRelative { return IRI.resolve(value, against: active.baseIRI) }
        // 9.
        return value
    }
}
