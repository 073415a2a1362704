import Foundation
import MochilaCore
import Testing

@testable import MochilaStore

/// The conformance suite on the embedded SQLite store, each case in a database file of its own.
@Suite struct SQLiteStoreTests {
    static func withStore(_ body: (StoreUnderTest) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mochila-\(UUID()).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = SQLiteStore(path: path)
        do {
            try await store.migrate()
            try await body(StoreUnderTest(store: store, openAnother: { SQLiteStore(path: path) }))
        } catch {
            try? await store.shutdown()
            throw error
        }
        try await store.shutdown()
    }

    @Test(arguments: StoreConformance.cases)
    func conformance(_ check: ConformanceCase) async throws {
        try await Self.withStore(check.run)
    }

    /// Databases that existing nodes created recorded these checksums; a changed SQLite
    /// statement would stop those nodes at start.
    @Test func existingDatabasesKeepTheirChecksums() {
        #expect(Migrations.all.prefix(8).map { $0.checksum(for: .sqlite) } == [
            "2f01c470bbfefab5269fcee961cf86331ab6c179d9c52984239c4dc4bbebe3d2",
            "68476a78c3fffa2eb750e23cf34838857c395eb81b20ae74425e3aa9cdd36ef8",
            "fb52c3248621ce4f6072078592a33f5a8988033f8f93f736d9f0225f98e4fd60",
            "b75b94028238d3c1b628dd3841ce10d0d091cf4ca5d1d3d7c56fb064848849f4",
            "ba4597e37fc2ff65358ed404e7f2fa0d8882f9a60ac28e0a795c32c22756b5b0",
            "ebbb81863b1dbce181bd0c46e4b4676b068c034bf22caa7f523775fab87d7a61",
            "6902a60d6383a75f5febf180ece689ce09aa6944268df675bf9ab7a6449106bc",
            "1c29f87a6bba446f3e3d9064ea5a9ab3c408300285ee7fe9e17ee9f63b399983",
        ])
        for migration in Migrations.all where !migration.sqlite.isEmpty || !migration.postgres.isEmpty {
            #expect(migration.checksum(for: .sqlite) != migration.checksum(for: .postgres), "\(migration.name)")
        }
    }

    @Test func aPrivateTemporaryDatabaseWorks() async throws {
        let store = SQLiteStore(path: nil)
        try await store.migrate()
        try await StoreConformance.settingsRoundTrip(store)
        try await store.shutdown()
    }
}
