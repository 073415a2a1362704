import Foundation
import MochilaCore
import SQLKit

/// Status lists, lifecycle, batches, keys and the audit log, for any `SQLDatabase`.
extension SQLQueries {
    // MARK: Locks

    /// Whether `db` is PostgreSQL, where concurrent writers need row locks that SQLite's
    /// `BEGIN IMMEDIATE` (one writer at a time) makes unnecessary.
    func isPostgres(_ db: any SQLDatabase) -> Bool { db.dialect.name == "postgresql" }

    /// Makes the institution's other writers (status places, keys) wait until this transaction
    /// ends, in this process or another one. On PostgreSQL it locks the institution's row with
    /// `FOR NO KEY UPDATE`, which does not hold up inserts that merely reference the row; on
    /// SQLite the transaction already holds the database's write lock.
    func lockInstitution(_ id: UUID, on db: any SQLDatabase) async throws {
        guard isPostgres(db) else { return }
        try await db.raw("SELECT id FROM institutions WHERE id = \(bind: id.uuidString) FOR NO KEY UPDATE").run()
    }

    /// ` FOR UPDATE` on PostgreSQL, to lock the rows a read-then-write transaction reads; nothing on SQLite.
    func forUpdate(_ db: any SQLDatabase) -> String { isPostgres(db) ? " FOR UPDATE" : "" }

    // MARK: Status lists

    /// Reserves places; run it in a write transaction. Writers of one institution are serialized
    /// (``lockInstitution(_:on:)``), and the primary key (list_id, status_index) refuses a place
    /// given out twice all the same.
    func reserveStatusSlots(institutionID: UUID, count: Int, capacity: Int, at: Date, on db: any SQLDatabase) async throws
        -> [StatusSlot]
    {
        try await lockInstitution(institutionID, on: db)
        var slots: [StatusSlot] = []
        var remaining = count
        while remaining > 0 {
            // The newest list with room below half its capacity, or a new one.
            var list = try await db.raw(
                """
                SELECT id, number, capacity, allocated FROM status_lists WHERE institution_id = \(bind: institutionID.uuidString)
                ORDER BY number DESC LIMIT 1
                """
            ).first().map { row in
                (id: try uuid(try row.decode(column: "id", as: String.self), "status list"),
                 number: try row.decode(column: "number", as: Int.self),
                 capacity: try row.decode(column: "capacity", as: Int.self),
                 allocated: try row.decode(column: "allocated", as: Int.self))
            }
            if list == nil || list!.allocated >= list!.capacity / 2 {
                let id = UUID()
                let number = (list?.number ?? 0) + 1
                try await db.raw(
                    """
                    INSERT INTO status_lists (id, institution_id, number, capacity, allocated, version, created_at)
                    VALUES (\(bind: id.uuidString), \(bind: institutionID.uuidString), \(bind: number), \(bind: capacity), 0, 1,
                            \(bind: at.milliseconds))
                    """
                ).run()
                list = (id, number, capacity, 0)
            }
            let current = list!
            let room = current.capacity / 2 - current.allocated
            let take = min(room, remaining)
            // Random places for herd privacy (Bitstring Status List, section 6.1), never one given out before.
            var chosen: [Int] = []
            chosen.reserveCapacity(take)
            var generator = SystemRandomNumberGenerator()
            if take * 16 < current.allocated {
                // A few places in a list already in use (single issuance): draw candidates and ask
                // only about them, rather than read every place taken. The list is at most half
                // full, so each draw is free with probability one half or more.
                while chosen.count < take {
                    var candidates = Set<Int>()
                    while candidates.count < (take - chosen.count) * 2 + 8 {
                        let index = Int.random(in: 0..<current.capacity, using: &generator)
                        if !chosen.contains(index) { candidates.insert(index) }
                    }
                    let asked = SQLGroupExpression(SQLList(candidates.map { SQLBind($0) }))
                    let clashes = Set(
                        try await db.raw(
                            "SELECT status_index FROM status_allocations WHERE list_id = \(bind: current.id.uuidString) AND status_index IN \(asked)"
                        ).all().map { try $0.decode(column: "status_index", as: Int.self) })
                    for index in candidates where !clashes.contains(index) && chosen.count < take { chosen.append(index) }
                }
            } else {
                var taken = Set(
                    try await db.raw("SELECT status_index FROM status_allocations WHERE list_id = \(bind: current.id.uuidString)")
                        .all().map { try $0.decode(column: "status_index", as: Int.self) })
                while chosen.count < take {
                    let index = Int.random(in: 0..<current.capacity, using: &generator)
                    if taken.insert(index).inserted { chosen.append(index) }
                }
            }
            for start in stride(from: 0, to: chosen.count, by: 400) {
                let chunk = chosen[start..<min(start + 400, chosen.count)]
                let values = SQLList(chunk.map { index in
                    SQLGroupExpression([SQLBind(current.id.uuidString), SQLBind(index), SQLBind(at.milliseconds)])
                })
                try await db.raw("INSERT INTO status_allocations (list_id, status_index, allocated_at) VALUES \(values)").run()
            }
            try await db.raw(
                "UPDATE status_lists SET allocated = allocated + \(bind: take) WHERE id = \(bind: current.id.uuidString)"
            ).run()
            slots += chosen.map { StatusSlot(listID: current.id, number: current.number, index: $0) }
            remaining -= take
        }
        return slots
    }

