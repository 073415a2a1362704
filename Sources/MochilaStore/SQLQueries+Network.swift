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

    // MARK: Recognition rules

    func latestRuleVersion(id: UUID, on db: any SQLDatabase) async throws -> Int? {
        try await db.raw("SELECT MAX(version) AS v FROM recognition_rules WHERE id = \(bind: id.uuidString)").first()?
            .decode(column: "v", as: Int?.self)
    }

    func insertRule(_ rule: StoredRecognitionRule, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO recognition_rules (id, version, institution_id, body, created_at)
            VALUES (\(bind: rule.id.uuidString), \(bind: rule.version), \(bind: rule.institutionID.uuidString), \(bind: rule.json),
                    \(bind: rule.createdAt.milliseconds))
            """
        ).run()
    }

    func rule(from row: any SQLRow) throws -> StoredRecognitionRule {
        StoredRecognitionRule(
            id: try uuid(try row.decode(column: "id", as: String.self), "rule"), version: try row.decode(column: "version", as: Int.self),
            institutionID: try uuid(try row.decode(column: "institution_id", as: String.self), "institution"),
            json: try row.decode(column: "body", as: String.self),
            createdAt: Date(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
    }

    func rule(id: UUID, version: Int?, on db: any SQLDatabase) async throws -> StoredRecognitionRule? {
        let columns = "id, version, institution_id, body, created_at"
        if let version {
            return try await db.raw(
                "SELECT \(unsafeRaw: columns) FROM recognition_rules WHERE id = \(bind: id.uuidString) AND version = \(bind: version)"
            ).first().map(rule(from:))
        }
        return try await db.raw(
            "SELECT \(unsafeRaw: columns) FROM recognition_rules WHERE id = \(bind: id.uuidString) ORDER BY version DESC LIMIT 1"
        ).first().map(rule(from:))
    }

    func latestRules(institutionID: UUID?, on db: any SQLDatabase) async throws -> [StoredRecognitionRule] {
        let latest = """
            SELECT r.id, r.version, r.institution_id, r.body, r.created_at FROM recognition_rules r
            WHERE r.version = (SELECT MAX(version) FROM recognition_rules t WHERE t.id = r.id)
            """
        if let institutionID {
            return try await db.raw("\(unsafeRaw: latest) AND r.institution_id = \(bind: institutionID.uuidString) ORDER BY r.created_at, r.id")
                .all().map(rule(from:))
        }
        return try await db.raw("\(unsafeRaw: latest) ORDER BY r.created_at, r.id").all().map(rule(from:))
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
