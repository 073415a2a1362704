import ArgumentParser
import Foundation
import Logging
import MochilaCore
import MochilaServer

/// `mochila serve [--host H] [--port 8080] [--data DIR] [--database URL] [--demo]`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a Mochila node: the JSON API, the VC-API verifier and the pages.",
        discussion: """
            Data lives in SQLite under --data unless --database names another store (PostgreSQL, shared by every node behind a load balancer). The master key that seals \
            institution keys comes from MOCHILA_MASTER_KEY or from DIR/master.key (created on first run, mode 0600); \
            the administrator token from MOCHILA_ADMIN_TOKEN or DIR/admin-token.
            """)

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(help: "The data folder (SQLite database, master key, administrator token).")
    var data: String = "./mochila-data"

    @Option(help: "A database URL: sqlite:PATH, or postgres://USER:PASSWORD@HOST:PORT/DATABASE[?sslmode=disable|prefer|require], which several nodes may share (default: SQLite under --data).")
    var database: String?

    @Flag(help: "Seed a demo network (institutions of MX, DO, CL and GT, specs, learners, awards) on first start.")
    var demo = false

    @Flag(help: "Verify without fetching anything (no did:web documents or status lists over HTTPS).")
    var offline = false

    @Flag(help: "Also fetch from this machine (registries, catalogues, documents of nodes started side by side). Never on a public node: it lets requests reach local services.")
    var allowLoopback = false

    @Option(help: "Where the node is reached from outside (status lists, DID documents, links); with https, institutions get did:web DIDs. Default: MOCHILA_PUBLIC_URL, else http://HOST:PORT.")
    var publicURL: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
        if let publicURL, !(publicURL.hasPrefix("https://") || publicURL.hasPrefix("http://")) || publicURL.contains(" ") {
            throw ValidationError("--public-url must be an http(s) URL such as https://creditos.uni.example")
        }
    }

    func run() async throws {
        let logger = Logger(label: "mochila")
        let settings = ServerSettings(
            host: host, port: port, dataDirectory: URL(fileURLWithPath: data), databaseURL: database, demo: demo,
            fetchDocuments: !offline, publicURL: publicURL ?? ProcessInfo.processInfo.environment["MOCHILA_PUBLIC_URL"],
            allowLoopback: allowLoopback)
        do {
            try await runServer(settings, environment: ProcessInfo.processInfo.environment, logger: logger)
        } catch let error as MochilaCore.ValidationError {
            throw CLIError(error.description)
        } catch {
            throw CLIError("the node could not start: \(error)")
        }
    }
}
