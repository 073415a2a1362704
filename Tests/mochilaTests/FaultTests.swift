import AsyncHTTPClient
import Foundation
import LinkedData
import MochilaCore
import MochilaStore
import MochilaTestSupport
import Testing

/// Nested in ``ServeProcessTests`` (serialized): the suites that start `mochila serve` processes
/// run one test at a time, never side by side on the machine's two cores.
extension ServeProcessTests {
    /// `mochila serve` when things break: killed while revoking, a full disk, the PostgreSQL
    /// connections dropped under it. (Killed mid-batch and two processes on one database:
    /// ``ServeProcessTests``.)
    @Suite(.serialized) struct FaultTests {
        let serve = ServeProcessTests()

        // MARK: Killed while revoking

        /// Revocations in flight when the node is killed (SIGKILL) are each whole or not done: after
        /// the restart an award is revoked exactly when its status list says so, and every
        /// revocation the node answered 200 to is there.
        func killDuringRevocations(arguments: [String], in folder: URL, client: HTTPClient, nodes: ServeProcessTests.Nodes) async throws {
            let first = try await nodes.start(arguments, in: folder, name: "antes", client: client)
            let admin = API(client: client, base: first.url, token: ServeProcessTests.environment["MOCHILA_ADMIN_TOKEN"])
            var api = try await admin.createInstitution(slug: "uni-revocaciones")
            let specID = try await api.createSpec()
            let batch = try await api.startBatch(specID: specID, learners: 1000, prefix: "Persona")
            #expect(try await api.waitForBatch(batch)["state"] == "issued")
            let ids = try #require(try await api.call(.GET, "/api/v1/batches/\(batch)/awards").json?.arrayValue).compactMap { $0["id"]?.stringValue }
            #expect(ids.count == 1000)

            let answered = Answered()
            let revokingAPI = api
            let revoking = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for id in ids {
                        group.addTask {
                            if let response = try? await revokingAPI.call(.POST, "/api/v1/awards/\(id)/revoke", ["reason": "Prueba de caída"]), response.status == 200 {
                                answered.add(id)
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            let deadline = ContinuousClock.now + .seconds(60)
            while answered.count < 10 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(1)) }
            first.kill()
            _ = try? await revoking.value
            let confirmed = answered.all
            #expect(confirmed.count >= 10 && confirmed.count < ids.count, "the kill was to land mid-way: \(confirmed.count) of \(ids.count) answered")

            let second = try await nodes.start(arguments, in: folder, name: "despues", client: client)
            api = API(client: client, base: second.url, token: api.token)
            var revoked = 0
            for id in ids {
                let award = try #require(try await api.call(.GET, "/api/v1/awards/\(id)").json)
                let credential = try #require(try await api.call(.GET, "/api/v1/credentials/\(id)").json)
                let report = try await api.call(.POST, "/credentials/verify", ["verifiableCredential": credential])
                let status = report.json?["checks"]?.arrayValue?.first { $0["check"] == "status" }?["status"]?.stringValue
                let isRevoked = award["status"] == "revoked"
                #expect(status == (isRevoked ? "failed" : "passed"), "\(id): the award says \(award["status"] ?? .null), its status list \(status ?? "nothing")")
                if confirmed.contains(id) { #expect(isRevoked, "\(id) was answered revoked before the kill, and is not") }
                if isRevoked { revoked += 1 }
            }
            #expect(revoked >= confirmed.count)
            // The audit log has one entry per revocation that happened.
            let audit = try #require(try await api.call(.GET, "/api/v1/audit?limit=1000").json?.arrayValue)
            #expect(audit.filter { $0["action"]?.stringValue == "award.revoke" }.count == revoked)
            // And the rest can still be revoked.
            if let open = ids.first(where: { !confirmed.contains($0) }) {
                let response = try await api.call(.POST, "/api/v1/awards/\(open)/revoke", ["reason": "Después"])
                #expect(response.status == 200 || response.status == 409, "\(response.text)")
            }
        }

        final class Answered: @unchecked Sendable {
            private let lock = NSLock()
            private var ids: Set<String> = []
            func add(_ id: String) { lock.withLock { _ = ids.insert(id) } }
            var count: Int { lock.withLock { ids.count } }
            var all: Set<String> { lock.withLock { ids } }
        }

        @Test func aNodeKilledWhileRevokingLosesNothingOnSQLite() async throws {
            try await serve.withNodes { folder, client, nodes in
                try await killDuringRevocations(arguments: ["--data", folder.appendingPathComponent("datos").path], in: folder, client: client, nodes: nodes)
            }
        }

        @Test(.enabled(if: ScratchPostgres.isConfigured, Comment(rawValue: ScratchPostgres.skipReason)))
        func aNodeKilledWhileRevokingLosesNothingOnPostgreSQL() async throws {
            try await ScratchPostgres.with { scratch in
                try await serve.withNodes { folder, client, nodes in
                    try await killDuringRevocations(
                        arguments: ["--data", folder.appendingPathComponent("datos").path, "--database", scratch.url], in: folder, client: client,
                        nodes: nodes)
                }
            }
        }

        // MARK: A full disk

        /// Whether this process may mount a small tmpfs (root on Linux): the full-disk test needs a
        /// real file system that fills up. `.ci/run` runs as root.
        static let canMount: Bool = {
            #if os(Linux)
            guard getuid() == 0 else { return false }
            let point = FileManager.default.temporaryDirectory.appendingPathComponent("mochila-mount-probe-\(UUID())")
            try? FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: point) }
            guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", point.path]) == 0 else { return false }
            _ = run("/bin/umount", [point.path])
            return true
            #else
            return false
            #endif
        }()

