import Foundation
import LinkedData
import Testing

@testable import Credentials

/// The JSON Schema validator: agreement with python-jsonschema on the OB 3.0 / CLR 2.0
/// credentials of the conformance data, then each keyword on its own.
@Suite struct JSONSchemaTests {
    /// The schemas `derived-schema-validation.json` names, by their `$id`s.
    static let oracleSchemas = [
        "schemas/ob_v3p0/ob_v3p0_achievementcredential_schema.json": SchemaRegistry.openBadgesAchievementCredential,
        "schemas/ob_v3p0/strict-2024-09/ob_v3p0_achievementcredential_schema.json":
            SchemaRegistry.openBadgesAchievementCredentialStrict,
        "schemas/ob_v3p0/ob_v3p0_endorsementcredential_schema.json": SchemaRegistry.openBadgesEndorsementCredential,
        "schemas/clr_v2p0/clr_v2p0_clrcredential_schema.json": SchemaRegistry.clrCredential,
    ]

    func schema(_ json: JSONValue) throws -> JSONSchema { try JSONSchema(json) }

    func messages(_ schema: JSONSchema, _ instance: JSONValue) -> [String] {
        schema.validate(instance).map(\.description)
    }

    // MARK: - the oracle

    @Test func agreesWithPythonJSONSchemaOnEveryCredential() throws {
        let oracle = try Fixtures.json("openbadges/derived-schema-validation.json")
        var total = 0
        var disagreements: [String] = []
        var requiredChecked = 0
        for (file, results) in oracle["results"]!.objectValue! {
            let credential = try Fixtures.json("openbadges/" + file)
            for (schemaFile, verdict) in results.objectValue! {
                total += 1
                let id = try #require(JSONSchemaTests.oracleSchemas[schemaFile])
                let schema = try #require(try SchemaRegistry.bundled.schema(for: id))
                let violations = schema.validate(credential)
                let expectedValid = verdict.stringValue == "valid"
                #expect(schema.isValid(credential) == violations.isEmpty, "\(file)")
                if violations.isEmpty != expectedValid {
                    disagreements.append("\(file) against \(schemaFile): oracle \(verdict.stringValue!), Mochila \(violations)")
                }
                // Every "'x' is a required property" the oracle shows in full, Mochila reports at the same place.
                for part in (verdict.stringValue ?? "").dropFirst("invalid: ".count).components(separatedBy: "; ") {
                    guard let range = part.range(of: ": '"), part.hasSuffix("' is a required property") else { continue }
                    let path = String(part[..<range.lowerBound])
                    let property = part[range.upperBound...].dropLast("' is a required property".count)
                    let found = violations.contains {
                        $0.keyword == "required" && $0.message == "required property \"\(property)\" is missing"
                            && $0.path.map(JSONSchemaTests.pointerToken).joined(separator: "/") == path
                    }
                    #expect(found, "\(file): \(part) not reported; Mochila: \(violations)")
                    requiredChecked += 1
                }
            }
        }
        print(
            "JSON Schema: Mochila agrees with python-jsonschema on \(total - disagreements.count) of \(total) credential/schema pairs (\(requiredChecked) required-property errors located alike)"
        )
        #expect(total == 73)
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }

    static func pointerToken(_ component: SchemaViolation.PathComponent) -> String {
        switch component {
        case .key(let key): return key
        case .index(let index): return String(index)
        }
    }

    @Test func specExamplesPassTheSchemaTheSpecNames() throws {
        let index = try Fixtures.json("openbadges/spec-examples/index.json")
        for example in index["examples"]!.arrayValue! {
            let id =
                example["schemaClass"]!.stringValue!.contains("endorsement")
                ? SchemaRegistry.openBadgesEndorsementCredential : SchemaRegistry.openBadgesAchievementCredential
            let schema = try #require(try SchemaRegistry.bundled.schema(for: id))
            let credential = try Fixtures.json("openbadges/" + example["file"]!.stringValue!)
            #expect(schema.validate(credential).isEmpty, "\(example["file"]!)")
        }
    }

