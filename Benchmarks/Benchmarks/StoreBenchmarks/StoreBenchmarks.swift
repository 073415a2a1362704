import Benchmark
import BenchmarkSupport
import Credentials
import Foundation
import Logging
import MochilaCore
import MochilaServer
import MochilaStore
import PostgresKit
import PostgresNIO

/// The store's hot paths, on both databases: a file-backed SQLite store, and PostgreSQL when
/// `MOCHILA_BENCH_POSTGRES_URL` names a server and a role that may create databases (each
/// benchmark gets a database of its own, dropped afterwards).
///
/// Every benchmark starts from the same store: one institution, one spec and 10,000 awards (a real
/// signed credential each, as `Node.issue` makes them) in the institution's first status list.
/// Measured, one operation at a time, as the node runs them:
///
/// - writes: storing one award (`addAwards`, the award and its audit entry in one transaction, as
///   `POST /api/v1/awards` does after signing), reserving one status place (what every issuance
///   does first), revoking an award (`changeStatus`: the award, the list's version, the audit entry);
/// - reads: an award by id, an award by credential id (`GET /api/v1/credentials/:id`), the 500
///   newest awards of the institution (`GET /api/v1/awards`);
/// - on the node over that store: publishing a status list after a change (read the list's
///   places, set the bits, GZIP, sign with `eddsa-rdfc-2022`, store), and verifying one of its
///   credentials with every check (proof, issuer, validity, both status lists, trust, schema),
///   which is what `POST /credentials/verify` runs for a credential of its own institutions.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput], timeUnits: .microseconds,
        maxDuration: .seconds(5), maxIterations: 2_000)

    var databases: [Database] = [.sqlite]
    if let url = ProcessInfo.processInfo.environment["MOCHILA_BENCH_POSTGRES_URL"] { databases.append(.postgres(url)) }

    for database in databases {
        let label = database.label

        /// A benchmark over a fresh fixture of `database` (closed afterwards); `ready` checks the
        /// fixture before anything is measured.
        func storeBenchmark(
            _ name: String, configuration: Benchmark.Configuration = Benchmark.defaultConfiguration, spareSlots: Int = 0,
            ready: @escaping (StoreFixture) async -> Void = { _ in },
            _ body: @escaping (Benchmark, StoreFixture) async -> Void
        ) {
            Benchmark(name, configuration: configuration, closure: body) {
                let fixture = try await StoreFixture.make(database, spareSlots: spareSlots)
                await ready(fixture)
                return fixture
            } teardown: {
                try await StoreFixture.current?.close()
            }
        }

        storeBenchmark("Store one award (\(label))", spareSlots: 2_100) { benchmark, fixture in
            let award = fixture.newAward()
            benchmark.startMeasurement()
            do {
                try await fixture.store.addAwards(
                    [award], batch: nil,
                    audit: [AuditEntry(at: award.issuedAt, institutionID: award.institutionID, actor: "benchmark", action: "award.issue", subject: award.credentialID)])
            } catch { fatalError("\(error)") }
            benchmark.stopMeasurement()
        }

        storeBenchmark("Reserve one status place, list holding 10,000 (\(label))") { benchmark, fixture in
            for _ in benchmark.scaledIterations {
                do {
                    blackHole(
                        try await fixture.store.reserveStatusSlots(
                            institutionID: fixture.institution.id, count: 1, capacity: BitstringStatusList.minimumEntries, at: Date()))
                } catch { fatalError("\(error)") }
            }
        }

        storeBenchmark("Revoke an award (\(label))") { benchmark, fixture in
            let award = fixture.nextAward()
            benchmark.startMeasurement()
            do {
                try await fixture.store.changeStatus(
                    awardID: award.id, purpose: .revocation, change: StatusChange(at: Date(), reason: "benchmark"),
                    audit: AuditEntry(at: Date(), institutionID: award.institutionID, actor: "benchmark", action: "award.revoke", subject: award.credentialID))
            } catch { fatalError("\(error)") }
            benchmark.stopMeasurement()
        }

        storeBenchmark("Read an award by id, of 10,000 (\(label))") { benchmark, fixture in
            let id = fixture.nextAward().id
            benchmark.startMeasurement()
            do { blackHole(try await fixture.store.award(id: id)!) } catch { fatalError("\(error)") }
            benchmark.stopMeasurement()
        }

        storeBenchmark("Read an award by credential id, of 10,000 (\(label))") { benchmark, fixture in
            let id = fixture.nextAward().credentialID
            benchmark.startMeasurement()
            do { blackHole(try await fixture.store.award(credentialID: id)!) } catch { fatalError("\(error)") }
            benchmark.stopMeasurement()
        }

        storeBenchmark("List an institution's 500 newest awards, of 10,000 (\(label))") { benchmark, fixture in
            for _ in benchmark.scaledIterations {
                do {
                    let awards = try await fixture.store.awards(institutionID: fixture.institution.id, limit: 500)
                    precondition(awards.count == 500)
                    blackHole(awards)
                } catch { fatalError("\(error)") }
            }
        }

        storeBenchmark(
            "Publish a status list after a change (read places, encode, sign, store; \(label))",
            configuration: {
                var configuration = Benchmark.defaultConfiguration
                configuration.maxIterations = 500
                return configuration
            }()
        ) { benchmark, fixture in
            // A suspension toggled on and off changes the list each time; only the publication is measured.
            let award = fixture.template
            let (slug, number) = (fixture.institution.slug, award.statusSlot!.number)
            do {
                fixture.next += 1
                if fixture.next % 2 == 1 {
                    _ = try await fixture.node.suspend(award.id, reason: "benchmark", of: fixture.institution, actor: "benchmark")
                } else {
                    _ = try await fixture.node.reinstate(award.id, reason: "benchmark", of: fixture.institution, actor: "benchmark")
                }
                benchmark.startMeasurement()
                blackHole(try await fixture.node.statusList(slug: slug, number: number, purpose: .suspension)!)
                benchmark.stopMeasurement()
            } catch { fatalError("\(error)") }
        }

        storeBenchmark(
            "Verify an issued credential, all checks, on a node (\(label))",
            ready: { fixture in
                let report = await fixture.node.verify(bytes: fixture.template.credential)
                precondition(report.verified, "the issued credential does not verify: \(report.json(input: nil).serializedString())")
            }
        ) { benchmark, fixture in
            for _ in benchmark.scaledIterations {
                blackHole(await fixture.node.verify(bytes: fixture.template.credential))
            }
        }
    }
}

