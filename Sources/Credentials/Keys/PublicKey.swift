import Crypto
import _CryptoExtras

/// A public key that can check signatures: Ed25519, P-256, P-384, P-521 or RSA.
public struct PublicKey: Sendable, Hashable {
    /// The key's algorithm.
    public let type: KeyType
    /// The raw key: 32 bytes for Ed25519; a compressed point for the NIST curves (33, 49 or 67
    /// bytes); the DER of a PKCS #1 `RSAPublicKey` for RSA.
    public let rawRepresentation: [UInt8]

    /// Makes a key from its raw bytes, checking that they are a valid key of the type.
    ///
    /// NIST curve keys are accepted compressed or uncompressed (SEC 1) and kept compressed; RSA
    /// keys as PKCS #1 or SubjectPublicKeyInfo DER, of 2048 bits or more, and kept as PKCS #1.
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
        case .p384:
            if bytes.count == 49, let key = try? P384.Signing.PublicKey(compressedRepresentation: bytes) {
                self.rawRepresentation = Array(key.compressedRepresentation)
            } else if bytes.count == 97, let key = try? P384.Signing.PublicKey(x963Representation: bytes) {
                self.rawRepresentation = Array(key.compressedRepresentation)
            } else {
                throw CredentialsError(.invalidKey, "not a valid P-384 public key (\(bytes.count) bytes)")
            }
        case .p521:
            if bytes.count == 67, let key = try? P521.Signing.PublicKey(compressedRepresentation: bytes) {
                self.rawRepresentation = Array(key.compressedRepresentation)
            } else if bytes.count == 133, let key = try? P521.Signing.PublicKey(x963Representation: bytes) {
                self.rawRepresentation = Array(key.compressedRepresentation)
            } else {
                throw CredentialsError(.invalidKey, "not a valid P-521 public key (\(bytes.count) bytes)")
            }
        case .rsa:
            guard let key = try? _RSA.Signing.PublicKey(derRepresentation: bytes) else {
                throw CredentialsError(
                    .invalidKey, "not an RSA public key of 2048 bits or more (PKCS #1 or SubjectPublicKeyInfo DER)")
            }
            self.rawRepresentation = Array(key.pkcs1DERRepresentation)
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
                .unsupportedKeyType, "publicKeyMultibase names a key type other than Ed25519, P-256, P-384, P-521 or RSA")
        }
        if let length = type.publicKeyLength, raw.count != length {
            throw CredentialsError(
                .invalidKey, "a \(type.rawValue) public key must be \(length) bytes, found \(raw.count)")
        }
        try self.init(type: type, rawRepresentation: raw)
    }

    /// Whether `signature` is a valid signature of `message` under this key.
    ///
    /// Each key type has one signature scheme, the one JOSE names for it: Ed25519 (`EdDSA`, 64
    /// bytes); ECDSA in the IEEE P1363 form r ‖ s over SHA-256 for P-256 (`ES256`, 64 bytes),
    /// SHA-384 for P-384 (`ES384`, 96 bytes) and SHA-512 for P-521 (`ES512`, 132 bytes), as JOSE
    /// and the ECDSA cryptosuites use; RSASSA-PKCS1-v1_5 over SHA-256 for RSA (`RS256`).
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
        case .p384:
            guard signature.count == 96, let key = try? P384.Signing.PublicKey(compressedRepresentation: rawRepresentation),
                let ecdsa = try? P384.Signing.ECDSASignature(rawRepresentation: signature)
            else { return false }
            return key.isValidSignature(ecdsa, for: message)
        case .p521:
            guard signature.count == 132, let key = try? P521.Signing.PublicKey(compressedRepresentation: rawRepresentation),
                let ecdsa = try? P521.Signing.ECDSASignature(rawRepresentation: signature)
            else { return false }
            return key.isValidSignature(ecdsa, for: message)
        case .rsa:
            guard let key = try? _RSA.Signing.PublicKey(derRepresentation: rawRepresentation),
                signature.count == (key.keySizeInBits + 7) / 8
            else { return false }
            return key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: message, padding: .insecurePKCS1v1_5)
        }
    }
}
