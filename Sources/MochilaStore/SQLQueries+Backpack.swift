import Foundation
import MochilaCore
import SQLKit

/// Learners, their sessions, backpack items and share links, for any `SQLDatabase`.
///
/// Bytes (credentials, sealed holder keys) are kept as base64 TEXT, as institution keys are: a
/// credential received from elsewhere need not be UTF-8, and it comes back byte for byte.
extension SQLQueries {
    // MARK: Learners

    static let learnerColumns = "id, email, display_name, holder_did, sealed_holder_key, password_hash, created_at, deleted_at"

    func learner(from row: any SQLRow) throws -> (LearnerAccount, String?) {
        let learner = LearnerAccount(
            id: try uuid(try row.decode(column: "id", as: String.self), "learner"),
            email: try row.decode(column: "email", as: String?.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            holderDID: try row.decode(column: "holder_did", as: String.self),
            sealedHolderKey: try bytes(try row.decode(column: "sealed_holder_key", as: String.self), "sealed holder key"),
            createdAt: Date(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
            deletedAt: try row.decode(column: "deleted_at", as: Int64?.self).map(Date.init(milliseconds:)))
        return (learner, try row.decode(column: "password_hash", as: String?.self))
    }

    func bytes(_ base64: String, _ what: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: base64) else { throw StoreError(.corrupt, "a stored \(what) is not base64") }
        return Array(data)
    }

    func insertLearner(_ learner: LearnerAccount, passwordHash: String?, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO learners (id, email, display_name, holder_did, sealed_holder_key, password_hash, created_at, deleted_at)
            VALUES (\(bind: learner.id.uuidString), \(bind: learner.email?.lowercased()), \(bind: learner.displayName),
                    \(bind: learner.holderDID), \(bind: Data(learner.sealedHolderKey).base64EncodedString()), \(bind: passwordHash),
                    \(bind: learner.createdAt.milliseconds), \(bind: learner.deletedAt?.milliseconds))
            """
        ).run()
    }

    func learner(where column: String, equals value: String, on db: any SQLDatabase) async throws -> (LearnerAccount, String?)? {
        try await db.raw("SELECT \(unsafeRaw: SQLQueries.learnerColumns) FROM learners WHERE \(ident: column) = \(bind: value)")
            .first().map(learner(from:))
    }

    /// Whether the learner exists and is not deleted. In a write transaction on PostgreSQL it
    /// locks the learner's row `FOR SHARE`: what is added to a backpack and the backpack's
    /// deletion (which locks it `FOR UPDATE`) wait for each other. On SQLite the transaction
    /// already holds the database's write lock.
    func lockLiveLearner(_ id: UUID, on db: any SQLDatabase) async throws -> Bool {
        let lock = isPostgres(db) ? " FOR SHARE" : ""
        guard let row = try await db.raw("SELECT deleted_at FROM learners WHERE id = \(bind: id.uuidString)\(unsafeRaw: lock)").first()
        else { return false }
        return try row.decode(column: "deleted_at", as: Int64?.self) == nil
    }

    /// Refuses a write into the backpack of a learner that does not exist or was deleted.
    func requireLiveLearner(_ id: UUID, on db: any SQLDatabase) async throws {
        guard try await lockLiveLearner(id, on: db) else {
            throw StoreError(.refused, "there is no backpack \(id), or it was deleted")
        }
    }

    /// Sets email, display name and password hash of a live learner; `false` when there is none.
    func setLearnerAccount(id: UUID, email: String, displayName: String, passwordHash: String, on db: any SQLDatabase) async throws
        -> Bool
    {
        try await !db.raw(
            """
            UPDATE learners SET email = \(bind: email.lowercased()), display_name = \(bind: displayName), password_hash = \(bind: passwordHash)
            WHERE id = \(bind: id.uuidString) AND deleted_at IS NULL RETURNING id
            """
        ).all().isEmpty
    }

    /// Replaces a live learner's holder key (a backup restored with its key); `false` when there
    /// is no such learner. Another learner with the DID makes the unique index refuse it.
    func setLearnerHolderKey(id: UUID, holderDID: String, sealedHolderKey: [UInt8], on db: any SQLDatabase) async throws -> Bool {
        try await !db.raw(
            """
            UPDATE learners SET holder_did = \(bind: holderDID), sealed_holder_key = \(bind: Data(sealedHolderKey).base64EncodedString())
            WHERE id = \(bind: id.uuidString) AND deleted_at IS NULL RETURNING id
            """
        ).all().isEmpty
    }

    /// Clears a learner's personal data and deletes what their backpack holds; run it in a
    /// write transaction. Awards are not touched.
    func deleteLearner(id: UUID, at date: Date, on db: any SQLDatabase) async throws {
        let learnerID = id.uuidString
        try await db.raw("SELECT id FROM learners WHERE id = \(bind: learnerID)\(unsafeRaw: forUpdate(db))").run()
        try await db.raw("DELETE FROM shares WHERE learner_id = \(bind: learnerID)").run()
        try await db.raw("DELETE FROM backpack_items WHERE learner_id = \(bind: learnerID)").run()
        try await db.raw("DELETE FROM learner_sessions WHERE learner_id = \(bind: learnerID)").run()
        try await db.raw(
            """
            UPDATE learners SET email = NULL, display_name = '', password_hash = NULL, sealed_holder_key = '',
                                deleted_at = \(bind: date.milliseconds)
            WHERE id = \(bind: learnerID) AND deleted_at IS NULL
            """
        ).run()
    }

    // MARK: Learner sessions

    func insertLearnerSession(_ session: LearnerSession, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO learner_sessions (token_hash, learner_id, csrf_token, created_at, expires_at)
            VALUES (\(bind: session.tokenHash), \(bind: session.learnerID.uuidString), \(bind: session.csrfToken),
                    \(bind: session.createdAt.milliseconds), \(bind: session.expiresAt.milliseconds))
            """
        ).run()
    }