    func statusList(institutionID: UUID, number: Int, on db: any SQLDatabase) async throws -> StatusListRecord? {
        try await db.raw(
            """
            SELECT id, number, capacity, allocated, version FROM status_lists
            WHERE institution_id = \(bind: institutionID.uuidString) AND number = \(bind: number)
            """
        ).first().map { row in
            StatusListRecord(
                id: try uuid(try row.decode(column: "id", as: String.self), "status list"), institutionID: institutionID,
                number: try row.decode(column: "number", as: Int.self), capacity: try row.decode(column: "capacity", as: Int.self),
                allocated: try row.decode(column: "allocated", as: Int.self), version: try row.decode(column: "version", as: Int.self))
        }
    }

    func statusBits(listID: UUID, on db: any SQLDatabase) async throws -> [(index: Int, revoked: Bool, suspended: Bool)] {
        try await db.raw(
            """
            SELECT status_index, revoked_at, suspended_at FROM awards
            WHERE status_list_id = \(bind: listID.uuidString) AND (revoked_at IS NOT NULL OR suspended_at IS NOT NULL)
            """
        ).all().map { row in
            (index: try row.decode(column: "status_index", as: Int.self),
             revoked: try row.decode(column: "revoked_at", as: Int64?.self) != nil,
             suspended: try row.decode(column: "suspended_at", as: Int64?.self) != nil)
        }
    }

    /// The signed list credential of an institution's list as stored, when it is of the list's
    /// current version: one statement, for the verifier's hot path.
    func currentStatusListCredential(slug: String, number: Int, purpose: StatusPurpose, on db: any SQLDatabase) async throws
        -> StoredStatusList?
    {
        try await db.raw(
            """
            SELECT c.list_id, c.version, c.credential, c.etag, c.valid_until FROM institutions i
            JOIN status_lists l ON l.institution_id = i.id
            JOIN status_list_credentials c ON c.list_id = l.id AND c.purpose = \(bind: purpose.rawValue) AND c.version = l.version
            WHERE i.slug = \(bind: slug) AND l.number = \(bind: number)
            """
        ).first().map { row in
            StoredStatusList(
                listID: try uuid(try row.decode(column: "list_id", as: String.self), "status list"), purpose: purpose,
                version: try row.decode(column: "version", as: Int.self),
                credential: Array(try row.decode(column: "credential", as: String.self).utf8),
                etag: try row.decode(column: "etag", as: String.self),
                validUntil: Date(milliseconds: try row.decode(column: "valid_until", as: Int64.self)))
        }
    }

    func statusListCredential(listID: UUID, purpose: StatusPurpose, on db: any SQLDatabase) async throws -> StoredStatusList? {
        try await db.raw(
            """
            SELECT version, credential, etag, valid_until FROM status_list_credentials
            WHERE list_id = \(bind: listID.uuidString) AND purpose = \(bind: purpose.rawValue)
            """
        ).first().map { row in
            StoredStatusList(
                listID: listID, purpose: purpose, version: try row.decode(column: "version", as: Int.self),
                credential: Array(try row.decode(column: "credential", as: String.self).utf8),
                etag: try row.decode(column: "etag", as: String.self),
                validUntil: Date(milliseconds: try row.decode(column: "valid_until", as: Int64.self)))
        }
    }

