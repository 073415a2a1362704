import Foundation
import LinkedData

extension JSONSchema {
    /// One validation: walks the instance and the compiled schema together.
    ///
    /// In collecting mode it goes on after a failure to gather every violation (up to `limit`);
    /// otherwise it stops at the first. Applicators that only need a yes or no (`anyOf`, `oneOf`,
    /// `not`, `if`, `contains`) ask in the fast mode first and explain only when they fail.
    ///
    /// A run that goes too deep or takes too many steps stops for good (``stopped``): a subschema
    /// cut short must not count as "not matching", or a `not` around it would pass.
    struct Run {
        typealias Path = [SchemaViolation.PathComponent]
        let nodes: [JSONSchema.Node]
        let maximumDepth: Int
        let maximumSteps: Int
        var collecting: Bool
        let limit: Int
        var violations: [SchemaViolation] = []
        /// Why the run stopped before it could decide, if it did.
        var stopped: SchemaViolation? = nil
        var steps = 0
        /// How many `anyOf`/`oneOf` explanations enclose the current one.
        var explaining = 0
        static let maximumExplanationNesting = 10

        init(schema: JSONSchema, collecting: Bool, limit: Int) {
            self.nodes = schema.nodes
            self.maximumDepth = schema.maximumDepth
            self.maximumSteps = schema.maximumSteps
            self.collecting = collecting
            self.limit = limit
        }

        mutating func stop(_ path: Path, _ keyword: String, _ message: String) -> Bool {
            if stopped == nil { stopped = SchemaViolation(path: path, keyword: keyword, message: message) }
            return false
        }

        mutating func fail(_ path: Path, _ keyword: String, _ message: String, expected: JSONSchema.TypeSet? = nil) -> Bool {
            if collecting, violations.count < limit {
                var violation = SchemaViolation(path: path, keyword: keyword, message: message)
                violation.expectedTypes = expected
                violations.append(violation)
            }
            return false
        }

        /// Whether `value` is valid against the subschema `node`.
        mutating func validate(_ value: JSONValue, _ node: Int, _ path: inout Path, depth: Int) -> Bool {
            guard stopped == nil else { return false }
            steps += 1
            guard steps <= maximumSteps else {
                return stop(
                    path, "$ref", "validation stopped after \(maximumSteps) steps: the value is too complex for the schema")
            }
            guard depth < maximumDepth else {
                return stop(path, "$ref", "the schema nests more than \(maximumDepth) levels deep here")
            }
            switch nodes[node] {
            case .always(true): return true
            case .always(false): return fail(path, "false", "no value is allowed here")
            case .keywords(let keywords):
                var valid = true
                for keyword in keywords where !apply(keyword, to: value, &path, depth: depth + 1) {
                    valid = false
                    if !collecting || violations.count >= limit { return false }
                }
                return valid
            }
        }

        /// Whether `value` is valid against `node`, without recording why not.
        mutating func matches(_ value: JSONValue, _ node: Int, _ path: inout Path, depth: Int) -> Bool {
            let saved = collecting
            collecting = false
            defer { collecting = saved }
            return validate(value, node, &path, depth: depth)
        }

        /// The violations of `node` by `value`, gathered apart from the others.
        mutating func violations(of value: JSONValue, against node: Int, _ path: inout Path, depth: Int) -> [SchemaViolation] {
            let (saved, savedViolations) = (collecting, violations)
            (collecting, violations) = (true, [])
            _ = validate(value, node, &path, depth: depth)
            let found = violations
            (collecting, violations) = (saved, savedViolations)
            return found
        }

