import AsyncKit
import Foundation
import Logging
import MochilaCore
import NIOCore
import NIOPosix
import PostgresKit
import PostgresNIO
import SQLKit

/// The shared store of a network: one PostgreSQL database that several `mochila serve`
/// processes use at once.
///
/// Every ``Store`` method comes from ``SQLStore``, on the same queries as SQLite; this type
/// brings the connections, the transactions and the migrations. A transaction runs on one
/// connection at PostgreSQL's default isolation (read committed). Where a transaction reads
/// and then writes what another process may be writing too, it locks first: the institution's
/// row while status places are reserved or keys rotated, the award's row while its status
/// changes. Unique keys catch anything that slips past (two credentials never share a status
/// place), and PL/pgSQL triggers keep issued credentials, revocations and the audit log as they
/// were written.
///
/// `@unchecked Sendable`: the only state is the connection pool (and its closer), which
/// synchronizes itself with a lock (AsyncKit does not mark it `Sendable`).
public final class PostgresStore: SQLStore, @unchecked Sendable {
    let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    private let closer: PoolCloser<PostgresConnectionSource>
    let logger: Logger
    let queries = SQLQueries()
    /// The database URL without its password, for messages.
    let location: String

    /// Connects lazily to the database at `url`.
    /// - Parameters:
    ///   - url: `postgres://USER:PASSWORD@HOST:PORT/DATABASE`, optionally with
    ///     `?sslmode=disable|prefer|require` (TLS always verifies the certificate; `prefer` is the
    ///     default).
    ///   - connectionsPerEventLoop: the pool holds at most this many connections per event loop
    ///     (one event loop per core).
    /// - Throws: ``StoreError/Code/unavailable`` for a URL that does not name a PostgreSQL database.
    public init(url: String, connectionsPerEventLoop: Int = 4, logger: Logger = Logger(label: "mochila.store")) throws {
        location = PostgresStore.redact(url)
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw StoreError(
                .unavailable, "\(location) is not a PostgreSQL URL Mochila can use: write postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        guard configuration.coreConfiguration.database != nil else {
            throw StoreError(.unavailable, "\(location) names no database: write postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        // The driver's trace and debug messages carry the rows and binds it moves (learners'
        // names, token hashes): it logs from .info up, whatever the node's level.
        var driverLogger = logger
        if driverLogger.logLevel < .info { driverLogger.logLevel = .info }
        self.logger = driverLogger
        self.pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: connectionsPerEventLoop,
            logger: driverLogger, on: MultiThreadedEventLoopGroup.singleton)
        self.closer = PoolCloser(pool)
    }

    public func shutdown() async throws {
        try await closer.shutdown()
    }

    /// Runs `body` on one pooled connection.
    func withDatabase<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withConnection { try await body($0.sql(queryLogLevel: nil)) }
    }

    /// Runs `body` on one pooled connection, translating PostgreSQL's errors.
    func withConnection<R: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> R) async throws -> R {
        let connection: PostgresConnection
        do {
            connection = try await pool.requestConnection(logger: logger).get()
        } catch {
            throw StoreError(.unavailable, "the PostgreSQL database at \(location) cannot be reached", underlying: PostgresStore.cause(error))
        }
        defer { pool.releaseConnection(connection, logger: logger) }
        do {
            return try await body(connection)
        } catch {
            throw PostgresStore.translate(error)
        }
    }

    /// Runs `body` in a transaction on one connection: everything or nothing.
    func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withConnection { connection in
            let db = connection.sql(queryLogLevel: nil)
            try await db.raw("BEGIN").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                do {
                    try await db.raw("ROLLBACK").run()
                } catch {
                    // A connection whose transaction state is unknown never goes back to the pool open.
                    try? await connection.close()
                }
                throw error
            }
        }
    }

    /// The key of the advisory lock that nodes hold while they migrate ("mochila" in ASCII).
    static let migrationLock: Int64 = 0x6D6F_6368_696C_61

    /// Applies pending migrations in one transaction, under an advisory lock: nodes that start
    /// together wait for each other, and the later ones find the schema migrated.
    public func migrate() async throws {
        let logger = self.logger
        try await transaction { db in
            try await db.raw("SELECT pg_advisory_xact_lock(\(bind: PostgresStore.migrationLock))").run()
            try await db.raw(SQLQueryString(Migrations.createLedger)).run()
            let applied = try await db.raw("SELECT version, checksum FROM schema_migrations ORDER BY version").all().map {
                (version: try $0.decode(column: "version", as: Int.self), checksum: try $0.decode(column: "checksum", as: String.self))
            }
            for migration in try Migrations.pending(applied: applied, dialect: .postgres) {
                let statements = migration.postgresStatements
                for statement in statements { try await db.raw(SQLQueryString(statement)).run() }
                try await db.raw(
                    """
                    INSERT INTO schema_migrations (version, name, checksum, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Migration.checksum(statements)), \(bind: Date().milliseconds))
                    """
                ).run()
                logger.info("applied migration \(migration.version): \(migration.name)")
            }
        }
    }

    /// PostgreSQL's errors as the store's: a unique violation is a conflict, a statement the
    /// server refused (a trigger, a constraint) is refused with the server's message, and a lost
    /// connection is unavailable. Messages name no bound values.
    static func translate(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError else { return error }
        guard let server = error.serverInfo else {
            return StoreError(.unavailable, "the PostgreSQL connection failed (\(error.code))", underlying: cause(error))
        }
        let state = server[.sqlState] ?? ""
        let message = server[.message] ?? "the statement was refused"
        if state == "23505" {
            let constraint = server[.constraintName].map { " (\($0))" } ?? ""
            return StoreError(.conflict, "a unique value is already taken\(constraint)", underlying: ServerMessage(state: state, message: message))
        }
        if state == "53100" {
            return StoreError(.full, "the disk of the PostgreSQL server is full: nothing was written", underlying: ServerMessage(state: state, message: message))
        }
        if state.hasPrefix("23") || state == "P0001" {
            return StoreError(.refused, message, underlying: ServerMessage(state: state, message: message))
        }
        return StoreError(.unavailable, "PostgreSQL: \(message) [\(state)]", underlying: ServerMessage(state: state, message: message))
    }

    /// What went wrong underneath a PostgreSQL client error, for logs: PSQLError prints only a
    /// placeholder, and its full form would print the statement.
    static func cause(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError else { return error }
        return error.underlying ?? ServerMessage(state: error.serverInfo?[.sqlState] ?? "", message: "\(error.code)")
    }

    /// A PostgreSQL server message: its SQLSTATE and text, nothing else.
    struct ServerMessage: Error, CustomStringConvertible {
        var state: String
        var message: String
        var description: String { state.isEmpty ? message : "\(message) [\(state)]" }
    }

    /// `url` without its password, for messages and logs.
    public static func redact(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "the database URL" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "the database URL"
    }
}

// MARK: Backups

extension PostgresStore {
    /// The number of tables in the database's public schema: 0 for a new, empty database.
    public func tableCount() async throws -> Int {
        try await withDatabase { db in
            let row = try await db.raw("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'").first()
            return try row?.decode(column: "n", as: Int.self) ?? 0
        }
    }
}
