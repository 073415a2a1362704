import Foundation
import MochilaCore
import SQLKit

// MARK: Learners, backpacks and shares

extension SQLStore {
    public func createLearner(_ learner: LearnerAccount, passwordHash: String?) async throws {
        let queries = self.queries
        try await transaction { try await queries.insertLearner(learner, passwordHash: passwordHash, on: $0) }
    }

    public func learner(id: UUID) async throws -> LearnerAccount? {
        let queries = self.queries
        return try await withDatabase { try await queries.learner(where: "id", equals: id.uuidString, on: $0) }?.0
    }

    public func learner(email: String) async throws -> (LearnerAccount, passwordHash: String?)? {
        let queries = self.queries
        return try await withDatabase { try await queries.learner(where: "email", equals: email.lowercased(), on: $0) }
            .map { ($0.0, passwordHash: $0.1) }
    }

    @discardableResult
    public func setLearnerAccount(id: UUID, email: String, displayName: String, passwordHash: String) async throws -> Bool {
        let queries = self.queries
        return try await transaction {
            try await queries.setLearnerAccount(id: id, email: email, displayName: displayName, passwordHash: passwordHash, on: $0)
        }
    }

    @discardableResult
    public func setLearnerHolderKey(id: UUID, holderDID: String, sealedHolderKey: [UInt8]) async throws -> Bool {
        let queries = self.queries
        return try await transaction {
            try await queries.setLearnerHolderKey(id: id, holderDID: holderDID, sealedHolderKey: sealedHolderKey, on: $0)
        }
    }

    public func deleteLearner(id: UUID, at date: Date) async throws {
        let queries = self.queries
        try await transaction { try await queries.deleteLearner(id: id, at: date, on: $0) }
    }

    public func createLearnerSession(_ session: LearnerSession) async throws {
        let queries = self.queries
        try await transaction { db in
            try await queries.requireLiveLearner(session.learnerID, on: db)
            try await queries.insertLearnerSession(session, on: db)
        }
    }

    public func learnerSession(tokenHash: String) async throws -> LearnerSession? {
        let queries = self.queries
        return try await withDatabase { try await queries.learnerSession(tokenHash: tokenHash, on: $0) }
    }

    public func deleteLearnerSession(tokenHash: String) async throws {
        let queries = self.queries
        try await transaction { try await queries.deleteLearnerSession(tokenHash: tokenHash, on: $0) }
    }

    public func deleteLearnerSessions(expiredBefore date: Date) async throws {
        let queries = self.queries
        try await transaction { try await queries.deleteLearnerSessions(expiredBefore: date, on: $0) }
    }

    public func addBackpackItem(_ item: BackpackItem) async throws {
        let queries = self.queries
        try await transaction { db in
            try await queries.requireLiveLearner(item.learnerID, on: db)
            try await queries.insertItem(item, on: db)
        }
    }

    public func backpackItems(learnerID: UUID) async throws -> [BackpackItem] {
        let queries = self.queries
        return try await withDatabase { try await queries.items(learnerID: learnerID, on: $0) }
    }

    public func backpackItem(id: UUID) async throws -> BackpackItem? {
        let queries = self.queries
        return try await withDatabase { try await queries.item(id: id, on: $0) }
    }

    @discardableResult
    public func setBackpackItemPublic(id: UUID, learnerID: UUID, isPublic: Bool) async throws -> Bool {
        let queries = self.queries
        return try await transaction { try await queries.setItemPublic(id: id, learnerID: learnerID, isPublic: isPublic, on: $0) }
    }

    @discardableResult
    public func deleteBackpackItem(id: UUID, learnerID: UUID) async throws -> Bool {
        let queries = self.queries
        return try await transaction { try await queries.deleteItem(id: id, learnerID: learnerID, on: $0) }
    }

    public func createShare(_ share: Share) async throws {
        let queries = self.queries
        try await transaction { db in
            try await queries.requireLiveLearner(share.learnerID, on: db)
            // The key (item_id, learner_id) refuses an item that is not this learner's.
            try await queries.insertShare(share, on: db)
        }
    }

    public func share(id: String) async throws -> Share? {
        let queries = self.queries
        return try await withDatabase { try await queries.share(id: id, on: $0) }
    }

    public func shares(itemID: UUID) async throws -> [Share] {
        let queries = self.queries
        return try await withDatabase { try await queries.shares(itemID: itemID, on: $0) }
    }

    @discardableResult
    public func revokeShare(id: String, learnerID: UUID, at date: Date) async throws -> Bool {
        let queries = self.queries
        return try await transaction { try await queries.revokeShare(id: id, learnerID: learnerID, at: date, on: $0) }
    }
}
