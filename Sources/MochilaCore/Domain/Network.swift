import Foundation

// What the regional network keeps: the coordinator's registry of member institutions, the
// registries imported from other coordinators, and recognition between institutions. The store
// keeps each record's content as JSON text (the types of `Network/` and `Recognition/` read and
// validate it), and the columns it must query or constrain.

/// A registry imported from another coordinator: where it came from, who must have signed it,
/// and the signed credential as last fetched.
public struct RegistrySource: Sendable, Hashable {
    /// The URL it is refreshed from, or `file:` with a name for one imported from a file.
    public var url: String
    /// The coordinator's DID: a registry signed by anyone else is refused.
    public var coordinator: String
    /// The registry credential, exactly as fetched.
    public var credential: String
    public var fetchedAt: Date

    public init(url: String, coordinator: String, credential: String, fetchedAt: Date) {
        self.url = url
        self.coordinator = coordinator
        self.credential = credential
        self.fetchedAt = fetchedAt
    }
}

/// One version of a recognition rule of a receiving institution, as stored.
public struct StoredRecognitionRule: Sendable, Hashable {
    public var id: UUID
    public var version: Int
    public var institutionID: UUID
    /// The rule as JSON (``RecognitionRule/json``).
    public var json: String
    public var createdAt: Date

    public init(id: UUID, version: Int, institutionID: UUID, json: String, createdAt: Date) {
        self.id = id
        self.version = version
        self.institutionID = institutionID
        self.json = json
        self.createdAt = createdAt
    }
}

/// A learner's request that an institution recognise credentials under one of its rules.
public struct RecognitionRequest: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Proposed by the node, waiting for a recognition officer.
        case pending
        /// Decided (approved, modified or refused); the decision credential is issued.
        case decided
    }

    public var id: UUID
    public var learnerID: UUID
    public var institutionID: UUID
    public var ruleID: UUID
    public var ruleVersion: Int
    /// The backpack items submitted, with the credentials as they were then: JSON.
    public var submitted: String
    /// The node's proposal (outcome, credits, reasons): JSON.
    public var proposal: String
    public var status: Status
    /// The officer's decision: JSON; `nil` while pending.
    public var decision: String?
    public var decidedBy: String?
    public var decidedAt: Date?
    /// The decision credential, signed by the receiving institution, byte for byte.
    public var credential: [UInt8]?
    public var createdAt: Date

    public init(
        id: UUID = UUID(), learnerID: UUID, institutionID: UUID, ruleID: UUID, ruleVersion: Int, submitted: String, proposal: String,
        status: Status = .pending, decision: String? = nil, decidedBy: String? = nil, decidedAt: Date? = nil, credential: [UInt8]? = nil,
        createdAt: Date
    ) {
        self.id = id
        self.learnerID = learnerID
        self.institutionID = institutionID
        self.ruleID = ruleID
        self.ruleVersion = ruleVersion
        self.submitted = submitted
        self.proposal = proposal
        self.status = status
        self.decision = decision
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.credential = credential
        self.createdAt = createdAt
    }
}
