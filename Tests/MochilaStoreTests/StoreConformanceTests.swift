import Foundation
import MochilaCore
import SQLKit
import Testing

@testable import MochilaStore

/// A store under test: a migrated store on a database of its own, and a way to open another
/// store on the same database, as a second process would.
struct StoreUnderTest: Sendable {
    let store: any SQLStore
    let openAnother: @Sendable () throws -> any SQLStore
}

/// One behaviour every store must have, named for the test report.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    let name: String
    let run: @Sendable (StoreUnderTest) async throws -> Void

    init(_ name: String, _ run: @escaping @Sendable (any SQLStore) async throws -> Void) {
        self.name = name
        self.run = { try await run($0.store) }
    }

    init(_ name: String, subject run: @escaping @Sendable (StoreUnderTest) async throws -> Void) {
        self.name = name
        self.run = run
    }

    var testDescription: String { name }
}

/// The behaviour every store must have, run by each backend (`SQLiteStoreTests`,
/// `PostgresStoreTests`) against a fresh database per case. It covers every method of ``Store``.
enum StoreConformance {
    static let cases: [ConformanceCase] = [
        ConformanceCase("institutions round-trip and stay unique", institutionsRoundTripAndStayUnique),
        ConformanceCase("specs are versioned", specsAreVersioned),
        ConformanceCase("awards keep their credential byte for byte", awardsKeepTheirCredentialByteForByte),
        ConformanceCase("status places are unique and a list fills to half", statusPlacesAreUniqueAndListsFillToHalf),
        ConformanceCase("two awards never share a status place", twoAwardsNeverShareAStatusPlace),
        ConformanceCase("two stores reserving at once never share a place", subject: twoStoresReservingAtOnceNeverShareAPlace),
        ConformanceCase("suspension, reinstatement and a final revocation", statusChangesBumpTheListAndRevocationIsFinal),
        ConformanceCase("status list credentials are replaced, never by an older version", statusListCredentialsAreReplaced),
        ConformanceCase("single places drawn in a list in use are never reused", singlePlacesInAListInUseAreNeverReused),
        ConformanceCase("a batch is stored whole or not at all", batchesAreStoredWholeOrNotAtAll),
        ConformanceCase("the audit log is newest first and append-only", auditLogIsNewestFirstAndAppendOnly),
        ConformanceCase("rotated keys stay published", rotatedKeysStayPublished),
        ConformanceCase("staff accounts", staffAccounts),
        ConformanceCase("sessions expire", sessionsExpire),
        ConformanceCase("OAuth clients and tokens", oauthClientsAndTokens),
        ConformanceCase("settings round-trip", settingsRoundTrip),
        ConformanceCase("learners round-trip and emails stay unique", learnersRoundTripAndStayUnique),
        ConformanceCase("a temporary backpack becomes permanent", temporaryBackpacksBecomePermanent),
        ConformanceCase("learner sessions", learnerSessions),
        ConformanceCase("backpack items: one per digest, newest first, public flag, deleted with their shares", backpackItemsAreUniquePerDigest),
        ConformanceCase("share links expire and are revoked", sharesExpireAndAreRevoked),
        ConformanceCase("deleting a learner clears personal data and keeps awards", deletingALearnerClearsPersonalDataAndKeepsAwards),
        ConformanceCase("bindings are found and holder keys restored", holderKeysAndBindingsAreFound),
        ConformanceCase("registry members and imported registries", registryMembersAndSources),
        ConformanceCase("recognition rules are versioned, requests decided once", recognitionRulesAreVersionedAndRequestsDecidedOnce),
        ConformanceCase("pathways are versioned and awarded once per learner", pathwaysAreVersionedAndAwardedOnce),
        ConformanceCase("issued credentials are never rewritten or deleted", issuedCredentialsAreNeverRewrittenOrDeleted),
        ConformanceCase("migrating twice changes nothing", migratingTwiceChangesNothing),
        ConformanceCase("an edited or unknown migration stops the node", anEditedOrUnknownMigrationStopsTheNode),
        ConformanceCase("data survives reopening", subject: dataSurvivesReopening),
    ]

