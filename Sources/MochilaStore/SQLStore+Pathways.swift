import Foundation
import MochilaCore
import SQLKit

// MARK: Pathways
//
// A pathway's versions are kept as recognition rules' are (``SQLQueries/VersionedTable``).

extension SQLStore {
    public func addPathway(_ pathway: VersionedDocument) async throws {
        let queries = self.queries
        try await transaction { try await queries.addVersion(pathway, to: .pathways, on: $0) }
    }

    public func pathway(id: UUID, version: Int?) async throws -> VersionedDocument? {
        let queries = self.queries
        return try await withDatabase { try await queries.version(in: .pathways, id: id, version: version, on: $0) }
    }

    public func pathways(institutionID: UUID?) async throws -> [VersionedDocument] {
        let queries = self.queries
        return try await withDatabase { try await queries.latestVersions(in: .pathways, institutionID: institutionID, on: $0) }
    }

    public func addPathwayAward(_ award: PathwayAward) async throws {
        let queries = self.queries
        try await transaction { db in
            try await queries.requireLiveLearner(award.learnerID, on: db)
            try await db.raw(
                """
                INSERT INTO pathway_awards (id, pathway_id, pathway_version, learner_id, institution_id, parts, credential, issued_at)
                VALUES (\(bind: award.id.uuidString), \(bind: award.pathwayID.uuidString), \(bind: award.pathwayVersion),
                        \(bind: award.learnerID.uuidString), \(bind: award.institutionID.uuidString), \(bind: award.parts),
                        \(bind: Data(award.credential).base64EncodedString()), \(bind: award.issuedAt.milliseconds))
                """
            ).run()
        }
    }

    public func pathwayAward(pathwayID: UUID, learnerID: UUID) async throws -> PathwayAward? {
        let queries = self.queries
        return try await withDatabase { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT id, pathway_id, pathway_version, learner_id, institution_id, parts, credential, issued_at FROM pathway_awards
                    WHERE pathway_id = \(bind: pathwayID.uuidString) AND learner_id = \(bind: learnerID.uuidString)
                    """
                ).first()
            else { return nil }
            return PathwayAward(
                id: try queries.uuid(try row.decode(column: "id", as: String.self), "pathway award"),
                pathwayID: try queries.uuid(try row.decode(column: "pathway_id", as: String.self), "pathway"),
                pathwayVersion: try row.decode(column: "pathway_version", as: Int.self),
                learnerID: try queries.uuid(try row.decode(column: "learner_id", as: String.self), "learner"),
                institutionID: try queries.uuid(try row.decode(column: "institution_id", as: String.self), "institution"),
                parts: try row.decode(column: "parts", as: String.self),
                credential: try queries.bytes(try row.decode(column: "credential", as: String.self), "stacked credential"),
                issuedAt: Date(milliseconds: try row.decode(column: "issued_at", as: Int64.self)))
        }
    }
}

// MARK: The network's activity

extension SQLStore {
    public func networkActivity() async throws -> NetworkActivity {
        let queries = self.queries
        return try await withDatabase { db in
            func month(_ column: String) -> String {
                queries.isPostgres(db)
                    ? "to_char(to_timestamp(\(column) / 1000) AT TIME ZONE 'UTC', 'YYYY-MM')"
                    : "strftime('%Y-%m', \(column) / 1000, 'unixepoch')"
            }
            func rows(_ column: String, where condition: String) async throws -> [NetworkActivity.Row] {
                try await db.raw(
                    """
                    SELECT institution_id, \(unsafeRaw: month(column)) AS month, COUNT(*) AS n FROM awards
                    WHERE \(unsafeRaw: condition) GROUP BY institution_id, month ORDER BY month, institution_id
                    """
                ).all().map {
                    NetworkActivity.Row(
                        institutionID: try queries.uuid(try $0.decode(column: "institution_id", as: String.self), "institution"),
                        month: try $0.decode(column: "month", as: String.self), count: try $0.decode(column: "n", as: Int.self))
                }
            }
            let issued = try await rows("issued_at", where: "1 = 1")
            let revoked = try await rows("revoked_at", where: "revoked_at IS NOT NULL")
            let decisions = try await db.raw(
                """
                SELECT institution_id, \(unsafeRaw: month("decided_at")) AS month, decision FROM recognition_requests
                WHERE status = 'decided' ORDER BY decided_at
                """
            ).all().map {
                (
                    institutionID: try queries.uuid(try $0.decode(column: "institution_id", as: String.self), "institution"),
                    month: try $0.decode(column: "month", as: String.self), decision: try $0.decode(column: "decision", as: String?.self) ?? ""
                )
            }
            let perSpec = try await db.raw("SELECT spec_id, spec_version, COUNT(*) AS n FROM awards GROUP BY spec_id, spec_version").all().map {
                (
                    specID: try queries.uuid(try $0.decode(column: "spec_id", as: String.self), "spec"),
                    version: try $0.decode(column: "spec_version", as: Int.self), count: try $0.decode(column: "n", as: Int.self)
                )
            }
            return NetworkActivity(issued: issued, revoked: revoked, decisions: decisions, awardsPerSpec: perSpec)
        }
    }
}
