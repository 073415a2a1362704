import Foundation
import LinkedData

extension CredentialsError.Code {
    /// A JSON Schema that is not well formed: a keyword with a value of the wrong kind, a
    /// `$ref` to nowhere, a pattern that does not compile.
    public static let invalidSchema = CredentialsError.Code("INVALID_SCHEMA")
    /// A JSON Schema that uses what this validator refuses: a `$ref` to another document, or a
    /// keyword whose meaning would otherwise be silently lost.
    public static let unsupportedSchema = CredentialsError.Code("UNSUPPORTED_SCHEMA")
}

extension JSONSchema {
    /// Compiles a schema document.
    ///
    /// Every subschema reachable from the root or its `$defs` is compiled now, so a schema that
    /// compiles holds no surprise for validation; `$ref`s that form cycles are fine.
    ///
    /// - Throws: ``CredentialsError`` with code ``CredentialsError/Code/invalidSchema`` or
    ///   ``CredentialsError/Code/unsupportedSchema`` (an external `$ref`, `unevaluatedProperties`…).
    public init(
        _ document: JSONValue, maximumDepth: Int = JSONSchema.defaultMaximumDepth,
        maximumSteps: Int = JSONSchema.defaultMaximumSteps
    ) throws {
        var compiler = Compiler(document: document)
        let root = try compiler.compile(document, at: "", depth: 0)
        self.init(
            id: compiler.id, title: document["title"]?.stringValue, maximumDepth: maximumDepth, maximumSteps: maximumSteps,
            nodes: compiler.nodes, root: root)
    }

    /// Compiles a schema from its JSON text.
    public init(json bytes: [UInt8], maximumDepth: Int = JSONSchema.defaultMaximumDepth) throws {
        // Schemas are larger and deeper than credentials; these limits hold the bundled ones easily.
        let document = try JSONValue(parsing: bytes, limits: JSONLimits(maxBytes: 16 << 20, maxDepth: 512))
        try self.init(document, maximumDepth: maximumDepth)
    }
}

extension JSONSchema {
    /// Turns schema JSON into ``JSONSchema/Node``s, one per subschema location (a JSON Pointer).
    struct Compiler {
        let document: JSONValue
        /// The root `$id` without its fragment: a `$ref` to it is a reference inside the schema.
        let id: String?
        var nodes: [JSONSchema.Node] = []
        var byPointer: [String: Int] = [:]
        var patterns: [String: JSONSchema.Pattern] = [:]

        /// Subschemas nest at most this deep in the schema document itself.
        static let maximumNesting = 256
        /// Keywords that need annotation collection or dynamic scopes; refused rather than ignored.
        static let refused: Set<String> = ["unevaluatedProperties", "unevaluatedItems", "$recursiveRef"]

        init(document: JSONValue) {
            self.document = document
            var id = document["$id"]?.stringValue
            if let hash = id?.firstIndex(of: "#") { id = String(id![..<hash]) }
            self.id = id
        }

        func error(_ pointer: String, _ text: String) -> CredentialsError {
            CredentialsError(.invalidSchema, "invalid schema at #\(pointer): \(text)")
        }

        /// The node of the subschema `json` found at `pointer`, compiling it the first time.
        mutating func compile(_ json: JSONValue, at pointer: String, depth: Int) throws -> Int {
            if let known = byPointer[pointer] { return known }
            guard depth < Compiler.maximumNesting else { throw error(pointer, "subschemas nest too deeply") }
            let index = nodes.count
            byPointer[pointer] = index
            switch json {
            case .bool(let value):
                nodes.append(.always(value))
            case .object(let object):
                nodes.append(.always(true))  // a placeholder, so that cycles through `$ref` find this node
                nodes[index] = .keywords(try keywords(of: object, at: pointer, depth: depth))
            default:
                throw error(pointer, "a schema must be an object or a Boolean, not \(json.typeName)")
            }
            return index
        }

