import Foundation

/// Where a credential's status lives: a place in one of the issuer's status lists. The same
/// index is used in the list's revocation and suspension bitstrings.
public struct StatusSlot: Sendable, Hashable, Codable {
    /// The list's id in the store.
    public var listID: UUID
    /// The list's number within the institution (1, 2, …), as its URL shows it.
    public var number: Int
    /// The credential's index in the list.
    public var index: Int

    public init(listID: UUID, number: Int, index: Int) {
        self.listID = listID
        self.number = number
        self.index = index
    }
}

/// A change of a credential's status: when, and why (the reason is shown to whoever verifies).
public struct StatusChange: Sendable, Hashable, Codable {
    public var at: Date
    public var reason: String

    public init(at: Date, reason: String) {
        self.at = at
        self.reason = reason
    }
}

/// The status purposes Mochila publishes for every credential.
public enum StatusPurpose: String, Sendable, Hashable, CaseIterable, Codable {
    case revocation, suspension
}

/// A batch of awards issued together from a spreadsheet: all of them or none.
public struct Batch: Sendable, Hashable {
    public var id: UUID
    public var institutionID: UUID
    public var specID: UUID
    public var specVersion: Int
    /// Who issued it (a staff member's email, or "api").
    public var issuedBy: String
    public var count: Int
    public var createdAt: Date

    public init(id: UUID, institutionID: UUID, specID: UUID, specVersion: Int, issuedBy: String, count: Int, createdAt: Date) {
        self.id = id
        self.institutionID = institutionID
        self.specID = specID
        self.specVersion = specVersion
        self.issuedBy = issuedBy
        self.count = count
        self.createdAt = createdAt
    }
}

/// One line of the append-only audit log: who did what, to what, and when.
public struct AuditEntry: Sendable, Hashable {
    public var id: UUID
    public var at: Date
    public var institutionID: UUID?
    /// Who acted: a staff member's email, `api` (an institution token), `admin` or `system`.
    public var actor: String
    /// What was done: `institution.create`, `spec.create`, `award.issue`, `award.revoke`…
    public var action: String
    /// What it was done to: an id.
    public var subject: String?
    /// Details, as JSON text.
    public var details: String

    public init(
        id: UUID = UUID(), at: Date, institutionID: UUID?, actor: String, action: String, subject: String?, details: String = "{}"
    ) {
        self.id = id
        self.at = at
        self.institutionID = institutionID
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
    }
}