    func learnerSession(tokenHash: String, on db: any SQLDatabase) async throws -> LearnerSession? {
        try await db.raw(
            "SELECT token_hash, learner_id, csrf_token, created_at, expires_at FROM learner_sessions WHERE token_hash = \(bind: tokenHash)"
        ).first().map { row in
            LearnerSession(
                tokenHash: try row.decode(column: "token_hash", as: String.self),
                learnerID: try uuid(try row.decode(column: "learner_id", as: String.self), "learner"),
                csrfToken: try row.decode(column: "csrf_token", as: String.self),
                createdAt: Date(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
                expiresAt: Date(milliseconds: try row.decode(column: "expires_at", as: Int64.self)))
        }
    }

    func deleteLearnerSession(tokenHash: String, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM learner_sessions WHERE token_hash = \(bind: tokenHash)").run()
    }

    func deleteLearnerSessions(expiredBefore date: Date, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM learner_sessions WHERE expires_at < \(bind: date.milliseconds)").run()
    }

    // MARK: Backpack items

    static let itemColumns = "id, learner_id, award_id, credential, digest, format, source, report, is_public, added_at"

    func item(from row: any SQLRow) throws -> BackpackItem {
        guard let format = BackpackItem.Format(rawValue: try row.decode(column: "format", as: String.self)) else {
            throw StoreError(.corrupt, "a stored backpack item format is not known")
        }
        guard let source = BackpackItem.Source(rawValue: try row.decode(column: "source", as: String.self)) else {
            throw StoreError(.corrupt, "a stored backpack item source is not known")
        }
        var item = BackpackItem(
            id: try uuid(try row.decode(column: "id", as: String.self), "backpack item"),
            learnerID: try uuid(try row.decode(column: "learner_id", as: String.self), "learner"),
            awardID: try row.decode(column: "award_id", as: String?.self).map { try uuid($0, "award") },
            credential: try bytes(try row.decode(column: "credential", as: String.self), "backpack credential"),
            format: format, source: source, report: try row.decode(column: "report", as: String.self),
            isPublic: try row.decode(column: "is_public", as: Int.self) == 1,
            addedAt: Date(milliseconds: try row.decode(column: "added_at", as: Int64.self)))
        // The digest as stored: the one the unique key (learner_id, digest) holds.
        item.digest = try row.decode(column: "digest", as: String.self)
        return item
    }

    func insertItem(_ item: BackpackItem, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO backpack_items (id, learner_id, award_id, credential, digest, format, source, report, is_public, added_at)
            VALUES (\(bind: item.id.uuidString), \(bind: item.learnerID.uuidString), \(bind: item.awardID?.uuidString),
                    \(bind: Data(item.credential).base64EncodedString()), \(bind: item.digest), \(bind: item.format.rawValue),
                    \(bind: item.source.rawValue), \(bind: item.report), \(bind: item.isPublic ? 1 : 0), \(bind: item.addedAt.milliseconds))
            """
        ).run()
    }

    func items(learnerID: UUID, on db: any SQLDatabase) async throws -> [BackpackItem] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: SQLQueries.itemColumns) FROM backpack_items WHERE learner_id = \(bind: learnerID.uuidString)
            ORDER BY added_at DESC, id DESC
            """
        ).all().map(item(from:))
    }

