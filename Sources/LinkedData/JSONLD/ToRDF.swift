/// Deserialize JSON-LD to RDF ([JSON-LD 1.1 API § 8.1](https://www.w3.org/TR/json-ld11-api/#deserialize-json-ld-to-rdf-algorithm)),
/// with Object to RDF Conversion (§ 8.2) and List to RDF Conversion (§ 8.3).
extension JSONLDEngine {
    private typealias Triple = (subject: RDFTerm, predicate: RDFTerm, object: RDFTerm)

    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    /// The RDF dataset of an expanded document.
    func deserializeToRDF(_ expanded: JSONValue) throws -> RDFDataset {
        var nodeMap = NodeMap()
        var none: [JSONValue]? = nil
        try nodeMap.generate(expanded, list: &none)
        var blankNodes = nodeMap.blankNodes
        var dataset = RDFDataset()
        // 1. Each graph, by name.
        for graphName in nodeMap.graphs.keys.sorted() {
            // 1.1-1.2
            let graphTerm: RDFTerm?
            if graphName == "@default" {
                graphTerm = nil
            } else if let term = resource(graphName) {
                graphTerm = term
            } else {
                try safeModeCheck("the graph name \(graphName) is not an absolute IRI; its triples would be dropped")
                continue
            }
            let graph = nodeMap.graphs[graphName]!
            // 1.3 Each subject, by identifier.
            for subject in graph.keys.sorted() {
                let node = graph[subject]!
                // 1.3.1
                guard let subjectTerm = resource(subject) else {
                    try safeModeCheck("the node \(subject) is not identified by an absolute IRI; its triples would be dropped")
                    continue
                }
                // 1.3.2.1 Types.
                for type in node.types {
                    guard let typeTerm = resource(type) else {
                        try safeModeCheck("the type \(type) of \(subject) is not an absolute IRI and would be dropped")
                        continue
                    }
                    dataset.insert(
                        RDFQuad(subject: subjectTerm, predicate: .iri(Self.rdf + "type"), object: typeTerm, graph: graphTerm))
                }
                // 1.3.2 Other properties, in order.
                for property in node.properties.keys.sorted() {
                    // 1.3.2.2-4
                    let predicate: RDFTerm
                    if IRI.isKeyword(property) {
                        continue
                    } else if IRI.isBlankNode(property) {
                        guard options.produceGeneralizedRDF else {
                            try safeModeCheck("the property \(property) is a blank node and would be dropped")
                            continue
                        }
                        predicate = .blankNode(String(property.dropFirst(2)))
                    } else if IRI.isWellFormed(property) {
                        predicate = .iri(property)
                    } else {
                        try safeModeCheck("the property \(property) is not an absolute IRI and would be dropped")
                        continue
                    }
                    // 1.3.2.5
                    // Note: the number of quads is bounded (JSONLDOptions.maxQuads).
                    if dataset.count > options.maxQuads {
                        throw JSONLDError(
                            .quadLimitExceeded, "the document describes more than \(options.maxQuads) quads")
                    }
                    for item in node.properties[property]! {
                        var listTriples: [Triple] = []
                        if let object = try objectToRDF(item, listTriples: &listTriples, blankNodes: &blankNodes) {
                            dataset.insert(RDFQuad(subject: subjectTerm, predicate: predicate, object: object, graph: graphTerm))
                        } else {
                            try safeModeCheck("a value of \(property) of \(subject) is not well-formed and would be dropped")
                        }
                        for triple in listTriples {
                            dataset.insert(
                                RDFQuad(subject: triple.subject, predicate: triple.predicate, object: triple.object, graph: graphTerm))
                        }
                    }
                }
            }
        }
        if dataset.count > options.maxQuads {
            throw JSONLDError(.quadLimitExceeded, "the document describes more than \(options.maxQuads) quads")
        }
        return dataset
    }

    /// An IRI or blank node term for a node identifier, or `nil` when it is not well-formed.
    private func resource(_ identifier: String) -> RDFTerm? {
        if IRI.isBlankNode(identifier) {
            return identifier.utf8.count > 2 ? .blankNode(String(identifier.dropFirst(2))) : nil
        }
        return IRI.isWellFormed(identifier) ? .iri(identifier) : nil
    }

