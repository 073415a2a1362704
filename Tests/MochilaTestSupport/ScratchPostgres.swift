import Foundation
import Logging
import PostgresKit
import PostgresNIO

/// A fresh PostgreSQL database for one test, on the server that `MOCHILA_TEST_POSTGRES_URL`
/// names: created before the test and dropped after it, whatever the test did.
///
/// The URL names a database the role may connect to (`postgres://mochila:secret@127.0.0.1:5432/mochila`)
/// and a role that may create databases (`CREATEDB`). Where the variable is not set, the
/// PostgreSQL tests are skipped with ``skipReason``; `.ci/run` sets it.
public struct ScratchPostgres: Sendable {
    public static let variable = "MOCHILA_TEST_POSTGRES_URL"

    /// The server's URL, when the environment names one.
    public static var serverURL: String? {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else { return nil }
        return value
    }

    public static var isConfigured: Bool { serverURL != nil }

    public static let skipReason =
        "MOCHILA_TEST_POSTGRES_URL is not set, so the PostgreSQL tests do not run here (README, PostgreSQL, says how to run them; .ci/run does)"

    /// The new database's name.
    public let name: String
    /// Its URL: the server's, with the database's name.
    public let url: String

    /// Runs `body` with a new database and drops the database afterwards.
    public static func with<R: Sendable>(_ body: (ScratchPostgres) async throws -> R) async throws -> R {
        guard let server = serverURL else { throw Failure("\(variable) is not set") }
        let name = "mochila_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        guard var components = URLComponents(string: server) else { throw Failure("\(variable) is not a URL") }
        components.path = "/" + name
        guard let url = components.string else { throw Failure("\(variable) is not a URL") }
        // template0 with UTF-8, whatever the server's default encoding: credentials are UTF-8 text.
        try await execute("CREATE DATABASE \"\(name)\" TEMPLATE template0 ENCODING 'UTF8'", on: server)
        let scratch = ScratchPostgres(name: name, url: url)
        do {
            let result = try await body(scratch)
            try await drop(name, on: server)
            return result
        } catch {
            try? await drop(name, on: server)
            throw error
        }
    }

    static func drop(_ name: String, on server: String) async throws {
        // FORCE ends connections left open, such as those of a server process the test killed.
        // An autovacuum worker that just started on the database may still refuse to be ended
        // by a role without pg_signal_backend (PostgreSQL 15); it is gone a moment later.
        var attempt = 0
        while true {
            do {
                try await execute("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)", on: server)
                return
            } catch {
                attempt += 1
                if attempt >= 5 { throw error }
                try await Task.sleep(for: .milliseconds(200 * attempt))
            }
        }
    }

    /// Runs one statement on its own connection to `url`.
    public static func execute(_ sql: String, on url: String) async throws {
        let configuration = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(
            configuration: configuration.coreConfiguration, id: 0, logger: Logger(label: "mochila.test.postgres"))
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: connection.logger).collect()
        } catch {
            try? await connection.close()
            throw Failure("\(sql) failed: \(String(reflecting: error))")
        }
        try await connection.close()
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
