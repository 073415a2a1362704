import Foundation
import MochilaCore
import SQLKit
import Testing

@testable import MochilaStore

/// The behaviour every store must have. Each backend runs it: SQLite here; PostgreSQL joins
/// behind the same suite.
enum StoreConformance {
    static func institution(_ slug: String) -> (Institution, InstitutionKey) {
        let institution = Institution(
            slug: slug, name: LocalizedText(es: "Universidad de Prueba \(slug)", en: "Test University \(slug)"),
            country: "MX", did: "did:key:z\(slug)", url: "https://\(slug).example", qualityAssuranceAgency: "COPAES",
            createdAt: Date(milliseconds: 1_767_225_600_000))
        let key = InstitutionKey(
            id: "did:key:z\(slug)#z\(slug)", institutionID: institution.id, type: "Ed25519",
            publicKeyMultibase: "z\(slug)", sealedSecretKey: [1, 2, 3, 4, 5], createdAt: institution.createdAt)
        return (institution, key)
    }

    static func spec(institutionID: UUID, id: UUID = UUID(), version: Int = 1, title: String = "Energía solar") -> MicroCredentialSpec {
        MicroCredentialSpec(
            id: id, version: version, institutionID: institutionID, title: LocalizedText(es: title, en: "Solar energy"),
            description: LocalizedText(es: "Descripción"),
            learningOutcomes: [LearningOutcome(text: LocalizedText(es: "Dimensiona un sistema"))], workloadHours: 40,
            credits: [CreditValue(system: "ECTS", value: 1.5)], eqfLevel: 5, iscedField: "0713",
            assessment: Assessment(type: .project), participation: .online, qualityAssurance: LocalizedText(es: "Consejo"),
            formality: .nonFormal, validityMonths: 24, languages: ["es", "en"], createdAt: Date(milliseconds: 1_767_225_600_123))
    }

    static func award(_ spec: MicroCredentialSpec, credential: String = "{\n  \"id\": \"x\"\n}", issuedAt: Int64 = 1_767_312_000_000) -> Award {
        let id = UUID()
        return Award(
            id: id, institutionID: spec.institutionID, specID: spec.id, specVersion: spec.version,
            learner: Learner(givenName: "María José", familyName: "Núñez Pérez", email: "mj@correo.example"),
            grade: "9.5/10", credentialID: "urn:uuid:" + id.uuidString.lowercased(), issuedAt: Date(milliseconds: issuedAt),
            validUntil: Date(milliseconds: issuedAt + 86_400_000), credential: Array(credential.utf8))
    }

    static func institutionsRoundTripAndStayUnique(_ store: any Store) async throws {
        let (institution, key) = institution("uno")
        try await store.createInstitution(institution, key: key, tokenHash: "hash-uno")
        #expect(try await store.institution(id: institution.id) == institution)
        #expect(try await store.institution(slug: "uno") == institution)
        #expect(try await store.institution(tokenHash: "hash-uno") == institution)
        #expect(try await store.institution(tokenHash: "hash-otro") == nil)
        #expect(try await store.activeKey(institutionID: institution.id) == key)

        // The same slug, DID or token cannot be taken twice, and a failed create writes nothing.
        var duplicate = Self.institution("dos")
        duplicate.0.slug = "uno"
        await #expect(throws: StoreError.self) {
            try await store.createInstitution(duplicate.0, key: duplicate.1, tokenHash: "hash-dos")
        }
        #expect(try await store.institution(id: duplicate.0.id) == nil)
        #expect(try await store.activeKey(institutionID: duplicate.0.id) == nil)
        #expect(try await store.institutions().map(\.slug) == ["uno"])
    }

    static func specsAreVersioned(_ store: any Store) async throws {
        let (institution, key) = institution("specs")
        try await store.createInstitution(institution, key: key, tokenHash: "hash-specs")
        let first = spec(institutionID: institution.id)
        try await store.addSpecVersion(first)
        #expect(try await store.spec(id: first.id, version: 1) == first)
        // Only the next version can be added.
        await #expect(throws: StoreError.self) { try await store.addSpecVersion(first) }
        await #expect(throws: StoreError.self) {
            try await store.addSpecVersion(spec(institutionID: institution.id, id: first.id, version: 3))
        }
        let second = spec(institutionID: institution.id, id: first.id, version: 2, title: "Energía solar avanzada")
        try await store.addSpecVersion(second)
        #expect(try await store.spec(id: first.id, version: nil) == second)
        #expect(try await store.spec(id: first.id, version: 1) == first)
        let other = spec(institutionID: institution.id, title: "Administración")
        try await store.addSpecVersion(other)
        #expect(try await store.latestSpecs(institutionID: institution.id).map(\.title.values["es"]) == ["Administración", "Energía solar avanzada"])
        #expect(try await store.spec(id: UUID(), version: nil) == nil)
    }

    static func awardsKeepTheirCredentialByteForByte(_ store: any Store) async throws {
        let (institution, key) = institution("awards")
        try await store.createInstitution(institution, key: key, tokenHash: "hash-awards")
        let spec = spec(institutionID: institution.id)
        try await store.addSpecVersion(spec)
        let text = "{\n  \"name\": \"Ñandú \\u00e9 😀\",\n  \"n\": 1.0\n}\n"
        let older = award(spec, credential: text, issuedAt: 1_767_312_000_000)
        let newer = award(spec, issuedAt: 1_767_398_400_000)
        try await store.addAward(older)
        try await store.addAward(newer)
        let read = try #require(try await store.award(id: older.id))
        #expect(read == older)
        #expect(read.credential == Array(text.utf8))
        #expect(try await store.award(credentialID: older.credentialID) == older)
        #expect(try await store.awards(institutionID: institution.id, limit: 10).map(\.id) == [newer.id, older.id])
        #expect(try await store.awards(institutionID: nil, limit: 1).map(\.id) == [newer.id])
        // A credential id is never issued twice.
        var duplicate = award(spec)
        duplicate.credentialID = older.credentialID
        await #expect(throws: StoreError.self) { try await store.addAward(duplicate) }
    }

    static func settingsRoundTrip(_ store: any Store) async throws {
        #expect(try await store.setting("demo.seeded") == nil)
        try await store.setSetting("demo.seeded", "1")
        try await store.setSetting("demo.seeded", "2")
        #expect(try await store.setting("demo.seeded") == "2")
    }
}