enum Database: Sendable {
    case sqlite
    case postgres(String)

    var label: String {
        switch self {
        case .sqlite: return "SQLite file"
        case .postgres: return "PostgreSQL"
        }
    }
}

/// A store with one institution, one spec and 10,000 awards, and the node over it.
final class StoreFixture: @unchecked Sendable {
    nonisolated(unsafe) static var current: StoreFixture?

    let store: any Store
    let node: Node
    let institution: Institution
    /// An award issued by the node, whose credential the others copy.
    let template: Award
    let awards: [Award]
    var spare: [StatusSlot]
    var next = 0
    let close: () async throws -> Void

    init(
        store: any Store, node: Node, institution: Institution, template: Award, awards: [Award], spare: [StatusSlot],
        close: @escaping () async throws -> Void
    ) {
        self.store = store
        self.node = node
        self.institution = institution
        self.template = template
        self.awards = awards
        self.spare = spare
        self.close = close
    }

    /// The stored awards in turn (each at most once for `maxIterations` below 10,000).
    func nextAward() -> Award {
        defer { next += 1 }
        return awards[next % awards.count]
    }

    /// A new award on a reserved place, not yet stored.
    func newAward() -> Award {
        var award = template
        award.id = UUID()
        award.credentialID = "urn:uuid:" + UUID().uuidString.lowercased()
        award.statusSlot = spare.removeLast()
        award.issuedAt = Date(milliseconds: Date().milliseconds)
        return award
    }

    static func make(_ database: Database, awards count: Int = 10_000, spareSlots: Int = 0) async throws -> StoreFixture {
        let store: any Store
        let close: () async throws -> Void
        switch database {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mochila-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let sqlite = SQLiteStore(path: folder.appendingPathComponent("store.sqlite").path, logger: Logger(label: "bench"))
            store = sqlite
            close = {
                try await sqlite.shutdown()
                try? FileManager.default.removeItem(at: folder)
            }
        case .postgres(let server):
            let name = "mochila_bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            try await execute("CREATE DATABASE \"\(name)\" TEMPLATE template0 ENCODING 'UTF8'", on: server)
            var components = URLComponents(string: server)!
            components.path = "/" + name
            let postgres = try PostgresStore(url: components.string!, logger: Logger(label: "bench"))
            store = postgres
            close = {
                try await postgres.shutdown()
                try await execute("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)", on: server)
            }
        }
        try await store.migrate()
        let node = Node(store: store, vault: try KeyVault(masterKey: KeyVault.generateMasterKey()), adminToken: "bench")
        let (institution, _) = try await node.createInstitution(
            InstitutionInput(slug: "uni-bench", name: LocalizedText(es: "Universidad de prueba"), country: "CL"))
        let spec = try await node.createSpec(benchmarkSpec, for: institution)
        let template = try await node.issue(
            AwardInput(
                specId: spec.id,
                learner: .init(givenName: "María José", familyName: "Pérez Núñez", email: "maria.perez@correo.example")),
            for: institution)
        let now = Date(milliseconds: Date().milliseconds)
        let slots = try await store.reserveStatusSlots(
            institutionID: institution.id, count: count - 1 + spareSlots, capacity: BitstringStatusList.minimumEntries, at: now)
        var awards: [Award] = [template]
        for (offset, slot) in slots.prefix(count - 1).enumerated() {
            var award = template
            award.id = UUID()
            award.credentialID = "urn:uuid:" + UUID().uuidString.lowercased()
            award.learner = Learner(givenName: "Persona", familyName: "Número \(offset)", email: "persona\(offset)@correo.example")
            award.statusSlot = slot
            award.issuedAt = now.addingTimeInterval(-Double(offset))
            awards.append(award)
        }
        for chunk in stride(from: 1, to: awards.count, by: 1_000) {
            try await store.addAwards(Array(awards[chunk..<min(chunk + 1_000, awards.count)]), batch: nil, audit: [])
        }
        // The template last: the other benchmarks revoke and read the copies.
        let fixture = StoreFixture(
            store: store, node: node, institution: institution, template: template, awards: Array(awards.dropFirst()).shuffled(),
            spare: Array(slots.dropFirst(count - 1)), close: close)
        current = fixture
        return fixture
    }
}