        mutating func apply(_ keyword: JSONSchema.Keyword, to value: JSONValue, _ path: inout Path, depth: Int) -> Bool {
            switch keyword {
            case .ref(let target):
                return validate(value, target, &path, depth: depth)
            case .type(let types):
                guard types.admits(value) else {
                    return fail(path, "type", "must be of type \(types.text), not \(value.typeName)", expected: types)
                }
                return true
            case .constant(let expected):
                return value == expected ? true : fail(path, "const", "must be \(Run.show(expected)), not \(Run.show(value))")
            case .enumeration(let allowed):
                guard allowed.contains(value) else {
                    if allowed.count == 1 { return fail(path, "enum", "must be \(Run.show(allowed[0])), not \(Run.show(value))") }
                    var list = allowed.prefix(8).map(Run.show).joined(separator: ", ")
                    if allowed.count > 8 { list += ", … (\(allowed.count) values)" }
                    return fail(path, "enum", "must be one of \(list); found \(Run.show(value))")
                }
                return true
            case .required(let names):
                guard case .object(let object) = value else { return true }
                var valid = true
                for name in names where object[name] == nil {
                    valid = fail(path, "required", "required property \"\(name)\" is missing")
                    if !collecting { return false }
                }
                return valid
            case .members(let properties, let patterns, let additional):
                guard case .object(let object) = value else { return true }
                return validateMembers(object, properties, patterns, additional, &path, depth: depth)
            case .propertyNames(let names):
                guard case .object(let object) = value else { return true }
                var valid = true
                for key in object.keys where !validate(.string(key), names, &path, depth: depth) {
                    valid = false
                    if !collecting { return false }
                }
                return valid
            case .propertyCount(let min, let max):
                guard case .object(let object) = value else { return true }
                if object.count < min {
                    return fail(
                        path, "minProperties",
                        "must have at least \(Run.count(min, "property", "properties")), has \(object.count)")
                }
                if let max, object.count > max {
                    return fail(
                        path, "maxProperties",
                        "must have at most \(Run.count(max, "property", "properties")), has \(object.count)")
                }
                return true
            case .dependentRequired(let dependencies):
                guard case .object(let object) = value else { return true }
                var valid = true
                for (name, needed) in dependencies where object[name] != nil {
                    for other in needed where object[other] == nil {
                        valid = fail(path, "dependentRequired", "property \"\(other)\" is required when \"\(name)\" is present")
                        if !collecting { return false }
                    }
                }
                return valid
            case .dependentSchemas(let dependencies):
                guard case .object(let object) = value else { return true }
                var valid = true
                for (name, schema) in dependencies where object[name] != nil && !validate(value, schema, &path, depth: depth) {
                    valid = false
                    if !collecting { return false }
                }
                return valid
            case .items(let schema):
                guard case .array(let items) = value else { return true }
                return validateItems(items, from: 0, schema, &path, depth: depth)
            case .tupleItems(let schemas, let additional):
                guard case .array(let items) = value else { return true }
                var valid = true
                for (index, item) in items.prefix(schemas.count).enumerated() {
                    path.append(.index(index))
                    defer { path.removeLast() }
                    if !validate(item, schemas[index], &path, depth: depth) {
                        valid = false
                        if !collecting { return false }
                    }
                }
                if let additional, items.count > schemas.count {
                    valid = validateItems(items, from: schemas.count, additional, &path, depth: depth) && valid
                }
                return valid
            case .contains(let schema, let min, let max):
                guard case .array(let items) = value else { return true }
                var count = 0
                for (index, item) in items.enumerated() {
                    path.append(.index(index))
                    if matches(item, schema, &path, depth: depth) { count += 1 }
                    path.removeLast()
                }
                if count < min {
                    return fail(
                        path, "contains",
                        min == 1
                            ? "must contain \(describe(schema))"
                            : "must contain at least \(min) items that are \(describe(schema)), has \(count)")
                }
                if let max, count > max {
                    return fail(
                        path, "maxContains", "must contain at most \(max) items that are \(describe(schema)), has \(count)")
                }
                return true
            case .itemCount(let min, let max):
                guard case .array(let items) = value else { return true }
                if items.count < min {
                    return fail(path, "minItems", "must have at least \(Run.count(min, "item", "items")), has \(items.count)")
                }
                if let max, items.count > max {
                    return fail(path, "maxItems", "must have at most \(Run.count(max, "item", "items")), has \(items.count)")
                }
                return true
            case .uniqueItems:
                guard case .array(let items) = value else { return true }
                var seen = Set<JSONValue>()
                for item in items where !seen.insert(item).inserted {
                    return fail(path, "uniqueItems", "items must be unique; \(Run.show(item)) repeats")
                }
                return true
            case .length(let min, let max):
                guard case .string(let text) = value else { return true }
                let count = text.unicodeScalars.count
                if count < min {
                    return fail(
                        path, "minLength", "must be at least \(Run.count(min, "character", "characters")) long, is \(count)")
                }
                if let max, count > max {
                    return fail(
                        path, "maxLength", "must be at most \(Run.count(max, "character", "characters")) long, is \(count)")
                }
                return true
            case .pattern(let pattern):
                guard case .string(let text) = value, !pattern.matches(text) else { return true }
                return fail(path, "pattern", "\(Run.show(value)) does not match the pattern \(pattern.source)")
            case .bound(let limit, let exclusive, let upper):
                guard case .number(let n) = value else { return true }
                let ok = upper ? (exclusive ? n < limit : n <= limit) : (exclusive ? n > limit : n >= limit)
                guard !ok else { return true }
                let keyword =
                    (exclusive ? "exclusive" : "")
                    + (upper ? (exclusive ? "Maximum" : "maximum") : (exclusive ? "Minimum" : "minimum"))
                let relation = upper ? (exclusive ? "less than" : "at most") : (exclusive ? "greater than" : "at least")
                return fail(path, keyword, "must be \(relation) \(Run.show(.number(limit))), is \(Run.show(value))")
            case .multipleOf(let divisor):
                guard case .number(let n) = value else { return true }
                let quotient = n / divisor
                guard quotient.isFinite, quotient.rounded() == quotient else {
                    return fail(path, "multipleOf", "must be a multiple of \(Run.show(.number(divisor)))")
                }
                return true
            case .allOf(let schemas):
                var valid = true
                for schema in schemas where !validate(value, schema, &path, depth: depth) {
                    valid = false
                    if !collecting { return false }
                }
                return valid
            case .anyOf(let schemas):
                for schema in schemas where matches(value, schema, &path, depth: depth) { return true }
                return explain(value, schemas, "anyOf", &path, depth: depth)
            case .oneOf(let schemas):
                var matching: [Int] = []
                for (index, schema) in schemas.enumerated() where matches(value, schema, &path, depth: depth) {
                    matching.append(index)
                    if matching.count > 1 {
                        let which = matching.map(String.init).joined(separator: ", ")
                        return fail(path, "oneOf", "matches more than one of the allowed forms (oneOf \(which))")
                    }
                }
                return matching.count == 1 ? true : explain(value, schemas, "oneOf", &path, depth: depth)
            case .not(let schema):
                return matches(value, schema, &path, depth: depth) ? fail(path, "not", "must not be \(describe(schema))") : true
            case .conditional(let condition, let then, let otherwise):
                let branch = matches(value, condition, &path, depth: depth) ? then : otherwise
                guard let branch else { return true }
                return validate(value, branch, &path, depth: depth)
            }
        }

