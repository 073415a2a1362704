import Foundation
import LinkedData

/// A JSON Schema (draft 2019-09), compiled once and then used to validate any number of values.
///
/// The vocabulary is what 1EdTech's Open Badges 3.0 and CLR 2.0 schemas use, plus the rest of
/// the 2019-09 applicator and validation keywords that need no annotations:
/// `$ref` (inside the schema only), `$defs`, `type`, `enum`, `const`, `properties`,
/// `patternProperties`, `additionalProperties`, `required`, `propertyNames`, `minProperties`,
/// `maxProperties`, `dependentRequired`, `dependentSchemas`, `items`, `additionalItems`,
/// `contains`, `minContains`, `maxContains`, `minItems`, `maxItems`, `uniqueItems`, `minLength`,
/// `maxLength`, `pattern`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`,
/// `multipleOf`, `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`.
///
/// Safe by default: a keyword whose meaning would be lost (`unevaluatedProperties`,
/// `unevaluatedItems`, `$recursiveRef`, an embedded `$id`) and any `$ref` that leaves the schema
/// make compilation fail instead of being ignored. `format` is an annotation only, as in
/// python-jsonschema's default (the oracle of the OB conformance data). Validation stops, with a
/// violation, when subschemas nest deeper than ``maximumDepth``.
///
/// - JSON Schema Core 2019-09: https://json-schema.org/draft/2019-09/json-schema-core
/// - JSON Schema Validation 2019-09: https://json-schema.org/draft/2019-09/json-schema-validation
public struct JSONSchema: Sendable {
    /// The schema's `$id` without an empty fragment, if it has one.
    public let id: String?
    /// The schema's `title`, if it has one.
    public let title: String?
    /// How deeply subschemas may nest while validating one value.
    public let maximumDepth: Int
    /// How many subschema applications one validation may take before it gives up.
    public let maximumSteps: Int
    /// Every compiled subschema; `$ref` and the applicators refer to them by index.
    let nodes: [Node]
    let root: Int

    /// The default bound on subschema nesting: far above what a credential needs (about four
    /// levels of schema per level of JSON) and far below what would exhaust a thread's stack.
    public static let defaultMaximumDepth = 256
    /// The default bound on work: a credential of the maximum size (1 MiB) against the OB 3.0
    /// schema takes far fewer steps; some hostile schemas would otherwise take exponential time
    /// (nested `anyOf`s whose alternatives all reach deep into the value).
    public static let defaultMaximumSteps = 4_000_000

    init(id: String?, title: String?, maximumDepth: Int, maximumSteps: Int, nodes: [Node], root: Int) {
        self.id = id
        self.title = title
        self.maximumDepth = maximumDepth
        self.maximumSteps = maximumSteps
        self.nodes = nodes
        self.root = root
    }

    /// The violations of the schema by `instance`, in document order; empty when it is valid.
    ///
    /// When validation has to stop (``maximumDepth`` or ``maximumSteps``), the one violation
    /// returned says so: the value is then treated as invalid.
    ///
    /// - Parameter maximumViolations: how many violations to gather before stopping.
    public func validate(_ instance: JSONValue, maximumViolations: Int = 50) -> [SchemaViolation] {
        var run = Run(schema: self, collecting: true, limit: maximumViolations)
        var path: [SchemaViolation.PathComponent] = []
        _ = run.validate(instance, root, &path, depth: 0)
        if let stopped = run.stopped { return [stopped] }
        return run.violations
    }

    /// Whether `instance` is valid; faster than ``validate(_:maximumViolations:)``, which explains.
    public func isValid(_ instance: JSONValue) -> Bool {
        var run = Run(schema: self, collecting: false, limit: 0)
        var path: [SchemaViolation.PathComponent] = []
        return run.validate(instance, root, &path, depth: 0) && run.stopped == nil
    }
}

/// One way a value breaks a schema: where (``path``), which rule (``keyword``) and what is wrong.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// A step into a JSON value: an object member or an array item.
    public enum PathComponent: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// Where the offending value is in the instance; empty for the instance itself.
    public var path: [PathComponent]
    /// The schema keyword that failed (`required`, `type`, `oneOf`…).
    public var keyword: String
    /// What is wrong, in English, without the location.
    public var message: String
    /// For a `type` violation, the types the schema allowed; lets `oneOf`/`anyOf` merge them.
    var expectedTypes: JSONSchema.TypeSet?

    public init(path: [PathComponent], keyword: String, message: String) {
        self.path = path
        self.keyword = keyword
        self.message = message
    }

    /// The location as dotted members and bracketed indices (`credentialSubject.identifier[0]`),
    /// or `(root)` for the instance itself.
    public var location: String {
        guard !path.isEmpty else { return "(root)" }
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    public var description: String { "\(location): \(message)" }
}

extension JSONSchema {
    /// A compiled subschema: a Boolean schema or its keywords, cheapest first.
    enum Node: Sendable {
        case always(Bool)
        case keywords([Keyword])
    }

    /// A compiled keyword; subschemas are indices into ``JSONSchema/nodes``.
    enum Keyword: Sendable {
        case ref(Int)
        case type(TypeSet)
        case constant(JSONValue)
        case enumeration([JSONValue])
        case required([String])
        case members(properties: [String: Int], patterns: [(Pattern, Int)], additional: Int?)
        case propertyNames(Int)
        case propertyCount(min: Int, max: Int?)
        case dependentRequired([(String, [String])])
        case dependentSchemas([(String, Int)])
        case items(Int)
        case tupleItems([Int], additional: Int?)
        case contains(Int, min: Int, max: Int?)
        case itemCount(min: Int, max: Int?)
        case uniqueItems
        case length(min: Int, max: Int?)
        case pattern(Pattern)
        case bound(Double, exclusive: Bool, upper: Bool)
        case multipleOf(Double)
        case allOf([Int])
        case anyOf([Int])
        case oneOf([Int])
        case not(Int)
        case conditional(if: Int, then: Int?, else: Int?)
    }

    /// The JSON types a `type` keyword names.
    struct TypeSet: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let null = TypeSet(rawValue: 1)
        static let boolean = TypeSet(rawValue: 2)
        static let object = TypeSet(rawValue: 4)
        static let array = TypeSet(rawValue: 8)
        static let number = TypeSet(rawValue: 16)
        static let string = TypeSet(rawValue: 32)
        static let integer = TypeSet(rawValue: 64)

        static let names: [(String, TypeSet)] = [
            ("string", .string), ("number", .number), ("integer", .integer), ("boolean", .boolean), ("object", .object),
            ("array", .array), ("null", .null),
        ]

        /// Whether `value` is of one of the types; an integer is a number with no fractional part.
        func admits(_ value: JSONValue) -> Bool {
            switch value {
            case .null: return contains(.null)
            case .bool: return contains(.boolean)
            case .object: return contains(.object)
            case .array: return contains(.array)
            case .string: return contains(.string)
            case .number(let n): return contains(.number) || (contains(.integer) && n.isFinite && n.rounded(.towardZero) == n)
            }
        }

        /// The names, joined with "or".
        var text: String {
            TypeSet.names.filter { contains($0.1) }.map(\.0).joined(separator: " or ")
        }
    }

    /// A compiled ECMA-262 `pattern`; matches anywhere in the string, as JSON Schema requires.
    struct Pattern: @unchecked Sendable {
        // Note: NSRegularExpression is immutable and documented as safe to share between threads.
        let source: String
        let expression: NSRegularExpression

        func matches(_ text: String) -> Bool {
            expression.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) != nil
        }
    }
}