        @discardableResult
        static func run(_ tool: String, _ arguments: [String]) -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return -1 }
            process.waitUntilExit()
            return process.terminationStatus
        }

        /// The node's SQLite database on a small file system that fills up: issuing answers 507
        /// naming the full disk and writes nothing, the node stays up, and once space is freed it
        /// issues again; after a restart the database is sound and holds exactly what was answered.
        @Test(.enabled(if: FaultTests.canMount, Comment(rawValue: "needs root to mount a small tmpfs (as .ci/run has)")))
        func aFullDiskIsReportedAndTheNodeRecovers() async throws {
            try await serve.withNodes { folder, client, nodes in
                let disk = folder.appendingPathComponent("disco")
                try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
                #expect(Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=6m", "tmpfs", disk.path]) == 0)
                defer {
                    nodes.stopAll()
                    Self.run("/bin/umount", ["-l", disk.path])
                }
                let data = disk.appendingPathComponent("datos")
                let node = try await nodes.start(["--data", data.path], in: folder, name: "lleno", client: client)
                let admin = API(client: client, base: node.url, token: ServeProcessTests.environment["MOCHILA_ADMIN_TOKEN"])
                let api = try await admin.createInstitution(slug: "uni-disco")
                let specID = try await api.createSpec()
                #expect(try await api.issue(specID: specID, givenName: "Antes").status == 201)

                // Fill the file system.
                let filler = disk.appendingPathComponent("relleno")
                FileManager.default.createFile(atPath: filler.path, contents: nil)
                let handle = try FileHandle(forWritingTo: filler)
                let chunk = Data(repeating: 0x55, count: 64 << 10)
                while (try? handle.write(contentsOf: chunk)) != nil {}
                try? handle.close()

                var refused = 0
                for n in 0..<5 {
                    let response = try await api.issue(specID: specID, givenName: "Lleno \(n)")
                    if response.status == 201 { continue }
                    #expect(response.status == 507, "\(response.status) \(response.text)")
                    #expect(response.json?["error"]?["code"] == "storage_full", "\(response.text)")
                    #expect(response.text.contains("full"), "\(response.text)")
                    refused += 1
                }
                #expect(refused >= 4, "a full disk refuses writes (the last free pages may take one)")
                let batch = try await api.call(.POST, "/api/v1/batches", ["specId": .string(specID), "learners": [["givenName": "Lote", "familyName": "Lleno"]]])
                if batch.status == 202, let id = batch.json?["id"]?.stringValue {
                    let done = try await api.waitForBatch(id)
                    #expect(done["state"] == "failed", "\(done)")
                } else {
                    #expect(batch.status == 507, "\(batch.status) \(batch.text)")
                }
                #expect(try await API(client: client, base: node.url).call(.GET, "/health").status == 200, "the node is still up")
                let issuedWhileFull = 5 - refused

                // Space again: the node issues, without a restart.
                try FileManager.default.removeItem(at: filler)
                #expect(try await api.issue(specID: specID, givenName: "Después").status == 201)
                node.stop()
                let store = SQLiteStore(path: data.appendingPathComponent("mochila.sqlite").path)
                do {
                    #expect(try await store.integrityCheck().isEmpty)
                    let institution = try #require(try await store.institution(slug: "uni-disco"))
                    let awards = try await store.awards(institutionID: institution.id, limit: 100)
                    #expect(awards.count == 2 + issuedWhileFull, "exactly what was answered 201")
                    let places = awards.compactMap(\.statusSlot).map { "\($0.listID) \($0.index)" }
                    #expect(Set(places).count == awards.count)
                } catch {
                    try? await store.shutdown()
                    throw error
                }
                try await store.shutdown()
            }
        }

        // MARK: PostgreSQL connections dropped

        /// Every connection of the node is ended by the server (`pg_terminate_backend`, as a
        /// restart or a failover does): the requests caught in it are answered 503 naming the
        /// database, none half-done, and the node reconnects by itself.
        @Test(.enabled(if: ScratchPostgres.isConfigured, Comment(rawValue: ScratchPostgres.skipReason)))
        func droppedPostgreSQLConnectionsAreReportedAndTheNodeReconnects() async throws {
            try await ScratchPostgres.with { scratch in
                try await serve.withNodes { folder, client, nodes in
                    let node = try await nodes.start(
                        ["--data", folder.appendingPathComponent("datos").path, "--database", scratch.url], in: folder, name: "pg", client: client)
                    let admin = API(client: client, base: node.url, token: ServeProcessTests.environment["MOCHILA_ADMIN_TOKEN"])
                    let api = try await admin.createInstitution(slug: "uni-conexion")
                    let specID = try await api.createSpec()
                    for n in 0..<4 { #expect(try await api.issue(specID: specID, givenName: "Antes \(n)").status == 201) }

                    var created = 4
                    for round in 0..<3 {
                        try await ScratchPostgres.execute(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(scratch.name)' AND pid <> pg_backend_pid()",
                            on: scratch.url)
                        var statuses: [Int] = []
                        for n in 0..<6 {
                            let response = try await api.issue(specID: specID, givenName: "Ronda \(round) \(n)")
                            statuses.append(response.status)
                            if response.status == 201 {
                                created += 1
                            } else {
                                #expect(response.status == 503, "\(response.status) \(response.text)")
                                #expect(response.text.contains("PostgreSQL") || response.text.contains("store_unavailable"), "\(response.text)")
                            }
                        }
                        #expect(statuses.suffix(3) == [201, 201, 201], "the node reconnects: \(statuses)")
                    }
                    #expect(try await api.awardCount() == created, "exactly what was answered 201")
                    #expect(try await API(client: client, base: node.url).call(.GET, "/health").status == 200)
                }
            }
        }
    }
}