        mutating func keywords(of object: JSONObject, at pointer: String, depth: Int) throws -> [JSONSchema.Keyword] {
            func child(_ value: JSONValue, _ path: String...) throws -> Int {
                try compile(value, at: pointer + path.map { "/" + Compiler.escape($0) }.joined(), depth: depth + 1)
            }
            func children(_ key: String) throws -> [Int] {
                guard let list = object[key]?.arrayValue, !list.isEmpty else {
                    throw error(pointer, "\(key) must be a non-empty array")
                }
                return try list.enumerated().map { try child($1, key, String($0)) }
            }
            func count(_ key: String) throws -> Int? {
                guard let value = object[key] else { return nil }
                guard let n = value.numberValue, n >= 0, n.rounded() == n, n < 1e15 else {
                    throw error(pointer, "\(key) must be a non-negative integer")
                }
                return Int(n)
            }
            func number(_ key: String) throws -> Double? {
                guard let value = object[key] else { return nil }
                guard let n = value.numberValue else { throw error(pointer, "\(key) must be a number") }
                return n
            }

            for key in object.keys where Compiler.refused.contains(key) {
                throw CredentialsError(.unsupportedSchema, "unsupported schema keyword \(key) at #\(pointer)")
            }
            if !pointer.isEmpty, object["$id"] != nil {
                throw CredentialsError(
                    .unsupportedSchema, "embedded schema resources ($id below the root) are not supported, at #\(pointer)")
            }
            var result: [JSONSchema.Keyword] = []
            if let ref = object["$ref"] {
                guard let text = ref.stringValue else { throw error(pointer, "$ref must be a string") }
                result.append(.ref(try reference(text, from: pointer, depth: depth)))
            }
            if let type = object["type"] {
                var types: JSONSchema.TypeSet = []
                for name in type.asArray {
                    guard let text = name.stringValue, let match = JSONSchema.TypeSet.names.first(where: { $0.0 == text }) else {
                        throw error(pointer, "unknown type \(name.serializedString())")
                    }
                    types.insert(match.1)
                }
                result.append(.type(types))
            }
            if let value = object["const"] { result.append(.constant(value)) }
            if let value = object["enum"] {
                guard let values = value.arrayValue else { throw error(pointer, "enum must be an array") }
                result.append(.enumeration(values))
            }
            if let value = object["required"] {
                guard let names = value.arrayValue?.compactMap(\.stringValue), names.count == value.arrayValue?.count else {
                    throw error(pointer, "required must be an array of strings")
                }
                if !names.isEmpty { result.append(.required(names)) }
            }
            if object["properties"] != nil || object["patternProperties"] != nil || object["additionalProperties"] != nil {
                var properties: [String: Int] = [:]
                for (name, schema) in object["properties"]?.objectValue ?? [:] {
                    properties[name] = try child(schema, "properties", name)
                }
                var patternSchemas: [(JSONSchema.Pattern, Int)] = []
                for (source, schema) in object["patternProperties"]?.objectValue ?? [:] {
                    patternSchemas.append((try pattern(source, at: pointer), try child(schema, "patternProperties", source)))
                }
                let additional = try object["additionalProperties"].map { try child($0, "additionalProperties") }
                result.append(.members(properties: properties, patterns: patternSchemas, additional: additional))
            }
            if let names = object["propertyNames"] { result.append(.propertyNames(try child(names, "propertyNames"))) }
            let minProperties = try count("minProperties")
            let maxProperties = try count("maxProperties")
            if minProperties != nil || maxProperties != nil {
                result.append(.propertyCount(min: minProperties ?? 0, max: maxProperties))
            }
            if let value = object["dependentRequired"] {
                guard let members = value.objectValue else { throw error(pointer, "dependentRequired must be an object") }
                result.append(.dependentRequired(members.map { ($0.key, $0.value.asArray.compactMap(\.stringValue)) }))
            }
            if let value = object["dependentSchemas"] {
                guard let members = value.objectValue else { throw error(pointer, "dependentSchemas must be an object") }
                result.append(.dependentSchemas(try members.map { ($0.key, try child($0.value, "dependentSchemas", $0.key)) }))
            }
            if let items = object["items"] {
                if let list = items.arrayValue {
                    let schemas = try list.enumerated().map { try child($1, "items", String($0)) }
                    let additional = try object["additionalItems"].map { try child($0, "additionalItems") }
                    result.append(.tupleItems(schemas, additional: additional))
                } else {
                    result.append(.items(try child(items, "items")))
                }
            }
            if let contains = object["contains"] {
                let schema = try child(contains, "contains")
                result.append(.contains(schema, min: try count("minContains") ?? 1, max: try count("maxContains")))
            }
            let minItems = try count("minItems")
            let maxItems = try count("maxItems")
            if minItems != nil || maxItems != nil { result.append(.itemCount(min: minItems ?? 0, max: maxItems)) }
            if object["uniqueItems"]?.boolValue == true { result.append(.uniqueItems) }
            let minLength = try count("minLength")
            let maxLength = try count("maxLength")
            if minLength != nil || maxLength != nil { result.append(.length(min: minLength ?? 0, max: maxLength)) }
            if let value = object["pattern"] {
                guard let source = value.stringValue else { throw error(pointer, "pattern must be a string") }
                result.append(.pattern(try pattern(source, at: pointer)))
            }
            if let n = try number("minimum") { result.append(.bound(n, exclusive: false, upper: false)) }
            if let n = try number("exclusiveMinimum") { result.append(.bound(n, exclusive: true, upper: false)) }
            if let n = try number("maximum") { result.append(.bound(n, exclusive: false, upper: true)) }
            if let n = try number("exclusiveMaximum") { result.append(.bound(n, exclusive: true, upper: true)) }
            if let n = try number("multipleOf") {
                guard n > 0 else { throw error(pointer, "multipleOf must be greater than 0") }
                result.append(.multipleOf(n))
            }
            if object["allOf"] != nil { result.append(.allOf(try children("allOf"))) }
            if object["anyOf"] != nil { result.append(.anyOf(try children("anyOf"))) }
            if object["oneOf"] != nil { result.append(.oneOf(try children("oneOf"))) }
            if let not = object["not"] { result.append(.not(try child(not, "not"))) }
            if let condition = object["if"] {
                let then = try object["then"].map { try child($0, "then") }
                let otherwise = try object["else"].map { try child($0, "else") }
                result.append(.conditional(if: try child(condition, "if"), then: then, else: otherwise))
            }
            // Definitions are compiled even when unused, so that every error shows now.
            for key in ["$defs", "definitions"] {
                guard let definitions = object[key] else { continue }
                guard let members = definitions.objectValue else { throw error(pointer, "\(key) must be an object") }
                for (name, schema) in members { _ = try child(schema, key, name) }
            }
            return result
        }

