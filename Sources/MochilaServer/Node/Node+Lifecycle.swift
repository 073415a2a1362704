import Credentials
import Foundation
import LinkedData
import MochilaCore
import MochilaStore

extension Node {
    /// An award of the institution's; 404 when it is another institution's or does not exist.
    func ownAward(_ id: UUID, of institution: Institution) async throws -> Award {
        guard let award = try await store.award(id: id), award.institutionID == institution.id else {
            throw APIError.notFound("award \(id)")
        }
        return award
    }

    /// Revokes an award, for good, with a reason every verifier can read in the status list.
    public func revoke(_ awardID: UUID, reason: String, of institution: Institution, actor: String) async throws -> Award {
        try await changeStatus(awardID, .revocation, reason: reason, of: institution, actor: actor, action: "award.revoke")
    }

    /// Suspends an award until it is reinstated.
    public func suspend(_ awardID: UUID, reason: String, of institution: Institution, actor: String) async throws -> Award {
        try await changeStatus(awardID, .suspension, reason: reason, of: institution, actor: actor, action: "award.suspend")
    }

    /// Lifts a suspension.
    public func reinstate(_ awardID: UUID, reason: String, of institution: Institution, actor: String) async throws -> Award {
        try await changeStatus(awardID, .suspension, reason: reason, of: institution, actor: actor, action: "award.reinstate", clear: true)
    }

    func changeStatus(
        _ awardID: UUID, _ purpose: StatusPurpose, reason: String, of institution: Institution, actor: String, action: String,
        clear: Bool = false
    ) async throws -> Award {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else {
            throw ValidationError(field: "reason", "is required: say why, in at most 500 characters")
        }
        let award = try await ownAward(awardID, of: institution)
        if award.revocation != nil { throw APIError(.conflict, "revoked", "the credential is revoked; a revocation is final") }
        if clear, award.suspension == nil { throw APIError(.conflict, "not_suspended", "the credential is not suspended") }
        if !clear, purpose == .suspension, award.suspension != nil {
            throw APIError(.conflict, "suspended", "the credential is already suspended")
        }
        let now = clock()
        let details = JSONValue.object(["reason": .string(reason)]).serializedString()
        try await store.changeStatus(
            awardID: awardID, purpose: purpose, change: clear ? nil : StatusChange(at: now, reason: reason),
            audit: AuditEntry(at: now, institutionID: institution.id, actor: actor, action: action, subject: award.credentialID, details: details))
        // Re-sign the list now, so that verifiers see the change on their next fetch.
        if let slot = award.statusSlot {
            _ = try await publisher.credential(for: institution, number: slot.number, purpose: purpose)
        }
        logger.info("\(action) \(award.credentialID) for \(institution.slug): \(reason)")
        return try await ownAward(awardID, of: institution)
    }

    /// Renews an award: a new credential, with a new validity period from today, for the same
    /// learner and the same spec version, that names the one it supersedes. The old one stays as
    /// it is (revoke it too if it must no longer count).
    public func renew(_ awardID: UUID, of institution: Institution, actor: String) async throws -> Award {
        let previous = try await ownAward(awardID, of: institution)
        if previous.revocation != nil { throw APIError(.conflict, "revoked", "a revoked credential cannot be renewed") }
        let spec = try await ownSpec(previous.specID, version: previous.specVersion, of: institution)
        let award = try await issue(
            spec, to: previous.learner, grade: previous.grade, for: institution, issuedAt: clock(), supersedes: previous)
        var entry = issuedEntry(award, actor: actor)
        entry.action = "award.renew"
        entry.details = JSONValue.object(["supersedes": .string(previous.credentialID)]).serializedString()
        try await store.addAwards([award], batch: nil, audit: [entry])
        return award
    }

    /// The signed status list credential at `/status/{slug}/{number}/{purpose}`.
    public func statusList(slug: String, number: Int, purpose: StatusPurpose) async throws -> StoredStatusList? {
        guard let institution = try await store.institution(slug: slug) else { return nil }
        return try await publisher.credential(for: institution, number: number, purpose: purpose)
    }

    /// The DID document of a `did:web` institution.
    public func didDocument(slug: String) async throws -> DIDDocument? {
        guard let institution = try await store.institution(slug: slug), institution.did.hasPrefix("did:web:") else { return nil }
        return try await NodeDocuments.didDocument(for: institution, store: store)
    }
}
