import AsyncHTTPClient
import Foundation
import LinkedData
import MochilaTestSupport
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing

/// A `mochila serve` process, started as an operator starts it, on a free loopback port. Its
/// output goes to a log file, whose end a failing test prints.
final class ServeProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    let log: URL

    var url: String { "http://127.0.0.1:\(port)" }

    /// Starts `mochila serve` with `arguments` (the port is added) and waits until `/health` answers.
    static func start(
        _ arguments: [String], environment extra: [String: String], in folder: URL, name: String, client: HTTPClient
    ) async throws -> ServeProcess {
        let port = try await freePort()
        let log = folder.appendingPathComponent("\(name).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = Mochila.executable
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port)] + arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let node = ServeProcess(process: process, port: port, log: log)
        try await node.waitUntilHealthy(client: client)
        return node
    }

    init(process: Process, port: Int, log: URL) {
        self.process = process
        self.port = port
        self.log = log
    }

    /// A port nothing listens on now.
    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    func waitUntilHealthy(client: HTTPClient, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw Failure("the node exited (\(process.terminationStatus)):\n\(logTail)") }
            if let response = try? await API(client: client, base: url).call(.GET, "/health"), response.status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure("the node did not answer /health within \(timeout):\n\(logTail)")
    }

    /// Kills the process as a crash would: no shutdown, no flush.
    func kill() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Stops the process as an operator would (SIGTERM), and waits for it.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// The end of the node's log.
    var logTail: String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(30).joined(separator: "\n")
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// The node's JSON API, over real HTTP.
struct API: Sendable {
    let client: HTTPClient
    let base: String
    var token: String?

    init(client: HTTPClient, base: String, token: String? = nil) {
        self.client = client
        self.base = base
        self.token = token
    }

    struct Response {
        var status: Int
        var json: JSONValue?
        var text: String
    }

    func call(_ method: HTTPMethod, _ path: String, _ body: JSONValue? = nil) async throws -> Response {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body.serialized()))
        }
        let response = try await client.execute(request, timeout: .seconds(60))
        let bytes = Array(try await response.body.collect(upTo: 16 << 20).readableBytesView)
        return Response(
            status: Int(response.status.code), json: try? JSONValue(parsing: bytes, limits: JSONLimits(maxBytes: 16 << 20)),
            text: String(decoding: bytes, as: UTF8.self))
    }

    /// Creates an institution with the administrator token and returns an API for it.
    func createInstitution(slug: String) async throws -> API {
        let response = try await call(
            .POST, "/api/v1/institutions", ["slug": .string(slug), "name": ["es": .string("Universidad \(slug)")], "country": "CL"])
        guard response.status == 201, let token = response.json?["token"]?.stringValue else {
            throw ServeProcess.Failure("creating \(slug): \(response.status) \(response.text)")
        }
        return API(client: client, base: base, token: token)
    }

    /// Creates a spec and returns its id.
    func createSpec() async throws -> String {
        let response = try await call(.POST, "/api/v1/specs", specBody)
        guard response.status == 201, let id = response.json?["id"]?.stringValue else {
            throw ServeProcess.Failure("creating a spec: \(response.status) \(response.text)")
        }
        return id
    }

    func issue(specID: String, givenName: String) async throws -> Response {
        try await call(
            .POST, "/api/v1/awards", ["specId": .string(specID), "learner": ["givenName": .string(givenName), "familyName": "Araya Núñez"]])
    }

    /// Starts a batch and returns its id.
    func startBatch(specID: String, learners: Int, prefix: String) async throws -> String {
        let rows = (0..<learners).map { n -> JSONValue in ["givenName": .string("\(prefix) \(n)"), "familyName": "Pérez Ñancupil"] }
        let response = try await call(.POST, "/api/v1/batches", ["specId": .string(specID), "learners": .array(rows)])
        guard response.status == 202, let id = response.json?["id"]?.stringValue else {
            throw ServeProcess.Failure("starting a batch: \(response.status) \(response.text)")
        }
        return id
    }

    /// Waits until the batch is issued or failed, and returns its last progress.
    func waitForBatch(_ id: String, timeout: Duration = .seconds(300)) async throws -> JSONValue {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let progress = try await call(.GET, "/api/v1/batches/\(id)")
            if let state = progress.json?["state"]?.stringValue, state == "issued" || state == "failed" { return progress.json! }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServeProcess.Failure("batch \(id) did not finish within \(timeout)")
    }

    /// The number of the institution's awards (at most 500).
    func awardCount() async throws -> Int {
        let response = try await call(.GET, "/api/v1/awards")
        guard response.status == 200, let awards = response.json?.arrayValue else {
            throw ServeProcess.Failure("listing awards: \(response.status) \(response.text)")
        }
        return awards.count
    }
}

