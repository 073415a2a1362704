import Foundation
import MochilaCore

/// Where a Mochila node keeps its institutions, specs and awards.
///
/// One protocol, several databases: SQLite is the embedded default and PostgreSQL joins behind
/// the same protocol; both run the same conformance suite. Invariants live in the database too
/// (unique slugs, DIDs and credential ids; issued credentials that are never rewritten).
public protocol Store: Sendable {
    /// Applies pending migrations, in order. Refuses to start when an applied migration was changed.
    func migrate() async throws

    /// Closes connections.
    func shutdown() async throws

    // MARK: Institutions

    /// Creates an institution with its first signing key and the hash of its API token.
    /// - Throws: ``StoreError/Code/conflict`` when the slug or DID is taken.
    func createInstitution(_ institution: Institution, key: InstitutionKey, tokenHash: String) async throws
    func institution(id: UUID) async throws -> Institution?
    func institution(slug: String) async throws -> Institution?
    /// The institution whose API token hashes to `tokenHash`.
    func institution(tokenHash: String) async throws -> Institution?
    /// All institutions, by name.
    func institutions() async throws -> [Institution]
    /// The key the institution signs new credentials with.
    func activeKey(institutionID: UUID) async throws -> InstitutionKey?

    // MARK: Specs

    /// Adds a version of a spec; `spec.version` must be the next one.
    /// - Throws: ``StoreError/Code/conflict`` when that version exists.
    func addSpecVersion(_ spec: MicroCredentialSpec) async throws
    /// A version of a spec, or its latest version when `version` is `nil`.
    func spec(id: UUID, version: Int?) async throws -> MicroCredentialSpec?
    /// The latest version of each spec, of one institution or of all.
    func latestSpecs(institutionID: UUID?) async throws -> [MicroCredentialSpec]

    // MARK: Awards

    /// Stores an issued award; its credential is never rewritten afterwards.
    func addAward(_ award: Award) async throws
    /// Stores issued awards, their batch and audit entries in one transaction: all or nothing.
    func addAwards(_ awards: [Award], batch: Batch?, audit: [AuditEntry]) async throws
    /// Changes an award's status: sets (or, for suspension, clears) a revocation or suspension,
    /// bumps its status list's version and appends the audit entry, in one transaction.
    /// - Throws: ``StoreError/Code/conflict`` when the award is already revoked.
    func changeStatus(awardID: UUID, purpose: StatusPurpose, change: StatusChange?, audit: AuditEntry) async throws
    /// The institution's batches, newest first.
    func batches(institutionID: UUID, limit: Int) async throws -> [Batch]
    func batch(id: UUID) async throws -> Batch?
    /// The awards of a batch.
    func awards(batchID: UUID) async throws -> [Award]

    // MARK: Status lists

    /// Reserves `count` places in the institution's status lists, opening a new list when the
    /// current one is half full (indexes are random, for herd privacy). A reserved place is never
    /// given out again, even when the award meant for it is never stored.
    func reserveStatusSlots(institutionID: UUID, count: Int, capacity: Int, at: Date) async throws -> [StatusSlot]
    /// A status list by its institution and number.
    func statusList(institutionID: UUID, number: Int) async throws -> StatusListRecord?
    /// The revoked and suspended places of a list.
    func statusBits(listID: UUID) async throws -> [(index: Int, revoked: Bool, suspended: Bool)]
    /// The signed list credential last stored for a list and purpose.
    func statusListCredential(listID: UUID, purpose: StatusPurpose) async throws -> StoredStatusList?
    /// The signed credential of the institution's list `number` for `purpose`, when the one
    /// stored is of the list's current version; `nil` otherwise (none, or out of date).
    func currentStatusListCredential(slug: String, number: Int, purpose: StatusPurpose) async throws -> StoredStatusList?
    /// Stores a signed list credential, replacing the previous one of that list and purpose.
    func storeStatusListCredential(_ list: StoredStatusList) async throws

    // MARK: Keys and audit

    /// All of an institution's keys, newest first.
    func keys(institutionID: UUID) async throws -> [InstitutionKey]
    /// Adds a key and makes it the one new credentials are signed with; older keys stay
    /// published so that what they signed still verifies.
    func rotateKey(_ key: InstitutionKey, audit: AuditEntry) async throws
    func appendAudit(_ entry: AuditEntry) async throws
    /// The audit log, newest first, of one institution or of all.
    func audit(institutionID: UUID?, limit: Int) async throws -> [AuditEntry]
    func award(id: UUID) async throws -> Award?
    func award(credentialID: String) async throws -> Award?
    /// The awards that renew or replace `id` (their ``Award/supersedes`` is `id`), oldest first.
    func awards(superseding id: UUID) async throws -> [Award]
    /// Awards, newest first, of one institution or of all.
    func awards(institutionID: UUID?, limit: Int) async throws -> [Award]

    // MARK: Staff and sessions

