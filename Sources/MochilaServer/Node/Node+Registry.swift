import Credentials
import Foundation
import LinkedData
import MochilaCore
import MochilaStore

/// The network's trust registry on a node: the coordinator's own list of member institutions
/// (kept by the node's administrator), published as a credential the coordinator key signs, and
/// registries imported from other coordinators. The verifier's `trust` check consults both.
extension Node {
    static let coordinatorKeySetting = "coordinator.key"
    static let coordinatorDIDSetting = "coordinator.did"
    /// How long a published registry credential is valid: importers refresh before then.
    static let registryLifetime: TimeInterval = 30 * 86400

    // MARK: The coordinator

    /// The coordinator's signing key and `did:key`, made on first use and kept sealed. Two
    /// processes making it at once agree on the one stored last, which both read back.
    func coordinator() async throws -> (key: SigningKey, did: String) {
        if let did = try await store.setting(Node.coordinatorDIDSetting), let sealed = try await store.setting(Node.coordinatorKeySetting),
            let bytes = Data(base64Encoded: sealed)
        {
            let key = try SigningKey(type: .ed25519, secretBytes: try vault.open(Array(bytes), keyID: did))
            guard DIDKey.did(for: key.publicKey) == did else { throw APIError(.internalServerError, "coordinator", "the coordinator key does not match its DID") }
            return (key, did)
        }
        let key = SigningKey.generate(.ed25519)
        let did = DIDKey.did(for: key.publicKey)
        try await store.setSetting(Node.coordinatorKeySetting, Data(try vault.seal(key.secretBytes, keyID: did)).base64EncodedString())
        try await store.setSetting(Node.coordinatorDIDSetting, did)
        return try await coordinator()
    }

    // MARK: Members

    /// Adds a member institution to the registry, or replaces the one with its DID.
    /// - Throws: ``ValidationError`` naming the fields to fix.
    public func putRegistryMember(_ input: RegistryMemberInput) async throws -> RegistryMember {
        let member = try input.validated(reference: reference)
        try await store.putRegistryMember(did: member.did, body: member.json.serializedString(), at: clock())
        registryCache.invalidate()
        return member
    }

    /// Removes a member. - Throws: 404 when there is none with that DID.
    public func removeRegistryMember(did: String) async throws {
        guard try await store.deleteRegistryMember(did: did) else { throw APIError.notFound("registry member \(did)") }
        registryCache.invalidate()
    }

    /// The registry's own members.
    public func registryMembers() async throws -> [RegistryMember] {
        try await store.registryMembers().map { stored in
            try JSONDecoder().decode(RegistryMemberInput.self, from: Data(stored.body.utf8)).validated(reference: reference)
        }
    }

    /// The registry as a credential signed now by the coordinator key, valid for 30 days.
    public func registryCredential() async throws -> JSONObject {
        let (key, did) = try await coordinator()
        let now = clock()
        let unsigned = TrustRegistryDocument.credential(
            coordinatorDID: did, coordinatorName: "Mochila", members: try await registryMembers(), id: publicURL + "/registry.json",
            issuedAt: now, validUntil: now.addingTimeInterval(Node.registryLifetime))
        return try DataIntegrity.addProof(
            to: unsigned, suite: EdDSARDFC2022(), key: key,
            options: ProofOptions(verificationMethod: Multikey(didKeyFor: key).id, created: XSDDateTime.format(now)))
    }

    // MARK: Imported registries

    /// Imports another coordinator's registry, from its URL (fetched now) or as a credential,
    /// after checking that it verifies and that `coordinator` signed it. A registry imported from
    /// a URL is refreshed from there.
    /// - Throws: ``ValidationError`` naming what is wrong (nothing is stored then).
    public func importRegistry(url: String?, credential: [UInt8]?, coordinator: String) async throws -> (RegistrySource, [RegistryMember]) {
        let coordinator = coordinator.trimmingCharacters(in: .whitespacesAndNewlines)
        guard coordinator.hasPrefix("did:"), coordinator.count <= 500 else {
            throw ValidationError(field: "coordinator", "is the DID of the coordinator who signs the registry")
        }
        let document: JSONValue
        let source: String
        if let url = url?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty {
            document = try await fetchDocument(url, what: "a published registry (another node's /registry.json)")
            source = url
        } else if let credential, !credential.isEmpty {
            do {
                document = try JSONValue(parsing: credential, limits: JSONLimits(maxBytes: 16 << 20))
            } catch {
                throw ValidationError(field: "credential", "is not JSON: \(error)")
            }
            source = "file:" + (document["credentialSubject"]?["id"]?.stringValue ?? UUID().uuidString.lowercased())
        } else {
            throw ValidationError(field: "url", "give the registry's URL, or the registry credential itself")
        }
        let members = try await verifiedRegistry(document, coordinator: coordinator)
        let stored = RegistrySource(url: source, coordinator: coordinator, credential: document.serializedString(), fetchedAt: clock())
        try await store.putRegistrySource(stored)
        registryCache.invalidate()
        return (stored, members)
    }

    /// The members of a registry credential that verifies and that `coordinator` signed.
    func verifiedRegistry(_ document: JSONValue, coordinator: String) async throws -> [RegistryMember] {
        let report = await verify(document)
        do {
            return try TrustRegistryDocument.importVerified(document, report: report, expectedCoordinator: coordinator, at: clock())
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError(field: "credential", "\(error)")
        }
    }

    /// Fetches each registry imported from a URL again; one that no longer verifies keeps its
    /// last good copy, and the answer says why.
    public func refreshRegistries() async throws -> [(url: String, problem: String?)] {
        let sources = try await store.registrySources().filter { !$0.url.hasPrefix("file:") }
        let coordinators = Dictionary(sources.map { ($0.url, $0.coordinator) }, uniquingKeysWith: { first, _ in first })
        return try await refresh(sources.map(\.url)) { url in
            _ = try await importRegistry(url: url, credential: nil, coordinator: coordinators[url] ?? "")
        }
    }

    /// The registry the verifier's trust check consults: this node's members and those of every
    /// imported registry still valid now.
    public func trustRegistry() async throws -> TrustRegistry {
        if let cached = registryCache.current(at: clock()) { return cached }
        var members = try await registryMembers()
        for source in try await store.registrySources() {
            guard let document = try? JSONValue(parsing: Array(source.credential.utf8)) else { continue }
            let imported: [RegistryMember]
            do {
                imported = try TrustRegistryDocument.members(of: document, reference: reference)
            } catch {
                logger.error("the registry imported from \(source.url) cannot be read: \(error)")
                continue
            }
            if let until = document["validUntil"]?.stringValue.flatMap(XSDDateTime.init), until.date < clock() { continue }
            members += imported
        }
        let registry = TrustRegistryDocument.trustRegistry(members, at: clock())
        registryCache.store(registry, at: clock())
        return registry
    }
}

/// The trust registry as last read, for 30 seconds: verification reads it often, and another
/// process may change it (so a change here invalidates it, and one elsewhere shows within 30 s).
final class RegistryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var registry: TrustRegistry?
    private var readAt: Date = .distantPast

    func current(at date: Date) -> TrustRegistry? {
        lock.withLock { date.timeIntervalSince(readAt) < 30 && date >= readAt ? registry : nil }
    }

    func store(_ registry: TrustRegistry, at date: Date) {
        lock.withLock {
            self.registry = registry
            readAt = date
        }
    }

    func invalidate() { lock.withLock { registry = nil } }
}
