import Credentials
import Crypto
import Foundation
import LinkedData
import Logging
import MochilaCore
import MochilaStore

/// The node's operations, behind the HTTP routes: create institutions and specs, issue and
/// verify credentials. Handlers stay thin; everything that decides lives here.
public struct Node: Sendable {
    public let store: any Store
    let vault: KeyVault
    let adminTokenHash: String
    public let reference: ReferenceData
    /// The node's clock, to the millisecond (the store keeps milliseconds).
    public let clock: @Sendable () -> Date
    let issuer: CredentialIssuer
    let verifier: CredentialVerifier
    /// Open Badges 2.0 assertions, imported from elsewhere (documents from the outside world only).
    let openBadges2: OpenBadges2Verifier
    let logger: Logger
    /// The node's public base URL, without a trailing slash: status lists, DID documents and claim
    /// links are published under it. With `https`, institutions get `did:web` DIDs.
    public let publicURL: String
    let publisher: StatusPublisher
    /// Batches being signed, for progress reports.
    let jobs: BatchJobs
    /// How staff passwords are hashed.
    let passwordHasher: PasswordHasher
    /// Where documents from elsewhere come from (DID documents, status lists, registries).
    let documents: any DocumentResolver
    /// The trust registry as last read.
    let registryCache = RegistryCache()
    /// The capacity of each status list (the minimum Bitstring Status List allows).
    static let statusListCapacity = BitstringStatusList.minimumEntries

    /// - Parameters:
    ///   - publicURL: where the node is reached, e.g. `https://creditos.uni.example`.
    ///   - documents: where verification fetches other issuers' DID documents and status lists
    ///     from; nothing by default (`did:key` needs no fetching), ``HTTPDocumentResolver`` for a
    ///     node that verifies other issuers' credentials. The node's own documents are always
    ///     resolved locally first.
    public init(
        store: any Store, vault: KeyVault, adminToken: String, clock: @escaping @Sendable () -> Date = Node.systemClock,
        publicURL: String = "http://localhost:8080", documents: any DocumentResolver = PreloadedDocuments(),
        reference: ReferenceData = .bundled, passwordHasher: PasswordHasher = PasswordHasher(),
        logger: Logger = Logger(label: "mochila")
    ) {
        let publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.store = store
        self.vault = vault
        self.adminTokenHash = Node.hash(token: adminToken)
        self.clock = clock
        self.reference = reference
        self.issuer = CredentialIssuer(reference: reference)
        self.publicURL = publicURL
        self.publisher = StatusPublisher(store: store, vault: vault, clock: clock, publicURL: publicURL)
        let own = NodeDocuments(store: store, publisher: publisher, publicURL: publicURL)
        self.verifier = CredentialVerifier(documents: ChainedResolver([own, documents]))
        self.documents = documents
        self.openBadges2 = OpenBadges2Verifier(documents: documents, urlPolicy: .httpsOnly)
        self.jobs = BatchJobs()
        self.passwordHasher = passwordHasher
        self.logger = logger
    }

    /// The system clock, truncated to milliseconds.
    public static let systemClock: @Sendable () -> Date = { Date(milliseconds: Date().milliseconds) }

    /// The SHA-256 of a bearer token, as the store keeps it (tokens themselves are never stored).
    public static func hash(token: String) -> String {
        Hex.encode(SHA256.hash(data: Array(token.utf8)))
    }

