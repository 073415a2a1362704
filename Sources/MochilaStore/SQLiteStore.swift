import AsyncKit
import Foundation
import Logging
import MochilaCore
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The embedded store: one SQLite file under the node's data folder.
///
/// Writes use `BEGIN IMMEDIATE` transactions, the journal is in WAL mode and every commit is
/// synced (`synchronous = FULL`), so a crash never loses an issued credential.
///
/// `@unchecked Sendable`: the only state is the connection pool, which synchronizes itself with a
/// lock (AsyncKit does not mark it `Sendable`).
public final class SQLiteStore: Store, @unchecked Sendable {
    let pool: EventLoopGroupConnectionPool<SQLiteSource>
    let logger: Logger
    let queries = SQLQueries()

    /// Opens (or creates) the database at `path`; `nil` opens a private temporary database.
    public init(path: String?, logger: Logger = Logger(label: "mochila.store")) {
        let storage: SQLiteConnection.Storage
        if let path {
            storage = .file(path: path)
        } else {
            storage = .file(path: FileManager.default.temporaryDirectory.appendingPathComponent("mochila-\(UUID().uuidString).sqlite").path)
        }
        self.logger = logger
        self.pool = EventLoopGroupConnectionPool(
            source: SQLiteSource(storage: storage), maxConnectionsPerEventLoop: 1, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton)
    }

    public func shutdown() async throws {
        try await pool.shutdownAsync()
    }

