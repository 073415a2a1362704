import Credentials
import Crypto
import Foundation
import LinkedData
import MochilaCore
import MochilaStore

/// The learner's backpack on a node: opening one from a claim link, making it permanent,
/// claiming this node's credentials, importing others (each verified on arrival, its report
/// kept), and share links that show a credential with its live verification.
extension Node {
    /// How long a backpack session lasts: a temporary backpack lives in its cookie, so it is long.
    static let backpackSessionLifetime: TimeInterval = 90 * 24 * 3600
    /// The largest credential or badge image a learner imports.
    static let importMaxBytes = 4 << 20
    /// The most credentials one backpack holds.
    static let backpackCapacity = 2000

    // MARK: Accounts

    /// Opens a temporary backpack (no email or password yet) with a fresh `did:key` holder key,
    /// and signs it in.
    public func openBackpack() async throws -> (LearnerAccount, token: String, session: LearnerSession) {
        let now = clock()
        let key = SigningKey.generate(.ed25519)
        let did = DIDKey.did(for: key.publicKey)
        let learner = LearnerAccount(
            email: nil, displayName: "", holderDID: did, sealedHolderKey: try vault.seal(key.secretBytes, keyID: did), createdAt: now)
        try await store.createLearner(learner, passwordHash: nil)
        let (token, session) = try await newLearnerSession(learner, at: now)
        return (learner, token, session)
    }

    /// Makes a backpack permanent, or changes its email, name or password.
    /// - Throws: ``ValidationError`` naming the fields to fix; 409 when the email has an account.
    public func setBackpackAccount(_ learner: LearnerAccount, email: String, displayName: String, password: String) async throws
        -> LearnerAccount
    {
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let displayName = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [ValidationError.Problem] = []
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || email.contains(" ") || email.count > 254 {
            problems.append(.init(field: "email", message: "\"\(email)\" is not an email address"))
        }
        if displayName.count > 200 { problems.append(.init(field: "name", message: "is at most 200 characters")) }
        do { try PasswordHasher.validate(password) } catch let error as ValidationError { problems += error.problems }
        if !problems.isEmpty { throw ValidationError(problems) }
        if let (other, _) = try await store.learner(email: email), other.id != learner.id {
            throw APIError(.conflict, "conflict", "there is already a backpack for \(email)")
        }
        guard try await store.setLearnerAccount(id: learner.id, email: email, displayName: displayName, passwordHash: try passwordHasher.hash(password))
        else { throw APIError.notFound("backpack") }
        var updated = learner
        updated.email = email
        updated.displayName = displayName
        return updated
    }

