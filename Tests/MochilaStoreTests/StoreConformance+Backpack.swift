import Foundation
import MochilaCore
import Testing

@testable import MochilaStore

/// Learners, their sessions, backpack items and share links.
extension StoreConformance {
    // MARK: Fixtures

    static func learner(_ name: String, email: String? = nil) -> LearnerAccount {
        LearnerAccount(
            email: email, displayName: name, holderDID: "did:key:z6Mk\(name.filter(\.isLetter))\(UUID().uuidString.prefix(8))",
            sealedHolderKey: [0, 1, 2, 0xFE, 0xFF, 0x80], createdAt: created)
    }

    static func item(
        of learner: LearnerAccount, credential: String = "{\"id\": \"urn:uuid:1\"}", awardID: UUID? = nil,
        format: BackpackItem.Format = .vcJSON, addedAt: Int64 = 1_767_312_000_000
    ) -> BackpackItem {
        BackpackItem(
            learnerID: learner.id, awardID: awardID, credential: Array(credential.utf8), format: format,
            source: awardID == nil ? .import : .claim, report: "{\"verified\":true}", addedAt: Date(milliseconds: addedAt))
    }

    static func share(_ id: String, of item: BackpackItem, createdAt: Int64 = 1_767_312_000_000, expiresAt: Int64? = nil) -> Share {
        Share(
            id: id, itemID: item.id, learnerID: item.learnerID, createdAt: Date(milliseconds: createdAt),
            expiresAt: expiresAt.map(Date.init(milliseconds:)))
    }

    // MARK: Cases

    static func learnersRoundTripAndStayUnique(_ store: any SQLStore) async throws {
        let lucia = learner("Lucía", email: "Lucia.Aju@Correo.example")
        #expect(lucia.email == "lucia.aju@correo.example")
        #expect(!lucia.isTemporary)
        try await store.createLearner(lucia, passwordHash: "$argon2id$hash-lucia")
        #expect(try await store.learner(id: lucia.id) == lucia)
        let found = try #require(try await store.learner(email: "LUCIA.AJU@correo.example"))
        #expect(found.0 == lucia)
        #expect(found.passwordHash == "$argon2id$hash-lucia")
        #expect(try await store.learner(id: UUID()) == nil)
        #expect(try await store.learner(email: "nadie@correo.example") == nil)

        // Temporary backpacks have no email: several of them at once.
        let first = learner("Temporal Uno")
        let second = learner("Temporal Dos")
        #expect(first.isTemporary)
        try await store.createLearner(first, passwordHash: nil)
        try await store.createLearner(second, passwordHash: nil)
        #expect(try await store.learner(id: first.id) == first)
        #expect(try await store.learner(id: second.id) == second)

        // An email, a holder DID and an id are taken once; a failed create writes nothing.
        let sameEmail = learner("Otra Lucía", email: "lucia.aju@correo.example")
        await expectStoreError(.conflict, "a taken email") { try await store.createLearner(sameEmail, passwordHash: "x") }
        #expect(try await store.learner(id: sameEmail.id) == nil)
        var sameDID = learner("Otro")
        sameDID.holderDID = lucia.holderDID
        await expectStoreError(.conflict, "a taken holder DID") { try await store.createLearner(sameDID, passwordHash: nil) }
        var sameID = learner("Otro más")
        sameID.id = lucia.id
        await expectStoreError(.conflict, "a taken id") { try await store.createLearner(sameID, passwordHash: nil) }
        #expect(try await store.learner(id: lucia.id) == lucia)
    }

