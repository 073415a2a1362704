import Foundation
import MochilaCore
import SQLKit

// MARK: Status lists

extension SQLStore {
    /// How often a reservation is tried when another writer took a place first. Writers of one
    /// institution are serialized, so a retry means a writer that does not lock (an older node,
    /// a script): the unique keys caught it, and the next try reads what it wrote.
    static var reservationAttempts: Int { 3 }

    public func reserveStatusSlots(institutionID: UUID, count: Int, capacity: Int, at: Date) async throws -> [StatusSlot] {
        let queries = self.queries
        var attempt = 1
        while true {
            do {
                return try await transaction { db in
                    try await queries.reserveStatusSlots(institutionID: institutionID, count: count, capacity: capacity, at: at, on: db)
                }
            } catch let error as StoreError where error.code == .conflict && attempt < Self.reservationAttempts {
                attempt += 1
            }
        }
    }

    public func statusList(institutionID: UUID, number: Int) async throws -> StatusListRecord? {
        let queries = self.queries
        return try await withDatabase { try await queries.statusList(institutionID: institutionID, number: number, on: $0) }
    }

    public func statusBits(listID: UUID) async throws -> [(index: Int, revoked: Bool, suspended: Bool)] {
        let queries = self.queries
        return try await withDatabase { try await queries.statusBits(listID: listID, on: $0) }
    }

    public func currentStatusListCredential(slug: String, number: Int, purpose: StatusPurpose) async throws -> StoredStatusList? {
        let queries = self.queries
        return try await withDatabase { try await queries.currentStatusListCredential(slug: slug, number: number, purpose: purpose, on: $0) }
    }

    public func statusListCredential(listID: UUID, purpose: StatusPurpose) async throws -> StoredStatusList? {
        let queries = self.queries
        return try await withDatabase { try await queries.statusListCredential(listID: listID, purpose: purpose, on: $0) }
    }

    public func storeStatusListCredential(_ list: StoredStatusList) async throws {
        let queries = self.queries
        try await transaction { try await queries.storeStatusListCredential(list, on: $0) }
    }
}

// MARK: Keys and audit

extension SQLStore {
    public func keys(institutionID: UUID) async throws -> [InstitutionKey] {
        let queries = self.queries
        return try await withDatabase { try await queries.keys(institutionID: institutionID, on: $0) }
    }

    public func rotateKey(_ key: InstitutionKey, audit: AuditEntry) async throws {
        let queries = self.queries
        try await transaction { db in
            try await queries.lockInstitution(key.institutionID, on: db)
            try await queries.deactivateKeys(institutionID: key.institutionID, on: db)
            try await queries.insertKey(key, on: db)
            try await queries.insertAudit(audit, on: db)
        }
    }

    public func appendAudit(_ entry: AuditEntry) async throws {
        let queries = self.queries
        try await transaction { try await queries.insertAudit(entry, on: $0) }
    }

    public func audit(institutionID: UUID?, limit: Int) async throws -> [AuditEntry] {
        let queries = self.queries
        return try await withDatabase { try await queries.audit(institutionID: institutionID, limit: limit, on: $0) }
    }
}
