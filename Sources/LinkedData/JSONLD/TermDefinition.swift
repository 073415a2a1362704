/// The Create Term Definition algorithm
/// ([JSON-LD 1.1 API § 4.2.2](https://www.w3.org/TR/json-ld11-api/#algorithm-0)).
extension JSONLDEngine {
    /// Defines `term` in `active` from its entry in `scope.local`.
    func createTermDefinition(_ term: String, in active: ActiveContext, scope: TermScope) throws {
        // 1. Already defined, or being defined (a cycle).
        if let state = scope.defined[term] {
            if state { return }
            throw JSONLDError(.cyclicIRIMapping, "the definition of \(term) depends on itself")
        }
        // 2. The empty term cannot be defined.
        if term.isEmpty { throw JSONLDError(.invalidTermDefinition, "the empty string cannot be a term") }
        // Note: a definition that uses another term of the same context (`"a": "b:x"`) defines
        // that term first, recursively; a long chain of them would exhaust the stack, so the chain
        // counts toward the depth limit with the nesting of the context itself.
        scope.pending += 1
        defer { scope.pending -= 1 }
        if scope.depth + scope.pending > options.maxDepth {
            throw JSONLDError(
                .depthLimitExceeded, "term definitions depend on one another more than \(options.maxDepth) levels deep")
        }
        scope.defined[term] = false
        // 3.
        var value = scope.local[term] ?? .null
        // 4. @type may only be given @container: @set and @protected.
        if term == "@type" {
            if isJSONLD10 { throw JSONLDError(.keywordRedefinition, "@type cannot be redefined in json-ld-1.0") }
            guard case .object(let object) = value, !object.isEmpty,
                object.keys.allSatisfy({ $0 == "@container" || $0 == "@protected" }),
                object["@container"].map({ $0 == "@set" || $0 == ["@set"] }) ?? true
            else {
                throw JSONLDError(.keywordRedefinition, "@type may only be given \"@container\": \"@set\" and @protected")
            }
        } else if IRI.isKeyword(term) {
            // 5. Keywords cannot be redefined.
            throw JSONLDError(.keywordRedefinition, "the keyword \(term) cannot be redefined")
        } else if IRI.hasKeywordForm(term) {
            // Note: `defined` is settled so that a later reference is not taken for a cycle.
            scope.defined[term] = true
            try safeModeCheck("the term \(term) has the form of a keyword and is ignored")
            return
        }
        // 6. Remove any previous definition.
        let previous = active.terms.removeValue(forKey: term)
        // 7-9. Normalize the value to a map.
        let simpleTerm: Bool
        switch value {
        case .null:
            value = ["@id": .null]
            simpleTerm = false
        case .string:
            value = ["@id": value]
            simpleTerm = true
        case .object:
            simpleTerm = false
        default:
            throw JSONLDError(.invalidTermDefinition, "the definition of \(term) must be a string, an object or null")
        }
        let entries = value.objectValue!
        // 10. A new definition.
        var definition = TermDefinition()
        definition.protected = scope.protected
        // 11. @protected.
        if let protected = entries["@protected"] {
            guard case .bool(let flag) = protected else {
                throw JSONLDError(.invalidProtectedValue, "@protected of \(term) must be true or false")
            }
            if isJSONLD10 { throw JSONLDError(.invalidTermDefinition, "@protected in json-ld-1.0 processing mode") }
            definition.protected = flag
        }
        // 12. @type: the type mapping.
        if let typeValue = entries["@type"] {
            guard case .string(let type) = typeValue else {
                throw JSONLDError(.invalidTypeMapping, "@type of \(term) must be a string")
            }
            // Note: expanded as vocabulary-relative, as jsonld.js does.
            let expanded = try expandIRI(type, active: active, vocab: true, scope: scope)
            if (expanded == "@json" || expanded == "@none") && isJSONLD10 {
                throw JSONLDError(.invalidTypeMapping, "@type \(type) of \(term) in json-ld-1.0 processing mode")
            }
            guard let expanded,
                ["@id", "@json", "@none", "@vocab"].contains(expanded)
                    || (IRI.isAbsolute(expanded) && !IRI.isBlankNode(expanded))
            else {
                throw JSONLDError(.invalidTypeMapping, "@type \(type) of \(term) is not an IRI, @id, @json, @none or @vocab")
            }
            definition.typeMapping = expanded
        }
        // 13. @reverse: a reverse property.
        if let reverseValue = entries["@reverse"] {
            // 13.1
            if entries["@id"] != nil || entries["@nest"] != nil {
                throw JSONLDError(.invalidReverseProperty, "\(term) has @reverse with @id or @nest")
            }
            // 13.2
            guard case .string(let reverse) = reverseValue else {
                throw JSONLDError(.invalidIRIMapping, "@reverse of \(term) must be a string")
            }
            // 13.3
            if IRI.hasKeywordForm(reverse) {
                scope.defined[term] = true
                try safeModeCheck("@reverse \(reverse) of \(term) has the form of a keyword and is ignored")
                return
            }
            // 13.4
            let iri = try expandIRI(reverse, active: active, vocab: true, scope: scope)
            guard let iri, iri.utf8.contains(UInt8(ascii: ":")) else {
                throw JSONLDError(.invalidIRIMapping, "@reverse \(reverse) of \(term) is not an IRI or blank node identifier")
            }
            definition.iri = iri
            // 13.5
            if let container = entries["@container"] {
                switch container {
                case .null: break
                case "@set": definition.container = .set
                case "@index": definition.container = .index
                default:
                    throw JSONLDError(.invalidReverseProperty, "a reverse property's @container must be @set, @index or null")
                }
            }
            // 13.6
            definition.reverse = true
            // Note: an index mapping is taken here too (step 20), as a reverse property may be an
            // index container.
            if let indexValue = entries["@index"] {
                definition.index = try indexMapping(indexValue, term: term, container: definition.container, active: active, scope: scope)
            }
            // 13.7 Note: protection is checked here too (step 27), which the spec's early return skips.
            try finish(term, definition, previous: previous, in: active, scope: scope)
            return
        }
        // 14. @id other than the term itself.
        if let idValue = entries["@id"], idValue != .string(term) {
            if case .null = idValue {
                // 14.1 Kept only to detect redefinitions.
            } else {
                // 14.2.1
                guard case .string(let id) = idValue else {
                    throw JSONLDError(.invalidIRIMapping, "@id of \(term) must be a string or null")
                }
                // 14.2.2
                if !IRI.isKeyword(id) && IRI.hasKeywordForm(id) {
                    scope.defined[term] = true
                    try safeModeCheck("@id \(id) of \(term) has the form of a keyword and is ignored")
                    return
                }
                // 14.2.3
                let iri = try expandIRI(id, active: active, vocab: true, scope: scope)
                guard let iri, IRI.isKeyword(iri) || iri.utf8.contains(UInt8(ascii: ":")) else {
                    throw JSONLDError(.invalidIRIMapping, "@id \(id) of \(term) is not a keyword, IRI or blank node identifier")
                }
                if iri == "@context" {
                    throw JSONLDError(.invalidKeywordAlias, "\(term) cannot be an alias of @context")
                }
                definition.iri = iri
                // 14.2.4 A term that looks like an IRI must expand to its own @id.
                let innerColon = term.utf8.count > 2 && term.utf8.dropFirst().dropLast().contains(UInt8(ascii: ":"))
                if innerColon || term.utf8.contains(UInt8(ascii: "/")) {
                    try checkTermExpandsToItself(term, iri: iri, active: active, scope: scope)
                } else if !term.utf8.contains(UInt8(ascii: ":")) && simpleTerm && (IRI.endsWithGenDelim(iri) || IRI.isBlankNode(iri)) {
                    // 14.2.5 A simple term ending with a gen-delim can be a prefix.
                    definition.prefix = true
                }
            }
        } else if let colon = term.firstIndex(of: ":"), colon != term.startIndex {
            // 15. A compact IRI or an IRI.
            let prefix = String(term[..<colon])
            let suffix = term[term.index(after: colon)...]
            // 15.1
            if scope.local[prefix] != nil {
                try createTermDefinition(prefix, in: active, scope: scope)
            }
            // 15.2-3
            if let prefixIRI = active.terms[prefix]?.iri {
                definition.iri = prefixIRI + suffix
            } else {
                definition.iri = term
            }
        } else if term.utf8.contains(UInt8(ascii: "/")) {
            // 16. A relative IRI reference.
            // Note: expanded without the local context, which would find the term itself undefined.
            let iri = try expandIRI(term, active: active, vocab: true)
            guard let iri, IRI.isAbsolute(iri) else {
                throw JSONLDError(.invalidIRIMapping, "the term \(term) does not expand to an IRI")
            }
            definition.iri = iri
        } else if term == "@type" {
            // 17.
            definition.iri = "@type"
        } else if let vocab = active.vocab {
            // 18.
            definition.iri = vocab + term
        } else {
            throw JSONLDError(.invalidIRIMapping, "the term \(term) has no @id and there is no @vocab")
        }
        // 19. @container.
        if let containerValue = entries["@container"] {
            let container = try containerMapping(containerValue, term: term)
            // 19.2
            if isJSONLD10 {
                guard case .string = containerValue, container.isDisjoint(with: [.graph, .id, .type]) else {
                    throw JSONLDError(.invalidContainerMapping, "@container of \(term) is not allowed in json-ld-1.0")
                }
            }
            // 19.3
            definition.container = container
            // 19.4 Type maps hold node references.
            if container.contains(.type) {
                if definition.typeMapping == nil { definition.typeMapping = "@id" }
                guard definition.typeMapping == "@id" || definition.typeMapping == "@vocab" else {
                    throw JSONLDError(.invalidTypeMapping, "the type map \(term) must have @type @id or @vocab")
                }
            }
        }
        // 20. @index.
        if let indexValue = entries["@index"] {
            definition.index = try indexMapping(indexValue, term: term, container: definition.container, active: active, scope: scope)
        }
        // 21. @context: a scoped context, checked now and applied during expansion.
        if let context = entries["@context"] {
            if isJSONLD10 { throw JSONLDError(.invalidTermDefinition, "scoped context on \(term) in json-ld-1.0") }
            do {
                _ = try processContext(
                    active: active, local: context, baseURL: scope.baseURL, remoteContexts: scope.remoteContexts,
                    overrideProtected: true, validateScopedContext: false, depth: scope.depth + scope.pending)
            } catch let error as JSONLDError where error.code != .depthLimitExceeded {
                throw JSONLDError(.invalidScopedContext, "the scoped context of \(term): \(error)")
            }
            definition.localContext = ScopedContext(value: context, baseURL: scope.baseURL)
        }
        // 22. @language, unless @type is given.
        if let language = entries["@language"], entries["@type"] == nil {
            switch language {
            case .null: definition.language = .some(nil)
            case .string(let tag): definition.language = .some(tag)
            default: throw JSONLDError(.invalidLanguageMapping, "@language of \(term) must be a string or null")
            }
        }
        // 23. @direction, unless @type is given.
        if let direction = entries["@direction"], entries["@type"] == nil {
            switch direction {
            case .null: definition.direction = .some(nil)
            case "ltr", "rtl": definition.direction = .some(direction.stringValue)
            default: throw JSONLDError(.invalidBaseDirection, "@direction of \(term) must be \"ltr\", \"rtl\" or null")
            }
        }
        // 24. @nest.
        if let nest = entries["@nest"] {
            if isJSONLD10 { throw JSONLDError(.invalidTermDefinition, "@nest on \(term) in json-ld-1.0") }
            guard case .string(let value) = nest, value == "@nest" || !IRI.isKeyword(value) else {
                throw JSONLDError(.invalidNestValue, "@nest of \(term) must be a term or @nest")
            }
            definition.nest = value
        }
        // 25. @prefix.
        if let prefix = entries["@prefix"] {
            if isJSONLD10 || term.utf8.contains(UInt8(ascii: ":")) || term.utf8.contains(UInt8(ascii: "/")) {
                throw JSONLDError(.invalidTermDefinition, "@prefix on \(term) is not allowed")
            }
            guard case .bool(let flag) = prefix else {
                throw JSONLDError(.invalidPrefixValue, "@prefix of \(term) must be true or false")
            }
            definition.prefix = flag
            if flag, let iri = definition.iri, IRI.isKeyword(iri) {
                throw JSONLDError(.invalidTermDefinition, "the keyword alias \(term) cannot be a prefix")
            }
        }
        // 26. No other entries.
        for key in entries.keys {
            switch key {
            case "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest",
                "@prefix", "@protected", "@type":
                continue
            default:
                throw JSONLDError(.invalidTermDefinition, "the definition of \(term) has an unknown entry \(key)")
            }
        }
        try finish(term, definition, previous: previous, in: active, scope: scope)
    }

