import ArgumentParser
import Foundation
import Logging
import MochilaCore
import MochilaServer
import MochilaStore

extension StoreLocation {
    /// The location `--data` and `--database` name, as `serve` reads them.
    init(data: String, database: String?) throws {
        do { try self.init(dataDirectory: URL(fileURLWithPath: data), databaseURL: database) } catch let error as MochilaCore.ValidationError {
            throw CLIError(error.description)
        }
    }

    /// The store, with a URL it cannot use reported as a usage error.
    func openForCommand(logger: Logger) throws -> any Store {
        do { return try open(logger: logger) } catch let error as MochilaCore.ValidationError { throw CLIError(error.description) }
    }
}

/// The PostgreSQL client programs a backup of a PostgreSQL store runs.
enum PostgresTools {
    /// `pg_dump` or `pg_restore` from the PATH or Debian's `/usr/lib/postgresql/*/bin`, newest first.
    static func find(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        var candidates = path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
        let debian = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: debian.path)) ?? []).sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
        candidates = versions.map { debian.appendingPathComponent($0).appendingPathComponent("bin").appendingPathComponent(name) } + candidates
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CLIError("\(name) was not found: a PostgreSQL store is backed up with PostgreSQL's own tools (Debian: apt-get install postgresql-client)")
        }
        return found
    }

    /// Runs a tool with the database URL's password in `PGPASSWORD`, not on its command line.
    /// - Throws: ``CLIError`` with what the tool printed, when it fails.
    static func run(_ tool: URL, _ arguments: [String], url: String) throws {
        var components = URLComponents(string: url)
        let password = components?.password
        components?.password = nil
        // libpq reads sslmode from the URL; it does not know Mochila's other query items.
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments.map { $0 == "{url}" ? (components?.string ?? url) : $0 }
        var environment = ProcessInfo.processInfo.environment
        if let password { environment["PGPASSWORD"] = password.removingPercentEncoding ?? password }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.standardError
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CLIError("\(tool.lastPathComponent) failed (\(process.terminationStatus)): \(message)", exitCode: 1)
        }
    }
}

/// `mochila backup --data DIR [--database URL] FILE`: a consistent copy of a node's store, taken
/// while the node runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up a node's store while it runs (SQLite online backup, or pg_dump for PostgreSQL).",
        discussion: """
            SQLite is copied with VACUUM INTO: one consistent snapshot, taken in a read transaction while the node keeps working, then checked. \
            PostgreSQL is dumped with pg_dump (custom format) in one snapshot. The master key is not in the backup, on purpose: institution \
            keys in the backup are sealed with it, so keep DIR/master.key (or MOCHILA_MASTER_KEY) safe and apart from the backups; \
            `mochila restore` needs it.
            """)

    @Option(help: "The node's data folder (its SQLite database unless --database says otherwise).")
    var data: String = "./mochila-data"

    @Option(help: "The node's database URL, as given to serve: sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE.")
    var database: String?

    @Argument(help: "The backup file to write (it must not exist).")
    var file: String

    func run() async throws {
        let target = URL(fileURLWithPath: file)
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw CLIError("\(file) exists already: a backup never overwrites a file; name a new one")
        }
        let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: partial) }
        let location = try StoreLocation(data: data, database: database)
        var logger = Logger(label: "mochila.backup")
        logger.logLevel = .warning
        switch location {
        case .sqlite(let path):
            guard FileManager.default.fileExists(atPath: path) else { throw CLIError("there is no SQLite database at \(path): check --data or --database") }
            let store = SQLiteStore(path: path, logger: logger)
            do {
                try await store.backup(to: partial.path)
                try await store.shutdown()
            } catch {
                try? await store.shutdown()
                throw CLIError("the backup of \(path) failed: \(error)", exitCode: 1)
            }
            let summary = try await RestoreCommand.check(sqlite: partial.path, logger: logger)
            try FileManager.default.moveItem(at: partial, to: target)
            print("backup of \(path) written to \(file): \(summary)")
        case .postgres(let url):
            let tool = try PostgresTools.find("pg_dump")
            try PostgresTools.run(tool, ["--format=custom", "--no-owner", "--no-privileges", "--file", partial.path, "--dbname", "{url}"], url: url)
            try FileManager.default.moveItem(at: partial, to: target)
            let store = try location.openForCommand(logger: logger)
            let summary = try await RestoreCommand.summary(of: store)
            try await store.shutdown()
            print("backup of \(PostgresStore.redact(url)) written to \(file) (pg_dump custom format): \(summary)")
        }
        print("The master key is not in the backup: keep the node's master.key (or MOCHILA_MASTER_KEY) safe, apart from it.")
    }
}