    func item(id: UUID, on db: any SQLDatabase) async throws -> BackpackItem? {
        try await db.raw("SELECT \(unsafeRaw: SQLQueries.itemColumns) FROM backpack_items WHERE id = \(bind: id.uuidString)")
            .first().map(item(from:))
    }

    /// `false` when the learner has no such item.
    func setItemPublic(id: UUID, learnerID: UUID, isPublic: Bool, on db: any SQLDatabase) async throws -> Bool {
        try await !db.raw(
            """
            UPDATE backpack_items SET is_public = \(bind: isPublic ? 1 : 0)
            WHERE id = \(bind: id.uuidString) AND learner_id = \(bind: learnerID.uuidString) RETURNING id
            """
        ).all().isEmpty
    }

    /// Deletes an item of a learner and its shares; run it in a write transaction. `false` when
    /// the learner has no such item (a share's learner is its item's, so nothing else goes).
    func deleteItem(id: UUID, learnerID: UUID, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            "DELETE FROM shares WHERE item_id = \(bind: id.uuidString) AND learner_id = \(bind: learnerID.uuidString)"
        ).run()
        return try await !db.raw(
            "DELETE FROM backpack_items WHERE id = \(bind: id.uuidString) AND learner_id = \(bind: learnerID.uuidString) RETURNING id"
        ).all().isEmpty
    }

    // MARK: Shares

    static let shareColumns = "id, item_id, learner_id, created_at, expires_at, revoked_at"

    func share(from row: any SQLRow) throws -> Share {
        Share(
            id: try row.decode(column: "id", as: String.self),
            itemID: try uuid(try row.decode(column: "item_id", as: String.self), "backpack item"),
            learnerID: try uuid(try row.decode(column: "learner_id", as: String.self), "learner"),
            createdAt: Date(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
            expiresAt: try row.decode(column: "expires_at", as: Int64?.self).map(Date.init(milliseconds:)),
            revokedAt: try row.decode(column: "revoked_at", as: Int64?.self).map(Date.init(milliseconds:)))
    }

    func insertShare(_ share: Share, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO shares (id, item_id, learner_id, created_at, expires_at, revoked_at)
            VALUES (\(bind: share.id), \(bind: share.itemID.uuidString), \(bind: share.learnerID.uuidString),
                    \(bind: share.createdAt.milliseconds), \(bind: share.expiresAt?.milliseconds), \(bind: share.revokedAt?.milliseconds))
            """
        ).run()
    }

    func share(id: String, on db: any SQLDatabase) async throws -> Share? {
        try await db.raw("SELECT \(unsafeRaw: SQLQueries.shareColumns) FROM shares WHERE id = \(bind: id)").first().map(share(from:))
    }

    func shares(itemID: UUID, on db: any SQLDatabase) async throws -> [Share] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: SQLQueries.shareColumns) FROM shares WHERE item_id = \(bind: itemID.uuidString)
            ORDER BY created_at DESC, id DESC
            """
        ).all().map(share(from:))
    }

    /// `false` when the learner has no such share or it was already revoked (its date stays).
    func revokeShare(id: String, learnerID: UUID, at date: Date, on db: any SQLDatabase) async throws -> Bool {
        try await !db.raw(
            """
            UPDATE shares SET revoked_at = \(bind: date.milliseconds)
            WHERE id = \(bind: id) AND learner_id = \(bind: learnerID.uuidString) AND revoked_at IS NULL RETURNING id
            """
        ).all().isEmpty
    }
}