    /// Steps 27 and 28: refuse to change a protected term, then store the definition.
    private func finish(
        _ term: String, _ definition: TermDefinition, previous: TermDefinition?, in active: ActiveContext,
        scope: TermScope
    ) throws {
        var definition = definition
        // 27. A protected term may only be redefined identically.
        if !scope.overrideProtected, let previous, previous.protected {
            guard definition.sameDefinition(as: previous) else {
                throw JSONLDError(.protectedTermRedefinition, "the protected term \(term) cannot be redefined")
            }
            definition = previous
        }
        // 28.
        active.terms[term] = definition
        scope.defined[term] = true
    }

    /// Step 20: the index mapping, a property that must expand to an IRI.
    private func indexMapping(
        _ value: JSONValue, term: String, container: ContainerMapping, active: ActiveContext, scope: TermScope
    ) throws -> String {
        // 20.1
        if isJSONLD10 || !container.contains(.index) {
            throw JSONLDError(.invalidTermDefinition, "@index on \(term), which is not an index container")
        }
        // 20.2
        guard case .string(let index) = value, !IRI.isKeyword(index),
            let expanded = try expandIRI(index, active: active, vocab: true, scope: scope), IRI.isAbsolute(expanded)
        else {
            throw JSONLDError(.invalidTermDefinition, "@index of \(term) must expand to an IRI")
        }
        return index
    }