    /// Signs a learner in with email and password.
    /// - Returns: `nil` when either is wrong (the same answer for both, in the same time).
    public func signInBackpack(email: String, password: String) async throws -> (LearnerAccount, token: String, session: LearnerSession)? {
        let found = try await store.learner(email: email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
        let stored = found?.passwordHash ?? Node.unknownAccountHash
        guard passwordHasher.verify(password, against: stored), let (learner, _) = found, !learner.isDeleted else { return nil }
        let (token, session) = try await newLearnerSession(learner, at: clock())
        return (learner, token, session)
    }

    /// The learner and session of a cookie token, when the session is current.
    public func backpackSession(token: String) async throws -> (LearnerAccount, LearnerSession)? {
        guard let session = try await store.learnerSession(tokenHash: Node.hash(token: token)), session.isActive(at: clock()),
            let learner = try await store.learner(id: session.learnerID), !learner.isDeleted
        else { return nil }
        return (learner, session)
    }

    public func signOutBackpack(token: String) async throws {
        try await store.deleteLearnerSession(tokenHash: Node.hash(token: token))
    }

    /// Deletes a backpack: its credentials, shares, sessions, email, name, password and holder
    /// key go; the credentials institutions issued stay valid and verifiable.
    public func deleteBackpack(_ learner: LearnerAccount) async throws {
        try await store.deleteLearner(id: learner.id, at: clock())
    }

    func newLearnerSession(_ learner: LearnerAccount, at now: Date) async throws -> (String, LearnerSession) {
        let token = Node.newToken()
        let session = LearnerSession(
            tokenHash: Node.hash(token: token), learnerID: learner.id, csrfToken: Node.newToken(), createdAt: now,
            expiresAt: now.addingTimeInterval(Node.backpackSessionLifetime))
        try await store.deleteLearnerSessions(expiredBefore: now)
        try await store.createLearnerSession(session)
        return (token, session)
    }

    // MARK: Credentials in the backpack

    /// The secret of an award's claim link: a MAC of the award's id under the node's master key,
    /// 22 base64url characters (128 bits). The credential's own id (`urn:uuid:` + the award's)
    /// travels with every copy of the credential, so it cannot be what lets a backpack keep and
    /// bind it; this can, and only the institution hands it out (to the learner, with the link).
    public func claimToken(for awardID: UUID) -> String { Node.claimToken(for: awardID, vault: vault) }

    /// The claim secret of an award on the node whose master key `vault` holds.
    public static func claimToken(for awardID: UUID, vault: KeyVault) -> String {
        let code = vault.authenticationCode(Array(awardID.uuidString.lowercased().utf8), purpose: "mochila claim link v1")
        return Base64URL.encode(Array(code.prefix(16)))
    }

    /// Whether `token` is the claim secret of the award.
    public func isClaimToken(_ token: String?, for awardID: UUID) -> Bool {
        guard let token, token.count <= 64 else { return false }
        return constantTimeEqual(token, claimToken(for: awardID))
    }

    /// The claim link of an award: its public page, with the claim secret.
    public func claimLink(for awardID: UUID) -> String {
        "\(publicURL)/credentials/\(awardID.uuidString.lowercased())?claim=\(claimToken(for: awardID))"
    }

    /// Puts a credential this node issued into a backpack (the learner followed its claim link).
    /// Claiming twice answers with the item already there.
    /// - Throws: 403 without the claim link's secret; 404 for an unknown award; 409 when it was
    ///   revoked.
    public func claim(awardID: UUID, token: String?, into learner: LearnerAccount) async throws -> BackpackItem {
        guard isClaimToken(token, for: awardID) else {
            throw APIError(.forbidden, "claim_link", "only the claim link the institution sent lets a backpack keep this credential")
        }
        guard let award = try await store.award(id: awardID) else { throw APIError.notFound("credential \(awardID)") }
        if award.revocation != nil {
            throw APIError(.conflict, "revoked", "the credential was revoked by its issuer and cannot be kept")
        }
        let held = try await store.backpackItems(learnerID: learner.id)
        if let existing = Node.item(with: award.credential, in: held) { return existing }
        return try await keep(award, in: learner, holding: held.count)
    }

    /// Binds a credential this node issued to the learner's holder DID, when the learner asks:
    /// the institution issues it again, for the same spec version, learner and grade, with the
    /// backpack's `did:key` as `credentialSubject.id`, naming the credential it supersedes. The
    /// learner can then prove in a presentation that the credential is theirs. The bound copy
    /// joins the backpack; the unbound one stays valid (it may have been shared) until the
    /// learner removes it.
    ///
    /// An award is bound once: its claim link (``claimToken(for:)``) is a bearer capability, so
    /// the first backpack to bind it keeps it, and another backpack holding the same link is
    /// refused.
    /// - Throws: 404 for an item not in this backpack; ``ValidationError`` for an imported item;
    ///   409 when the award was revoked or suspended, already names another DID, or was bound
    ///   by another backpack.
    public func bind(_ itemID: UUID, of learner: LearnerAccount) async throws -> BackpackItem {
        let item = try await backpackItem(itemID, of: learner)
        guard let awardID = item.awardID, let original = try await store.award(id: awardID) else {
            throw ValidationError(field: "item", "only credentials issued on this node can be bound here; ask the issuer for one bound to \(learner.holderDID)")
        }
        if original.learner.did == learner.holderDID { return item }
        if original.revocation != nil { throw APIError(.conflict, "revoked", "the credential was revoked by its issuer") }
        if original.suspension != nil { throw APIError(.conflict, "suspended", "the credential is suspended by its issuer") }
        if let did = original.learner.did { throw APIError(.conflict, "bound", "the credential already names the holder \(did)") }
        let held = try await store.backpackItems(learnerID: learner.id)
        for earlier in try await store.awards(superseding: original.id) where earlier.learner.did != nil {
            guard earlier.learner.did == learner.holderDID else {
                throw APIError(.conflict, "bound", "this credential was already bound to another backpack's DID")
            }
            if let existing = Node.item(with: earlier.credential, in: held) { return existing }
            return try await keep(earlier, in: learner, holding: held.count)
        }
        guard let institution = try await store.institution(id: original.institutionID) else { throw APIError.notFound("issuer") }
        let spec = try await ownSpec(original.specID, version: original.specVersion, of: institution)
        var person = original.learner
        person.did = learner.holderDID
        let bound = try await issue(spec, to: person, grade: original.grade, for: institution, issuedAt: clock(), supersedes: original)
        var entry = issuedEntry(bound, actor: "learner:\(learner.id.uuidString.lowercased())")
        entry.action = "award.bind"
        entry.details = JSONValue.object(["supersedes": .string(original.credentialID), "holder": .string(learner.holderDID)])
            .serializedString()
        try await store.addAwards([bound], batch: nil, audit: [entry])
        return try await keep(bound, in: learner, holding: held.count)
    }

    /// Puts an award of this node into a backpack with the report of its verification now.
    func keep(_ award: Award, in learner: LearnerAccount, holding count: Int) async throws -> BackpackItem {
        let report = await verify(bytes: award.credential)
        let item = BackpackItem(
            learnerID: learner.id, awardID: award.id, credential: award.credential, format: .vcJSON, source: .claim,
            report: Node.withSummary(report.json(input: nil), of: report.credential).serializedString(), addedAt: clock())
        try await add(item, holding: count)
        return item
    }

    /// Imports a credential earned elsewhere: an Open Badges 3.0 / VC credential (JSON or JWT),
    /// a badge image with one baked in (OB 3.0 or 2.0), an Open Badges 2.0 assertion (JSON, JWS
    /// or the URL of a hosted one), or a Europass EDC (sealed or not). It is verified on arrival
    /// and kept with its report, verified or not, so that the learner sees why; what is not a
    /// credential at all is refused.
    /// - Throws: ``ValidationError`` (field `file`) for an empty, oversized or unreadable upload.
    public func importCredential(_ bytes: [UInt8], into learner: LearnerAccount) async throws -> BackpackItem {
        let received = try await receive(bytes)
        let held = try await store.backpackItems(learnerID: learner.id)
        if let existing = Node.item(with: received.credential, in: held) { return existing }
        let item = BackpackItem(
            learnerID: learner.id, credential: received.credential, format: received.format, source: .import,
            report: received.report.serializedString(), addedAt: clock())
        try await add(item, holding: held.count)
        return item
    }

    /// What an upload holds: its format, the credential to keep (a baked badge's credential
    /// rather than the image) and the report of its verification now, with the summary the
    /// backpack lists it by.
    /// - Throws: ``ValidationError`` (field `file`) for an empty, oversized or unreadable upload,
    ///   or one that is not a credential at all.
    func receive(_ bytes: [UInt8]) async throws -> (format: BackpackItem.Format, credential: [UInt8], report: JSONValue) {
        guard !bytes.isEmpty else { throw ValidationError(field: "file", "choose a file or paste a credential") }
        guard bytes.count <= Node.importMaxBytes else {
            throw ValidationError(field: "file", "is \(bytes.count) bytes, more than \(Node.importMaxBytes)")
        }
        if OpenBadges2Input.isOpenBadges2(bytes) {
            let result = await verifyOpenBadges2(bytes: bytes)
            if result.assertion == nil && result.report.result(.format)?.status == .failed {
                throw ValidationError(field: "file", "is not an Open Badges 2.0 assertion that can be read")
            }
            let report = Node.withSummary(
                result.report.json(input: nil), name: result.badgeClass?["name"]?.stringValue,
                issuer: result.issuer?["name"]?.stringValue)
            return (.openBadges2, bytes, report)
        }
        if EuropassInput.isEuropass(bytes) {
            let report = europassVerifier.verify(bytes: bytes, at: clock())
            guard report.result(.format)?.status == .passed, let edc = report.credential else {
                throw ValidationError(field: "file", "is not a Europass credential that can be read")
            }
            let summary = EuropassVerifier.summary(of: edc)
            return (.europass, bytes, Node.withSummary(report.json(input: nil), name: summary.title, issuer: summary.issuerName))
        }
        let baked: String?
        do {
            baked = try BakedBadge.extract(from: bytes, inflate: { try ZLib.inflate($0) })
        } catch {
            throw ValidationError(field: "file", "the image carries no credential that can be read: \(error)")
        }
        let credential = baked.map { Array($0.utf8) } ?? bytes
        let verification = await verify(bytes: credential)
        let isJWT = CredentialVerifier.looksLikeJWT(credential)
        // A JWT the verifier refuses to read (say, one without `typ`) is still a credential when
        // its payload is one: kept with the refusal, for the learner to see why.
        let read = verification.credential ?? (isJWT ? Node.unverifiedPayload(of: credential) : nil)
        // Kept even when it does not verify (the learner sees why), but only if it is a credential at all.
        guard read?["type"]?.asArray.contains("VerifiableCredential") == true else {
            throw ValidationError(field: "file", "is not a credential Mochila can read (JSON, JWT, Europass, or a PNG or SVG badge)")
        }
        return (isJWT ? .vcJWT : .vcJSON, credential, Node.withSummary(verification.json(input: nil), of: read))
    }

    /// The payload of a compact JWS, read without checking anything: only to name what an
    /// unverifiable token holds.
    static func unverifiedPayload(of token: [UInt8]) -> JSONValue? {
        let parts = String(decoding: token, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".")
        guard parts.count == 3, let payload = try? Base64URL.decode(String(parts[1])) else { return nil }
        return try? JSONValue(parsing: payload, limits: .credential)
    }

    /// A report kept with an item, with what the backpack lists it by: `summary.name` and
    /// `summary.issuer` (read once, on arrival).
    static func withSummary(_ report: JSONValue, of credential: JSONValue?) -> JSONValue {
        let name = credential?["name"]?.stringValue ?? credential?["credentialSubject"]?.asArray.first?["achievement"]?["name"]?.stringValue
        let issuer = credential?["issuer"]?["name"]?.stringValue ?? credential.flatMap { CredentialVerifier.issuerID(of: $0.objectValue ?? [:]) }
        return withSummary(report, name: name, issuer: issuer)
    }

    static func withSummary(_ report: JSONValue, name: String?, issuer: String?) -> JSONValue {
        guard var object = report.objectValue else { return report }
        var summary = JSONObject()
        if let name { summary["name"] = .string(String(name.prefix(300))) }
        if let issuer { summary["issuer"] = .string(String(issuer.prefix(300))) }
        object["summary"] = .object(summary)
        return .object(object)
    }

    /// The learner's credentials, newest first.
    public func backpack(of learner: LearnerAccount) async throws -> [BackpackItem] {
        try await store.backpackItems(learnerID: learner.id)
    }

    /// One of the learner's credentials.
    /// - Throws: 404 when it is not in this learner's backpack.
    public func backpackItem(_ id: UUID, of learner: LearnerAccount) async throws -> BackpackItem {
        guard let item = try await store.backpackItem(id: id), item.learnerID == learner.id else {
            throw APIError.notFound("credential \(id) in this backpack")
        }
        return item
    }

    /// Removes a credential from the backpack, and its share links with it.
    public func removeFromBackpack(_ id: UUID, of learner: LearnerAccount) async throws {
        guard try await store.deleteBackpackItem(id: id, learnerID: learner.id) else {
            throw APIError.notFound("credential \(id) in this backpack")
        }
    }

    /// The item among `items` that holds exactly `credential`, if any.
    static func item(with credential: [UInt8], in items: [BackpackItem]) -> BackpackItem? {
        let digest = BackpackItem.digest(of: credential)
        return items.first { $0.digest == digest }
    }

    /// Stores a new item in a backpack that holds `count` already.
    func add(_ item: BackpackItem, holding count: Int) async throws {
        guard count < Node.backpackCapacity else {
            throw APIError(.conflict, "full", "a backpack holds at most \(Node.backpackCapacity) credentials")
        }
        try await store.addBackpackItem(item)
    }

    // MARK: Presenting

    /// A Verifiable Presentation of some of the learner's credentials for a verifier's request:
    /// `holder` is the backpack's `did:key`, and the proof (`eddsa-rdfc-2022`, purpose
    /// `authentication`) carries the verifier's `challenge` and `domain`, so it answers that
    /// request only. Verifiers check it with `POST /presentations/verify`.
    /// JSON credentials go in as they are, JWTs enveloped (`EnvelopedVerifiableCredential`).
    /// - Throws: ``ValidationError`` for a missing or oversized challenge or domain, no
    ///   credentials, or ones that are not verifiable credentials (Open Badges 2.0, Europass);
    ///   404 for a credential not in this backpack.
    public func present(_ itemIDs: [UUID], of learner: LearnerAccount, challenge: String, domain: String?) async throws -> JSONValue {
        let challenge = challenge.trimmingCharacters(in: .whitespacesAndNewlines)
        let domain = domain?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        var problems: [ValidationError.Problem] = []
        if challenge.isEmpty || challenge.count > 500 {
            problems.append(.init(field: "challenge", message: "is required (the verifier's challenge), at most 500 characters"))
        }
        if let domain, domain.count > 500 { problems.append(.init(field: "domain", message: "is at most 500 characters")) }
        if itemIDs.isEmpty || itemIDs.count > 50 { problems.append(.init(field: "item", message: "choose from 1 to 50 credentials")) }
        if !problems.isEmpty { throw ValidationError(problems) }
        var credentials: [JSONValue] = []
        for id in itemIDs {
            let item = try await backpackItem(id, of: learner)
            switch item.format {
            case .vcJSON: credentials.append(try JSONValue(parsing: item.credential, limits: .credential))
            case .vcJWT:
                // VCDM 2.0 §4.13: a JWT goes in enveloped, as a data: URL (VC-JOSE-COSE §3.1.1).
                credentials.append([
                    "@context": ["https://www.w3.org/ns/credentials/v2"], "type": "EnvelopedVerifiableCredential",
                    "id": .string("data:application/vc+jwt," + String(decoding: item.credential, as: UTF8.self)),
                ])
            case .openBadges2, .europass:
                throw ValidationError(
                    field: "item", "\(Backpack.summary(item).name) is not a verifiable credential (Open Badges 2.0 or Europass): share it by link instead")
            }
        }
        let key = try SigningKey(type: .ed25519, secretBytes: try vault.open(learner.sealedHolderKey, keyID: learner.holderDID))
        let presentation: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
            "holder": .string(learner.holderDID), "verifiableCredential": .array(credentials),
        ]
        return .object(
            try DataIntegrity.addProof(
                to: presentation, suite: EdDSARDFC2022(), key: key,
                options: ProofOptions(
                    verificationMethod: Multikey(didKeyFor: key).id, proofPurpose: "authentication", created: XSDDateTime.format(clock()),
                    challenge: challenge, domain: domain)))
    }