        /// The node a `$ref` points to; only references inside this schema are followed.
        mutating func reference(_ text: String, from pointer: String, depth: Int) throws -> Int {
            var fragment: Substring
            if text.hasPrefix("#") {
                fragment = text.dropFirst()
            } else if let id, let hash = text.firstIndex(of: "#"), text[..<hash] == id {
                fragment = text[text.index(after: hash)...]
            } else if let id, text == id {
                fragment = ""
            } else {
                throw CredentialsError(
                    .unsupportedSchema,
                    "external $ref \"\(text)\" at #\(pointer) is not supported: references must stay inside the schema (#/…)")
            }
            guard let decoded = String(fragment).removingPercentEncoding, decoded.isEmpty || decoded.hasPrefix("/") else {
                throw CredentialsError(
                    .unsupportedSchema, "$ref \"\(text)\" at #\(pointer): only JSON Pointer fragments are supported")
            }
            var target = document
            for token in decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
                let name = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                if let member = target[name] {
                    target = member
                } else if let index = Int(name), let item = target[index] {
                    target = item
                } else {
                    throw error(pointer, "$ref \"\(text)\" points to nothing")
                }
            }
            return try compile(target, at: decoded, depth: depth + 1)
        }

        /// The compiled pattern, shared by every subschema that uses the same source.
        mutating func pattern(_ source: String, at pointer: String) throws -> JSONSchema.Pattern {
            if let known = patterns[source] { return known }
            let expression: NSRegularExpression
            do {
                expression = try NSRegularExpression(pattern: source)
            } catch {
                throw self.error(pointer, "the pattern \(source) is not a valid regular expression")
            }
            let compiled = JSONSchema.Pattern(source: source, expression: expression)
            patterns[source] = compiled
            return compiled
        }

        /// A JSON Pointer reference token (RFC 6901).
        static func escape(_ token: String) -> String {
            token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }
    }
}