    /// Creates a staff account.
    /// - Throws: ``StoreError/Code/conflict`` when the email is taken.
    func createStaff(_ member: StaffMember, passwordHash: String) async throws
    /// A staff account and its password hash, by email (lowercased).
    func staff(email: String) async throws -> (StaffMember, passwordHash: String)?
    func staff(id: UUID) async throws -> StaffMember?
    /// An institution's staff, by email.
    func staff(institutionID: UUID) async throws -> [StaffMember]
    func createSession(_ session: StaffSession) async throws
    func session(tokenHash: String) async throws -> StaffSession?
    func deleteSession(tokenHash: String) async throws
    /// Deletes sessions that expired before `date`.
    func deleteSessions(expiredBefore date: Date) async throws

    // MARK: OAuth

    func createOAuthClient(_ client: OAuthClient) async throws
    func oauthClient(id: String) async throws -> OAuthClient?
    func storeOAuthToken(_ token: OAuthToken) async throws
    func oauthToken(hash: String) async throws -> OAuthToken?

    // MARK: Settings

    func setting(_ key: String) async throws -> String?
    func setSetting(_ key: String, _ value: String) async throws

    // MARK: Learners, backpacks and shares

    /// Opens a backpack: a learner with an email and a password hash, or a temporary one with neither.
    /// - Throws: ``StoreError/Code/conflict`` when the id or the email is taken.
    func createLearner(_ learner: LearnerAccount, passwordHash: String?) async throws
    /// A learner by id, deleted ones included (with their personal data cleared).
    func learner(id: UUID) async throws -> LearnerAccount?
    /// A learner and their password hash (`nil` until they set one), by email (lowercased).
    func learner(email: String) async throws -> (LearnerAccount, passwordHash: String?)?
    /// Sets a learner's email, display name and password hash: makes a temporary backpack
    /// permanent, or changes them. Pass the current values for the ones that stay.
    /// - Returns: `false` when there is no such learner, or it was deleted (nothing changes).
    /// - Throws: ``StoreError/Code/conflict`` when another learner has the email.
    @discardableResult
    func setLearnerAccount(id: UUID, email: String, displayName: String, passwordHash: String) async throws -> Bool
    /// Replaces a learner's holder key and DID (a backpack restored from a backup with its key).
    /// - Returns: `false` when there is no such learner, or it was deleted.
    /// - Throws: ``StoreError/Code/conflict`` when another learner has the DID.
    func setLearnerHolderKey(id: UUID, holderDID: String, sealedHolderKey: [UInt8]) async throws -> Bool
    /// Deletes a backpack, in one transaction: its email, display name, password hash and sealed
    /// holder key are cleared, `deletedAt` is set, and its sessions, items and shares are
    /// deleted. The row stays (with its id and holder DID) so that nothing else dangles, and
    /// awards, the credentials issued to the learner, are untouched. A second call changes nothing.
    func deleteLearner(id: UUID, at: Date) async throws

    /// Stores a learner's session.
    /// - Throws: ``StoreError/Code/conflict`` when the token hash is taken;
    ///   ``StoreError/Code/refused`` when there is no such learner.
    func createLearnerSession(_ session: LearnerSession) async throws
    /// A learner's session by its token's hash, expired or not (as ``session(tokenHash:)``):
    /// callers compare ``LearnerSession/expiresAt`` with the time.
    func learnerSession(tokenHash: String) async throws -> LearnerSession?
    func deleteLearnerSession(tokenHash: String) async throws
    /// Deletes learners' sessions that expired before `date`.
    func deleteLearnerSessions(expiredBefore date: Date) async throws

    /// Puts a credential in a learner's backpack.
    /// - Throws: ``StoreError/Code/conflict`` when the backpack already holds a credential with
    ///   the same digest (or the id is taken); ``StoreError/Code/refused`` when the learner, or the
    ///   award it names, does not exist.
    func addBackpackItem(_ item: BackpackItem) async throws
    /// A learner's items, newest first.
    func backpackItems(learnerID: UUID) async throws -> [BackpackItem]
    /// An item by id, of any learner: callers check ``BackpackItem/learnerID``.
    func backpackItem(id: UUID) async throws -> BackpackItem?
    /// Shows an item on the learner's public profile, or hides it.
    /// - Returns: `false` when the learner has no such item (an item of another learner is untouched).
    @discardableResult
    func setBackpackItemPublic(id: UUID, learnerID: UUID, isPublic: Bool) async throws -> Bool
    /// Deletes an item of a learner, with its shares, in one transaction.
    /// - Returns: `false` when the learner has no such item (an item of another learner is untouched).
    @discardableResult
    func deleteBackpackItem(id: UUID, learnerID: UUID) async throws -> Bool

