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

/// Issuing a batch from a spreadsheet, end to end: a 10,000-row CSV file is read and checked,
/// every credential is built and signed with `eddsa-rdfc-2022` (on every core) and the batch is
/// stored in one transaction, on a file-backed SQLite store; and on PostgreSQL when
/// `MOCHILA_BENCH_POSTGRES_URL` names a server and a role that may create databases (each run
/// gets a database of its own, dropped afterwards).
///
/// Target on the 2-core reference machine: at most 20 seconds for the 10,000 rows.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 0,
        maxDuration: .seconds(120), maxIterations: 3)

    let rows = 10_000
    var csv = "\u{FEFF}nombres;apellidos;correo;calificación\n"
    let given = ["María José", "José Luis", "Ana Lucía", "Juan Pablo", "Rosa", "Luis Fernando", "Marta", "Íñigo"]
    let family = ["Pérez Núñez", "Quispe Mamani", "Xicará Tzul", "da Silva Souza", "González", "Ñancupil Huenchul"]
    for index in 0..<rows {
        csv += "\(given[index % given.count]);\(family[index % family.count]);persona\(index)@correo.example;Aprobado\n"
    }
    let bytes = Array(csv.utf8)

    /// One batch on a fresh node over `store`: read the CSV, sign, store. Only that is measured.
    func issueBatch(_ benchmark: Benchmark, _ makeStore: () async throws -> any Store) async throws {
        for _ in benchmark.scaledIterations {
            let store = try await makeStore()
            try await store.migrate()
            let node = Node(store: store, vault: try KeyVault(masterKey: KeyVault.generateMasterKey()), adminToken: "bench")
            let (institution, _) = try await node.createInstitution(
                InstitutionInput(slug: "uni-bench", name: LocalizedText(es: "Universidad de prueba"), country: "CL"))
            let spec = try await node.createSpec(benchmarkSpec, for: institution)

            benchmark.startMeasurement()
            guard case .success(let learners) = BatchImport.learners(from: bytes), learners.count == rows else {
                fatalError("the benchmark's CSV file did not read")
            }
            let issued = try await node.issueBatch(
                id: UUID(), learners, spec: spec, for: institution, actor: "benchmark")
            benchmark.stopMeasurement()
            precondition(issued == rows)
            try await store.shutdown()
        }
    }

    Benchmark("Issue a 10,000-row CSV batch (SQLite file)") { benchmark in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mochila-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var run = 0
        try await issueBatch(benchmark) {
            run += 1
            return SQLiteStore(path: folder.appendingPathComponent("run\(run).sqlite").path, logger: Logger(label: "bench"))
        }
    }

    if let server = ProcessInfo.processInfo.environment["MOCHILA_BENCH_POSTGRES_URL"] {
        Benchmark("Issue a 10,000-row CSV batch (PostgreSQL)") { benchmark in
            var created: [String] = []
            try await issueBatch(benchmark) {
                // A database of its own for each run, on the server the URL names.
                let name = "mochila_bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
                try await execute("CREATE DATABASE \"\(name)\" TEMPLATE template0 ENCODING 'UTF8'", on: server)
                created.append(name)
                var components = URLComponents(string: server)!
                components.path = "/" + name
                return try PostgresStore(url: components.string!, logger: Logger(label: "bench"))
            }
            for name in created { try await execute("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)", on: server) }
        }
    }
}
