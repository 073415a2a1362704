import Foundation
import MochilaCore
import SQLKit
import Testing

@testable import MochilaStore

/// Status places, status changes, status list credentials, batches, the audit log and keys.
extension StoreConformance {
    static let at = Date(milliseconds: 1_767_312_000_000)

    static func entry(_ action: String, _ institution: Institution, second: Int64 = 0, subject: String? = nil) -> AuditEntry {
        AuditEntry(
            at: Date(milliseconds: 1_767_312_000_000 + second * 1000), institutionID: institution.id, actor: "api", action: action,
            subject: subject)
    }

    // MARK: Status places

    static func statusPlacesAreUniqueAndListsFillToHalf(_ store: any SQLStore) async throws {
        let (institution, _) = try await issuer("listas", in: store)
        #expect(try await store.reserveStatusSlots(institutionID: institution.id, count: 0, capacity: 16, at: at).isEmpty)
        #expect(try await store.statusList(institutionID: institution.id, number: 1) == nil)

        let first = try await store.reserveStatusSlots(institutionID: institution.id, count: 5, capacity: 16, at: at)
        let list = try #require(try await store.statusList(institutionID: institution.id, number: 1))
        #expect(list.institutionID == institution.id && list.capacity == 16 && list.allocated == 5 && list.version == 1)
        #expect(first.count == 5)
        #expect(first.allSatisfy { $0.listID == list.id && $0.number == 1 && (0..<16).contains($0.index) })

        // Three more fill list 1 to half its capacity; the other two open list 2.
        let second = try await store.reserveStatusSlots(institutionID: institution.id, count: 5, capacity: 16, at: at)
        #expect(second.filter { $0.number == 1 }.count == 3)
        #expect(second.filter { $0.number == 2 }.count == 2)
        #expect(Set((first + second).filter { $0.number == 1 }.map(\.index)).count == 8)
        #expect(try await store.statusList(institutionID: institution.id, number: 1)?.allocated == 8)
        let listTwo = try #require(try await store.statusList(institutionID: institution.id, number: 2))
        #expect(listTwo.allocated == 2 && listTwo.id != list.id)
        #expect(second.filter { $0.number == 2 }.allSatisfy { $0.listID == listTwo.id })

        // A large reservation opens as many lists as it needs.
        let large = try await store.reserveStatusSlots(institutionID: institution.id, count: 20, capacity: 16, at: at)
        #expect(Dictionary(grouping: large, by: \.number).mapValues(\.count) == [2: 6, 3: 8, 4: 6])
        let all = first + second + large
        #expect(Set(all.map { "\($0.listID) \($0.index)" }).count == all.count)
        #expect(try await store.statusList(institutionID: institution.id, number: 5) == nil)

        // Each institution numbers its own lists.
        let (other, _) = try await issuer("otras-listas", in: store)
        let theirs = try await store.reserveStatusSlots(institutionID: other.id, count: 1, capacity: 16, at: at)
        #expect(theirs.map(\.number) == [1])
        #expect(theirs[0].listID != list.id)
    }

    static func twoAwardsNeverShareAStatusPlace(_ store: any SQLStore) async throws {
        let (_, spec) = try await issuer("lugar", in: store)
        let slots = try await store.reserveStatusSlots(institutionID: spec.institutionID, count: 2, capacity: 16, at: at)
        let first = award(spec, slot: slots[0])
        try await store.addAward(first)
        #expect(try await store.award(id: first.id)?.statusSlot == slots[0])
        // The unique index on (status_list_id, status_index) is the last line of defence.
        await expectStoreError(.conflict) { try await store.addAward(award(spec, slot: slots[0])) }
        try await store.addAward(award(spec, slot: slots[1]))
        #expect(try await store.awards(institutionID: spec.institutionID, limit: 10).count == 2)
    }