    /// Stores a share link.
    /// - Throws: ``StoreError/Code/conflict`` when the id is taken; ``StoreError/Code/refused``
    ///   when the item does not exist or belongs to another learner.
    func createShare(_ share: Share) async throws
    /// A share link by its id, revoked and expired ones included: callers ask ``Share/isActive(at:)``.
    func share(id: String) async throws -> Share?
    /// An item's share links, newest first.
    func shares(itemID: UUID) async throws -> [Share]
    /// Revokes a learner's share link; a revocation is final, and a second one keeps the first date.
    /// - Returns: `false` when the learner has no such share, or it was already revoked.
    @discardableResult
    func revokeShare(id: String, learnerID: UUID, at: Date) async throws -> Bool

    // MARK: Trust registry and recognition

    /// Adds or replaces a member of this node's registry (the coordinator's list), by DID.
    func putRegistryMember(did: String, body: String, at: Date) async throws
    /// Removes a member; `false` when there was none with that DID.
    func deleteRegistryMember(did: String) async throws -> Bool
    /// The registry's members, by DID.
    func registryMembers() async throws -> [(did: String, body: String)]
    /// Adds or replaces a registry imported from another coordinator, by URL.
    func putRegistrySource(_ source: RegistrySource) async throws
    func deleteRegistrySource(url: String) async throws -> Bool
    func registrySources() async throws -> [RegistrySource]
    /// Adds the next version of a recognition rule (version 1 creates it).
    /// - Throws: ``StoreError/Code/conflict`` when `version` is not the next one;
    ///   ``StoreError/Code/refused`` when the rule is another institution's.
    func addRecognitionRule(_ rule: VersionedDocument) async throws
    /// One version of a rule, or its latest when `version` is `nil`.
    func recognitionRule(id: UUID, version: Int?) async throws -> VersionedDocument?
    /// The latest version of each rule, of one institution or of all, oldest first.
    func recognitionRules(institutionID: UUID?) async throws -> [VersionedDocument]
    /// Stores a learner's request, pending.
    /// - Throws: ``StoreError/Code/refused`` when the learner does not exist or was deleted.
    func addRecognitionRequest(_ request: RecognitionRequest) async throws
    func recognitionRequest(id: UUID) async throws -> RecognitionRequest?
    /// An institution's requests, newest first.
    func recognitionRequests(institutionID: UUID) async throws -> [RecognitionRequest]
    /// A learner's requests, newest first.
    func recognitionRequests(learnerID: UUID) async throws -> [RecognitionRequest]
    /// Records an officer's decision and its credential with the audit entry, in one transaction.
    /// - Returns: `false` when the request is not pending (nothing changes).
    func decideRecognitionRequest(id: UUID, decision: String, by: String, at: Date, credential: [UInt8], audit: AuditEntry) async throws
        -> Bool
    /// Adds or replaces the catalogue feed of a federated node, by URL.
    func putCatalogueSource(url: String, feed: String, at: Date) async throws
    func deleteCatalogueSource(url: String) async throws -> Bool
    /// The federated nodes' feeds, by URL.
    func catalogueSources() async throws -> [(url: String, feed: String, fetchedAt: Date)]
    /// Adds the next version of a pathway (version 1 creates it); the same rules as
    /// ``addRecognitionRule(_:)``. The body is the pathway as JSON.
    func addPathway(_ pathway: VersionedDocument) async throws
    /// One version of a pathway, or its latest when `version` is `nil`.
    func pathway(id: UUID, version: Int?) async throws -> VersionedDocument?
    /// The latest version of each pathway, of one institution or of all.
    func pathways(institutionID: UUID?) async throws -> [VersionedDocument]
    /// Stores a stacked credential.
    /// - Throws: ``StoreError/Code/conflict`` when the learner already has one for the pathway.
    func addPathwayAward(_ award: PathwayAward) async throws
    /// The learner's stacked credential for a pathway, if issued.
    func pathwayAward(pathwayID: UUID, learnerID: UUID) async throws -> PathwayAward?
    /// Counts for the network's activity page (no personal data).
    func networkActivity() async throws -> NetworkActivity
}

/// A status list: a numbered place for up to `capacity` credentials of one institution.
public struct StatusListRecord: Sendable, Hashable {
    public var id: UUID
    public var institutionID: UUID
    public var number: Int
    public var capacity: Int
    public var allocated: Int
    /// Bumped on every status change of a credential in the list.
    public var version: Int

    public init(id: UUID, institutionID: UUID, number: Int, capacity: Int, allocated: Int, version: Int) {
        self.id = id
        self.institutionID = institutionID
        self.number = number
        self.capacity = capacity
        self.allocated = allocated
        self.version = version
    }
}

/// A signed status list credential as it is served.
public struct StoredStatusList: Sendable, Hashable {
    public var listID: UUID
    public var purpose: StatusPurpose
    /// The list version it reflects.
    public var version: Int
    public var credential: [UInt8]
    public var etag: String
    public var validUntil: Date

    public init(listID: UUID, purpose: StatusPurpose, version: Int, credential: [UInt8], etag: String, validUntil: Date) {
        self.listID = listID
        self.purpose = purpose
        self.version = version
        self.credential = credential
        self.etag = etag
        self.validUntil = validUntil
    }
}