    /// Runs `body` on one pooled connection.
    func withDatabase<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let connection: SQLiteConnection
        do {
            connection = try await pool.requestConnection(logger: logger).get()
        } catch {
            throw StoreError(.unavailable, "the SQLite database cannot be opened", underlying: error)
        }
        defer { pool.releaseConnection(connection, logger: logger) }
        return try await body(connection.sql(queryLogLevel: .trace))
    }

    /// Runs `body` in a write transaction: everything or nothing.
    func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withDatabase { db in
            try await db.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw SQLiteStore.translate(error)
            }
        }
    }

    static func translate(_ error: any Error) -> any Error {
        if let error = error as? SQLiteError, "\(error)".contains("UNIQUE constraint failed") {
            return StoreError(.conflict, "a unique value is already taken", underlying: error)
        }
        return error
    }

    public func migrate() async throws {
        try await withDatabase { db in
            try await db.raw("PRAGMA journal_mode = WAL").run()
        }
        try await transaction { db in
            try await db.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)"
            ).run()
        }
        let applied = try await withDatabase { db in
            try await db.raw("SELECT version, checksum FROM schema_migrations ORDER BY version").all().map {
                (try $0.decode(column: "version", as: Int.self), try $0.decode(column: "checksum", as: String.self))
            }
        }
        let known = Dictionary(uniqueKeysWithValues: Migrations.all.map { ($0.version, $0) })
        for (version, checksum) in applied {
            guard let migration = known[version] else {
                throw StoreError(
                    .migration, "the database has migration \(version), which this version of Mochila does not know: it was written by a newer Mochila")
            }
            guard Migration.checksum(migration.sqliteStatements) == checksum else {
                throw StoreError(
                    .migration, "migration \(version) (\(migration.name)) was changed after it was applied; migrations are append-only")
            }
        }
        let appliedVersions = Set(applied.map(\.0))
        for migration in Migrations.all.sorted(by: { $0.version < $1.version }) where !appliedVersions.contains(migration.version) {
            let statements = migration.sqliteStatements
            try await transaction { db in
                for statement in statements { try await db.raw(SQLQueryString(statement)).run() }
                try await db.raw(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Migration.checksum(statements)), \(bind: Date().milliseconds))"
                ).run()
            }
            logger.info("applied migration \(migration.version): \(migration.name)")
        }
    }

    // MARK: Institutions

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

    // MARK: Specs

    public func addSpecVersion(_ spec: MicroCredentialSpec) async throws {
        let queries = self.queries
        try await transaction { db in
            let latest = try await queries.latestVersion(specID: spec.id, on: db) ?? 0
            guard spec.version == latest + 1 else {
                throw StoreError(.conflict, "spec \(spec.id) is at version \(latest); the next version is \(latest + 1), not \(spec.version)")
            }
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

    // MARK: Awards

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

    // MARK: Status lists

    public func reserveStatusSlots(institutionID: UUID, count: Int, capacity: Int, at: Date) async throws -> [StatusSlot] {
        let queries = self.queries
        return try await transaction { db in
            try await queries.reserveStatusSlots(institutionID: institutionID, count: count, capacity: capacity, at: at, on: db)
        }
    }

    public func statusList(institutionID: UUID, number: Int) async throws -> StatusListRecord? {
        let queries = self.queries
        return try await withDatabase { try await queries.statusList(institutionID: institutionID, number: number, on: $0) }
    }

    public func statusBits(listID: UUID) async throws -> [(index: Int, revoked: Bool, suspended: Bool)] {
        let queries = self.queries
        return try await withDatabase { try await queries.statusBits(listID: listID, on: $0) }
    }

    public func statusListCredential(listID: UUID, purpose: StatusPurpose) async throws -> StoredStatusList? {
        let queries = self.queries
        return try await withDatabase { try await queries.statusListCredential(listID: listID, purpose: purpose, on: $0) }
    }

    public func storeStatusListCredential(_ list: StoredStatusList) async throws {
        let queries = self.queries
        try await transaction { try await queries.storeStatusListCredential(list, on: $0) }
    }

    // MARK: Keys and audit

    public func keys(institutionID: UUID) async throws -> [InstitutionKey] {
        let queries = self.queries
        return try await withDatabase { try await queries.keys(institutionID: institutionID, on: $0) }
    }

    public func rotateKey(_ key: InstitutionKey, audit: AuditEntry) async throws {
        let queries = self.queries
        try await transaction { db in
            try await db.raw("UPDATE institution_keys SET active = 0 WHERE institution_id = \(bind: key.institutionID.uuidString)").run()
            try await queries.insertKey(key, on: db)
            try await queries.insertAudit(audit, on: db)
        }
    }

    public func appendAudit(_ entry: AuditEntry) async throws {
        let queries = self.queries
        try await transaction { try await queries.insertAudit(entry, on: $0) }
    }

    public func audit(institutionID: UUID?, limit: Int) async throws -> [AuditEntry] {
        let queries = self.queries
        return try await withDatabase { try await queries.audit(institutionID: institutionID, limit: limit, on: $0) }
    }

    public func award(id: UUID) async throws -> Award? {
        let queries = self.queries
        return try await withDatabase { try await queries.award(where: "id", equals: id.uuidString, on: $0) }
    }

    public func award(credentialID: String) async throws -> Award? {
        let queries = self.queries
        return try await withDatabase { try await queries.award(where: "credential_id", equals: credentialID, on: $0) }
    }

    public func awards(institutionID: UUID?, limit: Int) async throws -> [Award] {
        let queries = self.queries
        return try await withDatabase { try await queries.awards(institutionID: institutionID, limit: limit, on: $0) }
    }

    // MARK: Staff and sessions

    public func createStaff(_ member: StaffMember, passwordHash: String) async throws {
        let queries = self.queries
        try await transaction { try await queries.insertStaff(member, passwordHash: passwordHash, on: $0) }
    }

    public func staff(email: String) async throws -> (StaffMember, passwordHash: String)? {
        let queries = self.queries
        return try await withDatabase { try await queries.staff(where: "email", equals: email.lowercased(), on: $0) }
            .map { ($0.0, passwordHash: $0.1) }
    }

    public func staff(id: UUID) async throws -> StaffMember? {
        let queries = self.queries
        return try await withDatabase { try await queries.staff(where: "id", equals: id.uuidString, on: $0) }?.0
    }

    public func staff(institutionID: UUID) async throws -> [StaffMember] {
        let queries = self.queries
        return try await withDatabase { try await queries.staff(institutionID: institutionID, on: $0) }
    }

    public func createSession(_ session: StaffSession) async throws {
        let queries = self.queries
        try await transaction { try await queries.insertSession(session, on: $0) }
    }

    public func session(tokenHash: String) async throws -> StaffSession? {
        let queries = self.queries
        return try await withDatabase { try await queries.session(tokenHash: tokenHash, on: $0) }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await transaction { db in try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run() }
    }

    public func deleteSessions(expiredBefore date: Date) async throws {
        try await transaction { db in try await db.raw("DELETE FROM sessions WHERE expires_at < \(bind: date.milliseconds)").run() }
    }

    // MARK: OAuth

    public func createOAuthClient(_ client: OAuthClient) async throws {
        let queries = self.queries
        try await transaction { try await queries.insertOAuthClient(client, on: $0) }
    }

    public func oauthClient(id: String) async throws -> OAuthClient? {
        let queries = self.queries
        return try await withDatabase { try await queries.oauthClient(id: id, on: $0) }
    }

    public func storeOAuthToken(_ token: OAuthToken) async throws {
        let queries = self.queries
        try await transaction { try await queries.insertOAuthToken(token, on: $0) }
    }

    public func oauthToken(hash: String) async throws -> OAuthToken? {
        let queries = self.queries
        return try await withDatabase { try await queries.oauthToken(hash: hash, on: $0) }
    }

    // MARK: Settings

    public func setting(_ key: String) async throws -> String? {
        try await withDatabase { db in
            try await db.raw("SELECT value FROM settings WHERE key = \(bind: key)").first()?.decode(column: "value", as: String.self)
        }
    }

    public func setSetting(_ key: String, _ value: String) async throws {
        try await transaction { db in
            try await db.raw(
                "INSERT INTO settings (key, value) VALUES (\(bind: key), \(bind: value)) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            ).run()
        }
    }
}

/// Opens SQLite connections with the pragmas Mochila relies on.
struct SQLiteSource: ConnectionPoolSource {
    let storage: SQLiteConnection.Storage

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: storage, threadPool: .singleton, logger: logger, on: eventLoop).flatMap { connection in
            connection.query("PRAGMA foreign_keys = ON").flatMap { _ in
                connection.query("PRAGMA synchronous = FULL")
            }.map { _ in connection }
        }
    }
}

extension Date {
    /// Milliseconds since 1970, as the store keeps instants.
    public var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    /// The instant `milliseconds` after 1970.
    public init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