    /// Two stores on one database stand for two processes: their reservations interleave, and
    /// no place is given out twice.
    static func twoStoresReservingAtOnceNeverShareAPlace(_ subject: StoreUnderTest) async throws {
        let (institution, _) = try await issuer("carrera", in: subject.store)
        let other = try subject.openAnother()
        let stores: [any SQLStore] = [subject.store, other]
        let counts = (0..<24).map { $0 % 3 == 0 ? 7 : 1 }
        let slots = try await withThrowingTaskGroup(of: [StatusSlot].self) { group in
            for (round, count) in counts.enumerated() {
                let store = stores[round % 2]
                group.addTask {
                    try await store.reserveStatusSlots(institutionID: institution.id, count: count, capacity: 64, at: at)
                }
            }
            var all: [StatusSlot] = []
            for try await part in group { all += part }
            return all
        }
        try await other.shutdown()
        let expected = counts.reduce(0, +)
        #expect(slots.count == expected)
        #expect(Set(slots.map { "\($0.listID) \($0.index)" }).count == expected)
        // Lists are numbered 1, 2, … with no gap, each at most half full, and their counts add up.
        var allocated = 0
        var number = 1
        while let list = try await subject.store.statusList(institutionID: institution.id, number: number) {
            #expect(list.allocated <= 32)
            #expect(slots.filter { $0.number == number }.allSatisfy { $0.listID == list.id })
            allocated += list.allocated
            number += 1
        }
        #expect(allocated == expected)
        #expect(Set(slots.map(\.number)) == Set(1..<number))
    }

    // MARK: Status changes

    static func statusChangesBumpTheListAndRevocationIsFinal(_ store: any SQLStore) async throws {
        let (institution, spec) = try await issuer("ciclo", in: store)
        let slots = try await store.reserveStatusSlots(institutionID: institution.id, count: 2, capacity: 16, at: at)
        let award = award(spec, slot: slots[0])
        let bystander = Self.award(spec, slot: slots[1])
        try await store.addAward(award)
        try await store.addAward(bystander)
        let listID = slots[0].listID
        func version() async throws -> Int? { try await store.statusList(institutionID: institution.id, number: slots[0].number)?.version }
        #expect(try await version() == 1)
        #expect(try await store.statusBits(listID: listID).isEmpty)

        let suspension = StatusChange(at: Date(milliseconds: 1_767_400_000_000), reason: "Revisión de plagio")
        try await store.changeStatus(
            awardID: award.id, purpose: .suspension, change: suspension, audit: entry("award.suspend", institution, second: 1))
        #expect(try await store.award(id: award.id)?.suspension == suspension)
        #expect(try await version() == 2)
        var bits = try await store.statusBits(listID: listID)
        #expect(bits.count == 1 && bits.first?.index == slots[0].index && bits.first?.suspended == true && bits.first?.revoked == false)

        try await store.changeStatus(awardID: award.id, purpose: .suspension, change: nil, audit: entry("award.reinstate", institution, second: 2))
        #expect(try await store.award(id: award.id)?.suspension == nil)
        #expect(try await version() == 3)
        #expect(try await store.statusBits(listID: listID).isEmpty)

        let revocation = StatusChange(at: Date(milliseconds: 1_767_500_000_000), reason: "Acta anulada")
        try await store.changeStatus(
            awardID: award.id, purpose: .revocation, change: revocation, audit: entry("award.revoke", institution, second: 3))
        #expect(try await store.award(id: award.id)?.revocation == revocation)
        #expect(try await version() == 4)
        bits = try await store.statusBits(listID: listID)
        #expect(bits.count == 1 && bits.first?.revoked == true && bits.first?.suspended == false)

        // A revocation is final: nothing changes a revoked award's status again.
        let changes: [(StatusPurpose, StatusChange?)] = [(.revocation, revocation), (.suspension, suspension), (.suspension, nil)]
        for (purpose, change) in changes {
            await expectStoreError(.conflict) {
                try await store.changeStatus(awardID: award.id, purpose: purpose, change: change, audit: entry("x", institution, second: 9))
            }
        }
        // A revocation is never undone by a change to nothing, and an unknown award has no status.
        await expectStoreError(.conflict) {
            try await store.changeStatus(awardID: bystander.id, purpose: .revocation, change: nil, audit: entry("x", institution, second: 9))
        }
        await expectStoreError(.conflict) {
            try await store.changeStatus(awardID: UUID(), purpose: .suspension, change: suspension, audit: entry("x", institution, second: 9))
        }
        // Refused changes wrote nothing: no audit entry, no version, the bystander untouched.
        #expect(try await store.audit(institutionID: institution.id, limit: 50).map(\.action) == ["award.revoke", "award.reinstate", "award.suspend"])
        #expect(try await version() == 4)
        let untouched = try await store.award(id: bystander.id)
        #expect(untouched?.revocation == nil && untouched?.suspension == nil)

        // The database itself keeps a revocation final.
        await expectStoreError(.refused) {
            try await store.transaction { db in
                try await db.raw("UPDATE awards SET revoked_at = NULL WHERE id = \(bind: award.id.uuidString)").run()
            }
        }
        #expect(try await store.award(id: award.id)?.revocation == revocation)
    }

