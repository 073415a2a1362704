import Foundation
import MochilaCore
import SQLKit

// MARK: Trust registry and recognition

extension SQLStore {
    public func putRegistryMember(did: String, body: String, at date: Date) async throws {
        let queries = self.queries
        try await transaction { try await queries.putRegistryMember(did: did, body: body, at: date, on: $0) }
    }

    @discardableResult
    public func deleteRegistryMember(did: String) async throws -> Bool {
        try await transaction { db in
            try await !db.raw("DELETE FROM registry_members WHERE did = \(bind: did) RETURNING did").all().isEmpty
        }
    }

    public func registryMembers() async throws -> [(did: String, body: String)] {
        let queries = self.queries
        return try await withDatabase { try await queries.registryMembers(on: $0) }
    }

    public func putRegistrySource(_ source: RegistrySource) async throws {
        let queries = self.queries
        try await transaction { try await queries.putRegistrySource(source, on: $0) }
    }

    @discardableResult
    public func deleteRegistrySource(url: String) async throws -> Bool {
        try await transaction { db in
            try await !db.raw("DELETE FROM registry_sources WHERE url = \(bind: url) RETURNING url").all().isEmpty
        }
    }

    public func registrySources() async throws -> [RegistrySource] {
        let queries = self.queries
        return try await withDatabase { try await queries.registrySources(on: $0) }
    }

    public func addRecognitionRule(_ rule: VersionedDocument) async throws {
        let queries = self.queries
        try await transaction { try await queries.addVersion(rule, to: .recognitionRules, on: $0) }
    }

    public func recognitionRule(id: UUID, version: Int?) async throws -> VersionedDocument? {
        let queries = self.queries
        return try await withDatabase { try await queries.version(in: .recognitionRules, id: id, version: version, on: $0) }
    }

    public func recognitionRules(institutionID: UUID?) async throws -> [VersionedDocument] {
        let queries = self.queries
        return try await withDatabase { try await queries.latestVersions(in: .recognitionRules, institutionID: institutionID, on: $0) }
    }

    public func addRecognitionRequest(_ request: RecognitionRequest) async throws {
        let queries = self.queries
        try await transaction { db in
            try await queries.requireLiveLearner(request.learnerID, on: db)
            try await queries.insertRequest(request, on: db)
        }
    }

    public func recognitionRequest(id: UUID) async throws -> RecognitionRequest? {
        let queries = self.queries
        return try await withDatabase { try await queries.requests(where: "id", equals: id.uuidString, on: $0) }.first
    }

    public func recognitionRequests(institutionID: UUID) async throws -> [RecognitionRequest] {
        let queries = self.queries
        return try await withDatabase { try await queries.requests(where: "institution_id", equals: institutionID.uuidString, on: $0) }
    }

    public func recognitionRequests(learnerID: UUID) async throws -> [RecognitionRequest] {
        let queries = self.queries
        return try await withDatabase { try await queries.requests(where: "learner_id", equals: learnerID.uuidString, on: $0) }
    }

    public func decideRecognitionRequest(id: UUID, decision: String, by actor: String, at date: Date, credential: [UInt8], audit: AuditEntry)
        async throws -> Bool
    {
        let queries = self.queries
        return try await transaction { db in
            guard try await queries.decide(requestID: id, decision: decision, by: actor, at: date, credential: credential, on: db) else {
                return false
            }
            try await queries.insertAudit(audit, on: db)
            return true
        }
    }

    public func putCatalogueSource(url: String, feed: String, at date: Date) async throws {
        try await transaction { db in
            try await db.raw("DELETE FROM catalogue_sources WHERE url = \(bind: url)").run()
            try await db.raw(
                "INSERT INTO catalogue_sources (url, feed, fetched_at) VALUES (\(bind: url), \(bind: feed), \(bind: date.milliseconds))"
            ).run()
        }
    }

    @discardableResult
    public func deleteCatalogueSource(url: String) async throws -> Bool {
        try await transaction { db in
            try await !db.raw("DELETE FROM catalogue_sources WHERE url = \(bind: url) RETURNING url").all().isEmpty
        }
    }

    public func catalogueSources() async throws -> [(url: String, feed: String, fetchedAt: Date)] {
        try await withDatabase { db in
            try await db.raw("SELECT url, feed, fetched_at FROM catalogue_sources ORDER BY url").all().map {
                (
                    try $0.decode(column: "url", as: String.self), try $0.decode(column: "feed", as: String.self),
                    Date(milliseconds: try $0.decode(column: "fetched_at", as: Int64.self))
                )
            }
        }
    }
}