/// `mochila restore --data DIR [--database URL] FILE`: puts a backup in place of a node's store,
/// and checks that this node's master key opens every institution's keys in it.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a node's store from `mochila backup` (stop the node first).",
        discussion: """
            The store must be empty (a new data folder or database) unless --force is given. The master key is read from \
            MOCHILA_MASTER_KEY or DIR/master.key and must be the one of the node that made the backup: every institution key in the \
            backup is opened with it before the restore is reported done. The store is migrated to this version of Mochila.
            """)

    @Option(help: "The node's data folder (master key; SQLite database unless --database says otherwise).")
    var data: String = "./mochila-data"

    @Option(help: "The database to restore into: sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE.")
    var database: String?

    @Flag(help: "Replace a store that holds data (the node must be stopped).")
    var force = false

    @Argument(help: "The backup file `mochila backup` wrote.")
    var file: String

    func run() async throws {
        guard FileManager.default.fileExists(atPath: file) else { throw CLIError("\(file) does not exist") }
        let location = try StoreLocation(data: data, database: database)
        let folder = URL(fileURLWithPath: data)
        let environment = ProcessInfo.processInfo.environment
        guard environment["MOCHILA_MASTER_KEY"] != nil || FileManager.default.fileExists(atPath: folder.appendingPathComponent("master.key").path) else {
            throw CLIError(
                "no master key: set MOCHILA_MASTER_KEY or copy the master.key of the node that made the backup into \(data) (the keys in the backup are sealed with it)")
        }
        let vault: KeyVault
        do { vault = try KeyVault(masterKey: try Secrets.masterKey(environment: environment, dataDirectory: folder)) } catch {
            throw CLIError("the master key cannot be read: \(error)")
        }
        var logger = Logger(label: "mochila.restore")
        logger.logLevel = .warning
        switch location {
        case .sqlite(let path):
            let header = try? FileHandle(forReadingFrom: URL(fileURLWithPath: file)).read(upToCount: 16)
            guard header == Data("SQLite format 3\u{0}".utf8) else {
                throw CLIError("\(file) is not a SQLite backup (a PostgreSQL backup restores with --database postgres://…)")
            }
            let target = URL(fileURLWithPath: path)
            if FileManager.default.fileExists(atPath: path) && !force {
                throw CLIError("\(path) exists: stop the node and add --force to replace it with the backup")
            }
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // Checked as a copy beside the database, then moved in place in one rename.
            let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).restoring")
            try? FileManager.default.removeItem(at: partial)
            defer { try? FileManager.default.removeItem(at: partial) }
            try FileManager.default.copyItem(at: URL(fileURLWithPath: file), to: partial)
            _ = try await Self.check(sqlite: partial.path, logger: logger)
            let store = SQLiteStore(path: partial.path, logger: logger)
            let summary = try await Self.migrateAndOpenKeys(store, vault: vault)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial.path + suffix) }
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            // rename(2): the database is the old one or the restored one, never half of either.
            guard rename(partial.path, path) == 0 else {
                throw CLIError("the restored database could not be moved to \(path): \(String(cString: strerror(errno)))", exitCode: 1)
            }
            print("restored \(file) into \(path): \(summary)")
        case .postgres(let url):
            let store = try location.openForCommand(logger: logger)
            let tables: Int
            do {
                tables = try await (store as! PostgresStore).tableCount()
            } catch {
                try? await store.shutdown()
                throw CLIError("the database cannot be reached: \(error)", exitCode: 1)
            }
            if tables > 0 && !force {
                try? await store.shutdown()
                throw CLIError("\(PostgresStore.redact(url)) holds tables: restore into an empty database, or stop the nodes and add --force")
            }
            let tool = try PostgresTools.find("pg_restore")
            // The keys are opened from the dump before anything is written: a wrong master key
            // leaves the database as it was.
            do {
                try Self.openKeys(inDump: file, tool: tool, vault: vault)
            } catch {
                try? await store.shutdown()
                throw error
            }
            var arguments = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", "{url}"]
            if tables > 0 { arguments += ["--clean", "--if-exists"] }
            do {
                try PostgresTools.run(tool, arguments + [file], url: url)
            } catch {
                try? await store.shutdown()
                throw error
            }
            let summary = try await Self.migrateAndOpenKeys(store, vault: vault)
            print("restored \(file) into \(PostgresStore.redact(url)): \(summary)")
        }
    }

    /// Opens every institution key of a pg_dump file with `vault`, reading the keys' table from
    /// the dump (`pg_restore --data-only --table=institution_keys`, COPY text format).
    static func openKeys(inDump file: String, tool: URL, vault: KeyVault) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = ["--data-only", "--table=institution_keys", "--file=-", file]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CLIError("\(file) is not a backup pg_restore can read: \(problem)", exitCode: 2) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("COPY public.institution_keys (") }) else {
            throw CLIError("\(file) holds no institution keys: it is not a Mochila backup", exitCode: 2)
        }
        let columns = lines[header].split(separator: "(")[1].split(separator: ")")[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let idColumn = columns.firstIndex(of: "id"), let sealedColumn = columns.firstIndex(of: "sealed_secret") else {
            throw CLIError("\(file): the institution keys' table has no sealed keys", exitCode: 2)
        }
        for line in lines[(header + 1)...] {
            if line == "\\." { break }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == columns.count, let sealed = Data(base64Encoded: fields[sealedColumn]) else {
                throw CLIError("\(file): an institution key cannot be read", exitCode: 2)
            }
            do {
                _ = try vault.open(Array(sealed), keyID: fields[idColumn])
            } catch {
                throw CLIError(
                    "this node's master key does not open the key \(fields[idColumn]) of the backup: use the master key of the node that made it (MOCHILA_MASTER_KEY or master.key); nothing was restored",
                    exitCode: 1)
            }
        }
    }

    /// Checks a SQLite file: SQLite's integrity check, and that it is a Mochila store.
    static func check(sqlite path: String, logger: Logger) async throws -> String {
        let store = SQLiteStore(path: path, logger: logger)
        do {
            let problems = try await store.integrityCheck()
            guard problems.isEmpty else { throw CLIError("\(path) is damaged: \(problems.prefix(3).joined(separator: "; "))", exitCode: 1) }
            let summary = try await summary(of: store)
            try await store.shutdown()
            return summary
        } catch let error as CLIError {
            try? await store.shutdown()
            throw error
        } catch {
            try? await store.shutdown()
            throw CLIError("\(path) is not a Mochila store: \(error)", exitCode: 1)
        }
    }

    /// "3 institutions, 120 credentials".
    static func summary(of store: any Store) async throws -> String {
        let institutions = try await store.institutions()
        var credentials = 0
        for institution in institutions { credentials += try await store.awards(institutionID: institution.id, limit: Int.max).count }
        return "\(institutions.count) institutions, \(credentials) credentials"
    }

    /// Migrates the restored store and opens every institution key with this node's master key.
    static func migrateAndOpenKeys(_ store: any Store, vault: KeyVault) async throws -> String {
        do {
            try await store.migrate()
            for institution in try await store.institutions() {
                for key in try await store.keys(institutionID: institution.id) {
                    do {
                        _ = try vault.open(key.sealedSecretKey, keyID: key.id)
                    } catch {
                        throw CLIError(
                            "this node's master key does not open the keys of \(institution.slug): use the master key of the node that made the backup (MOCHILA_MASTER_KEY or master.key)",
                            exitCode: 1)
                    }
                }
            }
            let summary = try await summary(of: store)
            try await store.shutdown()
            return summary + "; every institution key opens with this node's master key"
        } catch {
            try? await store.shutdown()
            throw error
        }
    }
}
