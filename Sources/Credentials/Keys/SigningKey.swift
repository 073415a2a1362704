import Crypto

/// A secret key that signs: Ed25519 (from its 32-byte seed) or P-256 (from its 32-byte scalar).
///
/// The secret bytes never appear in `description` or in logs.
public struct SigningKey: Sendable, CustomStringConvertible {
    /// The key's algorithm.
    public let type: KeyType
    /// The 32-byte Ed25519 seed or P-256 scalar.
    public let secretBytes: [UInt8]
    /// The matching public key.
    public let publicKey: PublicKey

    /// Makes a key from its secret bytes.
    ///
    /// Ed25519 secret keys are accepted as the 32-byte seed and as the 64-byte seed ‖ public key
    /// form that some libraries write; in the latter, the public half must match the seed.
    /// - Throws: ``CredentialsError/Code/invalidKey`` when the bytes are not a key of that type.
    public init(type: KeyType, secretBytes bytes: [UInt8]) throws {
        switch type {
        case .ed25519:
            guard bytes.count == 32 || bytes.count == 64 else {
                throw CredentialsError(
                    .invalidKey, "an Ed25519 secret key must be a 32-byte seed or 64 bytes (seed and public key), found \(bytes.count)")
            }
            let seed = Array(bytes.prefix(32))
            guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
                throw CredentialsError(.invalidKey, "not a valid Ed25519 seed")
            }
            let publicBytes = Array(key.publicKey.rawRepresentation)
            if bytes.count == 64, Array(bytes.suffix(32)) != publicBytes {
                throw CredentialsError(
                    .invalidKey, "the 64-byte Ed25519 secret key's second half is not the public key of its seed")
            }
            self.secretBytes = seed
            self.publicKey = try PublicKey(type: .ed25519, rawRepresentation: publicBytes)
        case .p256:
            guard bytes.count == 32, let key = try? P256.Signing.PrivateKey(rawRepresentation: bytes) else {
                throw CredentialsError(.invalidKey, "a P-256 secret key must be a valid 32-byte scalar, found \(bytes.count) bytes")
            }
            self.secretBytes = bytes
            self.publicKey = try PublicKey(type: .p256, rawRepresentation: Array(key.publicKey.compressedRepresentation))
        }
        self.type = type
    }

    /// A new random key.
    public static func generate(_ type: KeyType) -> SigningKey {
        switch type {
        case .ed25519:
            return try! SigningKey(type: .ed25519, secretBytes: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
        case .p256:
            return try! SigningKey(type: .p256, secretBytes: Array(P256.Signing.PrivateKey().rawRepresentation))
        }
    }

    /// Reads Multikey's `secretKeyMultibase` (or the older `privateKeyMultibase`).
    /// - Throws: ``CredentialsError`` naming what is wrong with the value.
    public init(multibase: String) throws {
        guard multibase.hasPrefix("z") else {
            throw CredentialsError(.invalidKey, "secretKeyMultibase must be base58btc (start with 'z')")
        }
        let bytes = try Multibase.decode(multibase)
        guard let (type, raw) = splitMulticodec(bytes, secret: true) else {
            throw CredentialsError(
                .unsupportedKeyType, "secretKeyMultibase names a key type other than Ed25519 or P-256")
        }
        try self.init(type: type, secretBytes: raw)
    }

    /// The key as Multikey's `secretKeyMultibase`: `z` + base58btc(multicodec ‖ secret).
    public var multibase: String {
        Multibase.encode(type.secretKeyCodec + secretBytes)
    }

    /// Signs `message`: a 64-byte Ed25519 signature, or a 64-byte P-256 ECDSA signature (r ‖ s)
    /// over SHA-256.
    public func signature(for message: [UInt8]) throws -> [UInt8] {
        switch type {
        case .ed25519:
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: secretBytes)
            return Array(try key.signature(for: message))
        case .p256:
            let key = try P256.Signing.PrivateKey(rawRepresentation: secretBytes)
            return Array(try key.signature(for: message).rawRepresentation)
        }
    }

    public var description: String { "SigningKey(\(type.rawValue), \(publicKey.multibase))" }
}
