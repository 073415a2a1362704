import Credentials
import Foundation
import LinkedData
import MochilaCore
import MochilaStore

/// What a learner decides about their whole backpack: what is public, the whole record as a
/// CLR 2.0 credential signed by their holder key, and a backup that restores into any node.
extension Node {
    /// The most public credentials a profile shows (each is verified when the profile opens).
    static let profileCapacity = 100

    var europassVerifier: EuropassVerifier { EuropassVerifier() }

    // MARK: Privacy

    /// Shows one of the learner's credentials on their public profile, or hides it again.
    /// - Throws: 404 when it is not in this learner's backpack.
    public func setPublic(_ itemID: UUID, of learner: LearnerAccount, _ isPublic: Bool) async throws {
        guard try await store.setBackpackItemPublic(id: itemID, learnerID: learner.id, isPublic: isPublic) else {
            throw APIError.notFound("credential \(itemID) in this backpack")
        }
        if isPublic, try await store.backpackItems(learnerID: learner.id).filter(\.isPublic).count > Node.profileCapacity {
            _ = try await store.setBackpackItemPublic(id: itemID, learnerID: learner.id, isPublic: false)
            throw ValidationError(field: "public", "a profile shows at most \(Node.profileCapacity) credentials")
        }
    }

    /// The learner's public profile: the credentials they made public, each verified now.
    /// `nil` when there is no such backpack, it was deleted, or it shows nothing (a profile the
    /// learner has not opened does not exist for anyone).
    public func publicProfile(_ learnerID: UUID) async throws -> (LearnerAccount, [(BackpackItem, VerificationReport)])? {
        guard let learner = try await store.learner(id: learnerID), !learner.isDeleted else { return nil }
        let shown = try await store.backpackItems(learnerID: learner.id).filter(\.isPublic).prefix(Node.profileCapacity)
        guard !shown.isEmpty else { return nil }
        var verified: [(BackpackItem, VerificationReport)] = []
        for item in shown { verified.append((item, await verify(item))) }
        return (learner, verified)
    }

    // MARK: The whole record

    /// The backpack as a 1EdTech CLR 2.0 credential (`ClrCredential`) signed with the holder key
    /// (`eddsa-rdfc-2022`): each credential inside keeps its institution's own proof.
    /// - Returns: the signed record, and the items it could not hold (JWTs, Open Badges 2.0 and
    ///   Europass credentials: CLR 2.0 holds Open Badges 3.0 credentials only).
    /// - Throws: ``ValidationError`` when no credential of the backpack can go into a CLR.
    public func record(of learner: LearnerAccount) async throws -> (record: JSONObject, excluded: [BackpackItem]) {
        let items = try await store.backpackItems(learnerID: learner.id)
        let now = clock()
        let (unsigned, excluded) = try ClrExport.credential(
            holderDID: learner.holderDID, holderName: learner.displayName.nilIfEmpty, items: items,
            id: "urn:uuid:" + UUID().uuidString.lowercased(), issuedAt: now)
        return (try ClrExport.signed(unsigned, holderKey: try holderKey(of: learner), at: now), excluded)
    }

    func holderKey(of learner: LearnerAccount) throws -> SigningKey {
        try SigningKey(type: .ed25519, secretBytes: try vault.open(learner.sealedHolderKey, keyID: learner.holderDID))
    }

    // MARK: Backup and restore

    /// A backup of the whole backpack. With a passphrase it carries the holder key too, sealed
    /// with it (scrypt and AES-GCM), so that the backpack keeps its DID on another node.
    /// - Throws: ``ValidationError`` for a passphrase shorter than 10 characters.
    public func backup(of learner: LearnerAccount, passphrase: String?) async throws -> BackpackArchive {
        let items = try await store.backpackItems(learnerID: learner.id)
        var sealed: BackpackArchive.SealedKey?
        if let passphrase = passphrase?.nilIfEmpty {
            sealed = try BackpackArchive.sealKey(try holderKey(of: learner).secretBytes, passphrase: passphrase)
        }
        return BackpackArchive(
            holderDID: learner.holderDID, displayName: learner.displayName, email: learner.email, exportedAt: clock(),
            items: items.map {
                BackpackArchive.Item(credential: $0.credential, format: $0.format, source: $0.source, isPublic: $0.isPublic, addedAt: $0.addedAt)
            },
            sealedHolderKey: sealed)
    }