    /// A new random bearer token.
    public static func newToken() -> String {
        "mch_" + Base64URL.encode(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }

    /// Whether `token` is the node's administrator token (compared by hash, in constant time).
    func isAdmin(token: String) -> Bool {
        constantTimeEqual(Node.hash(token: token), adminTokenHash)
    }

    /// The institution a bearer token belongs to.
    func institution(token: String) async throws -> Institution? {
        try await store.institution(tokenHash: Node.hash(token: token))
    }

    // MARK: Institutions

    /// Creates an institution with a new Ed25519 key and `did:key` DID, and returns its API token.
    /// - Parameter token: the token to give it; a new random one when `nil`.
    /// - Throws: ``ValidationError`` for bad input; ``StoreError`` with code `conflict` when the slug is taken.
    public func createInstitution(_ input: InstitutionInput, token: String? = nil) async throws -> (Institution, String) {
        try input.validate(reference: reference)
        if try await store.institution(slug: input.slug!) != nil {
            throw ValidationError(field: "slug", "\"\(input.slug!)\" is already taken by another institution")
        }
        let key = SigningKey.generate(.ed25519)
        let now = clock()
        // did:web under an https public URL (keys can rotate); did:key otherwise.
        let did = NodeDocuments.did(publicURL: publicURL, slug: input.slug!) ?? DIDKey.did(for: key.publicKey)
        let institution = Institution(
            slug: input.slug!, name: input.name!, country: input.country!, did: did, url: input.url,
            qualityAssuranceAgency: input.qualityAssuranceAgency, createdAt: now)
        let stored = try sealed(key, for: institution, at: now)
        let token = token ?? Node.newToken()
        try await store.createInstitution(institution, key: stored, tokenHash: Node.hash(token: token))
        try await store.appendAudit(
            AuditEntry(at: now, institutionID: institution.id, actor: "admin", action: "institution.create", subject: institution.did))
        logger.info("created institution \(institution.slug) (\(institution.did))")
        return (institution, token)
    }

    /// A key sealed for storage, with its verification method id in the institution's DID.
    func sealed(_ key: SigningKey, for institution: Institution, at now: Date) throws -> InstitutionKey {
        let id = institution.did.hasPrefix("did:key:")
            ? Multikey(didKeyFor: key).id : institution.did + "#" + key.publicKey.multibase
        return InstitutionKey(
            id: id, institutionID: institution.id, type: key.type.rawValue, publicKeyMultibase: key.publicKey.multibase,
            sealedSecretKey: try vault.seal(key.secretBytes, keyID: id), createdAt: now)
    }

    /// Gives an institution a new signing key; the old ones stay in its DID document, so what they
    /// signed still verifies. Only `did:web` institutions can rotate: a `did:key` DID is its key.
    public func rotateKey(of institution: Institution, actor: String) async throws -> InstitutionKey {
        guard institution.did.hasPrefix("did:web:") else {
            throw APIError(
                .conflict, "cannot_rotate",
                "\(institution.slug) uses did:key, whose DID is its key; a node with an https public URL (--public-url) gives institutions did:web DIDs that can rotate keys")
        }
        let now = clock()
        let key = try sealed(SigningKey.generate(.ed25519), for: institution, at: now)
        try await store.rotateKey(
            key, audit: AuditEntry(at: now, institutionID: institution.id, actor: actor, action: "key.rotate", subject: key.id))
        return key
    }

    // MARK: Specs

    /// Creates the first version of a spec.
    public func createSpec(_ input: SpecInput, for institution: Institution) async throws -> MicroCredentialSpec {
        let spec = try input.validated(
            institutionID: institution.id, id: UUID(), version: 1, createdAt: clock(), reference: reference)
        try await store.addSpecVersion(spec)
        return spec
    }

    /// Adds a new version of one of the institution's specs.
    /// - Throws: ``APIError`` 404 when the spec is not the institution's.
    public func addSpecVersion(_ input: SpecInput, specID: UUID, for institution: Institution) async throws -> MicroCredentialSpec {
        guard let latest = try await store.spec(id: specID, version: nil), latest.institutionID == institution.id else {
            throw APIError.notFound("spec \(specID)")
        }
        let spec = try input.validated(
            institutionID: institution.id, id: specID, version: latest.version + 1, createdAt: clock(), reference: reference)
        try await store.addSpecVersion(spec)
        return spec
    }

    // MARK: Awards

    /// Issues an award: builds, signs and stores the credential.
    /// - Throws: ``ValidationError`` naming bad fields; ``APIError`` 404 when the spec is not the institution's.
    public func issue(_ input: AwardInput, for institution: Institution, actor: String = "api", issuedAt: Date? = nil) async throws -> Award {
        guard let specID = input.specId else {
            throw ValidationError(field: "specId", "is required: the id of the spec to award")
        }
        let learner = try input.validatedLearner()
        let spec = try await ownSpec(specID, version: input.specVersion, of: institution)
        let award = try await issue(spec, to: learner, grade: input.grade, for: institution, issuedAt: issuedAt ?? clock())
        try await store.addAwards([award], batch: nil, audit: [issuedEntry(award, actor: actor)])
        logger.info("issued \(award.credentialID) (\(spec.title.text(.es))) for \(institution.slug)")
        return award
    }

    /// One of the institution's specs; 404 when it is another institution's or does not exist.
    func ownSpec(_ specID: UUID, version: Int?, of institution: Institution) async throws -> MicroCredentialSpec {
        guard let spec = try await store.spec(id: specID, version: version), spec.institutionID == institution.id else {
            if let version { throw APIError.notFound("spec \(specID) version \(version)") }
            throw APIError.notFound("spec \(specID)")
        }
        return spec
    }

    /// Builds and signs one award with a reserved status place (not yet stored).
    func issue(
        _ spec: MicroCredentialSpec, to learner: Learner, grade: String?, for institution: Institution, issuedAt: Date,
        supersedes: Award? = nil
    ) async throws -> Award {
        let slots = try await store.reserveStatusSlots(
            institutionID: institution.id, count: 1, capacity: Node.statusListCapacity, at: issuedAt)
        let (key, methodID) = try await signingKey(for: institution)
        return try issuer.issue(
            institution: institution, key: key, verificationMethod: methodID, spec: spec, learner: learner, grade: grade,
            awardID: UUID(), issuedAt: issuedAt, salt: Node.newSalt(), statusSlot: slots[0], statusBaseURL: publicURL,
            supersedes: supersedes)
    }

    func issuedEntry(_ award: Award, actor: String) -> AuditEntry {
        AuditEntry(
            at: award.issuedAt, institutionID: award.institutionID, actor: actor, action: "award.issue", subject: award.credentialID,
            details: #"{"spec":"\#(award.specID.uuidString.lowercased())","version":\#(award.specVersion)}"#)
    }

    func signingKey(for institution: Institution) async throws -> (SigningKey, String) {
        guard let stored = try await store.activeKey(institutionID: institution.id),
            let type = KeyType(rawValue: stored.type)
        else {
            throw APIError(.internalServerError, "no_key", "the institution has no signing key")
        }
        let secret = try vault.open(stored.sealedSecretKey, keyID: stored.id)
        return (try SigningKey(type: type, secretBytes: secret), stored.id)
    }

    static func newSalt() -> String {
        Base64URL.encode(SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) })
    }

