/// The Expansion algorithm
/// ([JSON-LD 1.1 API § 5.1.2](https://www.w3.org/TR/json-ld11-api/#algorithm-3)), steps 1 to 12
/// and 15 to 20; steps 13 and 14 are in `Expansion+Entries.swift`.
///
/// Note: frame expansion is not supported, and entries are visited in document order (the
/// `ordered` flag is false).
extension JSONLDEngine {
    /// `element` in expanded form, or `nil` when it expands to nothing.
    ///
    /// - Parameter depth: How deep the recursion is; past ``JSONLDOptions/maxDepth`` expansion fails
    ///   with ``JSONLDError/Code/depthLimitExceeded`` instead of exhausting the stack.
    func expand(
        active: ActiveContext, activeProperty: String?, element: JSONValue, baseURL: String?,
        fromMap: Bool = false, depth: Int
    ) throws -> JSONValue? {
        if depth > options.maxDepth {
            throw JSONLDError(.depthLimitExceeded, "the document nests deeper than \(options.maxDepth) levels")
        }
        // 3. The active property's scoped context.
        let propertyDefinition = activeProperty.flatMap { active.terms[$0] }
        switch element {
        case .null:
            // 1.
            return nil
        case .array(let items):
            // 5. Expand each item, flattening nested arrays; a list container wraps nested arrays.
            let isList = propertyDefinition?.container.contains(.list) ?? false
            var result: [JSONValue] = []
            result.reserveCapacity(items.count)
            for item in items {
                // 5.2.1
                var expanded = try expand(
                    active: active, activeProperty: activeProperty, element: item, baseURL: baseURL,
                    fromMap: fromMap, depth: depth + 1)
                // 5.2.2
                if isList, case .array(let inner)? = expanded { expanded = .object(["@list": .array(inner)]) }
                // 5.2.3
                switch expanded {
                case .array(let inner)?: result.append(contentsOf: inner)
                case let value?: result.append(value)
                case nil: break
                }
            }
            // 5.3
            return .array(result)
        case .object(let object):
            // 6.
            return try expandObject(
                object, active: active, activeProperty: activeProperty, propertyDefinition: propertyDefinition,
                baseURL: baseURL, fromMap: fromMap, depth: depth)
        default:
            // 4.1 Drop free-floating scalars.
            if activeProperty == nil || activeProperty == "@graph" {
                try safeModeCheck("the value \(element.serializedString()) is not the value of any property and would be dropped")
                return nil
            }
            // 4.2 Apply the property-scoped context.
            // Note: with override protected, as in step 8 and as jsonld.js does.
            var active = active
            if let scoped = propertyDefinition?.localContext {
                active = try processContext(
                    active: active, local: scoped.value, baseURL: scoped.baseURL, overrideProtected: true,
                    scoped: scoped, depth: depth)
            }
            // 4.3
            return try expandValue(element, active: active, activeProperty: activeProperty).map(JSONValue.object)
        }
    }

    /// Steps 7 to 20, for a map.
    private func expandObject(
        _ element: JSONObject, active: ActiveContext, activeProperty: String?, propertyDefinition: TermDefinition?,
        baseURL: String?, fromMap: Bool, depth: Int
    ) throws -> JSONValue? {
        var active = active
        // 7. Outside value objects and node references, revert a non-propagated context.
        if let previous = active.previousContext, !fromMap {
            var revert = true
            for key in element.keys where try expandIRI(key, active: active, vocab: true) == "@value" {
                revert = false
                break
            }
            if revert, element.count == 1, try expandIRI(element.keys[0], active: active, vocab: true) == "@id" {
                revert = false
            }
            if revert { active = previous }
        }
        // 8. The property-scoped context.
        if let scoped = propertyDefinition?.localContext {
            active = try processContext(
                active: active, local: scoped.value, baseURL: scoped.baseURL, overrideProtected: true, scoped: scoped,
                depth: depth)
        }
        // 9. The embedded context.
        if let local = element["@context"] {
            active = try processContext(active: active, local: local, baseURL: baseURL, depth: depth)
        }
        // 10.
        let typeScoped = active
        // 11. Type-scoped contexts, by key and then by type, lexicographically.
        var typeKeys: [String] = []
        for key in element.keys where try expandIRI(key, active: active, vocab: true) == "@type" {
            typeKeys.append(key)
        }
        typeKeys.sort()
        for key in typeKeys {
            let types = element[key]!.asArray.compactMap(\.stringValue).sorted()
            for type in types {
                if let scoped = typeScoped.terms[type]?.localContext {
                    active = try processContext(
                        active: active, local: scoped.value, baseURL: scoped.baseURL, propagate: false,
                        scoped: scoped, depth: depth)
                }
            }
        }
        // 12. The input type: the last value of the first @type entry, expanded.
        var inputType: String?
        if let first = typeKeys.first, case .string(let type)? = element[first]!.asArray.last {
            inputType = try expandIRI(type, active: active, vocab: true)
        }
        var result = JSONObject()
        // 13-14. The entries, and those of nested properties.
        try expandEntries(
            of: element, into: &result, active: active, typeScoped: typeScoped, activeProperty: activeProperty,
            inputType: inputType, baseURL: baseURL, depth: depth)
        // 15. A value object.
        if let value = result["@value"] {
            // 15.1
            for key in result.keys {
                switch key {
                case "@direction", "@index", "@language", "@type", "@value": continue
                default: throw JSONLDError(.invalidValueObject, "a value object cannot have \(key)")
                }
            }
            let type = result["@type"]
            if type != nil && (result["@language"] != nil || result["@direction"] != nil) {
                throw JSONLDError(.invalidValueObject, "a value object cannot have both @type and @language or @direction")
            }
            if type == "@json" {
                // 15.2 A JSON literal may hold any value.
            } else if value == .null || value == .array([]) {
                // 15.3
                return nil
            } else if value.stringValue == nil && result["@language"] != nil {
                // 15.4
                throw JSONLDError(.invalidLanguageTaggedValue, "only strings can have a language, not \(value.serializedString())")
            } else if let type {
                // 15.5
                guard case .string(let iri) = type, IRI.isWellFormed(iri) else {
                    throw JSONLDError(.invalidTypedValue, "the datatype \(type.serializedString()) is not an IRI")
                }
            }
        } else if let type = result["@type"], type.arrayValue == nil {
            // 16.
            result["@type"] = .array([type])
        } else if result["@set"] != nil || result["@list"] != nil {
            // 17.1
            if result.count > 2 || (result.count == 2 && result["@index"] == nil) {
                throw JSONLDError(.invalidSetOrListObject, "a set or list object can only have @index besides")
            }
            // 17.2
            if let set = result["@set"] { return set }
        }
        // 18. A lone language is nothing.
        if result.count == 1 && result["@language"] != nil { return nil }
        // 19. Drop free-floating values.
        if activeProperty == nil || activeProperty == "@graph" {
            if result.isEmpty { return nil }
            if result["@value"] != nil || result["@list"] != nil {
                try safeModeCheck("a \(result["@value"] != nil ? "value" : "list") that is not the value of any property would be dropped")
                return nil
            }
            if result.count == 1 && result["@id"] != nil { return nil }
        }
        // 20.
        return .object(result)
    }
}
