import Credentials
import Foundation
import Hummingbird
import Logging
import MochilaCore
import MochilaStore

/// Builds the node's router: what `mochila serve` runs and what the tests exercise.
public func buildRouter(node: Node, demo: Bool) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: RequestLogMiddleware(.info))
    router.add(middleware: SecurityHeadersMiddleware(https: node.publicURL.hasPrefix("https://")))
    router.add(middleware: ErrorTranslationMiddleware())
    router.add(middleware: LanguageCookieMiddleware())
    Routes(node: node, demo: demo).register(on: router)
    return router
}

/// Builds the application: the router on the configured address.
public func buildApplication(node: Node, demo: Bool, host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
    Application(
        router: buildRouter(node: node, demo: demo),
        configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "Mochila"),
        logger: logger)
}

/// What `mochila serve` was asked for.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    public var dataDirectory: URL
    public var databaseURL: String?
    public var demo: Bool
    /// Whether verification may fetch DID documents and status lists over HTTPS.
    public var fetchDocuments: Bool
    /// Where the node is reached from outside; `http://{host}:{port}` unless given.
    public var publicURL: String?
    /// Whether fetching may reach this machine (nodes started side by side), over http too.
    public var allowLoopback: Bool

    /// The public URL in effect.
    public var effectivePublicURL: String {
        if let publicURL { return publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL }
        let shown = host == "0.0.0.0" || host == "::" ? "localhost" : host
        return "http://\(shown):\(port)"
    }

    public init(
        host: String, port: Int, dataDirectory: URL, databaseURL: String?, demo: Bool, fetchDocuments: Bool = true,
        publicURL: String? = nil, allowLoopback: Bool = false
    ) {
        self.allowLoopback = allowLoopback
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.demo = demo
        self.fetchDocuments = fetchDocuments
        self.publicURL = publicURL
    }
}

/// Where a node's store is: SQLite under the data folder unless a database URL says otherwise
/// (`sqlite:PATH`, or `postgres://USER:PASSWORD@HOST:PORT/DATABASE`, which several nodes may
/// share). What `serve`, `backup` and `restore` read from `--data` and `--database`.
public enum StoreLocation: Sendable {
    case sqlite(path: String)
    case postgres(url: String)

    /// - Throws: ``ValidationError`` for a database URL Mochila cannot use.
    public init(dataDirectory: URL, databaseURL url: String?) throws {
        guard let url else {
            self = .sqlite(path: dataDirectory.appendingPathComponent("mochila.sqlite").path)
            return
        }
        if url.hasPrefix("sqlite:") {
            var path = String(url.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { throw ValidationError(field: "--database", "sqlite: needs a file path, e.g. sqlite:/var/lib/mochila/db.sqlite") }
            self = .sqlite(path: path)
        } else if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            self = .postgres(url: url)
        } else {
            throw ValidationError(
                field: "--database",
                "\"\(PostgresStore.redact(url))\" is not a database URL Mochila knows (sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE)")
        }
    }

    /// Opens the store (nothing is read or written yet).
    /// - Throws: ``ValidationError`` for a PostgreSQL URL Mochila cannot use.
    public func open(logger: Logger) throws -> any Store {
        switch self {
        case .sqlite(let path): return SQLiteStore(path: path, logger: logger)
        case .postgres(let url):
            do {
                return try PostgresStore(url: url, logger: logger)
            } catch let error as StoreError {
                throw ValidationError(field: "--database", error.message)
            }
        }
    }
}

/// Opens the store named by the settings (``StoreLocation``).
/// - Throws: ``ValidationError`` for a database URL Mochila cannot use.
public func openStore(_ settings: ServerSettings, logger: Logger) throws -> any Store {
    try StoreLocation(dataDirectory: settings.dataDirectory, databaseURL: settings.databaseURL).open(logger: logger)
}

/// Runs a node until it is stopped: opens the data folder and store, migrates, seeds the demo
/// network when asked, and serves.
public func runServer(_ settings: ServerSettings, environment: [String: String], logger: Logger) async throws {
    // The data folder holds the database (learners' names) and the node's secrets: owner only.
    try FileManager.default.createDirectory(
        at: settings.dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let masterKey = try Secrets.masterKey(environment: environment, dataDirectory: settings.dataDirectory)
    let adminToken = try Secrets.adminToken(environment: environment, dataDirectory: settings.dataDirectory)
    let store = try openStore(settings, logger: logger)
    do {
        try await store.migrate()
        var policy = HTTPDocumentResolver.Policy()
        policy.allowLoopback = settings.allowLoopback
        let documents: any DocumentResolver = settings.fetchDocuments ? HTTPDocumentResolver(policy: policy, logger: logger) : PreloadedDocuments()
        let node = Node(
            store: store, vault: try KeyVault(masterKey: masterKey), adminToken: adminToken,
            publicURL: settings.effectivePublicURL, documents: documents, logger: logger)
        if settings.demo {
            try await node.seedDemo()
            logger.warning(
                "demo mode: the demo institutions' API tokens are public (demo-<slug>); never use --demo on a node with real credentials")
        }
        if environment["MOCHILA_ADMIN_TOKEN"] == nil {
            logger.info("administrator token: \(settings.dataDirectory.appendingPathComponent("admin-token").path)")
        }
        let app = buildApplication(node: node, demo: settings.demo, host: settings.host, port: settings.port, logger: logger)
        try await app.runService()
    } catch {
        try? await store.shutdown()
        throw error
    }
    try await store.shutdown()
}
