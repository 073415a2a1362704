import Crypto

/// A public key that can check signatures: Ed25519 or P-256.
public struct PublicKey: Sendable, Hashable {
    /// The key's algorithm.
    public let type: KeyType
    /// The raw key: 32 bytes for Ed25519, a 33-byte compressed point for P-256.
    public let rawRepresentation: [UInt8]

    /// Makes a key from its raw bytes, checking that they are a valid key of the type.
    /// - Throws: ``CredentialsError/Code/invalidKey`` when the bytes are not a key of that type.
    public init(type: KeyType, rawRepresentation bytes: [UInt8]) throws {
        switch type {
        case .ed25519:
            guard bytes.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil else {
                throw CredentialsError(.invalidKey, "an Ed25519 public key must be 32 bytes, found \(bytes.count)")
            }
            self.rawRepresentation = bytes
        case .p256:
            if bytes.count == 33, let key = try? P256.Signing.PublicKey(compressedRepresentation: bytes) {
                self.rawRepresentation = Array(key.compressedRepresentation)
            } else if bytes.count == 65, let key = try? P256.Signing.PublicKey(x963Representation: bytes) {
                self.rawRepresentation = Array(key.compressedRepresentation)
            } else {
                throw CredentialsError(.invalidKey, "not a valid P-256 public key (\(bytes.count) bytes)")
            }
        }
        self.type = type
    }

    /// The key as Multikey's `publicKeyMultibase`: `z` + base58btc(multicodec ‖ key).
    public var multibase: String {
        Multibase.encode(type.publicKeyCodec + rawRepresentation)
    }

    /// Reads a `publicKeyMultibase` value (Multikey, or Ed25519VerificationKey2020's form).
    /// - Throws: ``CredentialsError`` naming what is wrong with the value.
    public init(multibase: String) throws {
        guard multibase.hasPrefix("z") else {
            throw CredentialsError(.invalidKey, "publicKeyMultibase must be base58btc (start with 'z')")
        }
        let bytes = try Multibase.decode(multibase)
        guard let (type, raw) = splitMulticodec(bytes, secret: false) else {
            throw CredentialsError(
                .unsupportedKeyType, "publicKeyMultibase names a key type other than Ed25519 or P-256")
        }
        guard raw.count == type.publicKeyLength else {
            throw CredentialsError(
                .invalidKey, "a \(type.rawValue) public key must be \(type.publicKeyLength) bytes, found \(raw.count)")
        }
        try self.init(type: type, rawRepresentation: raw)
    }

    /// Whether `signature` is a valid signature of `message` under this key.
    ///
    /// Ed25519 signatures are 64 bytes; P-256 signatures are the 64-byte IEEE P1363 form (r ‖ s)
    /// over SHA-256, as JOSE and the ECDSA cryptosuites use.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        switch type {
        case .ed25519:
            guard signature.count == 64,
                let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)
            else { return false }
            return key.isValidSignature(signature, for: message)
        case .p256:
            guard let key = try? P256.Signing.PublicKey(compressedRepresentation: rawRepresentation),
                let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
            else { return false }
            return key.isValidSignature(ecdsa, for: message)
        }
    }
}