@Suite struct SQLiteStoreTests {
    func withStore(_ body: (SQLiteStore) async throws -> Void) async throws {
        let store = SQLiteStore(path: nil)
        try await store.migrate()
        do {
            try await body(store)
        } catch {
            try await store.shutdown()
            throw error
        }
        try await store.shutdown()
    }

    @Test func institutions() async throws { try await withStore(StoreConformance.institutionsRoundTripAndStayUnique) }
    @Test func specs() async throws { try await withStore(StoreConformance.specsAreVersioned) }
    @Test func awards() async throws { try await withStore(StoreConformance.awardsKeepTheirCredentialByteForByte) }
    @Test func settings() async throws { try await withStore(StoreConformance.settingsRoundTrip) }

    @Test func migratingTwiceChangesNothing() async throws {
        try await withStore { store in
            try await store.migrate()
            let count = try await store.withDatabase { db in
                try await db.raw("SELECT COUNT(*) AS n FROM schema_migrations").first()!.decode(column: "n", as: Int.self)
            }
            #expect(count == Migrations.all.count)
        }
    }

    @Test func issuedCredentialsAreNeverRewrittenOrDeleted() async throws {
        try await withStore { store in
            let (institution, key) = StoreConformance.institution("guard")
            try await store.createInstitution(institution, key: key, tokenHash: "hash-guard")
            let spec = StoreConformance.spec(institutionID: institution.id)
            try await store.addSpecVersion(spec)
            let award = StoreConformance.award(spec)
            try await store.addAward(award)
            await #expect(throws: (any Error).self) {
                try await store.transaction { db in
                    try await db.raw("UPDATE awards SET credential = '{}' WHERE id = \(bind: award.id.uuidString)").run()
                }
            }
            await #expect(throws: (any Error).self) {
                try await store.transaction { db in
                    try await db.raw("DELETE FROM awards WHERE id = \(bind: award.id.uuidString)").run()
                }
            }
            #expect(try await store.award(id: award.id)?.credential == award.credential)
        }
    }

    @Test func anEditedMigrationStopsTheNode() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mochila-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = SQLiteStore(path: path)
        try await store.migrate()
        try await store.transaction { db in
            try await db.raw("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1").run()
        }
        do {
            try await store.migrate()
            Issue.record("an edited migration was accepted")
        } catch let error as StoreError {
            #expect(error.code == .migration)
            #expect(error.message.contains("append-only"))
        }
        try await store.shutdown()
    }

    @Test func dataSurvivesReopening() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mochila-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (institution, key) = StoreConformance.institution("persist")
        let first = SQLiteStore(path: path)
        try await first.migrate()
        try await first.createInstitution(institution, key: key, tokenHash: "hash-persist")
        try await first.shutdown()
        let second = SQLiteStore(path: path)
        try await second.migrate()
        #expect(try await second.institution(slug: "persist") == institution)
        try await second.shutdown()
    }
}