    // MARK: Sharing

    /// A share link for one of the learner's credentials, valid until `expiresAt` (or until
    /// revoked).
    /// - Throws: 404 for a credential not in this backpack; ``ValidationError`` for an expiry in the past.
    public func share(_ itemID: UUID, of learner: LearnerAccount, expiresAt: Date?) async throws -> Share {
        let item = try await backpackItem(itemID, of: learner)
        let now = clock()
        if let expiresAt, expiresAt <= now { throw ValidationError(field: "expires", "must be in the future") }
        let share = Share(id: Node.newShareID(), itemID: item.id, learnerID: learner.id, createdAt: now, expiresAt: expiresAt)
        try await store.createShare(share)
        return share
    }

    /// Ends a share link: whoever opens it afterwards reads that it was withdrawn.
    public func revokeShare(_ id: String, of learner: LearnerAccount) async throws {
        guard try await store.revokeShare(id: id, learnerID: learner.id, at: clock()) else {
            throw APIError.notFound("share link")
        }
    }

    /// What a share link shows: the credential and its verification, checked now. `nil` for a
    /// link that does not exist, was withdrawn or expired.
    public func shared(_ id: String) async throws -> (Share, BackpackItem, VerificationReport)? {
        guard let (share, item) = try await sharedItem(id) else { return nil }
        return (share, item, await verify(item))
    }

    /// What a share link leads to, not verified; `nil` as for ``shared(_:)``.
    public func sharedItem(_ id: String) async throws -> (Share, BackpackItem)? {
        guard id.count <= 64, let share = try await store.share(id: id), share.isActive(at: clock()),
            let item = try await store.backpackItem(id: share.itemID), item.learnerID == share.learnerID
        else { return nil }
        return (share, item)
    }

    /// A backpack item verified now, by the verifier its format needs.
    public func verify(_ item: BackpackItem) async -> VerificationReport {
        switch item.format {
        case .openBadges2: await verifyOpenBadges2(bytes: item.credential).report
        case .europass: europassVerifier.verify(bytes: item.credential, at: clock())
        case .vcJSON, .vcJWT: await verify(bytes: item.credential)
        }
    }

    /// A share link's id: 128 random bits, base64url.
    static func newShareID() -> String {
        Base64URL.encode(SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) })
    }
}

extension String {
    /// `nil` for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
