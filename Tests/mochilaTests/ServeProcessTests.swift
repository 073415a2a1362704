import AsyncHTTPClient
import Foundation
import LinkedData
import MochilaCore
import MochilaStore
import MochilaTestSupport
import Testing

/// `mochila serve` processes as they run in production: several nodes on one PostgreSQL, and a
/// node killed in the middle of its work.
@Suite(.serialized) struct ServeProcessTests {
    /// The secrets every node of a test shares, as nodes behind one load balancer do.
    static let environment = [
        "MOCHILA_ADMIN_TOKEN": "admin-de-prueba-" + UUID().uuidString,
        "MOCHILA_MASTER_KEY": (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined(),
    ]

    /// Runs `body` with a scratch folder, an HTTP client, and the nodes it starts stopped afterwards.
    func withNodes(_ body: (URL, HTTPClient, Nodes) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mochila-serve-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let nodes = Nodes()
        do {
            try await body(folder, client, nodes)
        } catch {
            for node in nodes.all { Issue.record("log of node on port \(node.port):\n\(node.logTail)") }
            nodes.stopAll()
            try? await client.shutdown()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        nodes.stopAll()
        try await client.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }

    final class Nodes: @unchecked Sendable {
        var all: [ServeProcess] = []

        func start(_ arguments: [String], in folder: URL, name: String, client: HTTPClient) async throws -> ServeProcess {
            let node = try await ServeProcess.start(
                arguments + ["--offline", "--public-url", "https://mochila.test"], environment: ServeProcessTests.environment,
                in: folder, name: name, client: client)
            all.append(node)
            return node
        }

        func stopAll() { for node in all { node.stop() } }
    }

    // MARK: Two nodes, one PostgreSQL

    /// Two nodes behind a load balancer issue batches and single awards for one institution at
    /// the same time: every award gets a status place, no two share one, and the counts add up.
    @Test(.enabled(if: ScratchPostgres.isConfigured, Comment(rawValue: ScratchPostgres.skipReason)))
    func twoNodesIssuingAtOnceNeverShareAStatusPlace() async throws {
        try await ScratchPostgres.with { scratch in
            try await withNodes { folder, client, nodes in
                try await issueFromTwoNodes(in: folder, client: client, nodes: nodes, database: scratch.url) { try PostgresStore(url: scratch.url) }
            }
        }
    }

    /// The same with two processes on one SQLite file (WAL, one writer at a time across them).
    @Test func twoProcessesOnOneSQLiteFileNeverShareAStatusPlace() async throws {
        try await withNodes { folder, client, nodes in
            let file = folder.appendingPathComponent("compartida.sqlite").path
            try await issueFromTwoNodes(in: folder, client: client, nodes: nodes, database: "sqlite:" + file) { SQLiteStore(path: file) }
        }
    }

    func issueFromTwoNodes(
        in folder: URL, client: HTTPClient, nodes: Nodes, database: String, openStore: () throws -> any Store
    ) async throws {
                var started: [ServeProcess] = []
                for name in ["a", "b"] {
                    started.append(try await nodes.start(
                        ["--data", folder.appendingPathComponent(name).path, "--database", database], in: folder, name: name,
                        client: client))
                }
                let admin = started.map { API(client: client, base: $0.url, token: ServeProcessTests.environment["MOCHILA_ADMIN_TOKEN"]) }
                // Created on one node, used on the other.
                let institution = try await admin[0].createInstitution(slug: "uni-concurrente")
                let apis = started.map { API(client: client, base: $0.url, token: institution.token) }
                let specID = try await apis[1].createSpec()

                let batchesPerNode = 3
                let learnersPerBatch = 40
                let singlesPerNode = 25
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (n, api) in apis.enumerated() {
                        for b in 0..<batchesPerNode {
                            group.addTask {
                                let id = try await api.startBatch(specID: specID, learners: learnersPerBatch, prefix: "Nodo \(n) lote \(b)")
                                let done = try await api.waitForBatch(id)
                                #expect(done["state"] == "issued", "\(done)")
                            }
                        }
                        for s in 0..<singlesPerNode {
                            group.addTask {
                                let issued = try await api.issue(specID: specID, givenName: "Nodo \(n) único \(s)")
                                #expect(issued.status == 201, "\(issued.text)")
                            }
                        }
                    }
                    try await group.waitForAll()
                }

                // In the database.
                let expected = apis.count * (batchesPerNode * learnersPerBatch + singlesPerNode)
                let store = try openStore()
                do {
                    let stored = try #require(try await store.institution(slug: "uni-concurrente"))
                    let awards = try await store.awards(institutionID: stored.id, limit: 10_000)
                    #expect(awards.count == expected)
                    let slots = awards.compactMap(\.statusSlot)
                    #expect(slots.count == expected, "every award has a status place")
                    #expect(Set(slots.map { "\($0.listID) \($0.index)" }).count == expected, "no two awards share a place")
                    var allocated = 0
                    var number = 1
                    while let list = try await store.statusList(institutionID: stored.id, number: number) {
                        allocated += list.allocated
                        number += 1
                    }
                    #expect(allocated == expected, "every reserved place went to an award")
                    let batches = try await store.batches(institutionID: stored.id, limit: 100)
                    #expect(batches.count == apis.count * batchesPerNode)
                    #expect(batches.allSatisfy { $0.count == learnersPerBatch })
                    for batch in batches { #expect(try await store.awards(batchID: batch.id).count == learnersPerBatch) }
                } catch {
                    try? await store.shutdown()
                    throw error
                }
                try await store.shutdown()
    }

    // MARK: A node killed mid-batch

    // MARK: Two nodes of the network

    /// Two nodes started side by side: the second imports the first's registry from its URL
    /// (signed by the first's coordinator) and federates its catalogue; it then trusts the first
    /// node's credentials and lists its micro-credentials.
    @Test func twoNodesSideBySideShareARegistryAndACatalogue() async throws {
        try await withNodes { folder, client, nodes in
            func start(_ name: String, _ extra: [String]) async throws -> ServeProcess {
                let node = try await ServeProcess.start(
                    ["--data", folder.appendingPathComponent(name).path, "--allow-loopback"] + extra, environment: ServeProcessTests.environment,
                    in: folder, name: name, client: client)
                nodes.all.append(node)
                return node
            }
            let a = try await start("a", ["--demo"])
            let b = try await start("b", [])
            let token = ServeProcessTests.environment["MOCHILA_ADMIN_TOKEN"]
            let adminB = API(client: client, base: b.url, token: token)
            let registry = try await API(client: client, base: a.url).call(.GET, "/registry.json")
            let coordinator = try #require(registry.json?["issuer"]?["id"]?.stringValue)
            // The command line: the member list of node A, for `mochila verify --registry`.
            let exported = try await Mochila.run(["registry", "export", "--server", a.url, "--token", token ?? ""], in: folder)
            #expect(exported.status == 0, "\(exported.error)")
            #expect(try JSONValue(parsing: Array(exported.output.utf8))["members"]?.asArray.count == 4)
            let signed = try await Mochila.run(["registry", "export", "--signed", "--server", a.url], in: folder)
            #expect(signed.output.contains("TrustRegistryCredential"))

            let imported = try await adminB.call(
                .POST, "/api/v1/registry/sources", ["url": .string(a.url + "/registry.json"), "coordinator": .string(coordinator)])
            #expect(imported.status == 201, "\(imported.text)")
            #expect(imported.json?["members"] == 4)
            let forged = try await adminB.call(
                .POST, "/api/v1/registry/sources", ["url": .string(a.url + "/registry.json"), "coordinator": "did:key:z6MkOtraCoordinacion"])
            #expect(forged.status == 400)
            let federated = try await adminB.call(.POST, "/api/v1/catalogue/sources", ["url": .string(a.url + "/catalogue.json")])
            #expect(federated.status == 201, "\(federated.text)")

            // Node B verifies a credential node A issued: trusted, through the imported registry.
            let awards = try await API(client: client, base: a.url, token: "demo-utiv").call(.GET, "/api/v1/awards")
            let awardID = try #require(awards.json?.asArray.first { $0["revokedAt"] == nil && $0["suspendedAt"] == nil }?["id"]?.stringValue)
            let credential = try #require(try await API(client: client, base: a.url).call(.GET, "/api/v1/credentials/\(awardID)").json)
            let report = try await API(client: client, base: b.url).call(.POST, "/credentials/verify", ["verifiableCredential": credential])
            let checks = report.json?["checks"]?.asArray ?? []
            #expect(checks.first { $0["check"] == "trust" }?["status"] == "passed", "\(report.text)")
            #expect(report.status == 200, "\(report.text)")

            // Node B's catalogue lists node A's micro-credentials, found by words in any language.
            let page = try await API(client: client, base: b.url).call(.GET, "/catalogue?lang=es&q=FOTOVOLTAICOS")
            #expect(page.text.contains("Universidad Tecnológica de Ixtlán del Valle"), "\(page.text)")
            let refreshed = try await adminB.call(.POST, "/api/v1/catalogue/sources/refresh")
            #expect(refreshed.json?.asArray.first?["refreshed"] == true, "\(refreshed.text)")
            let again = try await adminB.call(.POST, "/api/v1/registry/sources/refresh")
            #expect(again.json?.asArray.first?["refreshed"] == true, "\(again.text)")
        }
    }

    @Test func aNodeKilledMidBatchLeavesNoHalfIssuedBatchOnSQLite() async throws {
        try await withNodes { folder, client, nodes in
            let data = folder.appendingPathComponent("data")
            try await killMidBatch(arguments: ["--data", data.path], in: folder, client: client, nodes: nodes) {
                SQLiteStore(path: data.appendingPathComponent("mochila.sqlite").path)
            }
        }
    }

    @Test(.enabled(if: ScratchPostgres.isConfigured, Comment(rawValue: ScratchPostgres.skipReason)))
    func aNodeKilledMidBatchLeavesNoHalfIssuedBatchOnPostgreSQL() async throws {
        try await ScratchPostgres.with { scratch in
            try await withNodes { folder, client, nodes in
                let arguments = ["--data", folder.appendingPathComponent("data").path, "--database", scratch.url]
                try await killMidBatch(arguments: arguments, in: folder, client: client, nodes: nodes) {
                    try PostgresStore(url: scratch.url)
                }
            }
        }
    }

    /// Starts a node, kills it (SIGKILL) while it signs a large batch, restarts it on the same
    /// data, and checks that nothing of the batch was stored and that a new batch still issues.
    func killMidBatch(
        arguments: [String], in folder: URL, client: HTTPClient, nodes: Nodes, openStore: () throws -> any Store
    ) async throws {
        let first = try await nodes.start(arguments, in: folder, name: "before", client: client)
        let admin = API(client: client, base: first.url, token: ServeProcessTests.environment["MOCHILA_ADMIN_TOKEN"])
        var api = try await admin.createInstitution(slug: "uni-caida")
        let specID = try await api.createSpec()
        for n in 0..<2 { #expect(try await api.issue(specID: specID, givenName: "Antes \(n)").status == 201) }
        let before = try await api.awardCount()
        #expect(before == 2)

        let batchID = try await api.startBatch(specID: specID, learners: 4000, prefix: "Estudiante")
        var progress: JSONValue = .null
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            progress = try await api.call(.GET, "/api/v1/batches/\(batchID)").json ?? .null
            if progress["state"] != "signing" || (progress["done"]?.numberValue ?? 0) > 0 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(progress["state"] == "signing", "the batch was to be killed while signing: \(progress)")
        #expect((progress["done"]?.numberValue ?? 0) > 0)
        first.kill()

        let second = try await nodes.start(arguments, in: folder, name: "after", client: client)
        api = API(client: client, base: second.url, token: api.token)
        let gone = try await api.call(.GET, "/api/v1/batches/\(batchID)")
        #expect(gone.status == 404, "\(gone.text)")
        #expect(try await api.call(.GET, "/api/v1/batches/\(batchID)/awards").status == 404)
        #expect(try await api.awardCount() == before)

        // The node still issues, batches included.
        let next = try await api.startBatch(specID: specID, learners: 5, prefix: "Después")
        let done = try await api.waitForBatch(next)
        #expect(done["state"] == "issued", "\(done)")
        #expect(try await api.call(.GET, "/api/v1/batches/\(next)/awards").json?.arrayValue?.count == 5)
        #expect(try await api.awardCount() == before + 5)
        second.stop()

        // In the database: no award, batch or audit entry of the killed batch.
        let store = try openStore()
        do {
            try await store.migrate()
            let institution = try #require(try await store.institution(slug: "uni-caida"))
            let killed = try #require(UUID(uuidString: batchID))
            #expect(try await store.batch(id: killed) == nil)
            #expect(try await store.awards(batchID: killed).isEmpty)
            #expect(try await store.awards(institutionID: institution.id, limit: 10_000).count == before + 5)
            let nextID = try #require(UUID(uuidString: next))
            #expect(try await store.batches(institutionID: institution.id, limit: 10).map(\.id) == [nextID])
            let audit = try await store.audit(institutionID: institution.id, limit: 10_000)
            #expect(!audit.contains { $0.subject?.lowercased() == batchID.lowercased() })
            #expect(audit.filter { $0.action == "award.issue" }.count == before + 5)
        } catch {
            try? await store.shutdown()
            throw error
        }
        try await store.shutdown()
    }
}
