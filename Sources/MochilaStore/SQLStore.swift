import Foundation
import MochilaCore
import AsyncKit
import SQLKit

/// A store over an sql-kit database: every ``Store`` method is written here once, on
/// ``SQLQueries``, for SQLite and PostgreSQL alike.
///
/// A conforming store brings what differs between databases: its connections, how a write
/// transaction begins (SQLite `BEGIN IMMEDIATE`, PostgreSQL `BEGIN` with row locks where a
/// query needs them), how a unique violation is recognised, and its migrations.
protocol SQLStore: Store {
    var queries: SQLQueries { get }

    /// Runs `body` on one pooled connection.
    func withDatabase<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body` in a write transaction on one connection: everything or nothing.
    /// - Throws: ``StoreError/Code/conflict`` when a unique value is taken; what `body` threw otherwise.
    func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R
}

// MARK: Institutions

extension SQLStore {
    public func createInstitution(_ institution: Institution, key: InstitutionKey, tokenHash: String) async throws {
        let queries = self.queries
        try await transaction { db in
            try await queries.insertInstitution(institution, tokenHash: tokenHash, on: db)
            try await queries.insertKey(key, on: db)
        }
    }

    public func institution(id: UUID) async throws -> Institution? {
        let queries = self.queries
        return try await withDatabase { try await queries.institution(where: "id", equals: id.uuidString, on: $0) }
    }

    public func institution(slug: String) async throws -> Institution? {
        let queries = self.queries
        return try await withDatabase { try await queries.institution(where: "slug", equals: slug, on: $0) }
    }

    public func institution(tokenHash: String) async throws -> Institution? {
        let queries = self.queries
        return try await withDatabase { try await queries.institution(where: "token_hash", equals: tokenHash, on: $0) }
    }

    public func institutions() async throws -> [Institution] {
        let queries = self.queries
        return try await withDatabase { try await queries.institutions(on: $0) }
    }

    public func activeKey(institutionID: UUID) async throws -> InstitutionKey? {
        let queries = self.queries
        return try await withDatabase { try await queries.activeKey(institutionID: institutionID, on: $0) }
    }
}

// MARK: Specs

extension SQLStore {
    public func addSpecVersion(_ spec: MicroCredentialSpec) async throws {
        let queries = self.queries
        try await transaction { db in
            let latest = try await queries.latestVersion(specID: spec.id, on: db) ?? 0
            guard spec.version == latest + 1 else {
                throw StoreError(.conflict, "spec \(spec.id) is at version \(latest); the next version is \(latest + 1), not \(spec.version)")
            }
            // Two writers adding the same version at once: the primary key (id, version) refuses the second.
            try await queries.insertSpec(spec, on: db)
        }
    }

    public func spec(id: UUID, version: Int?) async throws -> MicroCredentialSpec? {
        let queries = self.queries
        return try await withDatabase { try await queries.spec(id: id, version: version, on: $0) }
    }

    public func latestSpecs(institutionID: UUID?) async throws -> [MicroCredentialSpec] {
        let queries = self.queries
        return try await withDatabase { try await queries.latestSpecs(institutionID: institutionID, on: $0) }
    }
}

// MARK: Awards

extension SQLStore {
    public func addAward(_ award: Award) async throws {
        try await addAwards([award], batch: nil, audit: [])
    }

    public func addAwards(_ awards: [Award], batch: Batch?, audit: [AuditEntry]) async throws {
        let queries = self.queries
        try await transaction { db in
            if let batch { try await queries.insertBatch(batch, on: db) }
            for award in awards { try await queries.insertAward(award, on: db) }
            for entry in audit { try await queries.insertAudit(entry, on: db) }
        }
    }

    public func changeStatus(awardID: UUID, purpose: StatusPurpose, change: StatusChange?, audit: AuditEntry) async throws {
        let queries = self.queries
        try await transaction { db in
            try await queries.changeStatus(awardID: awardID, purpose: purpose, change: change, on: db)
            try await queries.insertAudit(audit, on: db)
        }
    }

    public func batches(institutionID: UUID, limit: Int) async throws -> [Batch] {
        let queries = self.queries
        return try await withDatabase { try await queries.batches(institutionID: institutionID, limit: limit, on: $0) }
    }

    public func batch(id: UUID) async throws -> Batch? {
        let queries = self.queries
        return try await withDatabase { try await queries.batch(id: id, on: $0) }
    }

    public func awards(batchID: UUID) async throws -> [Award] {
        let queries = self.queries
        return try await withDatabase { try await queries.awards(batchID: batchID, on: $0) }
    }

    public func award(id: UUID) async throws -> Award? {
        let queries = self.queries
        return try await withDatabase { try await queries.award(where: "id", equals: id.uuidString, on: $0) }
    }

    public func award(credentialID: String) async throws -> Award? {
        let queries = self.queries
        return try await withDatabase { try await queries.award(where: "credential_id", equals: credentialID, on: $0) }
    }

    public func awards(superseding id: UUID) async throws -> [Award] {
        let queries = self.queries
        return try await withDatabase { try await queries.awards(superseding: id, on: $0) }
    }

    public func awards(institutionID: UUID?, limit: Int) async throws -> [Award] {
        let queries = self.queries
        return try await withDatabase { try await queries.awards(institutionID: institutionID, limit: limit, on: $0) }
    }
}

/// Closes a store's connection pool: when its owner shuts the store down, or else when the store
/// goes away (an owner that failed halfway, an early exit). AsyncKit requires every pool to be
/// shut down before it goes, and a debug build traps if one is not.
final class PoolCloser<Source: ConnectionPoolSource>: @unchecked Sendable {
    private let pool: EventLoopGroupConnectionPool<Source>
    private let lock = NSLock()
    private var closed = false

    init(_ pool: EventLoopGroupConnectionPool<Source>) {
        self.pool = pool
    }

    /// Closes the pool's connections; a second call does nothing (a store may be shut down by
    /// its owner and again on the way out).
    func shutdown() async throws {
        lock.withLock { closed = true }
        do {
            try await pool.shutdownAsync()
        } catch ConnectionPoolError.shutdown {
            return
        }
    }

    deinit {
        // The pool's callback keeps it alive until its connections are closed.
        if !lock.withLock({ closed }) { pool.shutdownGracefully { _ in } }
    }
}