    /// Single places drawn in a list already in use (the candidates path) never repeat one.
    static func singlePlacesInAListInUseAreNeverReused(_ store: any SQLStore) async throws {
        let (institution, _) = try await issuer("plazas", in: store)
        var places = try await store.reserveStatusSlots(institutionID: institution.id, count: 40, capacity: 256, at: at)
        for _ in 0..<60 { places += try await store.reserveStatusSlots(institutionID: institution.id, count: 1, capacity: 256, at: at) }
        #expect(Set(places.map(\.listID)).count == 1)
        #expect(Set(places.map(\.index)).count == 100, "no place given twice")
        #expect(try await store.statusList(institutionID: institution.id, number: 1)?.allocated == 100)
    }

    static func statusListCredentialsAreReplaced(_ store: any SQLStore) async throws {
        let (institution, _) = try await issuer("publica", in: store)
        let listID = try await store.reserveStatusSlots(institutionID: institution.id, count: 1, capacity: 16, at: at)[0].listID
        #expect(try await store.statusListCredential(listID: listID, purpose: .revocation) == nil)
        let first = StoredStatusList(
            listID: listID, purpose: .revocation, version: 1, credential: Array("{\n  \"v\": 1, \"ñ\": true\n}".utf8), etag: "\"v1\"",
            validUntil: Date(milliseconds: 1_767_916_800_000))
        try await store.storeStatusListCredential(first)
        #expect(try await store.statusListCredential(listID: listID, purpose: .revocation) == first)
        // The verifier's one-query read: the stored credential of the list's current version.
        #expect(try await store.currentStatusListCredential(slug: institution.slug, number: 1, purpose: .revocation) == first)
        #expect(try await store.currentStatusListCredential(slug: institution.slug, number: 1, purpose: .suspension) == nil)
        #expect(try await store.currentStatusListCredential(slug: institution.slug, number: 2, purpose: .revocation) == nil)
        #expect(try await store.currentStatusListCredential(slug: "otra", number: 1, purpose: .revocation) == nil)

        var second = first
        second.version = 2
        second.credential = Array("{\"v\": 2}".utf8)
        second.etag = "\"v2\""
        try await store.storeStatusListCredential(second)
        #expect(try await store.statusListCredential(listID: listID, purpose: .revocation) == second)
        #expect(
            try await store.currentStatusListCredential(slug: institution.slug, number: 1, purpose: .revocation) == nil,
            "a stored credential of another version than the list's is not current")
        // A slower node's copy of an older list version does not replace a newer one.
        try await store.storeStatusListCredential(first)
        #expect(try await store.statusListCredential(listID: listID, purpose: .revocation) == second)
        // The same version signed again, near the end of its validity, does.
        var resigned = second
        resigned.etag = "\"v2b\""
        resigned.validUntil = Date(milliseconds: 1_768_521_600_000)
        try await store.storeStatusListCredential(resigned)
        #expect(try await store.statusListCredential(listID: listID, purpose: .revocation) == resigned)
        // Each purpose has its own.
        let suspension = StoredStatusList(
            listID: listID, purpose: .suspension, version: 2, credential: Array("{}".utf8), etag: "\"s2\"", validUntil: resigned.validUntil)
        try await store.storeStatusListCredential(suspension)
        #expect(try await store.statusListCredential(listID: listID, purpose: .suspension) == suspension)
        #expect(try await store.statusListCredential(listID: listID, purpose: .revocation) == resigned)
    }

    // MARK: Batches

    static func batchesAreStoredWholeOrNotAtAll(_ store: any SQLStore) async throws {
        let (institution, spec) = try await issuer("lotes", in: store)
        let slots = try await store.reserveStatusSlots(institutionID: institution.id, count: 4, capacity: 64, at: at)
        let batch = Batch(
            id: UUID(), institutionID: institution.id, specID: spec.id, specVersion: spec.version, issuedBy: "ana@uni.example",
            count: 3, createdAt: at)
        let awards = (0..<3).map { award(spec, slot: slots[$0], batchID: batch.id) }
        let entries = [entry("batch.issue", institution, subject: batch.id.uuidString)] + awards.map {
            entry("award.issue", institution, subject: $0.id.uuidString)
        }
        try await store.addAwards(awards, batch: batch, audit: entries)
        #expect(try await store.batch(id: batch.id) == batch)
        let stored = try await store.awards(batchID: batch.id)
        #expect(Set(stored) == Set(awards))
        #expect(try await store.audit(institutionID: institution.id, limit: 10).count == 4)

        // All or nothing: the second award's credential id is taken, so nothing of the batch is stored.
        let later = Batch(
            id: UUID(), institutionID: institution.id, specID: spec.id, specVersion: spec.version, issuedBy: "api", count: 2,
            createdAt: Date(milliseconds: at.milliseconds + 86_400_000))
        let fine = award(spec, batchID: later.id)
        var clash = award(spec, slot: slots[3], batchID: later.id)
        clash.credentialID = awards[0].credentialID
        await expectStoreError(.conflict) {
            try await store.addAwards([fine, clash], batch: later, audit: [entry("batch.issue", institution, second: 5)])
        }
        #expect(try await store.batch(id: later.id) == nil)
        #expect(try await store.award(id: fine.id) == nil)
        #expect(try await store.awards(batchID: later.id).isEmpty)
        #expect(try await store.audit(institutionID: institution.id, limit: 10).count == 4)

        // The same batch, corrected, is stored.
        let retry = award(spec, slot: slots[3], batchID: later.id)
        try await store.addAwards([fine, retry], batch: later, audit: [])
        #expect(try await store.awards(batchID: later.id).count == 2)
        #expect(try await store.batches(institutionID: institution.id, limit: 10).map(\.id) == [later.id, batch.id])
        #expect(try await store.batches(institutionID: institution.id, limit: 1) == [later])
        #expect(try await store.batches(institutionID: UUID(), limit: 10).isEmpty)
        #expect(try await store.batch(id: UUID()) == nil)
        #expect(try await store.awards(batchID: UUID()).isEmpty)
    }

    // MARK: Audit and keys

    static func auditLogIsNewestFirstAndAppendOnly(_ store: any SQLStore) async throws {
        let (institution, _) = try await issuer("bitacora", in: store)
        let entries = (0..<5).map { n in
            AuditEntry(
                at: Date(milliseconds: at.milliseconds + Int64(n) * 1000), institutionID: institution.id, actor: "admin",
                action: "test.\(n)", subject: "s\(n)", details: "{\"n\":\(n),\"ñ\":\"ü\"}")
        }
        for entry in entries.shuffled() { try await store.appendAudit(entry) }
        let system = AuditEntry(
            at: Date(milliseconds: at.milliseconds + 10_000), institutionID: nil, actor: "system", action: "node.start", subject: nil)
        try await store.appendAudit(system)
        #expect(try await store.audit(institutionID: institution.id, limit: 10) == entries.reversed())
        #expect(try await store.audit(institutionID: institution.id, limit: 2) == Array(entries.reversed().prefix(2)))
        let everything = try await store.audit(institutionID: nil, limit: 10)
        #expect(everything.count == 6)
        #expect(everything.first == system)

        // Append-only, in the database itself.
        await expectStoreError(.conflict) { try await store.appendAudit(entries[0]) }
        await expectStoreError(.refused) {
            try await store.transaction { db in try await db.raw("UPDATE audit_log SET action = 'borrado'").run() }
        }
        await expectStoreError(.refused) {
            try await store.transaction { db in try await db.raw("DELETE FROM audit_log").run() }
        }
        #expect(try await store.audit(institutionID: nil, limit: 10) == everything)
    }

    static func rotatedKeysStayPublished(_ store: any SQLStore) async throws {
        let (institution, first) = institution("llaves")
        try await store.createInstitution(institution, key: first, tokenHash: "hash-llaves")
        #expect(try await store.keys(institutionID: institution.id) == [first])
        let second = InstitutionKey(
            id: "did:key:zllaves#z2", institutionID: institution.id, type: "P-256", publicKeyMultibase: "z2",
            sealedSecretKey: Array(0..<60), createdAt: Date(milliseconds: created.milliseconds + 86_400_000))
        try await store.rotateKey(second, audit: entry("key.rotate", institution, subject: second.id))
        #expect(try await store.activeKey(institutionID: institution.id) == second)
        var retired = first
        retired.active = false
        #expect(try await store.keys(institutionID: institution.id) == [second, retired])
        #expect(try await store.audit(institutionID: institution.id, limit: 10).map(\.action) == ["key.rotate"])

        // A key id is never reused, and a refused rotation changes nothing.
        var reused = second
        reused.id = first.id
        reused.createdAt = Date(milliseconds: created.milliseconds + 2 * 86_400_000)
        await expectStoreError(.conflict) { try await store.rotateKey(reused, audit: entry("key.rotate", institution, second: 1)) }
        #expect(try await store.activeKey(institutionID: institution.id) == second)
        #expect(try await store.keys(institutionID: institution.id).count == 2)
        #expect(try await store.audit(institutionID: institution.id, limit: 10).count == 1)
        #expect(try await store.keys(institutionID: UUID()).isEmpty)
        #expect(try await store.activeKey(institutionID: UUID()) == nil)
    }

    // MARK: Guards and migrations

    static func issuedCredentialsAreNeverRewrittenOrDeleted(_ store: any SQLStore) async throws {
        let (_, spec) = try await issuer("guard", in: store)
        let award = award(spec)
        try await store.addAward(award)
        for statement in [
            "UPDATE awards SET credential = '{}' WHERE id = '\(award.id.uuidString)'",
            "UPDATE awards SET credential_id = 'urn:uuid:otro' WHERE id = '\(award.id.uuidString)'",
            "DELETE FROM awards WHERE id = '\(award.id.uuidString)'",
        ] {
            await expectStoreError(.refused, "\(statement)") {
                try await store.transaction { db in try await db.raw(SQLQueryString(statement)).run() }
            }
        }
        #expect(try await store.award(id: award.id) == award)
    }

    static func migratingTwiceChangesNothing(_ store: any SQLStore) async throws {
        try await store.migrate()
        let rows = try await store.withDatabase { db in
            try await db.raw("SELECT version, checksum FROM schema_migrations ORDER BY version").all().map {
                "\(try $0.decode(column: "version", as: Int.self)) \(try $0.decode(column: "checksum", as: String.self))"
            }
        }
        let dialect: SQLStoreDialect = store is PostgresStore ? .postgres : .sqlite
        #expect(rows == Migrations.all.map { "\($0.version) \($0.checksum(for: dialect))" })
    }

    static func anEditedOrUnknownMigrationStopsTheNode(_ store: any SQLStore) async throws {
        let original = try await store.withDatabase { db in
            try await db.raw("SELECT checksum FROM schema_migrations WHERE version = 1").first()!.decode(column: "checksum", as: String.self)
        }
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
        try await store.transaction { db in
            try await db.raw("UPDATE schema_migrations SET checksum = \(bind: original) WHERE version = 1").run()
        }
        try await store.migrate()

        try await store.transaction { db in
            try await db.raw("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, 'future', 'x', 0)").run()
        }
        do {
            try await store.migrate()
            Issue.record("a migration from a newer Mochila was accepted")
        } catch let error as StoreError {
            #expect(error.code == .migration)
            #expect(error.message.contains("newer Mochila"))
        }
    }
}