    /// What a restore did.
    public struct Restored: Sendable {
        /// Credentials added to the backpack.
        public var added: Int
        /// Credentials the backpack already held.
        public var alreadyHeld: Int
        /// The holder DID the backpack took from the backup, when it carried its key.
        public var holderDID: String?
    }

    /// Restores a backup into a backpack: every credential is read and verified again, as an
    /// import is, before anything is written; those already held are skipped. With the backup's
    /// passphrase, the backpack takes on the backup's holder key and DID.
    /// - Throws: ``ValidationError`` naming what is wrong with the archive, its passphrase or
    ///   one of its credentials (nothing is written then); 409 when the backpack would overflow
    ///   or another backpack on this node has the backup's DID.
    public func restore(_ bytes: [UInt8], passphrase: String?, into learner: LearnerAccount) async throws -> Restored {
        let archive = try BackpackArchive(decoding: bytes)
        var holder: (did: String, sealed: [UInt8])?
        if let passphrase = passphrase?.nilIfEmpty, archive.holderDID != learner.holderDID {
            guard archive.sealedHolderKey != nil else {
                throw ValidationError(field: "passphrase", "this backup was made without a passphrase: it carries no key")
            }
            let secret = try archive.openKey(passphrase: passphrase)
            let key = try SigningKey(type: .ed25519, secretBytes: secret)
            guard DIDKey.did(for: key.publicKey) == archive.holderDID else {
                throw ValidationError(field: "file", "the backup's key is not the key of its DID \(archive.holderDID)")
            }
            holder = (archive.holderDID, try vault.seal(secret, keyID: archive.holderDID))
        }
        // Read and verify everything first: a bad credential stops the restore before any write.
        let held = try await store.backpackItems(learnerID: learner.id)
        var digests = Set(held.map(\.digest))
        var fresh: [BackpackItem] = []
        var alreadyHeld = 0
        for (index, entry) in archive.items.enumerated() {
            let received: (format: BackpackItem.Format, credential: [UInt8], report: JSONValue)
            do {
                received = try await receive(entry.credential)
            } catch let error as ValidationError {
                throw ValidationError(field: "items[\(index)]", error.problems.map(\.message).joined(separator: "; "))
            }
            guard digests.insert(BackpackItem.digest(of: received.credential)).inserted else {
                alreadyHeld += 1
                continue
            }
            fresh.append(
                BackpackItem(
                    learnerID: learner.id, awardID: try await ownAwardID(of: received.credential, format: received.format),
                    credential: received.credential, format: received.format, source: entry.source,
                    report: received.report.serializedString(), isPublic: entry.isPublic, addedAt: entry.addedAt))
        }
        guard held.count + fresh.count <= Node.backpackCapacity else {
            throw APIError(.conflict, "full", "a backpack holds at most \(Node.backpackCapacity) credentials")
        }
        if let holder {
            do {
                guard try await store.setLearnerHolderKey(id: learner.id, holderDID: holder.did, sealedHolderKey: holder.sealed) else {
                    throw APIError.notFound("backpack")
                }
            } catch let error as StoreError where error.code == .conflict {
                throw APIError(.conflict, "conflict", "another backpack on this node has the DID \(holder.did)")
            }
        }
        for item in fresh { try await store.addBackpackItem(item) }
        return Restored(added: fresh.count, alreadyHeld: alreadyHeld, holderDID: holder?.did)
    }

    /// The award of this node a restored credential is, byte for byte, if any: a credential
    /// claimed here keeps its link to its public page.
    func ownAwardID(of credential: [UInt8], format: BackpackItem.Format) async throws -> UUID? {
        guard format == .vcJSON, let json = try? JSONValue(parsing: credential, limits: .credential), let id = json["id"]?.stringValue,
            let award = try await store.award(credentialID: id), award.credential == credential
        else { return nil }
        return award.id
    }
}
