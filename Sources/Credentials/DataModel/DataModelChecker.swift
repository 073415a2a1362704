import LinkedData

/// Collects the violations of one document while the rules walk it.
///
/// The rules themselves live in the `DataModelChecker+Area.swift` extensions; this file holds what
/// they share: paths, contexts, types and identifiers (VC 2.0 § 4.3 to § 4.5).
struct DataModelChecker {
    private(set) var violations: [DataModelViolation] = []

    mutating func report(_ rule: DataModelRule, at path: String, _ details: String...) {
        violations.append(DataModelViolation(rule, at: path, details))
    }

    // MARK: - Paths

    /// The path of `key` inside the object at `path`.
    static func member(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The values of a property that may hold one value or an array of them, each with its path:
    /// `evidence` for a single object, `evidence[0]`, `evidence[1]`… for an array; none for `null`.
    static func items(_ value: JSONValue, at path: String) -> [(value: JSONValue, path: String)] {
        switch value {
        case .array(let values): return values.enumerated().map { ($0.element, "\(path)[\($0.offset)]") }
        case .null: return []
        default: return [(value, path)]
        }
    }

    // MARK: - Contexts (§ 4.3)

    /// Checks `@context` and returns the data model version it announces.
    ///
    /// The first item must be the base context; a document whose first item is neither base context
    /// is reported and then checked as VC 2.0.
    mutating func checkContext(of document: JSONObject, at path: String) -> VCDataModel.Version {
        let contextPath = Self.member(path, "@context")
        guard let context = document["@context"], !context.isNull else {
            report(.contextMissing, at: contextPath)
            return .v2
        }
        let entries = Self.items(context, at: contextPath)
        let first = entries.first?.value.stringValue
        let version: VCDataModel.Version = first == VCDataModel.v1Context ? .v1 : .v2
        if first != VCDataModel.baseContext && first != VCDataModel.v1Context {
            report(.contextFirst, at: contextPath, version == .v1 ? VCDataModel.v1Context : VCDataModel.baseContext)
        }
        for (item, itemPath) in entries.dropFirst() {
            switch item {
            case .string(let url) where DataModelSyntax.isURL(url): continue
            case .object: continue
            default: report(.contextItem, at: itemPath)
            }
        }
        return version
    }

    // MARK: - Types (§ 4.5)

    /// Checks that `type` has one or more string values and includes `required`; returns the types.
    @discardableResult
    mutating func checkType(of document: JSONObject, at path: String, required: String) -> [String] {
        let typePath = Self.member(path, "type")
        let entries = document["type"].map { Self.items($0, at: typePath) } ?? []
        guard !entries.isEmpty else {
            report(.typeMissing, at: typePath)
            return []
        }
        var types: [String] = []
        for (item, itemPath) in entries {
            guard let type = item.stringValue, !type.isEmpty else {
                report(.typeValue, at: itemPath)
                continue
            }
            types.append(type)
        }
        if !types.contains(required) { report(.typeRequired, at: typePath, required) }
        return types
    }

    /// The string values of `type`, whatever else it holds.
    static func types(of document: JSONObject) -> [String] {
        document["type"]?.asArray.compactMap(\.stringValue) ?? []
    }

    /// Whether `object` has a `type` with one or more non-empty strings and nothing else.
    static func hasType(_ object: JSONObject) -> Bool {
        guard let type = object["type"] else { return false }
        let values = type.asArray
        return !values.isEmpty && values.allSatisfy { ($0.stringValue?.isEmpty == false) }
    }

    // MARK: - Identifiers (§ 4.4)

    /// Reports `id-url` when an `id` is present and is not a single URL.
    mutating func checkID(_ value: JSONValue?, at path: String) {
        guard let value else { return }
        if !(value.stringValue.map(DataModelSyntax.isURL) ?? false) { report(.idURL, at: path) }
    }

    /// The URL of a value that is a URL or an object whose `id` is a URL (`issuer`, `holder`).
    static func urlOrObjectID(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let url)?: return DataModelSyntax.isURL(url) ? url : nil
        case .object(let object)?:
            guard let id = object["id"]?.stringValue, DataModelSyntax.isURL(id) else { return nil }
            return id
        default: return nil
        }
    }

    // MARK: - Objects that must have a type (§ 4.5 table)

    /// Checks each value of `key`: an object with a type and, when `idRule` is given, a URL `id`;
    /// otherwise an `id`, when present, must be a URL.
    mutating func checkTypedObjects(
        _ key: String, of document: JSONObject, at path: String, rule: DataModelRule, idRule: DataModelRule? = nil
    ) {
        guard let value = document[key] else { return }
        let propertyPath = Self.member(path, key)
        let entries = Self.items(value, at: propertyPath)
        if entries.isEmpty { report(rule, at: propertyPath) }
        for (item, itemPath) in entries {
            guard case .object(let object) = item else {
                report(rule, at: itemPath)
                continue
            }
            if !Self.hasType(object) { report(rule, at: itemPath) }
            let idPath = Self.member(itemPath, "id")
            if let idRule {
                if !(object["id"]?.stringValue.map(DataModelSyntax.isURL) ?? false) { report(idRule, at: idPath) }
            } else {
                checkID(object["id"], at: idPath)
            }
        }
    }
}
