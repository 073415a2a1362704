import Foundation
import MochilaCore
import SQLKit

/// The trust registry (own members, imported registries) and recognition (rules, requests), for
/// any `SQLDatabase`.
extension SQLQueries {
    // MARK: Registry

    func putRegistryMember(did: String, body: String, at date: Date, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM registry_members WHERE did = \(bind: did)").run()
        try await db.raw(
            "INSERT INTO registry_members (did, body, updated_at) VALUES (\(bind: did), \(bind: body), \(bind: date.milliseconds))"
        ).run()
    }

    func registryMembers(on db: any SQLDatabase) async throws -> [(did: String, body: String)] {
        try await db.raw("SELECT did, body FROM registry_members ORDER BY did").all().map {
            (try $0.decode(column: "did", as: String.self), try $0.decode(column: "body", as: String.self))
        }
    }

    func putRegistrySource(_ source: RegistrySource, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM registry_sources WHERE url = \(bind: source.url)").run()
        try await db.raw(
            """
            INSERT INTO registry_sources (url, coordinator, credential, fetched_at)
            VALUES (\(bind: source.url), \(bind: source.coordinator), \(bind: source.credential), \(bind: source.fetchedAt.milliseconds))
            """
        ).run()
    }

    func registrySources(on db: any SQLDatabase) async throws -> [RegistrySource] {
        try await db.raw("SELECT url, coordinator, credential, fetched_at FROM registry_sources ORDER BY url").all().map {
            RegistrySource(
                url: try $0.decode(column: "url", as: String.self), coordinator: try $0.decode(column: "coordinator", as: String.self),
                credential: try $0.decode(column: "credential", as: String.self),
                fetchedAt: Date(milliseconds: try $0.decode(column: "fetched_at", as: Int64.self)))
        }
    }

    // MARK: Versioned documents (recognition rules, pathways)

    /// A table of documents an institution publishes in versions: `(id, version)` is the key.
    enum VersionedTable: String, Sendable {
        case recognitionRules = "recognition_rules"
        case pathways

        /// What a message calls one.
        var what: String { self == .pathways ? "pathway" : "rule" }
    }

    static let versionedColumns = "id, version, institution_id, body, created_at"

    func latestVersion(in table: VersionedTable, id: UUID, on db: any SQLDatabase) async throws -> Int? {
        try await db.raw("SELECT MAX(version) AS v FROM \(ident: table.rawValue) WHERE id = \(bind: id.uuidString)").first()?
            .decode(column: "v", as: Int?.self)
    }

