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
/// Every ``Store`` method comes from ``SQLStore``; this type brings the connections, the
/// transactions and the migrations.
///
/// `@unchecked Sendable`: the only state is the connection pool (and its closer), which
/// synchronizes itself with a lock (AsyncKit does not mark it `Sendable`).
public final class SQLiteStore: SQLStore, @unchecked Sendable {
    let pool: EventLoopGroupConnectionPool<SQLiteSource>
    private let closer: PoolCloser<SQLiteSource>
    let logger: Logger
    let queries = SQLQueries()
    /// Queues this process's write transactions one after another.
    let writers = SerialQueue()

    /// Opens (or creates) the database at `path`; `nil` opens a private temporary database.
    public init(path: String?, logger: Logger = Logger(label: "mochila.store")) {
        let storage: SQLiteConnection.Storage
        if let path {
            storage = .file(path: path)
        } else {
            storage = .file(path: FileManager.default.temporaryDirectory.appendingPathComponent("mochila-\(UUID().uuidString).sqlite").path)
        }
        // The driver's trace and debug messages may carry what it moves: .info up only.
        var driverLogger = logger
        if driverLogger.logLevel < .info { driverLogger.logLevel = .info }
        self.logger = driverLogger
        // Readers work side by side in WAL mode (writers queue on ``writers``): with one
        // connection per event loop, the verifier's status list reads queued behind each other
        // and a 2-core node verified 1,400 credentials a second on one core; with four, 2,480.
        self.pool = EventLoopGroupConnectionPool(
            source: SQLiteSource(storage: storage), maxConnectionsPerEventLoop: 4, logger: driverLogger,
            on: MultiThreadedEventLoopGroup.singleton)
        self.closer = PoolCloser(pool)
    }

    public func shutdown() async throws {
        try await closer.shutdown()
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
        do {
            return try await body(connection.sql(queryLogLevel: nil))
        } catch {
            throw SQLiteStore.translate(error)
        }
    }

    /// Runs `body` in a write transaction: everything or nothing.
    ///
    /// SQLite lets one writer in at a time. The writers of this process queue here, on
    /// ``writers``, rather than in SQLite's busy handler, which would hold a thread of the shared
    /// thread pool while it waits, a thread the writer it waits for may need to finish.
    func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await writers.run { try await self.writeTransaction(body) }
    }

    private func writeTransaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
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
        guard let error = error as? SQLiteError else { return error }
        if "\(error)".contains("UNIQUE constraint failed") {
            return StoreError(.conflict, "a unique value is already taken", underlying: error)
        }
        switch error.reason {
        case .constraint, .constraintTriggerFailed, .constraintForeignKeyFailed, .constraintCheckFailed, .constraintNotNullFailed,
            .constraintPrimaryKeyFailed:
            return StoreError(.refused, error.message, underlying: error)
        case .full:
            return StoreError(.full, "the disk holding the SQLite database is full: nothing was written", underlying: error)
        case .ioError, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedRead, .ioErrorIncompleteRead, .ioErrorFailedTruncate,
            .readOnly, .cantOpen:
            return StoreError(.unavailable, "the SQLite database cannot be read or written (\(error.message)): nothing was written", underlying: error)
        default:
            return error
        }
    }

    public func migrate() async throws {
        try await withDatabase { db in
            try await db.raw("PRAGMA journal_mode = WAL").run()
        }
        try await transaction { db in try await db.raw(SQLQueryString(Migrations.createLedger)).run() }
        let applied = try await withDatabase { db in
            try await db.raw("SELECT version, checksum FROM schema_migrations ORDER BY version").all().map {
                (version: try $0.decode(column: "version", as: Int.self), checksum: try $0.decode(column: "checksum", as: String.self))
            }
        }
        // One transaction per migration: a node stopped halfway resumes at the first one missing.
        for migration in try Migrations.pending(applied: applied, dialect: .sqlite) {
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
}

/// Opens SQLite connections with the pragmas Mochila relies on.
struct SQLiteSource: ConnectionPoolSource {
    let storage: SQLiteConnection.Storage
    static let busyTimeoutMilliseconds = 10_000

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: storage, threadPool: .singleton, logger: logger, on: eventLoop).flatMap { connection in
            connection.query("PRAGMA foreign_keys = ON").flatMap { _ in
                connection.query("PRAGMA synchronous = FULL")
            }.flatMap { _ in
                // Another process writing: wait for it at most this long, then fail with "busy"
                // (SQLiteNIO's own busy handler would retry forever, holding a pool thread).
                connection.query("PRAGMA busy_timeout = \(SQLiteSource.busyTimeoutMilliseconds)")
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

/// Runs async operations one at a time, in the order they arrive.
final class SerialQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<R: Sendable>(_ operation: @Sendable () async throws -> R) async throws -> R {
        await acquire()
        defer { release() }
        return try await operation()
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if busy {
                waiting.append(continuation)
                lock.unlock()
                return
            }
            busy = true
            lock.unlock()
            continuation.resume()
        }
    }

    private func release() {
        lock.lock()
        guard !waiting.isEmpty else {
            busy = false
            lock.unlock()
            return
        }
        let next = waiting.removeFirst()
        lock.unlock()
        next.resume()
    }
}

// MARK: Backups

extension SQLiteStore {
    /// Writes a consistent copy of the database to `path` (`VACUUM INTO`): one read transaction,
    /// so the node keeps issuing while it runs, and the copy holds every committed write up to
    /// its start, none after. The copy is a plain SQLite file, compacted.
    public func backup(to path: String) async throws {
        try await withDatabase { db in try await db.raw("VACUUM INTO \(bind: path)").run() }
    }

    /// What `PRAGMA integrity_check` finds wrong: empty for a sound database.
    public func integrityCheck() async throws -> [String] {
        let rows = try await withDatabase { db in try await db.raw("PRAGMA integrity_check").all() }
        let lines = try rows.map { try $0.decode(column: "integrity_check", as: String.self) }
        return lines == ["ok"] ? [] : lines
    }
}