    static func temporaryBackpacksBecomePermanent(_ store: any SQLStore) async throws {
        let temporary = learner("")
        try await store.createLearner(temporary, passwordHash: nil)
        #expect(try await store.learner(id: temporary.id)?.isTemporary == true)

        #expect(try await store.setLearnerAccount(id: temporary.id, email: "Rosa@Correo.example", displayName: "Rosa Elvira", passwordHash: "h1"))
        var permanent = temporary
        permanent.email = "rosa@correo.example"
        permanent.displayName = "Rosa Elvira"
        #expect(try await store.learner(id: temporary.id) == permanent)
        let found = try #require(try await store.learner(email: "rosa@correo.example"))
        #expect(found.0 == permanent)
        #expect(found.passwordHash == "h1")
        #expect(found.0.isTemporary == false)

        // A new password.
        #expect(try await store.setLearnerAccount(id: temporary.id, email: "rosa@correo.example", displayName: "Rosa", passwordHash: "h2"))
        #expect(try await store.learner(email: "rosa@correo.example")?.passwordHash == "h2")
        #expect(try await store.learner(id: temporary.id)?.displayName == "Rosa")

        // Another learner's email is a conflict, and nothing changes.
        let other = learner("Ana", email: "ana@correo.example")
        try await store.createLearner(other, passwordHash: "ha")
        await expectStoreError(.conflict) {
            try await store.setLearnerAccount(id: temporary.id, email: "ANA@correo.example", displayName: "Rosa", passwordHash: "h3")
        }
        #expect(try await store.learner(email: "rosa@correo.example")?.passwordHash == "h2")
        #expect(try await store.learner(email: "ana@correo.example")?.0 == other)

        // No such learner, or a deleted one: nothing to set.
        #expect(try await store.setLearnerAccount(id: UUID(), email: "x@correo.example", displayName: "X", passwordHash: "h") == false)
        try await store.deleteLearner(id: other.id, at: at)
        #expect(try await store.setLearnerAccount(id: other.id, email: "ana@correo.example", displayName: "Ana", passwordHash: "h") == false)
        #expect(try await store.learner(email: "ana@correo.example") == nil)
    }

    static func learnerSessions(_ store: any SQLStore) async throws {
        let lucia = learner("Lucía", email: "lucia@correo.example")
        try await store.createLearner(lucia, passwordHash: "x")
        let now = at.milliseconds
        let hour: Int64 = 3_600_000
        func session(_ token: String, expiresIn hours: Int64) -> LearnerSession {
            LearnerSession(
                tokenHash: token, learnerID: lucia.id, csrfToken: "csrf-\(token)", createdAt: Date(milliseconds: now - 48 * hour),
                expiresAt: Date(milliseconds: now + hours * hour))
        }
        let live = session("l-live", expiresIn: 8)
        let expired = session("l-old", expiresIn: -24)
        let other = session("l-other", expiresIn: 1)
        for each in [live, expired, other] { try await store.createLearnerSession(each) }
        // Expired sessions are returned too; callers compare.
        #expect(try await store.learnerSession(tokenHash: "l-live") == live)
        #expect(try await store.learnerSession(tokenHash: "l-old") == expired)
        #expect(live.isActive(at: at) && !expired.isActive(at: at))
        #expect(try await store.learnerSession(tokenHash: "l-none") == nil)

        try await store.deleteLearnerSessions(expiredBefore: at)
        #expect(try await store.learnerSession(tokenHash: "l-old") == nil)
        #expect(try await store.learnerSession(tokenHash: "l-live") == live)
        try await store.deleteLearnerSession(tokenHash: "l-other")
        try await store.deleteLearnerSession(tokenHash: "l-none")
        #expect(try await store.learnerSession(tokenHash: "l-other") == nil)
        #expect(try await store.learnerSession(tokenHash: "l-live") == live)

        // Staff and learner sessions are apart.
        #expect(try await store.session(tokenHash: "l-live") == nil)

        await expectStoreError(.conflict) { try await store.createLearnerSession(live) }
        await expectStoreError(.refused, "no such learner") {
            try await store.createLearnerSession(LearnerSession(tokenHash: "l-ghost", learnerID: UUID(), csrfToken: "c", createdAt: at, expiresAt: at))
        }
        #expect(try await store.learnerSession(tokenHash: "l-ghost") == nil)
    }

    static func backpackItemsAreUniquePerDigest(_ store: any SQLStore) async throws {
        let (_, spec) = try await issuer("mochila", in: store)
        let award = award(spec)
        try await store.addAward(award)
        let lucia = learner("Lucía", email: "lucia@correo.example")
        let beto = learner("Beto", email: "beto@correo.example")
        try await store.createLearner(lucia, passwordHash: "x")
        try await store.createLearner(beto, passwordHash: "y")

        // Claimed from this node, and imported: bytes come back exactly, not only UTF-8.
        var claimed = item(of: lucia, credential: String(decoding: award.credential, as: UTF8.self), awardID: award.id, addedAt: 1_767_312_000_000)
        claimed.report = "{\"checks\":[{\"id\":\"signature\",\"ok\":true}],\"nota\":\"Ñandú 😀\"}"
        var binary = item(of: lucia, format: .openBadges2, addedAt: 1_767_398_400_000)
        binary.credential = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xC3]
        binary.digest = BackpackItem.digest(of: binary.credential)
        let jwt = item(of: lucia, credential: "eyJhbGciOiJFZERTQSJ9.e30.c2ln", format: .vcJWT, addedAt: 1_767_484_800_000)
        for each in [claimed, binary, jwt] { try await store.addBackpackItem(each) }
        #expect(claimed.digest == BackpackItem.digest(of: award.credential))
        #expect(claimed.digest.count == 64)
        #expect(try await store.backpackItem(id: claimed.id) == claimed)
        #expect(try await store.backpackItem(id: binary.id)?.credential == [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xC3])
        #expect(try await store.backpackItem(id: UUID()) == nil)
        // Newest first.
        #expect(try await store.backpackItems(learnerID: lucia.id) == [jwt, binary, claimed])
        #expect(try await store.backpackItems(learnerID: UUID()).isEmpty)

