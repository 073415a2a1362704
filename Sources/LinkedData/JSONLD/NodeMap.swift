/// Blank node identifiers for one conversion: the Generate Blank Node Identifier algorithm
/// ([JSON-LD 1.1 API § 7.4.2](https://www.w3.org/TR/json-ld11-api/#algorithm-11)).
struct BlankNodeIdentifierGenerator {
    private var identifierMap: [String: String] = [:]
    private var counter = 0

    /// A new identifier `_:bN`; the same one each time for the same `identifier`.
    mutating func generate(_ identifier: String? = nil) -> String {
        // 1. An identifier seen before keeps its new label.
        if let identifier, let existing = identifierMap[identifier] { return existing }
        // 2-3.
        let new = "_:b\(counter)"
        counter += 1
        // 4.
        if let identifier { identifierMap[identifier] = new }
        // 5.
        return new
    }
}

/// A node of the node map: its identifier, types, index and property values.
struct NodeMapNode {
    var id: String
    var types: [String] = []
    var index: String?
    var properties: [String: [JSONValue]] = [:]
    /// `types`, and each property's values, as sets: what the checks for a value already there
    /// look in, as a search of the arrays would take time quadratic in the number of values (a
    /// 1 MiB document can give one property 150,000 of them).
    var typeSet: Set<String> = []
    var valueSets: [String: Set<JSONValue>] = [:]
}

/// The Node Map Generation algorithm
/// ([JSON-LD 1.1 API § 7.2.2](https://www.w3.org/TR/json-ld11-api/#algorithm-10)): every node of an
/// expanded document, by graph and by identifier, with embedded nodes replaced by references.
struct NodeMap {
    /// The subject a value belongs to: a node, or, for a reverse property, the referenced node.
    enum ActiveSubject {
        case node(String)
        case reverse(JSONObject)
    }

    var graphs: [String: [String: NodeMapNode]] = ["@default": [:]]
    var blankNodes = BlankNodeIdentifierGenerator()

    /// Adds `element` and everything in it.
    mutating func generate(
        _ element: JSONValue, activeGraph: String = "@default", activeSubject: ActiveSubject? = nil,
        activeProperty: String? = nil, list: inout [JSONValue]?
    ) throws {
        // 1. Each item of an array.
        if case .array(let items) = element {
            for item in items {
                try generate(
                    item, activeGraph: activeGraph, activeSubject: activeSubject, activeProperty: activeProperty,
                    list: &list)
            }
            return
        }
        // 2. Otherwise a map.
        guard case .object(var element) = element else { return }
        if graphs[activeGraph] == nil { graphs[activeGraph] = [:] }
        // 3. Relabel blank node types.
        if let types = element["@type"] {
            switch types {
            case .string(let type) where IRI.isBlankNode(type):
                element["@type"] = .string(blankNodes.generate(type))
            case .array(let items):
                element["@type"] = .array(items.map {
                    if case .string(let type) = $0, IRI.isBlankNode(type) { return .string(blankNodes.generate(type)) }
                    return $0
                })
            default: break
            }
        }
        // 4. A value object.
        if element["@value"] != nil {
            if list == nil {
                // 4.1
                if case .node(let subject)? = activeSubject, let activeProperty {
                    add(.object(element), to: subject, property: activeProperty, in: activeGraph, unique: true)
                }
            } else {
                // 4.2
                list!.append(.object(element))
            }
            return
        }
        // 5. A list object.
        if let items = element["@list"] {
            // 5.1-5.2
            var result: [JSONValue]? = []
            try generate(
                items, activeGraph: activeGraph, activeSubject: activeSubject, activeProperty: activeProperty,
                list: &result)
            let listObject = JSONValue.object(["@list": .array(result!)])
            if list == nil {
                // 5.3
                if case .node(let subject)? = activeSubject, let activeProperty {
                    add(listObject, to: subject, property: activeProperty, in: activeGraph, unique: false)
                }
            } else {
                // 5.4
                list!.append(listObject)
            }
            return
        }
        // 6. A node object.
        // 6.1-6.2 Its identifier, relabelling blank nodes.
        let id: String
        switch element.removeValue(forKey: "@id") {
        case .string(let given)?:
            id = IRI.isBlankNode(given) ? blankNodes.generate(given) : given
        case .null?:
            // Note: a null @id (see expansion, step 13.4.3) names a node no triple can use.
            id = ""
        default:
            id = blankNodes.generate()
        }
        // 6.3
        if graphs[activeGraph]![id] == nil { graphs[activeGraph]![id] = NodeMapNode(id: id) }
        switch activeSubject {
        case .reverse(let referenced)?:
            // 6.5 A reverse property: the referenced node is a value of this one.
            if let activeProperty {
                add(.object(referenced), to: id, property: activeProperty, in: activeGraph, unique: true)
            }
        case .node(let subject)?:
            // 6.6 Otherwise a reference from the active subject.
            if let activeProperty {
                let reference = JSONValue.object(["@id": .string(id)])
                if list == nil {
                    add(reference, to: subject, property: activeProperty, in: activeGraph, unique: true)
                } else {
                    list!.append(reference)
                }
            }
        case nil:
            break
        }
        // 6.7 Types.
        if let types = element.removeValue(forKey: "@type") {
            for case .string(let type) in types.asArray {
                if graphs[activeGraph]![id]!.typeSet.insert(type).inserted { graphs[activeGraph]![id]!.types.append(type) }
            }
        }
        // 6.8 The index.
        if case .string(let index)? = element.removeValue(forKey: "@index") {
            if let existing = graphs[activeGraph]![id]!.index, existing != index {
                throw JSONLDError(.conflictingIndexes, "the node \(id) has the indexes \(existing) and \(index)")
            }
            graphs[activeGraph]![id]!.index = index
        }
        // 6.9 Reverse properties.
        if case .object(let reverseMap)? = element.removeValue(forKey: "@reverse") {
            let referenced: JSONObject = ["@id": .string(id)]
            for (property, values) in reverseMap {
                for value in values.asArray {
                    var none: [JSONValue]? = nil
                    try generate(
                        value, activeGraph: activeGraph, activeSubject: .reverse(referenced),
                        activeProperty: property, list: &none)
                }
            }
        }
        // 6.10 A named graph.
        if let graph = element.removeValue(forKey: "@graph") {
            var none: [JSONValue]? = nil
            try generate(graph, activeGraph: id, list: &none)
        }
        // 6.11 Included nodes.
        if let included = element.removeValue(forKey: "@included") {
            var none: [JSONValue]? = nil
            try generate(included, activeGraph: activeGraph, list: &none)
        }
        // 6.12 The other properties, in order.
        for key in element.keys.sorted() {
            // 6.12.1
            let property = IRI.isBlankNode(key) ? blankNodes.generate(key) : key
            // 6.12.2
            if graphs[activeGraph]![id]!.properties[property] == nil {
                graphs[activeGraph]![id]!.properties[property] = []
            }
            // 6.12.3
            var none: [JSONValue]? = nil
            try generate(
                element[key]!, activeGraph: activeGraph, activeSubject: .node(id), activeProperty: property,
                list: &none)
        }
    }

    /// Adds `value` to a node's property, unless `unique` and an equal value is there.
    private mutating func add(_ value: JSONValue, to subject: String, property: String, in graph: String, unique: Bool) {
        if graphs[graph]![subject] == nil { graphs[graph]![subject] = NodeMapNode(id: subject) }
        let isNew = graphs[graph]![subject]!.valueSets[property, default: []].insert(value).inserted
        if unique && !isNew { return }
        graphs[graph]![subject]!.properties[property, default: []].append(value)
    }
}
