import Foundation
import MochilaCore
import MochilaTestSupport
import SQLKit
import Testing

@testable import MochilaStore

/// The conformance suite on PostgreSQL, each case in a database of its own that the test
/// creates and drops, on the server `MOCHILA_TEST_POSTGRES_URL` names (skipped without it).
@Suite(.enabled(if: ScratchPostgres.isConfigured, Comment(rawValue: ScratchPostgres.skipReason)), .serialized)
struct PostgresStoreTests {
    static func withStore(_ body: (StoreUnderTest) async throws -> Void) async throws {
        try await ScratchPostgres.with { scratch in
            let store = try PostgresStore(url: scratch.url)
            do {
                try await store.migrate()
                try await body(StoreUnderTest(store: store, openAnother: { try PostgresStore(url: scratch.url) }))
            } catch {
                try? await store.shutdown()
                throw error
            }
            try await store.shutdown()
        }
    }

    @Test(arguments: StoreConformance.cases)
    func conformance(_ check: ConformanceCase) async throws {
        try await Self.withStore(check.run)
    }

    /// Nodes started together against a new database: one applies the migrations, the others
    /// wait on the advisory lock and find them applied.
    @Test func nodesStartingTogetherMigrateOnce() async throws {
        try await ScratchPostgres.with { scratch in
            let stores = try (0..<3).map { _ in try PostgresStore(url: scratch.url) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for store in stores { group.addTask { try await store.migrate() } }
                try await group.waitForAll()
            }
            let count = try await stores[0].withDatabase { db in
                try await db.raw("SELECT COUNT(*) AS n FROM schema_migrations").first()!.decode(column: "n", as: Int.self)
            }
            #expect(count == Migrations.all.count)
            for store in stores { try await store.shutdown() }
        }
    }

    /// TRUNCATE skips row triggers; statement triggers refuse it.
    @Test func awardsAndTheAuditLogCannotBeTruncated() async throws {
        try await Self.withStore { subject in
            for table in ["awards", "audit_log"] {
                await StoreConformance.expectStoreError(.refused, "\(table)") {
                    try await subject.store.transaction { db in try await db.raw("TRUNCATE \(ident: table) CASCADE").run() }
                }
            }
        }
    }
}

/// What `--database postgres://…` accepts and how it fails, without a server.
@Suite struct PostgresURLTests {
    @Test func aURLWithoutUserOrDatabaseIsRefusedWithoutItsPassword() {
        for url in ["postgres://localhost/mochila", "postgres://mochila:secreto@localhost:5432", "postgres://mochila:secreto@/mochila"] {
            do {
                _ = try PostgresStore(url: url)
                Issue.record("\(url) was accepted")
            } catch let error as StoreError {
                #expect(error.code == .unavailable)
                #expect(!error.message.contains("secreto"), "\(error.message)")
                #expect(error.message.contains("postgres://USER:PASSWORD@HOST:PORT/DATABASE"))
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func anUnreachableServerIsUnavailable() async throws {
        let store = try PostgresStore(url: "postgres://mochila:secreto@127.0.0.1:1/mochila?sslmode=disable")
        do {
            try await store.migrate()
            Issue.record("a server on port 1 answered")
        } catch let error as StoreError {
            #expect(error.code == .unavailable)
            #expect(error.message.contains("postgres://mochila:***@127.0.0.1:1/mochila"), "\(error.message)")
            #expect(!"\(error)".contains("secreto"))
        }
        try await store.shutdown()
    }
}
