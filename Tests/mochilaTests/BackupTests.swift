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
    /// `mochila backup` of a running node and `mochila restore` into a fresh one, on both stores:
    /// every credential verifies on the new node as it did on the old (the revoked one revoked), and
    /// the new node goes on issuing without reusing a status place.
    @Suite(.serialized) struct BackupTests {
        let serve = ServeProcessTests()

        /// Issues on a node, backs it up while a batch is being issued, restores the backup for a
        /// second node and checks every credential there.
        func backUpAndRestore(
            source: [String], backupArguments: [String], restoreArguments: [String], target: [String], in folder: URL, client: HTTPClient,
            nodes: ServeProcessTests.Nodes, openRestored: () throws -> any Store
        ) async throws {
            let environment = ServeProcessTests.environment
            let first = try await nodes.start(source, in: folder, name: "origen", client: client)
            let admin = API(client: client, base: first.url, token: environment["MOCHILA_ADMIN_TOKEN"])
            let api = try await admin.createInstitution(slug: "uni-respaldo")
            let specID = try await api.createSpec()
            var issued: [String] = []
            for n in 0..<6 {
                let response = try await api.issue(specID: specID, givenName: "Persona \(n)")
                #expect(response.status == 201)
                issued.append(try #require(response.json?["id"]?.stringValue))
            }
            #expect(try await api.call(.POST, "/api/v1/awards/\(issued[0])/revoke", ["reason": "Error de registro"]).status == 200)

            // Online: a batch is being issued while the backup runs.
            let batch = try await api.startBatch(specID: specID, learners: 300, prefix: "Lote")
            let backup = folder.appendingPathComponent("respaldo.bin")
            let made = try await Mochila.run(["backup"] + backupArguments + [backup.path], in: folder, environment: environment)
            #expect(made.status == 0, "\(made.error)")
            #expect(made.output.contains("institutions"), "\(made.output)")
            #expect(made.output.contains("master key is not in the backup"))
            #expect(try await api.waitForBatch(batch)["state"] == "issued")
            let again = try await Mochila.run(["backup"] + backupArguments + [backup.path], in: folder, environment: environment)
            #expect(again.status == 2 && again.error.contains("exists already"), "a backup never overwrites: \(again.error)")
            first.stop()

            // Another master key does not open the institution keys: refused, nothing restored.
            var stranger = environment
            stranger["MOCHILA_MASTER_KEY"] = String(repeating: "ab", count: 32)
            let refused = try await Mochila.run(["restore"] + restoreArguments + [backup.path], in: folder, environment: stranger)
            #expect(refused.status != 0)
            #expect(refused.error.contains("master key"), "\(refused.error)")

            let restored = try await Mochila.run(["restore"] + restoreArguments + [backup.path], in: folder, environment: environment)
            #expect(restored.status == 0, "\(restored.error)")
            #expect(restored.output.contains("every institution key opens"), "\(restored.output)")
            let twice = try await Mochila.run(["restore"] + restoreArguments + [backup.path], in: folder, environment: environment)
            #expect(twice.status == 2, "a store that holds data is replaced only with --force: \(twice.error)")

            let second = try await nodes.start(target, in: folder, name: "destino", client: client)
            let restoredAPI = API(client: client, base: second.url, token: api.token)
            let listed = try await restoredAPI.call(.GET, "/api/v1/awards?limit=500")
            let awards = try #require(listed.json?.arrayValue)
            // One snapshot: the batch is in it whole or not at all.
            #expect(awards.count == 6 || awards.count == 306, "\(awards.count) credentials restored")
            for award in awards {
                let id = try #require(award["id"]?.stringValue)
                let credential = try #require(try await restoredAPI.call(.GET, "/api/v1/credentials/\(id)").json)
                let report = try await restoredAPI.call(.POST, "/credentials/verify", ["verifiableCredential": credential])
                let checks = report.json?["checks"]?.arrayValue ?? []
                let proof = checks.first { $0["check"] == "proof" }?["status"]?.stringValue
                #expect(proof == "passed", "\(id): \(report.text)")
                let status = checks.first { $0["check"] == "status" }?["status"]?.stringValue
                #expect(status == (id == issued[0] ? "failed" : "passed"), "\(id) status: \(report.text)")
            }
            // The restored node issues on, in status places no one holds.
            let after = try await restoredAPI.issue(specID: specID, givenName: "Después")
            #expect(after.status == 201, "\(after.text)")
            second.stop()

            let store = try openRestored()
            do {
                let institution = try #require(try await store.institution(slug: "uni-respaldo"))
                let all = try await store.awards(institutionID: institution.id, limit: 10_000)
                #expect(all.count == awards.count + 1)
                let places = all.compactMap(\.statusSlot).map { "\($0.listID) \($0.index)" }
                #expect(places.count == all.count && Set(places).count == places.count, "no status place is reused")
            } catch {
                try? await store.shutdown()
                throw error
            }
            try await store.shutdown()
        }

        @Test func aRunningSQLiteNodeIsBackedUpAndRestoredIntoAFreshNode() async throws {
            try await serve.withNodes { folder, client, nodes in
                let source = folder.appendingPathComponent("origen").path
                let target = folder.appendingPathComponent("destino").path
                try await backUpAndRestore(
                    source: ["--data", source], backupArguments: ["--data", source], restoreArguments: ["--data", target],
                    target: ["--data", target], in: folder, client: client, nodes: nodes
                ) {
                    SQLiteStore(path: folder.appendingPathComponent("destino/mochila.sqlite").path)
                }
                // What is not a backup is refused before anything is touched.
                let junk = folder.appendingPathComponent("no-es-respaldo.bin")
                try Data("hola".utf8).write(to: junk)
                let refused = try await Mochila.run(
                    ["restore", "--data", folder.appendingPathComponent("otro").path, junk.path], in: folder, environment: ServeProcessTests.environment)
                #expect(refused.status == 2 && refused.error.contains("not a SQLite backup"), "\(refused.error)")
                #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("otro/mochila.sqlite").path))
            }
        }

        @Test(.enabled(if: ScratchPostgres.isConfigured, Comment(rawValue: ScratchPostgres.skipReason)))
        func aRunningPostgreSQLNodeIsBackedUpAndRestoredIntoAFreshDatabase() async throws {
            try await ScratchPostgres.with { origin in
                try await ScratchPostgres.with { destination in
                    try await serve.withNodes { folder, client, nodes in
                        let data = folder.appendingPathComponent("datos").path
                        try await backUpAndRestore(
                            source: ["--data", data, "--database", origin.url], backupArguments: ["--data", data, "--database", origin.url],
                            restoreArguments: ["--data", data, "--database", destination.url], target: ["--data", data, "--database", destination.url],
                            in: folder, client: client, nodes: nodes
                        ) {
                            try PostgresStore(url: destination.url)
                        }
                    }
                }
            }
        }
    }
}
