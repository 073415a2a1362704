import OrderedCollections

/// Steps 13 and 14 of the Expansion algorithm
/// ([JSON-LD 1.1 API § 5.1.2](https://www.w3.org/TR/json-ld11-api/#algorithm-3)): each entry of a
/// map, then the entries of its nested properties.
extension JSONLDEngine {
    func expandEntries(
        of element: JSONObject, into result: inout JSONObject, active: ActiveContext, typeScoped: ActiveContext,
        activeProperty: String?, inputType: String?, baseURL: String?, depth: Int
    ) throws {
        // Note: a set, as an object may have many keys that alias @nest.
        var nests: OrderedSet<String> = []
        // 13.
        for (key, value) in element {
            // 13.1
            if key == "@context" { continue }
            // 13.2
            let expandedProperty = try expandIRI(key, active: active, vocab: true)
            // 13.3 Drop keys that expand to neither an IRI, a blank node identifier nor a keyword.
            guard let expandedProperty, IRI.isKeyword(expandedProperty) || expandedProperty.utf8.contains(UInt8(ascii: ":")) else {
                try safeModeCheck("the property \(key) is not defined by the context and would be dropped")
                continue
            }
            // 13.4 Keywords.
            if IRI.isKeyword(expandedProperty) {
                try expandKeyword(
                    expandedProperty, key: key, value: value, into: &result, nests: &nests, active: active,
                    typeScoped: typeScoped, activeProperty: activeProperty, inputType: inputType, baseURL: baseURL,
                    depth: depth)
                continue
            }
            // 13.5
            let definition = active.terms[key]
            let container = definition?.container ?? []
            var expandedValue: JSONValue?
            if definition?.typeMapping == "@json" {
                // 13.6 A JSON literal.
                expandedValue = .object(["@value": value, "@type": "@json"])
            } else if container.contains(.language), case .object(let map) = value {
                // 13.7 A language map.
                expandedValue = try expandLanguageMap(map, definition: definition, active: active)
            } else if !container.isDisjoint(with: [.index, .type, .id]), case .object(let map) = value {
                // 13.8 An index, id or type map.
                expandedValue = try expandIndexMap(
                    map, key: key, definition: definition, container: container, active: active, baseURL: baseURL,
                    depth: depth)
            } else {
                // 13.9
                expandedValue = try expand(
                    active: active, activeProperty: key, element: value, baseURL: baseURL, depth: depth + 1)
            }
            // 13.10
            guard var expandedValue else { continue }
            // 13.11 A list container makes a list object.
            if container.contains(.list) && !expandedValue.isListObject {
                expandedValue = .object(["@list": .array(expandedValue.asArray)])
            }
            // 13.12 A graph container makes graph objects.
            if container.contains(.graph) && container.isDisjoint(with: [.id, .index]) {
                expandedValue = .array(expandedValue.asArray.map { .object(["@graph": .array([$0])]) })
            }
            if definition?.reverse == true {
                // 13.13 A reverse property.
                var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                for item in expandedValue.asArray {
                    if item.isValueObject || item.isListObject {
                        throw JSONLDError(.invalidReversePropertyValue, "the reverse property \(key) has a value or list")
                    }
                    reverseMap.addValue(item, forKey: expandedProperty, asArray: true)
                }
                result["@reverse"] = .object(reverseMap)
            } else {
                // 13.14
                result.addValue(expandedValue, forKey: expandedProperty, asArray: true)
            }
        }
        // 14. Nested properties, with the same active context.
        for nestingKey in nests {
            let nestedValues = element[nestingKey]!.arrayValue ?? [element[nestingKey]!]
            for nestedValue in nestedValues {
                // 14.2.1
                guard case .object(let nested) = nestedValue else {
                    throw JSONLDError(.invalidNestValue, "the value of \(nestingKey) must be an object")
                }
                for key in nested.keys where try expandIRI(key, active: active, vocab: true) == "@value" {
                    throw JSONLDError(.invalidNestValue, "the nested object under \(nestingKey) cannot be a value object")
                }
                // 14.2.2 Repeat steps 3, 8, 13 and 14 with the nesting key as active property.
                // Note: as the current editor's draft has it; the Recommendation omits steps 3 and 8.
                var nestedActive = active
                if let scoped = active.terms[nestingKey]?.localContext {
                    nestedActive = try processContext(
                        active: active, local: scoped.value, baseURL: scoped.baseURL, overrideProtected: true,
                        scoped: scoped, depth: depth)
                }
                try expandEntries(
                    of: nested, into: &result, active: nestedActive, typeScoped: typeScoped, activeProperty: nestingKey,
                    inputType: inputType, baseURL: baseURL, depth: depth + 1)
            }
        }
    }

