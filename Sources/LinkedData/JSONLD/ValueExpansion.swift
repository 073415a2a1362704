/// The Value Expansion algorithm
/// ([JSON-LD 1.1 API § 5.3.2](https://www.w3.org/TR/json-ld11-api/#algorithm-5)).
extension JSONLDEngine {
    /// The scalar `value` of `activeProperty` in expanded form: a node reference or a value object.
    ///
    /// Note: a node reference whose IRI expands to nothing (a keyword-like string) is `nil`, dropped.
    func expandValue(_ value: JSONValue, active: ActiveContext, activeProperty: String?) throws -> JSONObject? {
        let definition = activeProperty.flatMap { active.terms[$0] }
        let typeMapping = definition?.typeMapping
        if case .string(let string) = value {
            // 1. Node references, relative to the document.
            if typeMapping == "@id" {
                guard let id = try expandIRI(string, active: active, documentRelative: true) else { return nil }
                return ["@id": .string(id)]
            }
            // 2. Node references, relative to the vocabulary.
            if typeMapping == "@vocab" {
                guard let id = try expandIRI(string, active: active, documentRelative: true, vocab: true) else {
                    return nil
                }
                return ["@id": .string(id)]
            }
        }
        // 3.
        var result: JSONObject = ["@value": value]
        if let typeMapping, typeMapping != "@id", typeMapping != "@vocab", typeMapping != "@none" {
            // 4. A typed value.
            result["@type"] = .string(typeMapping)
        } else if case .string = value {
            // 5.1-5.4 The term's language and direction, or else the context's defaults.
            let language = definition?.language ?? active.defaultLanguage
            let direction = definition?.direction ?? active.defaultDirection
            if let language { result["@language"] = .string(language) }
            if let direction { result["@direction"] = .string(direction) }
        }
        // 6.
        return result
    }
}
