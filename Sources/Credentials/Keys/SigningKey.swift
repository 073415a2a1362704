import Crypto
import _CryptoExtras

/// A secret key that signs: Ed25519 (from its 32-byte seed), a NIST curve key (from its scalar:
/// 32 bytes for P-256, 48 for P-384, 66 for P-521) or RSA (from the DER of its private key).
///
/// The secret bytes never appear in `description` or in logs.
public struct SigningKey: Sendable, CustomStringConvertible {
    /// The key's algorithm.
    public let type: KeyType
    /// The Ed25519 seed, the NIST curve scalar, or the DER of a PKCS #1 `RSAPrivateKey`.
    public let secretBytes: [UInt8]
    /// The matching public key.
    public let publicKey: PublicKey

    /// Makes a key from its secret bytes.
    ///
    /// Ed25519 secret keys are accepted as the 32-byte seed and as the 64-byte seed ‖ public key
    /// form that some libraries write; in the latter, the public half must match the seed. RSA
    /// keys are accepted as PKCS #1 or PKCS #8 DER, of 2048 bits or more, and kept as PKCS #1.
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
        case .p384:
            guard bytes.count == 48, let key = try? P384.Signing.PrivateKey(rawRepresentation: bytes) else {
                throw CredentialsError(.invalidKey, "a P-384 secret key must be a valid 48-byte scalar, found \(bytes.count) bytes")
            }
            self.secretBytes = bytes
            self.publicKey = try PublicKey(type: .p384, rawRepresentation: Array(key.publicKey.compressedRepresentation))
        case .p521:
            guard bytes.count == 66, let key = try? P521.Signing.PrivateKey(rawRepresentation: bytes) else {
                throw CredentialsError(.invalidKey, "a P-521 secret key must be a valid 66-byte scalar, found \(bytes.count) bytes")
            }
            self.secretBytes = bytes
            self.publicKey = try PublicKey(type: .p521, rawRepresentation: Array(key.publicKey.compressedRepresentation))
        case .rsa:
            guard let key = try? _RSA.Signing.PrivateKey(derRepresentation: bytes) else {
                throw CredentialsError(.invalidKey, "not an RSA private key of 2048 bits or more (PKCS #1 or PKCS #8 DER)")
            }
            self.secretBytes = Array(key.derRepresentation)
            self.publicKey = try PublicKey(type: .rsa, rawRepresentation: Array(key.publicKey.pkcs1DERRepresentation))
        }
        self.type = type
    }

    /// A new random key (RSA keys are 2048 bits).
    public static func generate(_ type: KeyType) -> SigningKey {
        switch type {
        case .ed25519:
            return try! SigningKey(type: .ed25519, secretBytes: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
        case .p256:
            return try! SigningKey(type: .p256, secretBytes: Array(P256.Signing.PrivateKey().rawRepresentation))
        case .p384:
            return try! SigningKey(type: .p384, secretBytes: Array(P384.Signing.PrivateKey().rawRepresentation))
        case .p521:
            return try! SigningKey(type: .p521, secretBytes: Array(P521.Signing.PrivateKey().rawRepresentation))
        case .rsa:
            let key = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
            return try! SigningKey(type: .rsa, secretBytes: Array(key.derRepresentation))
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
                .unsupportedKeyType, "secretKeyMultibase names a key type other than Ed25519, P-256, P-384, P-521 or RSA")
        }
        try self.init(type: type, secretBytes: raw)
    }

    /// The key as Multikey's `secretKeyMultibase`: `z` + base58btc(multicodec ‖ secret).
    public var multibase: String {
        Multibase.encode(type.secretKeyCodec + secretBytes)
    }

    /// Signs `message` with the key type's one scheme (see ``PublicKey/isValidSignature(_:for:)``):
    /// a 64-byte Ed25519 signature; an ECDSA signature r ‖ s over SHA-256 (P-256, 64 bytes),
    /// SHA-384 (P-384, 96 bytes) or SHA-512 (P-521, 132 bytes); or RSASSA-PKCS1-v1_5 over SHA-256.
    public func signature(for message: [UInt8]) throws -> [UInt8] {
        switch type {
        case .ed25519:
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: secretBytes)
            return Array(try key.signature(for: message))
        case .p256:
            let key = try P256.Signing.PrivateKey(rawRepresentation: secretBytes)
            return Array(try key.signature(for: message).rawRepresentation)
        case .p384:
            let key = try P384.Signing.PrivateKey(rawRepresentation: secretBytes)
            return Array(try key.signature(for: message).rawRepresentation)
        case .p521:
            let key = try P521.Signing.PrivateKey(rawRepresentation: secretBytes)
            return Array(try key.signature(for: message).rawRepresentation)
        case .rsa:
            let key = try _RSA.Signing.PrivateKey(derRepresentation: secretBytes)
            return Array(try key.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation)
        }
    }

    public var description: String {
        let shown = type == .rsa ? String(publicKey.multibase.prefix(24)) + "…" : publicKey.multibase
        return "SigningKey(\(type.rawValue), \(shown))"
    }
}