    /// Step 13.4: an entry whose key expands to a keyword.
    private func expandKeyword(
        _ expandedProperty: String, key: String, value: JSONValue, into result: inout JSONObject,
        nests: inout OrderedSet<String>, active: ActiveContext, typeScoped: ActiveContext, activeProperty: String?,
        inputType: String?, baseURL: String?, depth: Int
    ) throws {
        // 13.4.1
        if activeProperty == "@reverse" {
            throw JSONLDError(.invalidReversePropertyMap, "a reverse property map cannot have the keyword \(key)")
        }
        // 13.4.2
        if result[expandedProperty] != nil
            && (isJSONLD10 || (expandedProperty != "@included" && expandedProperty != "@type"))
        {
            throw JSONLDError(.collidingKeywords, "\(expandedProperty) appears more than once, last as \(key)")
        }
        var expandedValue: JSONValue?
        switch expandedProperty {
        case "@id":
            // 13.4.3
            guard case .string(let id) = value else {
                throw JSONLDError(.invalidIdValue, "@id must be a string, not \(value.typeName)")
            }
            // Note: an @id that expands to nothing (it has the form of a keyword) is kept as null,
            // as the W3C tests #t0122 and #te122 expect, so that the node stays a blank node no
            // triple can reference.
            if let iri = try expandIRI(id, active: active, documentRelative: true) {
                expandedValue = .string(iri)
            } else {
                try safeModeCheck("the @id \(id) has the form of a keyword and would be ignored")
                result["@id"] = .null
                return
            }
        case "@type":
            // 13.4.4
            let types: [String]
            switch value {
            case .string(let type): types = [type]
            case .array(let items):
                types = try items.map {
                    guard case .string(let type) = $0 else {
                        throw JSONLDError(.invalidTypeValue, "@type values must be strings, not \($0.typeName)")
                    }
                    return type
                }
            default:
                throw JSONLDError(.invalidTypeValue, "@type must be a string or an array of strings, not \(value.typeName)")
            }
            var expanded: [JSONValue] = []
            for type in types {
                let iri = try expandIRI(type, active: typeScoped, documentRelative: true, vocab: true)
                guard let iri, IRI.isAbsolute(iri) else {
                    try safeModeCheck("the type \(type) does not expand to an absolute IRI and would be dropped")
                    if let iri { expanded.append(.string(iri)) }
                    continue
                }
                expanded.append(.string(iri))
            }
            if case .string = value {
                expandedValue = expanded.first
            } else {
                expandedValue = .array(expanded)
            }
            // 13.4.4.5 Add to the types of another alias of @type, in place: copying them for each
            // alias would take time quadratic in the number of aliases.
            if result["@type"] != nil {
                result.addValue(.array(expandedValue?.asArray ?? []), forKey: "@type", asArray: true)
                return
            }
        case "@graph":
            // 13.4.5
            let graph = try expand(
                active: active, activeProperty: "@graph", element: value, baseURL: baseURL, depth: depth + 1)
            expandedValue = .array(graph?.asArray ?? [])
        case "@included":
            // 13.4.6.1
            if isJSONLD10 { return }
            // 13.4.6.2
            // Note: with @included as the active property rather than null, so that values which
            // are not node objects reach the check in 13.4.6.3 instead of being dropped.
            let included =
                try expand(active: active, activeProperty: "@included", element: value, baseURL: baseURL, depth: depth + 1)?
                .asArray ?? []
            // 13.4.6.3
            for item in included where !item.isNodeObject {
                throw JSONLDError(.invalidIncludedValue, "@included values must be node objects")
            }
            // 13.4.6.4 After the nodes of another alias of @included, in place as for @type.
            if result["@included"] != nil {
                result.addValue(.array(included), forKey: "@included", asArray: true)
                return
            }
            expandedValue = .array(included)
        case "@value":
            if inputType == "@json" {
                // 13.4.7.1
                if isJSONLD10 { throw JSONLDError(.invalidValueObjectValue, "@json in json-ld-1.0 processing mode") }
            } else if value.arrayValue != nil || value.objectValue != nil {
                // 13.4.7.2
                throw JSONLDError(.invalidValueObjectValue, "@value must be a scalar or null, not \(value.typeName)")
            }
            // 13.4.7.3-4 Keep null, whose meaning depends on @type.
            result["@value"] = value
            return
        case "@language":
            // 13.4.8
            guard case .string = value else {
                throw JSONLDError(.invalidLanguageTaggedString, "@language must be a string, not \(value.typeName)")
            }
            expandedValue = value
        case "@direction":
            // 13.4.9
            if isJSONLD10 { return }
            guard value == "ltr" || value == "rtl" else {
                throw JSONLDError(.invalidBaseDirection, "@direction must be \"ltr\" or \"rtl\", not \(value.serializedString())")
            }
            expandedValue = value
        case "@index":
            // 13.4.10
            guard case .string = value else {
                throw JSONLDError(.invalidIndexValue, "@index must be a string, not \(value.typeName)")
            }
            expandedValue = value
        case "@list":
            // 13.4.11.1 Drop free-floating lists.
            if activeProperty == nil || activeProperty == "@graph" {
                try safeModeCheck("a list that is not the value of any property would be dropped")
                return
            }
            // 13.4.11.2
            let list = try expand(
                active: active, activeProperty: activeProperty, element: value, baseURL: baseURL, depth: depth + 1)
            expandedValue = .array(list?.asArray ?? [])
        case "@set":
            // 13.4.12
            expandedValue = try expand(
                active: active, activeProperty: activeProperty, element: value, baseURL: baseURL, depth: depth + 1)
        case "@reverse":
            // 13.4.13
            try expandReverse(value, into: &result, active: active, baseURL: baseURL, depth: depth)
            return
        case "@nest":
            // 13.4.14
            nests.append(key)
            return
        default:
            // 13.4.15 Framing keywords are not supported; other keywords are ignored here.
            return
        }
        // 13.4.16
        if let expandedValue { result[expandedProperty] = expandedValue }
    }

