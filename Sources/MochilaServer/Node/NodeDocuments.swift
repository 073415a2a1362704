import Credentials
import Foundation
import LinkedData
import MochilaCore
import MochilaStore

/// The node's own documents, resolved without the network: its institutions' status lists and
/// `did:web` DID documents. Verification of what the node issued never depends on reaching itself
/// over HTTP.
struct NodeDocuments: DocumentResolver {
    let store: any Store
    let publisher: StatusPublisher
    let publicURL: String

    func document(at url: String) async throws -> JSONValue? {
        // Status lists: {publicURL}/status/{slug}/{number}/{purpose}
        if url.hasPrefix(publicURL + "/status/") {
            let parts = url.dropFirst((publicURL + "/status/").count).split(separator: "/").map(String.init)
            guard parts.count == 3, let number = Int(parts[1]), let purpose = StatusPurpose(rawValue: parts[2]) else { return nil }
            // The stored credential, when current and not due for renewal: one query.
            if let stored = try await store.currentStatusListCredential(slug: parts[0], number: number, purpose: purpose),
                stored.validUntil.timeIntervalSince(publisher.clock()) > publisher.refreshMargin
            {
                return try JSONValue(parsing: stored.credential)
            }
            guard let institution = try await store.institution(slug: parts[0]),
                let list = try await publisher.credential(for: institution, number: number, purpose: purpose)
            else { return nil }
            return try JSONValue(parsing: list.credential)
        }
        // DID documents: did:web:{host}:institutions:{slug}, or its https URL.
        var did = url
        if url.hasPrefix(publicURL + "/institutions/"), url.hasSuffix("/did.json") {
            let slug = url.dropFirst((publicURL + "/institutions/").count).dropLast("/did.json".count)
            did = NodeDocuments.did(publicURL: publicURL, slug: String(slug)) ?? url
        }
        if did.hasPrefix("did:web:"), let slug = NodeDocuments.slug(of: did, publicURL: publicURL),
            let institution = try await store.institution(slug: slug), institution.did == did
        {
            return try await NodeDocuments.didDocument(for: institution, store: store).json
        }
        return nil
    }

    /// The `did:web` DID of an institution on a node published at an HTTPS `publicURL`; `nil`
    /// for a node without one (institutions then use `did:key`).
    static func did(publicURL: String, slug: String) -> String? {
        guard let components = URLComponents(string: publicURL), components.scheme == "https", let host = components.host else {
            return nil
        }
        let hostPart = components.port.map { "\(host):\($0)" } ?? host
        let basePath = components.path.split(separator: "/").map(String.init)
        return DIDWeb.did(host: hostPart, path: basePath + ["institutions", slug])
    }

    static func slug(of did: String, publicURL: String) -> String? {
        guard let last = did.split(separator: ":").last, let candidate = NodeDocuments.did(publicURL: publicURL, slug: String(last)),
            candidate == did
        else { return nil }
        return String(last)
    }

    /// An institution's DID document: every key it has had stays listed, so what older keys
    /// signed still verifies; new credentials are signed with the newest.
    static func didDocument(for institution: Institution, store: any Store) async throws -> DIDDocument {
        let methods = try await store.keys(institutionID: institution.id).compactMap { key -> VerificationMethod? in
            guard let publicKey = try? PublicKey(multibase: key.publicKeyMultibase) else { return nil }
            return VerificationMethod(id: key.id, type: "Multikey", controller: institution.did, publicKey: publicKey)
        }
        return DIDDocument(
            id: institution.did, verificationMethods: methods, assertionMethod: methods.map(\.id),
            authentication: methods.map(\.id))
    }
}
