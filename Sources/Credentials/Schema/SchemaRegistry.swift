import Foundation
import LinkedData
import Synchronization

/// The JSON Schemas the verifier knows, by `$id`, each compiled once on first use.
///
/// The bundled registry holds 1EdTech's Open Badges 3.0 and CLR 2.0 schemas
/// (`Resources/schemas/index.json` maps each `$id` to its file). Nothing is fetched: a schema id
/// that is not in the registry is unknown, never assumed valid. Thread-safe.
public final class SchemaRegistry: Sendable {
    /// OB 3.0 AchievementCredential (the "JSON-LD adaptation" served at the purl).
    public static let openBadgesAchievementCredential =
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
    /// OB 3.0 AchievementCredential, the strict variant as served in September 2024.
    ///
    /// Note: its `$id` names `json-ld/` although it is the strict schema; that is how it was served.
    public static let openBadgesAchievementCredentialStrict =
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/ob_v3p0_achievementcredential_schema.json"
    /// OB 3.0 EndorsementCredential.
    public static let openBadgesEndorsementCredential =
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json"
    /// CLR 2.0 ClrCredential.
    public static let clrCredential = "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json"

    /// The schemas bundled with Mochila.
    public static let bundled = SchemaRegistry(directory: Bundle.module.resourceURL!.appendingPathComponent("schemas"))

    enum Source: Sendable {
        case file(URL)
        case document(JSONValue)
    }

    private let sources: [String: Source]
    /// Why the index could not be read, if it could not.
    private let indexError: CredentialsError?
    private let compiled = Mutex<[String: Result<JSONSchema, CredentialsError>]>([:])

    /// A registry of the schemas listed in `directory/index.json` (`{"schemas": [{"file", "$id"}]}`).
    public init(directory: URL) {
        var sources: [String: Source] = [:]
        var indexError: CredentialsError? = nil
        do {
            let bytes = try Data(contentsOf: directory.appendingPathComponent("index.json"))
            let index = try JSONValue(parsing: Array(bytes))
            for entry in index["schemas"]?.arrayValue ?? [] {
                guard let file = entry["file"]?.stringValue, let id = entry["$id"]?.stringValue else { continue }
                sources[SchemaRegistry.normalize(id)] = .file(directory.appendingPathComponent(file))
            }
        } catch {
            indexError = CredentialsError(.invalidSchema, "the schema index in \(directory.path) could not be read: \(error)")
        }
        self.sources = sources
        self.indexError = indexError
    }

    /// A registry of schema documents held in memory, each under its `$id`.
    public init(documents: [JSONValue]) {
        var sources: [String: Source] = [:]
        for document in documents {
            guard let id = document["$id"]?.stringValue else { continue }
            sources[SchemaRegistry.normalize(id)] = .document(document)
        }
        self.sources = sources
        self.indexError = nil
    }

    /// The `$id`s of the schemas held, sorted.
    public var ids: [String] { sources.keys.sorted() }

    /// Whether a schema with this `$id` is held.
    public func contains(_ id: String) -> Bool {
        sources[SchemaRegistry.normalize(id)] != nil
    }

    /// The compiled schema with this `$id`, or `nil` when the registry holds none.
    ///
    /// - Throws: ``CredentialsError`` when the schema's file cannot be read or does not compile;
    ///   the failure is remembered, as a success is.
    public func schema(for id: String) throws -> JSONSchema? {
        if let indexError { throw indexError }
        let key = SchemaRegistry.normalize(id)
        guard let source = sources[key] else { return nil }
        // Compiling under the lock makes each schema compile exactly once.
        let result = compiled.withLock { cache -> Result<JSONSchema, CredentialsError> in
            if let known = cache[key] { return known }
            let result = Result { () throws(CredentialsError) -> JSONSchema in try SchemaRegistry.load(source, id: key) }
            cache[key] = result
            return result
        }
        return try result.get()
    }

    static func load(_ source: Source, id: String) throws(CredentialsError) -> JSONSchema {
        do {
            switch source {
            case .document(let document): return try JSONSchema(document)
            case .file(let url): return try JSONSchema(json: Array(try Data(contentsOf: url)))
            }
        } catch let error as CredentialsError {
            throw error
        } catch {
            throw CredentialsError(.invalidSchema, "the schema \(id) could not be read: \(error)")
        }
    }

    /// The `$id` without an empty fragment (`…schema.json#` and `…schema.json` name one schema).
    public static func normalize(_ id: String) -> String {
        var text = id.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        return text
    }
}