    /// Step 13.4.13: an `@reverse` map.
    private func expandReverse(
        _ value: JSONValue, into result: inout JSONObject, active: ActiveContext, baseURL: String?, depth: Int
    ) throws {
        // 13.4.13.1
        guard case .object = value else {
            throw JSONLDError(.invalidReverseValue, "@reverse must be an object, not \(value.typeName)")
        }
        // 13.4.13.2
        guard
            case .object(let expanded)? = try expand(
                active: active, activeProperty: "@reverse", element: value, baseURL: baseURL, depth: depth + 1)
        else { return }
        // 13.4.13.3 Properties reversed twice are forward properties.
        if case .object(let doubleReversed)? = expanded["@reverse"] {
            for (property, item) in doubleReversed {
                result.addValue(item, forKey: property, asArray: true)
            }
        }
        // 13.4.13.4
        if expanded.keys.contains(where: { $0 != "@reverse" }) {
            var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
            for (property, items) in expanded where property != "@reverse" {
                for item in items.asArray {
                    if item.isValueObject || item.isListObject {
                        throw JSONLDError(.invalidReversePropertyValue, "the reverse property \(property) has a value or list")
                    }
                    reverseMap.addValue(item, forKey: property, asArray: true)
                }
            }
            result["@reverse"] = .object(reverseMap)
        }
    }