        mutating func validateMembers(
            _ object: JSONObject, _ properties: [String: Int], _ patterns: [(JSONSchema.Pattern, Int)], _ additional: Int?,
            _ path: inout Path, depth: Int
        ) -> Bool {
            var valid = true
            for (key, member) in object {
                var known = false
                path.append(.key(key))
                if let schema = properties[key] {
                    known = true
                    valid = validate(member, schema, &path, depth: depth) && valid
                }
                for (pattern, schema) in patterns where pattern.matches(key) {
                    known = true
                    valid = validate(member, schema, &path, depth: depth) && valid
                }
                if !known, let additional {
                    if case .always(false) = nodes[additional] {
                        path.removeLast()
                        valid = fail(path, "additionalProperties", "property \"\(key)\" is not allowed here")
                        path.append(.key(key))
                    } else {
                        valid = validate(member, additional, &path, depth: depth) && valid
                    }
                }
                path.removeLast()
                if !valid, !collecting || violations.count >= limit { return false }
            }
            return valid
        }

        mutating func validateItems(
            _ items: [JSONValue], from start: Int, _ schema: Int, _ path: inout Path, depth: Int
        ) -> Bool {
            var valid = true
            for index in start..<items.count {
                path.append(.index(index))
                valid = validate(items[index], schema, &path, depth: depth) && valid
                path.removeLast()
                if !valid, !collecting || violations.count >= limit { return false }
            }
            return valid
        }

        /// Records why no alternative of an `anyOf` or a `oneOf` matched.
        ///
        /// Alternatives that expect another type here are set aside: if that is all of them, the
        /// violation names the types they allow together; otherwise the violations of the
        /// alternative that got furthest into the value are reported, since that is most likely
        /// the form the author meant.
        mutating func explain(_ value: JSONValue, _ schemas: [Int], _ keyword: String, _ path: inout Path, depth: Int) -> Bool {
            guard collecting else { return false }
            let here = path
            // Each level of explanation validates its alternatives once more. Where several
            // alternatives reach deep into the value the cost would double with every nested level,
            // so past a few levels the reason stays general (it still names the place).
            guard explaining < Run.maximumExplanationNesting else {
                return fail(here, keyword, "does not match any of the allowed forms (\(keyword))")
            }
            explaining += 1
            defer { explaining -= 1 }
            var expected: JSONSchema.TypeSet = []
            var candidates: [[SchemaViolation]] = []
            for schema in schemas {
                let found = violations(of: value, against: schema, &path, depth: depth)
                if let mismatch = found.first(where: { $0.path == here && $0.keyword == "type" }) {
                    expected.formUnion(mismatch.expectedTypes ?? [])
                } else if !found.isEmpty {
                    candidates.append(found)
                }
            }
            if candidates.isEmpty {
                guard expected.isEmpty else {
                    return fail(here, "type", "must be of type \(expected.text), not \(value.typeName)", expected: expected)
                }
                return fail(here, keyword, "does not match any of the allowed forms (\(keyword))")
            }
            func reach(_ found: [SchemaViolation]) -> Int { found.map(\.path.count).max() ?? 0 }
            let furthest = candidates.map(reach).max() ?? 0
            let best = candidates.filter { reach($0) == furthest }
            if best.count == 1 || furthest > here.count {
                for violation in best[0] where violations.count < limit { violations.append(violation) }
                return false
            }
            let reasons = best.map { $0[0].message }.joined(separator: "; or ")
            return fail(here, keyword, "does not match any of the allowed forms (\(keyword)): \(reasons)")
        }

        /// A short description of what a subschema accepts, for `contains` and `not`.
        func describe(_ schema: Int) -> String {
            if case .keywords(let keywords) = nodes[schema] {
                for keyword in keywords {
                    switch keyword {
                    case .constant(let value): return Run.show(value)
                    case .enumeration(let values): return values.map(Run.show).joined(separator: " or ")
                    default: continue
                    }
                }
            }
            return "a value matching the given schema"
        }

        /// "1 item", "2 items".
        static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
            "\(n) \(n == 1 ? singular : plural)"
        }

        /// A value as compact JSON, shortened for a message.
        static func show(_ value: JSONValue) -> String {
            let text = value.serializedString()
            return text.count <= 80 ? text : String(text.prefix(77)) + "…"
        }
    }
}