    func insertVersion(_ document: VersionedDocument, into table: VersionedTable, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO \(ident: table.rawValue) (\(unsafeRaw: SQLQueries.versionedColumns))
            VALUES (\(bind: document.id.uuidString), \(bind: document.version), \(bind: document.institutionID.uuidString),
                    \(bind: document.json), \(bind: document.createdAt.milliseconds))
            """
        ).run()
    }

    func versionedDocument(from row: any SQLRow, _ table: VersionedTable) throws -> VersionedDocument {
        VersionedDocument(
            id: try uuid(try row.decode(column: "id", as: String.self), table.what),
            version: try row.decode(column: "version", as: Int.self),
            institutionID: try uuid(try row.decode(column: "institution_id", as: String.self), "institution"),
            json: try row.decode(column: "body", as: String.self),
            createdAt: Date(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
    }

    /// One version of a document, or its latest when `version` is `nil`.
    func version(in table: VersionedTable, id: UUID, version: Int?, on db: any SQLDatabase) async throws -> VersionedDocument? {
        let select = "SELECT \(SQLQueries.versionedColumns) FROM \(table.rawValue)"
        let row: (any SQLRow)?
        if let version {
            row = try await db.raw("\(unsafeRaw: select) WHERE id = \(bind: id.uuidString) AND version = \(bind: version)").first()
        } else {
            row = try await db.raw("\(unsafeRaw: select) WHERE id = \(bind: id.uuidString) ORDER BY version DESC LIMIT 1").first()
        }
        return try row.map { try versionedDocument(from: $0, table) }
    }

    /// The latest version of each document, of one institution or of all, oldest first.
    func latestVersions(in table: VersionedTable, institutionID: UUID?, on db: any SQLDatabase) async throws -> [VersionedDocument] {
        let latest = """
            SELECT d.id, d.version, d.institution_id, d.body, d.created_at FROM \(table.rawValue) d
            WHERE d.version = (SELECT MAX(version) FROM \(table.rawValue) t WHERE t.id = d.id)
            """
        let rows: [any SQLRow]
        if let institutionID {
            rows = try await db.raw("\(unsafeRaw: latest) AND d.institution_id = \(bind: institutionID.uuidString) ORDER BY d.created_at, d.id").all()
        } else {
            rows = try await db.raw("\(unsafeRaw: latest) ORDER BY d.created_at, d.id").all()
        }
        return try rows.map { try versionedDocument(from: $0, table) }
    }

    /// Adds the next version of a document (version 1 creates it); run it in a write transaction.
    /// - Throws: ``StoreError/Code/conflict`` when `version` is not the next one (two writers
    ///   adding the same version at once: the primary key refuses the second);
    ///   ``StoreError/Code/refused`` when the document is another institution's.
    func addVersion(_ document: VersionedDocument, to table: VersionedTable, on db: any SQLDatabase) async throws {
        let latest = try await latestVersion(in: table, id: document.id, on: db) ?? 0
        guard document.version == latest + 1 else {
            throw StoreError(
                .conflict, "\(table.what) \(document.id) is at version \(latest); the next version is \(latest + 1), not \(document.version)")
        }
        if latest > 0, let first = try await version(in: table, id: document.id, version: 1, on: db), first.institutionID != document.institutionID {
            throw StoreError(.refused, "\(table.what) \(document.id) belongs to another institution")
        }
        try await insertVersion(document, into: table, on: db)
    }

    // MARK: Recognition requests

    static let requestColumns = """
        id, learner_id, institution_id, rule_id, rule_version, submitted, proposal, status, decision, decided_by, decided_at,
        credential, created_at
        """

    func insertRequest(_ request: RecognitionRequest, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO recognition_requests (\(unsafeRaw: SQLQueries.requestColumns))
            VALUES (\(bind: request.id.uuidString), \(bind: request.learnerID.uuidString), \(bind: request.institutionID.uuidString),
                    \(bind: request.ruleID.uuidString), \(bind: request.ruleVersion), \(bind: request.submitted), \(bind: request.proposal),
                    \(bind: request.status.rawValue), \(bind: request.decision), \(bind: request.decidedBy),
                    \(bind: request.decidedAt?.milliseconds), \(bind: request.credential.map { Data($0).base64EncodedString() }),
                    \(bind: request.createdAt.milliseconds))
            """
        ).run()
    }

    func request(from row: any SQLRow) throws -> RecognitionRequest {
        guard let status = RecognitionRequest.Status(rawValue: try row.decode(column: "status", as: String.self)) else {
            throw StoreError(.corrupt, "a recognition request has an unknown status")
        }
        return RecognitionRequest(
            id: try uuid(try row.decode(column: "id", as: String.self), "request"),
            learnerID: try uuid(try row.decode(column: "learner_id", as: String.self), "learner"),
            institutionID: try uuid(try row.decode(column: "institution_id", as: String.self), "institution"),
            ruleID: try uuid(try row.decode(column: "rule_id", as: String.self), "rule"),
            ruleVersion: try row.decode(column: "rule_version", as: Int.self), submitted: try row.decode(column: "submitted", as: String.self),
            proposal: try row.decode(column: "proposal", as: String.self), status: status,
            decision: try row.decode(column: "decision", as: String?.self), decidedBy: try row.decode(column: "decided_by", as: String?.self),
            decidedAt: try row.decode(column: "decided_at", as: Int64?.self).map(Date.init(milliseconds:)),
            credential: try row.decode(column: "credential", as: String?.self).map { try bytes($0, "decision credential") },
            createdAt: Date(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
    }

    func requests(where column: String, equals value: String, on db: any SQLDatabase) async throws -> [RecognitionRequest] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: SQLQueries.requestColumns) FROM recognition_requests WHERE \(ident: column) = \(bind: value)
            ORDER BY created_at DESC, id
            """
        ).all().map(request(from:))
    }

    /// Records the decision of a pending request; `false` when it is not pending (decided already,
    /// or by someone else at the same moment).
    func decide(
        requestID: UUID, decision: String, by actor: String, at date: Date, credential: [UInt8], on db: any SQLDatabase
    ) async throws -> Bool {
        try await !db.raw(
            """
            UPDATE recognition_requests SET status = 'decided', decision = \(bind: decision), decided_by = \(bind: actor),
                decided_at = \(bind: date.milliseconds), credential = \(bind: Data(credential).base64EncodedString())
            WHERE id = \(bind: requestID.uuidString) AND status = 'pending' RETURNING id
            """
        ).all().isEmpty
    }
}