    /// Step 13.7: a language map.
    private func expandLanguageMap(
        _ map: JSONObject, definition: TermDefinition?, active: ActiveContext
    ) throws -> JSONValue {
        // 13.7.1-3
        var expanded: [JSONValue] = []
        var direction = active.defaultDirection
        if let mapping = definition?.direction { direction = mapping }
        // 13.7.4
        for (language, languageValue) in map {
            for item in languageValue.arrayValue ?? [languageValue] {
                // 13.7.4.2.1
                if case .null = item { continue }
                // 13.7.4.2.2
                guard case .string = item else {
                    throw JSONLDError(.invalidLanguageMapValue, "language map values must be strings, not \(item.typeName)")
                }
                // 13.7.4.2.3
                var object: JSONObject = ["@value": item, "@language": .string(language)]
                // 13.7.4.2.4
                let expandedLanguage = try expandIRI(language, active: active, vocab: true)
                if language == "@none" || expandedLanguage == "@none" {
                    object["@language"] = nil
                }
                // 13.7.4.2.5
                if let direction { object["@direction"] = .string(direction) }
                // 13.7.4.2.6
                expanded.append(.object(object))
            }
        }
        return .array(expanded)
    }

    /// Step 13.8: an index map, id map or type map.
    private func expandIndexMap(
        _ map: JSONObject, key: String, definition: TermDefinition?, container: ContainerMapping,
        active: ActiveContext, baseURL: String?, depth: Int
    ) throws -> JSONValue {
        // 13.8.1-2
        var expanded: [JSONValue] = []
        let indexKey = definition?.index ?? "@index"
        // 13.8.3
        for (index, indexValue) in map {
            // 13.8.3.1 Id and type maps hold node objects, outside any non-propagated context.
            var mapContext = active
            if !container.isDisjoint(with: [.id, .type]) { mapContext = active.previousContext ?? active }
            // 13.8.3.2 A type's scoped context.
            if container.contains(.type), let scoped = mapContext.terms[index]?.localContext {
                mapContext = try processContext(
                    active: mapContext, local: scoped.value, baseURL: scoped.baseURL, scoped: scoped, depth: depth)
            }
            // 13.8.3.4
            let expandedIndex = try expandIRI(index, active: active, vocab: true)
            // 13.8.3.5-6
            let items = try expand(
                active: mapContext, activeProperty: key, element: .array(indexValue.arrayValue ?? [indexValue]),
                baseURL: baseURL, fromMap: true, depth: depth + 1)
            // 13.8.3.7
            for var item in items?.asArray ?? [] {
                // 13.8.3.7.1
                if container.contains(.graph) && !item.isGraphObject {
                    item = .object(["@graph": .array(item.asArray)])
                }
                guard case .object(var object) = item else {
                    expanded.append(item)
                    continue
                }
                if container.contains(.index) && indexKey != "@index" && expandedIndex != "@none" {
                    // 13.8.3.7.2 The index is the value of a property.
                    let reExpanded = try expandValue(.string(index), active: active, activeProperty: indexKey)
                    if let expandedIndexKey = try expandIRI(indexKey, active: active, vocab: true) {
                        var values: [JSONValue] = reExpanded.map { [.object($0)] } ?? []
                        values += object[expandedIndexKey]?.asArray ?? []
                        object[expandedIndexKey] = .array(values)
                    }
                    if object["@value"] != nil {
                        throw JSONLDError(.invalidValueObject, "the property index \(indexKey) cannot be added to a value")
                    }
                } else if container.contains(.index) && object["@index"] == nil && expandedIndex != "@none" {
                    // 13.8.3.7.3
                    object["@index"] = .string(index)
                } else if container.contains(.id) && object["@id"] == nil && expandedIndex != "@none" {
                    // 13.8.3.7.4
                    if let id = try expandIRI(index, active: active, documentRelative: true) {
                        object["@id"] = .string(id)
                    }
                } else if container.contains(.type), let expandedIndex, expandedIndex != "@none" {
                    // 13.8.3.7.5
                    object["@type"] = .array([.string(expandedIndex)] + (object["@type"]?.asArray ?? []))
                }
                // 13.8.3.7.6
                expanded.append(.object(object))
            }
        }
        return .array(expanded)
    }
}