    // MARK: Fixtures

    static let created = Date(milliseconds: 1_767_225_600_000)

    static func institution(_ slug: String) -> (Institution, InstitutionKey) {
        let institution = Institution(
            slug: slug, name: LocalizedText(es: "Universidad de Prueba \(slug)", en: "Test University \(slug)"),
            country: "MX", did: "did:key:z\(slug)", url: "https://\(slug).example", qualityAssuranceAgency: "COPAES",
            createdAt: created)
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

    static func award(
        _ spec: MicroCredentialSpec, credential: String = "{\n  \"id\": \"x\"\n}", issuedAt: Int64 = 1_767_312_000_000,
        slot: StatusSlot? = nil, batchID: UUID? = nil
    ) -> Award {
        let id = UUID()
        return Award(
            id: id, institutionID: spec.institutionID, specID: spec.id, specVersion: spec.version,
            learner: Learner(givenName: "María José", familyName: "Núñez Pérez", email: "mj@correo.example"),
            grade: "9.5/10", credentialID: "urn:uuid:" + id.uuidString.lowercased(), issuedAt: Date(milliseconds: issuedAt),
            validUntil: Date(milliseconds: issuedAt + 86_400_000), credential: Array(credential.utf8), statusSlot: slot,
            batchID: batchID)
    }

    /// An institution with one spec, created in `store`.
    static func issuer(_ slug: String, in store: any Store) async throws -> (Institution, MicroCredentialSpec) {
        let (institution, key) = institution(slug)
        try await store.createInstitution(institution, key: key, tokenHash: "hash-\(slug)")
        let spec = spec(institutionID: institution.id)
        try await store.addSpecVersion(spec)
        return (institution, spec)
    }

    /// Runs `body` and expects a ``StoreError`` with `code`.
    static func expectStoreError(
        _ code: StoreError.Code, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async {
        do {
            try await body()
            Issue.record("expected a \(code) error; nothing was thrown. \(comment.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
        } catch let error as StoreError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected a \(code) StoreError, got \(String(reflecting: error))", sourceLocation: sourceLocation)
        }
    }

    // MARK: Institutions, specs, awards

    static func institutionsRoundTripAndStayUnique(_ store: any SQLStore) async throws {
        let (institution, key) = institution("uno")
        try await store.createInstitution(institution, key: key, tokenHash: "hash-uno")
        #expect(try await store.institution(id: institution.id) == institution)
        #expect(try await store.institution(slug: "uno") == institution)
        #expect(try await store.institution(tokenHash: "hash-uno") == institution)
        #expect(try await store.institution(tokenHash: "hash-otro") == nil)
        #expect(try await store.institution(slug: "otro") == nil)
        #expect(try await store.activeKey(institutionID: institution.id) == key)

        // The same slug, DID or token cannot be taken twice, and a failed create writes nothing.
        let changes: [(String, (inout Institution, inout String) -> Void)] = [
            ("slug", { other, _ in other.slug = "uno" }),
            ("did", { other, _ in other.did = institution.did }),
            ("token", { _, token in token = "hash-uno" }),
        ]
        for (field, change) in changes {
            let (fresh, otherKey) = Self.institution("dos")
            var other = fresh
            var token = "hash-dos"
            change(&other, &token)
            await expectStoreError(.conflict, "a taken \(field)") {
                try await store.createInstitution(other, key: otherKey, tokenHash: token)
            }
            #expect(try await store.institution(id: other.id) == nil)
            #expect(try await store.activeKey(institutionID: other.id) == nil)
        }
        let (second, secondKey) = Self.institution("abc")
        try await store.createInstitution(second, key: secondKey, tokenHash: "hash-abc")
        // Institutions by slug.
        #expect(try await store.institutions().map(\.slug) == ["abc", "uno"])
    }

    static func specsAreVersioned(_ store: any SQLStore) async throws {
        let (institution, key) = institution("specs")
        try await store.createInstitution(institution, key: key, tokenHash: "hash-specs")
        let first = spec(institutionID: institution.id)
        try await store.addSpecVersion(first)
        #expect(try await store.spec(id: first.id, version: 1) == first)
        // Only the next version can be added.
        await expectStoreError(.conflict) { try await store.addSpecVersion(first) }
        await expectStoreError(.conflict) {
            try await store.addSpecVersion(spec(institutionID: institution.id, id: first.id, version: 3))
        }
        let second = spec(institutionID: institution.id, id: first.id, version: 2, title: "Energía solar avanzada")
        try await store.addSpecVersion(second)
        #expect(try await store.spec(id: first.id, version: nil) == second)
        #expect(try await store.spec(id: first.id, version: 1) == first)
        #expect(try await store.spec(id: first.id, version: 3) == nil)
        let other = spec(institutionID: institution.id, title: "Administración")
        try await store.addSpecVersion(other)
        #expect(try await store.latestSpecs(institutionID: institution.id).map(\.title.values["es"]) == ["Administración", "Energía solar avanzada"])
        #expect(try await store.spec(id: UUID(), version: nil) == nil)

        let (elsewhere, elsewhereKey) = Self.institution("otra")
        try await store.createInstitution(elsewhere, key: elsewhereKey, tokenHash: "hash-otra")
        let foreign = spec(institutionID: elsewhere.id, title: "Bioética")
        try await store.addSpecVersion(foreign)
        #expect(try await store.latestSpecs(institutionID: institution.id).count == 2)
        #expect(try await store.latestSpecs(institutionID: nil).map(\.id) == [other.id, foreign.id, first.id])
    }

    static func awardsKeepTheirCredentialByteForByte(_ store: any SQLStore) async throws {
        let (institution, spec) = try await issuer("awards", in: store)
        let text = "{\n  \"name\": \"Ñandú \\u00e9 😀 — ação\",\n  \"n\": 1.0\n}\n"
        let older = award(spec, credential: text, issuedAt: 1_767_312_000_000)
        let newer = award(spec, issuedAt: 1_767_398_400_000)
        try await store.addAward(older)
        try await store.addAward(newer)
        let read = try #require(try await store.award(id: older.id))
        #expect(read == older)
        #expect(read.credential == Array(text.utf8))
        #expect(try await store.award(credentialID: older.credentialID) == older)
        #expect(try await store.award(credentialID: "urn:uuid:nadie") == nil)
        #expect(try await store.award(id: UUID()) == nil)
        #expect(try await store.awards(institutionID: institution.id, limit: 10).map(\.id) == [newer.id, older.id])
        #expect(try await store.awards(institutionID: nil, limit: 1).map(\.id) == [newer.id])
        #expect(try await store.awards(institutionID: UUID(), limit: 10).isEmpty)
        // A credential id is never issued twice.
        var duplicate = award(spec)
        duplicate.credentialID = older.credentialID
        await expectStoreError(.conflict) { try await store.addAward(duplicate) }
        // An award names a spec version that exists.
        var unknownSpec = award(spec)
        unknownSpec.specVersion = 9
        await expectStoreError(.refused) { try await store.addAward(unknownSpec) }
        #expect(try await store.awards(institutionID: institution.id, limit: 10).count == 2)
    }

    static func settingsRoundTrip(_ store: any SQLStore) async throws {
        #expect(try await store.setting("demo.seeded") == nil)
        try await store.setSetting("demo.seeded", "1")
        try await store.setSetting("demo.seeded", "2")
        try await store.setSetting("otra", "ñ")
        #expect(try await store.setting("demo.seeded") == "2")
        #expect(try await store.setting("otra") == "ñ")
    }

    static func dataSurvivesReopening(_ subject: StoreUnderTest) async throws {
        let (institution, spec) = try await issuer("persist", in: subject.store)
        let award = award(spec)
        try await subject.store.addAward(award)
        try await subject.store.shutdown()
        let second = try subject.openAnother()
        try await second.migrate()
        #expect(try await second.institution(slug: "persist") == institution)
        #expect(try await second.award(id: award.id) == award)
        try await second.shutdown()
    }
}
