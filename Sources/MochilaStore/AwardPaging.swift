import Foundation
import MochilaCore
import SQLKit

/// One page of an institution's awards, with the number of awards on every page together.
public struct AwardPage: Sendable {
    public var awards: [Award]
    /// How many awards match, on every page.
    public var total: Int

    public init(awards: [Award], total: Int) {
        self.awards = awards
        self.total = total
    }
}

/// A store that pages an institution's awards in the database, for the Open Badges API's
/// `limit`, `offset` and `since` (`GET /ims/ob/v3p0/credentials`).
///
/// A separate protocol rather than a ``Store`` requirement, so that a store without it still
/// works: the server then pages in memory. The SQL is written once, in ``SQLQueries``, and every
/// ``SQLStore`` has it.
public protocol AwardPaging: Store {
    /// The institution's awards issued strictly after `issuedAfter` (all when `nil`), newest first
    /// (ties broken by id, so that pages never overlap), skipping `offset` and taking at most `limit`.
    func awards(institutionID: UUID, issuedAfter: Date?, limit: Int, offset: Int) async throws -> AwardPage
}

extension SQLQueries {
    func awards(institutionID: UUID, issuedAfter: Date?, limit: Int, offset: Int, on db: any SQLDatabase) async throws -> AwardPage {
        // Milliseconds, as the store keeps them; -1 admits every award when there is no lower bound.
        let after = issuedAfter?.milliseconds ?? -1
        let count = try await db.raw(
            """
            SELECT COUNT(*) AS total FROM awards
            WHERE institution_id = \(bind: institutionID.uuidString) AND issued_at > \(bind: after)
            """
        ).first()
        let total = try count?.decode(column: "total", as: Int.self) ?? 0
        guard limit > 0, offset < total else { return AwardPage(awards: [], total: total) }
        let rows = try await db.raw(
            """
            SELECT \(unsafeRaw: SQLQueries.awardColumns) FROM \(unsafeRaw: SQLQueries.awardTables)
            WHERE a.institution_id = \(bind: institutionID.uuidString) AND a.issued_at > \(bind: after)
            ORDER BY a.issued_at DESC, a.id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
            """
        ).all()
        return AwardPage(awards: try rows.map(award(from:)), total: total)
    }
}

extension SQLStore {
    public func awards(institutionID: UUID, issuedAfter: Date?, limit: Int, offset: Int) async throws -> AwardPage {
        let queries = self.queries
        return try await withDatabase {
            try await queries.awards(institutionID: institutionID, issuedAfter: issuedAfter, limit: limit, offset: offset, on: $0)
        }
    }
}

extension SQLiteStore: AwardPaging {}
extension PostgresStore: AwardPaging {}