    // MARK: Verification

    /// Verifies a credential given as bytes (JSON or a compact JWT) at the node's current time.
    public func verify(bytes: [UInt8]) async -> VerificationReport {
        await trustingVerifier().verify(bytes: bytes, at: clock())
    }

    /// The verifier with the network's trust registry, when it has members: the `trust` check
    /// then says whether the issuer is a member accredited for the credential's field and level.
    func trustingVerifier() async -> CredentialVerifier {
        var trusting = verifier
        do {
            let registry = try await trustRegistry()
            if !registry.members.isEmpty { trusting.registry = registry }
        } catch {
            logger.error("the trust registry could not be read: \(error)")
        }
        return trusting
    }

    /// Verifies an Open Badges 2.0 assertion (hosted, signed, or baked into an image) at the
    /// node's current time, fetching its badge class, issuer, key and revocation list over HTTPS.
    public func verifyOpenBadges2(bytes: [UInt8]) async -> OpenBadges2Verification {
        await openBadges2.verify(bytes: bytes, at: clock())
    }

    /// Verifies a credential or a presentation given as bytes (JSON or a compact JWT).
    public func verifyAny(bytes: [UInt8], challenge: String? = nil, domain: String? = nil) async -> VerificationOutcome {
        await trustingVerifier().verifyAny(bytes: bytes, challenge: challenge, domain: domain, at: clock())
    }

    /// Verifies a presentation given as JSON.
    public func verifyPresentation(_ presentation: JSONValue, challenge: String?, domain: String?) async -> PresentationReport {
        await trustingVerifier().verifyPresentation(presentation, challenge: challenge, domain: domain, at: clock())
    }

    /// Verifies a credential given as JSON at the node's current time.
    public func verify(_ credential: JSONValue) async -> VerificationReport {
        await trustingVerifier().verify(credential, at: clock())
    }

    /// The award of a credential, by the award id, the credential id (`urn:uuid:…`) or its UUID.
    public func award(reference: String) async throws -> Award? {
        if let id = UUID(uuidString: reference) {
            if let award = try await store.award(id: id) { return award }
            return try await store.award(credentialID: "urn:uuid:" + reference.lowercased())
        }
        return try await store.award(credentialID: reference)
    }
}

/// Compares two strings in time that depends only on their length.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}
