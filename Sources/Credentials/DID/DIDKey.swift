import LinkedData

/// The `did:key` method (W3C CCG did:key v0.7) for Ed25519 and P-256 keys.
///
/// A `did:key` DID is its own public key, so it resolves without any I/O.
public enum DIDKey {
    /// The `did:key` DID of a public key.
    public static func did(for key: PublicKey) -> String {
        "did:key:" + key.multibase
    }

    /// The public key a `did:key` DID (or DID URL) encodes.
    /// - Throws: ``CredentialsError/Code/invalidDID`` when the DID is not a well-formed `did:key`.
    public static func publicKey(of didURL: String) throws -> PublicKey {
        let did = DIDURL.did(of: didURL)
        guard did.hasPrefix("did:key:") else {
            throw CredentialsError(.invalidDID, "\(did) is not a did:key DID")
        }
        let identifier = String(did.dropFirst("did:key:".count))
        do {
            return try PublicKey(multibase: identifier)
        } catch let error as CredentialsError {
            throw CredentialsError(.invalidDID, "\(did) is not a valid did:key: \(error.message)")
        }
    }

    /// The DID document of a `did:key` DID, as the method's read operation builds it.
    /// - Throws: ``CredentialsError/Code/invalidDID`` when the DID is not a well-formed `did:key`.
    public static func document(for didURL: String) throws -> DIDDocument {
        let did = DIDURL.did(of: didURL)
        let key = try publicKey(of: did)
        let methodID = did + "#" + key.multibase
        let method = VerificationMethod(id: methodID, type: "Multikey", controller: did, publicKey: key)
        return DIDDocument(
            id: did,
            verificationMethods: [method],
            assertionMethod: [methodID],
            authentication: [methodID])
    }
}

/// Helpers for DID URLs: `did:method:id[/path][?query][#fragment]`.
public enum DIDURL {
    /// The DID of a DID URL (or of any URL: the part before `#`, `?` and, for DIDs, `/`).
    public static func did(of url: String) -> String {
        var end = url.endIndex
        if let hash = url.firstIndex(of: "#") { end = hash }
        if let query = url[..<end].firstIndex(of: "?") { end = query }
        if url.hasPrefix("did:"), let slash = url[..<end].firstIndex(of: "/") { end = slash }
        return String(url[..<end])
    }
}
