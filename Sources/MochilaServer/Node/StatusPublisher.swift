import Credentials
import Crypto
import Foundation
import LinkedData
import MochilaCore
import MochilaStore

/// Publishes institutions' status lists: builds the bitstrings from the store, signs the list
/// credentials with the institution's key and keeps them until a status changes or they near the
/// end of their validity. Every node serves the same stored bytes, so ETags agree across nodes.
struct StatusPublisher: Sendable {
    let store: any Store
    let vault: KeyVault
    let clock: @Sendable () -> Date
    let publicURL: String
    /// How long a signed list stays valid; a verifier holding an older copy refetches.
    let validity: TimeInterval = 7 * 86400
    /// Lists are re-signed when they have less than this left.
    let refreshMargin: TimeInterval = 86400

    /// The URL a list is published at.
    func url(slug: String, number: Int, purpose: StatusPurpose) -> String {
        "\(publicURL)/status/\(slug)/\(number)/\(purpose.rawValue)"
    }

    /// The signed list credential of an institution's list, current as of now.
    /// - Returns: `nil` when there is no such list.
    func credential(for institution: Institution, number: Int, purpose: StatusPurpose) async throws -> StoredStatusList? {
        guard let list = try await store.statusList(institutionID: institution.id, number: number) else { return nil }
        let now = clock()
        if let stored = try await store.statusListCredential(listID: list.id, purpose: purpose), stored.version == list.version,
            stored.validUntil.timeIntervalSince(now) > refreshMargin
        {
            return stored
        }
        var bitstring = try BitstringStatusList(size: list.capacity)
        for bit in try await store.statusBits(listID: list.id) where purpose == .revocation ? bit.revoked : bit.suspended {
            try bitstring.set(bit.index)
        }
        let id = url(slug: institution.slug, number: number, purpose: purpose)
        let validUntil = now.addingTimeInterval(validity)
        let unsigned = BitstringStatusListCredential.unsigned(
            id: id, issuer: institution.did, validFrom: now, validUntil: validUntil, ttl: Int(refreshMargin * 1000),
            statusPurpose: [purpose.rawValue], list: bitstring)
        guard let stored = try await store.activeKey(institutionID: institution.id), let type = KeyType(rawValue: stored.type) else {
            throw APIError(.internalServerError, "no_key", "the institution has no signing key")
        }
        let key = try SigningKey(type: type, secretBytes: try vault.open(stored.sealedSecretKey, keyID: stored.id))
        let signed = try DataIntegrity.addProof(
            to: unsigned, suite: EdDSARDFC2022(), key: key,
            options: ProofOptions(verificationMethod: stored.id, created: XSDDateTime.format(now)))
        let bytes = JSONValue.object(signed).serialized(.pretty)
        let result = StoredStatusList(
            listID: list.id, purpose: purpose, version: list.version, credential: bytes,
            etag: "\"" + Hex.encode(SHA256.hash(data: bytes).prefix(16)) + "\"", validUntil: validUntil)
        try await store.storeStatusListCredential(result)
        return result
    }
}