        // The same credential twice in one backpack is a conflict; in another backpack it is fine.
        let again = item(of: lucia, credential: "eyJhbGciOiJFZERTQSJ9.e30.c2ln", format: .vcJWT)
        await expectStoreError(.conflict, "the same digest") { try await store.addBackpackItem(again) }
        #expect(try await store.backpackItem(id: again.id) == nil)
        let betos = item(of: beto, credential: "eyJhbGciOiJFZERTQSJ9.e30.c2ln", format: .vcJWT)
        try await store.addBackpackItem(betos)
        #expect(try await store.backpackItems(learnerID: beto.id) == [betos])
        // An unknown learner or award is refused.
        await expectStoreError(.refused, "no such learner") { try await store.addBackpackItem(item(of: learner("Nadie"))) }
        await expectStoreError(.refused, "no such award") { try await store.addBackpackItem(item(of: lucia, credential: "{}", awardID: UUID())) }
        #expect(try await store.backpackItems(learnerID: lucia.id).count == 3)

        // Public only when the learner says so, and only by its learner.
        #expect(claimed.isPublic == false)
        #expect(try await store.setBackpackItemPublic(id: claimed.id, learnerID: lucia.id, isPublic: true))
        #expect(try await store.backpackItem(id: claimed.id)?.isPublic == true)
        #expect(try await store.setBackpackItemPublic(id: claimed.id, learnerID: beto.id, isPublic: false) == false)
        #expect(try await store.backpackItem(id: claimed.id)?.isPublic == true)
        #expect(try await store.setBackpackItemPublic(id: claimed.id, learnerID: lucia.id, isPublic: false))
        #expect(try await store.backpackItem(id: claimed.id)?.isPublic == false)
        #expect(try await store.setBackpackItemPublic(id: UUID(), learnerID: lucia.id, isPublic: true) == false)