    /// One statement, so that two nodes storing the same list at once do not collide; a copy
    /// of an older list version never replaces a newer one.
    func storeStatusListCredential(_ list: StoredStatusList, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO status_list_credentials (list_id, purpose, version, credential, etag, valid_until)
            VALUES (\(bind: list.listID.uuidString), \(bind: list.purpose.rawValue), \(bind: list.version),
                    \(bind: String(decoding: list.credential, as: UTF8.self)), \(bind: list.etag), \(bind: list.validUntil.milliseconds))
            ON CONFLICT (list_id, purpose) DO UPDATE SET
                version = excluded.version, credential = excluded.credential, etag = excluded.etag, valid_until = excluded.valid_until
            WHERE status_list_credentials.version <= excluded.version
            """
        ).run()
    }

    // MARK: Lifecycle

    func changeStatus(awardID: UUID, purpose: StatusPurpose, change: StatusChange?, on db: any SQLDatabase) async throws {
        guard
            let row = try await db.raw(
                "SELECT status_list_id, revoked_at FROM awards WHERE id = \(bind: awardID.uuidString)\(unsafeRaw: forUpdate(db))"
            ).first()
        else { throw StoreError(.conflict, "award \(awardID) does not exist") }
        if try row.decode(column: "revoked_at", as: Int64?.self) != nil {
            throw StoreError(.conflict, "award \(awardID) is revoked, and a revocation is final")
        }
        switch purpose {
        case .revocation:
            guard let change else { throw StoreError(.conflict, "a revocation cannot be undone") }
            try await db.raw(
                """
                UPDATE awards SET revoked_at = \(bind: change.at.milliseconds), revocation_reason = \(bind: change.reason)
                WHERE id = \(bind: awardID.uuidString)
                """
            ).run()
        case .suspension:
            try await db.raw(
                """
                UPDATE awards SET suspended_at = \(bind: change?.at.milliseconds), suspension_reason = \(bind: change?.reason)
                WHERE id = \(bind: awardID.uuidString)
                """
            ).run()
        }
        if let list = try row.decode(column: "status_list_id", as: String?.self) {
            try await db.raw("UPDATE status_lists SET version = version + 1 WHERE id = \(bind: list)").run()
        }
    }

    func insertBatch(_ batch: Batch, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO batches (id, institution_id, spec_id, spec_version, issued_by, count, created_at)
            VALUES (\(bind: batch.id.uuidString), \(bind: batch.institutionID.uuidString), \(bind: batch.specID.uuidString),
                    \(bind: batch.specVersion), \(bind: batch.issuedBy), \(bind: batch.count), \(bind: batch.createdAt.milliseconds))
            """
        ).run()
    }

    static let batchColumns = "id, institution_id, spec_id, spec_version, issued_by, count, created_at"

    func batch(from row: any SQLRow) throws -> Batch {
        Batch(
            id: try uuid(try row.decode(column: "id", as: String.self), "batch"),
            institutionID: try uuid(try row.decode(column: "institution_id", as: String.self), "institution"),
            specID: try uuid(try row.decode(column: "spec_id", as: String.self), "spec"),
            specVersion: try row.decode(column: "spec_version", as: Int.self),
            issuedBy: try row.decode(column: "issued_by", as: String.self), count: try row.decode(column: "count", as: Int.self),
            createdAt: Date(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
    }

    func batches(institutionID: UUID, limit: Int, on db: any SQLDatabase) async throws -> [Batch] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: SQLQueries.batchColumns) FROM batches WHERE institution_id = \(bind: institutionID.uuidString)
            ORDER BY created_at DESC LIMIT \(bind: limit)
            """
        ).all().map(batch(from:))
    }

    func batch(id: UUID, on db: any SQLDatabase) async throws -> Batch? {
        try await db.raw("SELECT \(unsafeRaw: SQLQueries.batchColumns) FROM batches WHERE id = \(bind: id.uuidString)")
            .first().map(batch(from:))
    }

    // MARK: Keys and audit

    func keys(institutionID: UUID, on db: any SQLDatabase) async throws -> [InstitutionKey] {
        try await db.raw(
            """
            SELECT id, institution_id, type, public_key_multibase, sealed_secret, created_at, active FROM institution_keys
            WHERE institution_id = \(bind: institutionID.uuidString) ORDER BY created_at DESC
            """
        ).all().map { try key(from: $0, institutionID: institutionID) }
    }

    /// Makes every key of the institution inactive (before a new active one is inserted).
    func deactivateKeys(institutionID: UUID, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE institution_keys SET active = 0 WHERE institution_id = \(bind: institutionID.uuidString)").run()
    }

    func insertAudit(_ entry: AuditEntry, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO audit_log (id, at, institution_id, actor, action, subject, details)
            VALUES (\(bind: entry.id.uuidString), \(bind: entry.at.milliseconds), \(bind: entry.institutionID?.uuidString),
                    \(bind: entry.actor), \(bind: entry.action), \(bind: entry.subject), \(bind: entry.details))
            """
        ).run()
    }

    func audit(institutionID: UUID?, limit: Int, on db: any SQLDatabase) async throws -> [AuditEntry] {
        let rows: [any SQLRow]
        if let institutionID {
            rows = try await db.raw(
                """
                SELECT id, at, institution_id, actor, action, subject, details FROM audit_log
                WHERE institution_id = \(bind: institutionID.uuidString) ORDER BY at DESC, id LIMIT \(bind: limit)
                """
            ).all()
        } else {
            rows = try await db.raw(
                "SELECT id, at, institution_id, actor, action, subject, details FROM audit_log ORDER BY at DESC, id LIMIT \(bind: limit)"
            ).all()
        }
        return try rows.map { row in
            AuditEntry(
                id: try uuid(try row.decode(column: "id", as: String.self), "audit entry"),
                at: Date(milliseconds: try row.decode(column: "at", as: Int64.self)),
                institutionID: try row.decode(column: "institution_id", as: String?.self).map { try uuid($0, "institution") },
                actor: try row.decode(column: "actor", as: String.self), action: try row.decode(column: "action", as: String.self),
                subject: try row.decode(column: "subject", as: String?.self), details: try row.decode(column: "details", as: String.self))
        }
    }
}