    /// Step 14.2.4: a term with the form of a compact IRI or IRI must expand to its `@id`.
    private func checkTermExpandsToItself(_ term: String, iri: String, active: ActiveContext, scope: TermScope) throws {
        scope.defined[term] = true
        let expanded = try expandIRI(term, active: active, vocab: true, scope: scope)
        if expanded != iri {
            throw JSONLDError(.invalidIRIMapping, "the term \(term) has the form of an IRI but its @id is \(iri)")
        }
    }

    /// Step 19.1: the container mapping, refusing combinations the spec does not allow.
    private func containerMapping(_ value: JSONValue, term: String) throws -> ContainerMapping {
        let invalid = JSONLDError(.invalidContainerMapping, "@container of \(term) is not a valid container mapping")
        var container: ContainerMapping = []
        switch value {
        case .null:
            return []
        case .string(let keyword):
            guard let mapping = ContainerMapping(keyword: keyword) else { throw invalid }
            return mapping
        case .array(let items):
            for item in items {
                guard case .string(let keyword) = item, let mapping = ContainerMapping(keyword: keyword) else {
                    throw invalid
                }
                container.insert(mapping)
            }
        default:
            throw invalid
        }
        if container.contains(.list) {
            guard container == .list else { throw invalid }
        } else if container.contains(.graph) {
            guard container.isSubset(of: [.graph, .id, .index, .set]), !container.isSuperset(of: [.id, .index]) else {
                throw invalid
            }
        } else {
            // @set with at most one of @index, @id, @type, @language.
            if container.subtracting(.set).rawValue.nonzeroBitCount > 1 { throw invalid }
        }
        return container
    }
}