        // Deleting an item takes its shares with it; another learner cannot delete it.
        let link = share("s-jwt", of: jwt)
        let other = share("s-claimed", of: claimed)
        try await store.createShare(link)
        try await store.createShare(other)
        #expect(try await store.deleteBackpackItem(id: jwt.id, learnerID: beto.id) == false)
        #expect(try await store.backpackItem(id: jwt.id) == jwt)
        #expect(try await store.share(id: "s-jwt") == link)
        #expect(try await store.deleteBackpackItem(id: jwt.id, learnerID: lucia.id))
        #expect(try await store.backpackItem(id: jwt.id) == nil)
        #expect(try await store.share(id: "s-jwt") == nil)
        #expect(try await store.shares(itemID: jwt.id).isEmpty)
        #expect(try await store.share(id: "s-claimed") == other)
        #expect(try await store.deleteBackpackItem(id: jwt.id, learnerID: lucia.id) == false)
        #expect(try await store.backpackItems(learnerID: lucia.id) == [binary, claimed])
        #expect(try await store.backpackItems(learnerID: beto.id) == [betos])
        // Deleted, it can come back.
        try await store.addBackpackItem(jwt)
        #expect(try await store.backpackItems(learnerID: lucia.id).map(\.id) == [jwt.id, binary.id, claimed.id])
    }

    static func sharesExpireAndAreRevoked(_ store: any SQLStore) async throws {
        let lucia = learner("Lucía", email: "lucia@correo.example")
        let beto = learner("Beto", email: "beto@correo.example")
        try await store.createLearner(lucia, passwordHash: "x")
        try await store.createLearner(beto, passwordHash: "y")
        let credential = item(of: lucia)
        let betos = item(of: beto)
        try await store.addBackpackItem(credential)
        try await store.addBackpackItem(betos)

        let now = at.milliseconds
        let day: Int64 = 86_400_000
        let open = share("tok-open", of: credential, createdAt: now - 3 * day)
        let week = share("tok-week", of: credential, createdAt: now - day, expiresAt: now + 6 * day)
        let gone = share("tok-gone", of: credential, createdAt: now - 2 * day, expiresAt: now - day)
        for each in [open, week, gone] { try await store.createShare(each) }
        #expect(try await store.share(id: "tok-week") == week)
        #expect(try await store.share(id: "tok-none") == nil)
        // Newest first; expired ones are returned, and are not active.
        #expect(try await store.shares(itemID: credential.id) == [week, gone, open])
        #expect(try await store.shares(itemID: betos.id).isEmpty)
        #expect(open.isActive(at: at) && week.isActive(at: at) && !gone.isActive(at: at))
        #expect(!week.isActive(at: Date(milliseconds: now + 6 * day)))

        // Only its learner revokes a share, once: the first date stays.
        #expect(try await store.revokeShare(id: "tok-open", learnerID: beto.id, at: at) == false)
        #expect(try await store.share(id: "tok-open")?.isActive(at: at) == true)
        #expect(try await store.revokeShare(id: "tok-open", learnerID: lucia.id, at: at))
        #expect(try await store.revokeShare(id: "tok-open", learnerID: lucia.id, at: Date(milliseconds: now + day)) == false)
        let revoked = try #require(try await store.share(id: "tok-open"))
        #expect(revoked.revokedAt == at)
        #expect(!revoked.isActive(at: at))
        #expect(!revoked.isActive(at: Date(milliseconds: now - 4 * day)))
        #expect(try await store.revokeShare(id: "tok-none", learnerID: lucia.id, at: at) == false)
        #expect(try await store.share(id: "tok-week") == week)

        // A share id is taken once, and a learner shares only their own items.
        await expectStoreError(.conflict) { try await store.createShare(share("tok-week", of: credential)) }
        var foreign = share("tok-foreign", of: betos)
        foreign.learnerID = lucia.id
        await expectStoreError(.refused, "another learner's item") { try await store.createShare(foreign) }
        await expectStoreError(.refused, "no such item") {
            try await store.createShare(Share(id: "tok-ghost", itemID: UUID(), learnerID: lucia.id, createdAt: at))
        }
        #expect(try await store.share(id: "tok-foreign") == nil)
        #expect(try await store.share(id: "tok-ghost") == nil)
    }

    static func holderKeysAndBindingsAreFound(_ store: any SQLStore) async throws {
        let (_, spec) = try await issuer("vinculo", in: store)
        let original = award(spec)
        try await store.addAward(original)
        #expect(try await store.awards(superseding: original.id).isEmpty)
        var bound = award(spec, credential: "{\"id\": \"bound\"}", issuedAt: 1_767_312_060_000)
        bound.learner.did = "did:key:z6MkBound"
        bound.supersedes = original.id
        try await store.addAward(bound)
        try await store.addAward(award(spec, credential: "{\"id\": \"other\"}"))
        #expect(try await store.awards(superseding: original.id) == [bound])
        #expect(try await store.awards(superseding: bound.id).isEmpty)

        // A restored backup brings its holder key; a DID stays with one learner.
        let lucia = learner("Lucía")
        let beto = learner("Beto")
        try await store.createLearner(lucia, passwordHash: nil)
        try await store.createLearner(beto, passwordHash: nil)
        #expect(try await store.setLearnerHolderKey(id: lucia.id, holderDID: "did:key:z6MkRestored", sealedHolderKey: [9, 8, 7]))
        let restored = try #require(try await store.learner(id: lucia.id))
        #expect(restored.holderDID == "did:key:z6MkRestored")
        #expect(restored.sealedHolderKey == [9, 8, 7])
        await expectStoreError(.conflict, "a DID another learner holds") {
            _ = try await store.setLearnerHolderKey(id: beto.id, holderDID: "did:key:z6MkRestored", sealedHolderKey: [1])
        }
        #expect(try await store.learner(id: beto.id) == beto)
        #expect(try await store.setLearnerHolderKey(id: UUID(), holderDID: "did:key:z6MkNobody", sealedHolderKey: [1]) == false)
        try await store.deleteLearner(id: beto.id, at: at)
        #expect(try await store.setLearnerHolderKey(id: beto.id, holderDID: "did:key:z6MkLate", sealedHolderKey: [1]) == false)
    }

    static func deletingALearnerClearsPersonalDataAndKeepsAwards(_ store: any SQLStore) async throws {
        let (institution, spec) = try await issuer("borrado", in: store)
        let award = award(spec)
        try await store.addAward(award)
        let lucia = learner("Lucía Ajú", email: "lucia@correo.example")
        let beto = learner("Beto", email: "beto@correo.example")
        try await store.createLearner(lucia, passwordHash: "$argon2id$hash-lucia")
        try await store.createLearner(beto, passwordHash: "$argon2id$hash-beto")
        let claimed = item(of: lucia, credential: String(decoding: award.credential, as: UTF8.self), awardID: award.id)
        let imported = item(of: lucia, credential: "{\"id\": \"urn:uuid:2\"}", addedAt: 1_767_398_400_000)
        let betos = item(of: beto, credential: String(decoding: award.credential, as: UTF8.self), awardID: award.id)
        for each in [claimed, imported, betos] { try await store.addBackpackItem(each) }
        let session = LearnerSession(tokenHash: "l-lucia", learnerID: lucia.id, csrfToken: "c", createdAt: at, expiresAt: Date(milliseconds: at.milliseconds + 3_600_000))
        let betoSession = LearnerSession(tokenHash: "l-beto", learnerID: beto.id, csrfToken: "c", createdAt: at, expiresAt: session.expiresAt)
        try await store.createLearnerSession(session)
        try await store.createLearnerSession(betoSession)
        try await store.createShare(share("s-lucia", of: claimed))
        try await store.createShare(share("s-beto", of: betos))

        let deletedAt = Date(milliseconds: at.milliseconds + 60_000)
        try await store.deleteLearner(id: lucia.id, at: deletedAt)

        let deleted = try #require(try await store.learner(id: lucia.id))
        #expect(deleted.email == nil)
        #expect(deleted.displayName == "")
        #expect(deleted.sealedHolderKey.isEmpty)
        #expect(deleted.deletedAt == deletedAt)
        #expect(deleted.isDeleted && !deleted.isTemporary)
        #expect(deleted.holderDID == lucia.holderDID)
        #expect(try await store.learner(email: "lucia@correo.example") == nil)
        #expect(try await store.learnerSession(tokenHash: "l-lucia") == nil)
        #expect(try await store.backpackItems(learnerID: lucia.id).isEmpty)
        #expect(try await store.backpackItem(id: claimed.id) == nil)
        #expect(try await store.share(id: "s-lucia") == nil)
        // The password hash is gone with the row's other personal data.
        let passwordHash = try await store.withDatabase { db in
            try await db.raw("SELECT password_hash FROM learners WHERE id = \(bind: lucia.id.uuidString)").first()!
                .decode(column: "password_hash", as: String?.self)
        }
        #expect(passwordHash == nil)

        // The award issued to her is untouched, as is everything of another learner.
        #expect(try await store.award(id: award.id) == award)
        #expect(try await store.awards(institutionID: institution.id, limit: 10) == [award])
        #expect(try await store.learner(email: "beto@correo.example")?.0 == beto)
        #expect(try await store.backpackItems(learnerID: beto.id) == [betos])
        #expect(try await store.learnerSession(tokenHash: "l-beto") == betoSession)
        #expect(try await store.share(id: "s-beto") != nil)

        // Nothing more goes into a deleted backpack, a second deletion changes nothing, and the
        // email can open a new backpack.
        await expectStoreError(.refused) { try await store.addBackpackItem(item(of: lucia, credential: "{\"id\": \"urn:uuid:3\"}")) }
        await expectStoreError(.refused) {
            try await store.createLearnerSession(LearnerSession(tokenHash: "l-again", learnerID: lucia.id, csrfToken: "c", createdAt: at, expiresAt: at))
        }
        try await store.deleteLearner(id: lucia.id, at: Date(milliseconds: at.milliseconds + 120_000))
        #expect(try await store.learner(id: lucia.id) == deleted)
        try await store.deleteLearner(id: UUID(), at: at)
        let again = learner("Lucía", email: "lucia@correo.example")
        try await store.createLearner(again, passwordHash: "h")
        #expect(try await store.learner(email: "lucia@correo.example")?.0 == again)
    }
}