    @Test func violationsNameThePathAndTheRule() throws {
        let credential = try Fixtures.json("openbadges/1edtech-validator/ob30/simple-err-credential-subject-identifier-type.json")
        let strict = try #require(try SchemaRegistry.bundled.schema(for: SchemaRegistry.openBadgesAchievementCredentialStrict))
        let found = messages(strict, credential)
        #expect(
            found.contains("credentialSubject.identifier[0].type: must be \"IdentityObject\", not \"InvalidIdentityObject\""),
            "\(found)")
        // The adapted schema's oneOf (one object or an array of them) explains the branch that got furthest.
        let adapted = try #require(try SchemaRegistry.bundled.schema(for: SchemaRegistry.openBadgesAchievementCredential))
        let subjectType = try Fixtures.json("openbadges/1edtech-validator/ob30/simple-err-credential-subject-type.json")
        #expect(messages(adapted, subjectType) == ["credentialSubject.type: must contain \"AchievementSubject\""])
        let v1 = try Fixtures.json("openbadges/1edtech-validator/ob30/simple_v1.json")
        #expect(messages(adapted, v1).first == "(root): required property \"validFrom\" is missing")
    }

    @Test func bundledSchemasCompileAndAreCached() throws {
        let registry = SchemaRegistry.bundled
        #expect(registry.ids.count == 12)
        for id in registry.ids {
            let schema = try #require(try registry.schema(for: id))
            #expect(schema.id == id)
        }
        #expect(registry.contains(SchemaRegistry.clrCredential + "#"))
        #expect(try registry.schema(for: "https://example.org/schema.json") == nil)
    }

    @Test func validatesConcurrently() async throws {
        let credential = try Fixtures.json("openbadges/spec-examples/complete-openbadgecredential.json")
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let schema = try? SchemaRegistry.bundled.schema(for: SchemaRegistry.openBadgesAchievementCredential)
                    return schema?.isValid(credential) == true
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    // MARK: - keywords

    @Test func type() throws {
        let s = try schema(["type": ["string", "integer"]])
        #expect(s.isValid("x") && s.isValid(3) && s.isValid(3.0))
        #expect(!s.isValid(3.5) && !s.isValid(true) && !s.isValid(.null))
        #expect(messages(s, [1]) == ["(root): must be of type string or integer, not array"])
        #expect(try schema(["type": "number"]).isValid(2.5))
        #expect(!(try schema(["type": "number"]).isValid(false)))
        #expect(try schema(["type": "null"]).isValid(.null))
    }

    @Test func propertiesRequiredAndAdditionalProperties() throws {
        let s = try schema([
            "type": "object",
            "properties": ["name": ["type": "string"], "age": ["type": "integer", "minimum": 0]],
            "patternProperties": ["^x-": ["type": "boolean"]],
            "required": ["name"],
            "additionalProperties": false,
        ])
        #expect(s.isValid(["name": "Ana", "x-flag": true]))
        #expect(
            messages(s, ["age": -1, "x-flag": 1, "other": 2]) == [
                "(root): required property \"name\" is missing", "age: must be at least 0, is -1",
                "x-flag: must be of type boolean, not number", "(root): property \"other\" is not allowed here",
            ])
        let typed = try schema(["additionalProperties": ["type": "string"], "minProperties": 1, "maxProperties": 2])
        #expect(typed.isValid(["a": "b"]))
        #expect(messages(typed, ["a": 1]) == ["a: must be of type string, not number"])
        #expect(messages(typed, [:]) == ["(root): must have at least 1 property, has 0"])
        #expect(!typed.isValid(["a": "1", "b": "2", "c": "3"]))
        let names = try schema(["propertyNames": ["pattern": "^[a-z]{2}(-[A-Z]{2})?$"]])
        #expect(names.isValid(["es": "hola", "pt-BR": "olá"]))
        #expect(messages(names, ["ES": "x"]) == ["(root): \"ES\" does not match the pattern ^[a-z]{2}(-[A-Z]{2})?$"])
    }

    @Test func itemsTuplesAndContains() throws {
        let list = try schema(["items": ["type": "string"], "minItems": 1, "maxItems": 2, "uniqueItems": true])
        #expect(list.isValid(["a", "b"]))
        #expect(messages(list, ["a", 2]) == ["[1]: must be of type string, not number"])
        #expect(messages(list, []) == ["(root): must have at least 1 item, has 0"])
        #expect(!list.isValid(["a", "b", "c"]))
        #expect(messages(list, ["a", "a"]) == ["(root): items must be unique; \"a\" repeats"])
        let tuple = try schema([
            "items": [["const": "https://www.w3.org/ns/credentials/v2"], ["type": "string"]], "additionalItems": false,
        ])
        #expect(tuple.isValid(["https://www.w3.org/ns/credentials/v2"]))
        #expect(tuple.isValid(["https://www.w3.org/ns/credentials/v2", "x"]))
        #expect(messages(tuple, ["https://www.w3.org/ns/credentials/v2", "x", "y"]) == ["[2]: no value is allowed here"])
        #expect(messages(tuple, ["x"]) == ["[0]: must be \"https://www.w3.org/ns/credentials/v2\", not \"x\""])
        // additionalItems means nothing beside a single items schema.
        #expect(try schema(["items": ["type": "string"], "additionalItems": false]).isValid(["a", "b"]))
        let contains = try schema(["contains": ["enum": ["VerifiableCredential"]]])
        #expect(contains.isValid(["X", "VerifiableCredential"]))
        #expect(messages(contains, ["X"]) == ["(root): must contain \"VerifiableCredential\""])
        let counted = try schema(["contains": ["type": "integer"], "minContains": 2, "maxContains": 3])
        #expect(counted.isValid([1, "a", 2]))
        #expect(!counted.isValid([1, "a"]))
        #expect(!counted.isValid([1, 2, 3, 4]))
    }

    @Test func enumAndConstCompareAsJSON() throws {
        let s = try schema(["enum": [1, ["a": 1, "b": [true]], "x"]])
        #expect(s.isValid(1.0))
        #expect(s.isValid(["b": [true], "a": 1]))
        #expect(!s.isValid(true))
        #expect(messages(s, "y") == ["(root): must be one of 1, {\"a\":1,\"b\":[true]}, \"x\"; found \"y\""])
        #expect(!(try schema(["const": false]).isValid(0)))
    }

    @Test func stringsAndNumbers() throws {
        let s = try schema(["minLength": 2, "maxLength": 3, "pattern": "[0-9]"])
        #expect(s.isValid("a1"))
        #expect(!s.isValid("ñ1ñ1"))
        #expect(messages(s, "ab") == ["(root): \"ab\" does not match the pattern [0-9]"])
        // Lengths count code points, as JSON Schema (and Python) do.
        #expect(try schema(["maxLength": 1]).isValid("👩"))
        #expect(messages(try schema(["minLength": 2]), "é") == ["(root): must be at least 2 characters long, is 1"])
        let n = try schema(["exclusiveMinimum": 0, "maximum": 10, "multipleOf": 0.5])
        #expect(n.isValid(10) && n.isValid(0.5))
        #expect(messages(n, 0) == ["(root): must be greater than 0, is 0"])
        #expect(messages(n, 10.5) == ["(root): must be at most 10, is 10.5"])
        #expect(messages(n, 1.25) == ["(root): must be a multiple of 0.5"])
        #expect(try schema(["exclusiveMaximum": 1, "minimum": 0]).isValid(0))
    }

    @Test func formatIsAnAnnotationAsInTheOracle() throws {
        let s = try schema(["type": "string", "format": "date-time"])
        #expect(s.isValid("not a date"))
    }

    @Test func applicators() throws {
        let oneOf = try schema(["oneOf": [["type": "string"], ["type": "string", "minLength": 3], ["type": "object"]]])
        #expect(oneOf.isValid("ab"))
        #expect(oneOf.isValid([:]))
        #expect(messages(oneOf, "abc") == ["(root): matches more than one of the allowed forms (oneOf 0, 1)"])
        #expect(messages(oneOf, 5) == ["(root): must be of type string or object, not number"])
        let anyOf = try schema(["anyOf": [["required": ["narrative"]], ["required": ["id"]]]])
        #expect(anyOf.isValid(["id": "x"]))
        #expect(
            messages(anyOf, [:]) == [
                "(root): does not match any of the allowed forms (anyOf): required property \"narrative\" is missing; or required property \"id\" is missing"
            ])
        let allOf = try schema(["allOf": [["minimum": 1], ["maximum": 2]]])
        #expect(allOf.isValid(1.5))
        #expect(messages(allOf, 3) == ["(root): must be at most 2, is 3"])
        let not = try schema(["not": ["const": "x"]])
        #expect(not.isValid("y"))
        #expect(messages(not, "x") == ["(root): must not be \"x\""])
        let conditional = try schema([
            "if": ["properties": ["kind": ["const": "course"]]], "then": ["required": ["hours"]], "else": ["required": ["note"]],
        ])
        #expect(conditional.isValid(["kind": "course", "hours": 3]))
        #expect(messages(conditional, ["kind": "course"]) == ["(root): required property \"hours\" is missing"])
        #expect(messages(conditional, ["kind": "other"]) == ["(root): required property \"note\" is missing"])
        let dependent = try schema([
            "dependentRequired": ["creditValue": ["creditSystem"]],
            "dependentSchemas": ["salt": ["properties": ["hashed": ["const": true]]]],
        ])
        #expect(dependent.isValid(["creditValue": 5, "creditSystem": "ECTS"]))
        #expect(
            messages(dependent, ["creditValue": 5]) == [
                "(root): property \"creditSystem\" is required when \"creditValue\" is present"
            ])
        #expect(messages(dependent, ["salt": "s", "hashed": false]) == ["hashed: must be true, not false"])
        #expect(try schema(false).validate(1).map(\.description) == ["(root): no value is allowed here"])
        #expect(try schema(true).isValid(["anything": 1]))
    }

    @Test func nestedErrorsNameTheirPath() throws {
        let s = try schema([
            "$defs": [
                "Criteria": ["type": "object", "anyOf": [["required": ["narrative"]], ["required": ["id"]]]],
                "Achievement": [
                    "type": "object", "properties": ["criteria": ["$ref": "#/$defs/Criteria"]], "required": ["criteria"],
                ],
            ],
            "properties": [
                "credentialSubject": [
                    "properties": [
                        "achievement": ["$ref": "#/$defs/Achievement"],
                        "identifier": ["items": ["properties": ["type": ["enum": ["IdentityObject"]]]]],
                    ]
                ]
            ],
        ])
        let found = messages(
            s,
            [
                "credentialSubject": [
                    "achievement": ["criteria": ["name": "x"]], "identifier": [["type": "IdentityObject"], ["type": "Other"]],
                ]
            ])
        #expect(
            found == [
                "credentialSubject.achievement.criteria: does not match any of the allowed forms (anyOf): required property \"narrative\" is missing; or required property \"id\" is missing",
                "credentialSubject.identifier[1].type: must be \"IdentityObject\", not \"Other\"",
            ])
    }

    @Test func referencesInsideTheSchema() throws {
        let s = try schema([
            "$id": "https://example.org/tree.json",
            "type": "object",
            "properties": [
                "children": ["type": "array", "items": ["$ref": "#"]],
                "label": ["$ref": "https://example.org/tree.json#/$defs/Label"],
                "odd~/key": ["type": "string"],
                "alias": ["$ref": "#/properties/odd~0~1key"],
            ],
            "$defs": ["Label": ["type": "string", "minLength": 1]],
        ])
        #expect(s.id == "https://example.org/tree.json")
        #expect(s.isValid(["label": "root", "children": [["label": "leaf", "children": []]]]))
        #expect(
            messages(s, ["children": [["children": [["label": ""]]]]]) == [
                "children[0].children[0].label: must be at least 1 character long, is 0"
            ])
        #expect(messages(s, ["alias": 1]) == ["alias: must be of type string, not number"])
    }

    @Test func externalReferencesAndUnsupportedKeywordsAreRefused() throws {
        for document: JSONValue in [
            ["$ref": "https://example.org/other.json#/$defs/X"],
            ["properties": ["a": ["$ref": "other.json"]]],
            ["$ref": "#anchor"],
            ["unevaluatedProperties": false],
            ["$defs": ["X": ["$id": "https://example.org/embedded.json"]]],
        ] {
            #expect(throws: CredentialsError.self) { try JSONSchema(document) }
            do {
                _ = try JSONSchema(document)
            } catch let error as CredentialsError {
                #expect(error.code == .unsupportedSchema, "\(error)")
            }
        }
        do {
            _ = try JSONSchema(["$ref": "https://example.org/other.json"])
            Issue.record("an external $ref compiled")
        } catch let error as CredentialsError {
            #expect(error.message.contains("external $ref \"https://example.org/other.json\""))
        }
        for malformed: JSONValue in [
            ["$ref": "#/$defs/Missing"], ["type": "text"], ["pattern": "("], ["minItems": -1], ["oneOf": []], [1],
        ] {
            do {
                _ = try JSONSchema(malformed)
                Issue.record("\(malformed.serializedString()) compiled")
            } catch let error as CredentialsError {
                #expect(error.code == .invalidSchema, "\(error)")
            }
        }
    }

    @Test func workIsBounded() throws {
        // Two alternatives that both descend: exponential in the depth of the value, without a bound.
        let hostile = try JSONSchema(
            [
                "$defs": [
                    "N": [
                        "anyOf": [
                            ["properties": ["a": ["$ref": "#/$defs/N"]], "required": ["a"]],
                            ["properties": ["a": ["$ref": "#/$defs/N"]], "required": ["a", "b"]],
                        ]
                    ]
                ],
                "$ref": "#/$defs/N",
            ], maximumSteps: 100_000)
        var value: JSONValue = [:]
        for _ in 0..<40 { value = ["a": value] }
        #expect(!hostile.isValid(value))
        #expect(
            hostile.validate(value).map(\.message) == [
                "validation stopped after 100000 steps: the value is too complex for the schema"
            ])
        // A credential takes a small fraction of the default budget.
        let credential = try Fixtures.json("openbadges/spec-examples/complete-openbadgecredential.json")
        let schema = try #require(try SchemaRegistry.bundled.schema(for: SchemaRegistry.openBadgesAchievementCredential))
        var run = JSONSchema.Run(schema: schema, collecting: true, limit: 50)
        var path: [SchemaViolation.PathComponent] = []
        #expect(run.validate(credential, schema.root, &path, depth: 0))
        print("JSON Schema: the complete OB 3.0 example takes \(run.steps) steps (budget \(JSONSchema.defaultMaximumSteps))")
        #expect(run.steps < JSONSchema.defaultMaximumSteps / 100)
    }

    @Test func nestingIsBounded() throws {
        // A reference cycle that never moves into the value.
        let loop = try schema(["$ref": "#"])
        #expect(messages(loop, 1) == ["(root): the schema nests more than 256 levels deep here"])
        // A value nested far deeper than any credential, against a recursive schema.
        var deep: JSONValue = []
        for _ in 0..<2_000 { deep = [deep] }
        let recursive = try schema(["type": "array", "items": ["$ref": "#"]])
        #expect(!recursive.isValid(deep))
        let violation = try #require(recursive.validate(deep).first)
        #expect(violation.message.contains("nests more than 256 levels"))
        #expect(recursive.isValid([[[]]]))
        // A `not` around a subschema cut short does not pass.
        let negated = try schema(["not": ["$ref": "#/$defs/Loop"], "$defs": ["Loop": ["$ref": "#/$defs/Loop"]]])
        #expect(!negated.isValid(1))
        #expect(messages(negated, 1) == ["(root): the schema nests more than 256 levels deep here"])
        // A schema document nested too deeply does not compile.
        var nested: JSONValue = true
        for _ in 0..<300 { nested = ["not": nested] }
        #expect(throws: CredentialsError.self) { try JSONSchema(nested) }
    }
}