    /// Object to RDF Conversion (API § 8.2.2): the term for a node, list or value object, or `nil`
    /// when it is not well-formed.
    private func objectToRDF(
        _ item: JSONValue, listTriples: inout [Triple], blankNodes: inout BlankNodeIdentifierGenerator
    ) throws -> RDFTerm? {
        guard case .object(let object) = item else { return nil }
        // 3. A list object.
        if let list = object["@list"] {
            return try listToRDF(list.asArray, listTriples: &listTriples, blankNodes: &blankNodes)
        }
        // 4. A value object; otherwise a node object (1-2).
        guard let value = object["@value"] else {
            guard case .string(let id)? = object["@id"] else { return nil }
            return resource(id)
        }
        // 5.
        var datatype = object["@type"]?.stringValue
        let language = object["@language"]?.stringValue
        // 6. A datatype must be a well-formed IRI or @json.
        if object["@type"] != nil {
            guard let type = datatype, type == "@json" || IRI.isWellFormed(type) else { return nil }
        }
        // 7. A language tag must be well-formed.
        if let language, !IRI.isWellFormedLanguageTag(language) { return nil }
        let lexicalForm: String
        if datatype == "@json" {
            // 8. A JSON literal, in JCS form (RFC 8785).
            lexicalForm = value.serializedString(JSONOutputOptions(sortedKeys: true))
            datatype = Self.rdf + "JSON"
        } else {
            switch value {
            case .bool(let flag):
                // 9.
                lexicalForm = flag ? "true" : "false"
                datatype = datatype ?? Self.xsd + "boolean"
            case .number(let number)
            where number.rounded(.towardZero) != number || abs(number) >= 1e21 || datatype == Self.xsd + "double":
                // 10.
                lexicalForm = Self.canonicalDouble(number)
                datatype = datatype ?? Self.xsd + "double"
            case .number(let number):
                // 11.
                lexicalForm = Self.canonicalInteger(number)
                datatype = datatype ?? Self.xsd + "integer"
            case .string(let string):
                // 12.
                lexicalForm = string
                datatype = datatype ?? (language == nil ? RDFTerm.xsdString : RDFTerm.rdfLangString)
            default:
                return nil
            }
        }
        // 13. A value with a base direction, when asked for.
        if object["@direction"] != nil && options.rdfDirection == nil {
            try safeModeCheck("the base direction of \(value.serializedString()) would be dropped; set rdfDirection")
        }
        if case .string(let direction)? = object["@direction"], let rdfDirection = options.rdfDirection {
            // 13.1
            let tag = language?.lowercased() ?? ""
            switch rdfDirection {
            case .i18nDatatype:
                // 13.2
                return .literal(RDFLiteral(lexicalForm, datatype: "https://www.w3.org/ns/i18n#\(tag)_\(direction)"))
            case .compoundLiteral:
                // 13.3
                let literal = RDFTerm.blankNode(String(blankNodes.generate().dropFirst(2)))
                listTriples.append((literal, .iri(Self.rdf + "value"), .literal(RDFLiteral(lexicalForm))))
                if language != nil {
                    listTriples.append((literal, .iri(Self.rdf + "language"), .literal(RDFLiteral(tag))))
                }
                listTriples.append((literal, .iri(Self.rdf + "direction"), .literal(RDFLiteral(direction))))
                return literal
            }
        }
        // 14.
        return .literal(RDFLiteral(lexicalForm, datatype: datatype!, language: language))
    }

    /// List to RDF Conversion (API § 8.3.2): an RDF collection, returning its head.
    private func listToRDF(
        _ list: [JSONValue], listTriples: inout [Triple], blankNodes: inout BlankNodeIdentifierGenerator
    ) throws -> RDFTerm {
        // 1.
        if list.isEmpty { return .iri(Self.rdf + "nil") }
        // 2.
        let nodes = list.map { _ in RDFTerm.blankNode(String(blankNodes.generate().dropFirst(2))) }
        // 3.
        for (offset, item) in list.enumerated() {
            // 3.1-3.2
            var embedded: [Triple] = []
            if let object = try objectToRDF(item, listTriples: &embedded, blankNodes: &blankNodes) {
                // 3.3
                listTriples.append((nodes[offset], .iri(Self.rdf + "first"), object))
            } else {
                try safeModeCheck("a list item is not well-formed and would be dropped")
            }
            // 3.4
            let rest = offset + 1 < nodes.count ? nodes[offset + 1] : .iri(Self.rdf + "nil")
            listTriples.append((nodes[offset], .iri(Self.rdf + "rest"), rest))
            // 3.5
            listTriples.append(contentsOf: embedded)
        }
        // 4.
        return nodes[0]
    }

    /// The canonical lexical form of an `xsd:double` (API § 8.6): `1.1E0`, `-5.0E-7`.
    static func canonicalDouble(_ value: Double) -> String {
        if value == 0 { return "0.0E0" }
        let (digits, exponent) = ECMAScriptNumber.decompose(abs(value))
        var mantissa = String(Character(Unicode.Scalar(digits[0] + 48)))
        mantissa += "."
        if digits.count > 1 {
            mantissa += String(decoding: digits.dropFirst().map { $0 + 48 }, as: UTF8.self)
        } else {
            mantissa += "0"
        }
        return (value < 0 ? "-" : "") + mantissa + "E" + String(exponent - 1)
    }

    /// The canonical lexical form of an `xsd:integer` for a number without a fractional part
    /// smaller than 10^21.
    static func canonicalInteger(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) < 1e15 { return String(Int64(value)) }
        let (digits, exponent) = ECMAScriptNumber.decompose(abs(value))
        var text = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        text += String(repeating: "0", count: max(0, exponent - digits.count))
        return (value < 0 ? "-" : "") + text
    }
}
