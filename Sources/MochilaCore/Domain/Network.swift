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

/// One version of a document an institution publishes and versions (a recognition rule, a
/// pathway), as stored: decisions and awards name the version they applied.
public struct VersionedDocument: Sendable, Hashable {
    public var id: UUID
    public var version: Int
    public var institutionID: UUID
    /// The document as JSON (its type's `Codable` form).
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

/// A stacked credential an institution issued to a learner who completed one of its pathways.
public struct PathwayAward: Sendable, Hashable {
    public var id: UUID
    public var pathwayID: UUID
    public var pathwayVersion: Int
    public var learnerID: UUID
    public var institutionID: UUID
    /// The part credentials that counted (ids and digests): JSON.
    public var parts: String
    /// The stacked credential, signed, byte for byte.
    public var credential: [UInt8]
    public var issuedAt: Date

    public init(
        id: UUID = UUID(), pathwayID: UUID, pathwayVersion: Int, learnerID: UUID, institutionID: UUID, parts: String, credential: [UInt8],
        issuedAt: Date
    ) {
        self.id = id
        self.pathwayID = pathwayID
        self.pathwayVersion = pathwayVersion
        self.learnerID = learnerID
        self.institutionID = institutionID
        self.parts = parts
        self.credential = credential
        self.issuedAt = issuedAt
    }
}

/// What the network's activity page counts, per institution and month (`YYYY-MM`, UTC).
public struct NetworkActivity: Sendable {
    public struct Row: Sendable, Hashable {
        public var institutionID: UUID
        public var month: String
        public var count: Int

        public init(institutionID: UUID, month: String, count: Int) {
            self.institutionID = institutionID
            self.month = month
            self.count = count
        }
    }

    public var issued: [Row]
    public var revoked: [Row]
    /// Decided recognition requests of the receiving institution, with their decision JSON.
    public var decisions: [(institutionID: UUID, month: String, decision: String)]
    /// How many awards each spec version has.
    public var awardsPerSpec: [(specID: UUID, version: Int, count: Int)]

    public init(
        issued: [Row], revoked: [Row], decisions: [(institutionID: UUID, month: String, decision: String)],
        awardsPerSpec: [(specID: UUID, version: Int, count: Int)]
    ) {
        self.issued = issued
        self.revoked = revoked
        self.decisions = decisions
        self.awardsPerSpec = awardsPerSpec
    }
}
