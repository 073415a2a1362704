import LinkedData

/// The verifier's `schema` check: the credential against the 1EdTech JSON Schema that applies to
/// it and, for a micro-credential, the elements of Annex I of the EU Council Recommendation
/// (see ``annexI(_:)``).
///
/// Which schemas apply:
/// 1. Each `credentialSchema` entry of type `1EdTechJsonSchemaValidator2019` (or the VC 2.0
///    `JsonSchema`) names one by `id`; a schema that is not bundled makes the check `unknown`,
///    and so does an entry of another type, since it cannot be checked here.
/// 2. Without `credentialSchema`, the type decides: `OpenBadgeCredential` or
///    `AchievementCredential` → OB 3.0 AchievementCredential, `EndorsementCredential` → OB 3.0
///    EndorsementCredential, `ClrCredential` → CLR 2.0 ClrCredential.
/// 3. Otherwise no schema applies and, unless the credential is a micro-credential, the check
///    is `skipped`.
///
/// A schema violation or a missing mandatory Annex I element fails the check, whatever else it
/// could not tell.
///
/// OB 3.0 §8.2 "Credential Schema": https://www.imsglobal.org/spec/ob/v3p0/#credentialschema
public struct SchemaCheck: Sendable {
    /// The `credentialSchema` type of 1EdTech's JSON Schema validation.
    public static let validatorType = "1EdTechJsonSchemaValidator2019"
    /// The `credentialSchema` type of the VC Data Model 2.0's JSON Schema validation.
    public static let jsonSchemaType = "JsonSchema"

    /// Where schemas are looked up by `$id`.
    public var registry: SchemaRegistry
    /// How many violations a failure message lists.
    public var violationsShown = 3
    /// How many violations are gathered before counting stops.
    static let maximumViolations = 50

    /// A check against the bundled schemas.
    public init() {
        self.registry = .bundled
    }

    /// A check against the schemas of `registry`.
    public init(registry: SchemaRegistry) {
        self.registry = registry
    }

    /// A schema a credential asks to be checked against, or one its type implies.
    public enum Requirement: Sendable, Hashable {
        /// A JSON Schema, by `$id`.
        case schema(String)
        /// A `credentialSchema` entry of a type that cannot be checked here, or without an `id`.
        case unsupported(String)
    }

    /// The schemas that apply to `credential`, in order (see the type's description).
    public static func requirements(of credential: JSONObject) -> [Requirement] {
        if let declared = credential["credentialSchema"], !declared.asArray.isEmpty {
            return declared.asArray.map { entry in
                let types = entry["type"]?.asArray.compactMap(\.stringValue) ?? []
                guard types.contains(validatorType) || types.contains(jsonSchemaType) else {
                    return .unsupported(types.isEmpty ? "?" : types.joined(separator: ", "))
                }
                guard let id = entry["id"]?.stringValue else { return .unsupported(types.joined(separator: ", ")) }
                return .schema(id)
            }
        }
        let types = Set(credential["type"]?.asArray.compactMap(\.stringValue) ?? [])
        if types.contains("ClrCredential") { return [.schema(SchemaRegistry.clrCredential)] }
        if types.contains("EndorsementCredential") { return [.schema(SchemaRegistry.openBadgesEndorsementCredential)] }
        if types.contains("OpenBadgeCredential") || types.contains("AchievementCredential") {
            return [.schema(SchemaRegistry.openBadgesAchievementCredential)]
        }
        return []
    }

    /// Runs the check.
    public func check(_ credential: JSONObject) -> CheckResult {
        var checked: [String] = []
        var unknown: Message? = nil
        for requirement in SchemaCheck.requirements(of: credential) {
            switch requirement {
            case .unsupported(let type):
                unknown = unknown ?? Message("schema.unsupportedType", type)
            case .schema(let id):
                let schema: JSONSchema?
                do {
                    schema = try registry.schema(for: id)
                } catch {
                    unknown = unknown ?? Message("schema.unusable", id, "\(error)")
                    continue
                }
                guard let schema else {
                    unknown = unknown ?? Message("schema.unknownSchema", id)
                    continue
                }
                let violations = schema.validate(.object(credential), maximumViolations: SchemaCheck.maximumViolations)
                if !violations.isEmpty { return failure(violations, against: SchemaCheck.name(of: id)) }
                checked.append(SchemaCheck.name(of: id))
            }
        }
        let annex = SchemaCheck.annexI(credential)
        if let annex, !annex.isComplete {
            return CheckResult(
                .schema, .failed, Message(key: "schema.annexIMissing", arguments: SchemaCheck.names(annex.missingMandatory)))
        }
        if let unknown { return CheckResult(.schema, .unknown, unknown) }
        let names = checked.joined(separator: ", ")
        switch (checked.isEmpty, annex) {
        case (true, nil): return CheckResult(.schema, .skipped, Message("schema.notApplicable"))
        case (true, _?): return CheckResult(.schema, .passed, Message("schema.annexIComplete"))
        case (false, nil): return CheckResult(.schema, .passed, Message("schema.passed", names))
        case (false, _?): return CheckResult(.schema, .passed, Message("schema.passedWithAnnexI", names))
        }
    }

    func failure(_ violations: [SchemaViolation], against name: String) -> CheckResult {
        let shown = violations.prefix(violationsShown).map(\.description).joined(separator: "; ")
        if violations.count == 1 { return CheckResult(.schema, .failed, Message("schema.invalid", name, shown)) }
        let count = violations.count >= SchemaCheck.maximumViolations ? "\(violations.count)+" : String(violations.count)
        return CheckResult(.schema, .failed, Message("schema.invalidMany", name, count, shown))
    }

    /// A readable name for a bundled schema; the `$id` for any other.
    public static func name(of id: String) -> String {
        switch SchemaRegistry.normalize(id) {
        case SchemaRegistry.openBadgesAchievementCredential: return "Open Badges 3.0 AchievementCredential"
        case SchemaRegistry.openBadgesAchievementCredentialStrict: return "Open Badges 3.0 AchievementCredential (strict)"
        case SchemaRegistry.openBadgesEndorsementCredential: return "Open Badges 3.0 EndorsementCredential"
        case SchemaRegistry.clrCredential: return "CLR 2.0 ClrCredential"
        default: return id
        }
    }

    /// The elements' names as one list per language, in the order of ``Language/allCases``.
    ///
    /// Note: a ``Message`` substitutes its arguments as they are, so a list of names that must
    /// read in the reader's language travels once per language; each language's template picks
    /// its own (`{0}` in Spanish, `{1}` in Portuguese, `{2}` in English).
    static func names(_ elements: [AnnexIElement]) -> [String] {
        Language.allCases.map { language in elements.map { $0.name(language) }.joined(separator: ", ") }
    }
}
