/// The JWS algorithms (RFC 7518 section 3, RFC 8037 section 3.1) Mochila signs and verifies with.
///
/// Each algorithm is bound to exactly one ``KeyType``, and a signature is checked only with a key
/// of that type: an `RS256` token never meets an Ed25519 key, nor `ES256` a P-384 key. `none`, the
/// HMAC algorithms (`HS256`…) and any other name are refused, so neither an unsecured token nor a
/// public key misused as an HMAC secret can pass.
public enum JOSEAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// Ed25519 (RFC 8037). `Ed25519`, the fully specified name of RFC 9864, reads as this too.
    case edDSA = "EdDSA"
    /// ECDSA with P-256 and SHA-256.
    case es256 = "ES256"
    /// ECDSA with P-384 and SHA-384.
    case es384 = "ES384"
    /// ECDSA with P-521 and SHA-512.
    case es512 = "ES512"
    /// RSASSA-PKCS1-v1_5 with SHA-256, the algorithm Open Badges 3.0 requires as a minimum.
    case rs256 = "RS256"

    /// Reads a header's `alg`; `nil` for `none` and for every algorithm not listed here.
    ///
    /// Names are compared exactly, as RFC 7515 section 4.1.1 says (`es256` is not `ES256`).
    public init?(headerValue: String) {
        if headerValue == "Ed25519" {
            self = .edDSA
            return
        }
        self.init(rawValue: headerValue)
    }

    /// The one key type this algorithm signs with.
    public var keyType: KeyType {
        switch self {
        case .edDSA: return .ed25519
        case .es256: return .p256
        case .es384: return .p384
        case .es512: return .p521
        case .rs256: return .rsa
        }
    }

    /// The algorithm a key of this type signs with.
    public init(keyType: KeyType) {
        switch keyType {
        case .ed25519: self = .edDSA
        case .p256: self = .es256
        case .p384: self = .es384
        case .p521: self = .es512
        case .rsa: self = .rs256
        }
    }

    /// Signs the JWS signing input (RFC 7515 section 5.1, step 5).
    ///
    /// ``SigningKey/signature(for:)`` already yields what JWS expects for each key type: the raw
    /// Ed25519 signature, ECDSA's r ‖ s (RFC 7518 section 3.4) or the PKCS #1 v1.5 signature.
    /// - Throws: ``CredentialsError/Code/proofGeneration`` when the key is not of this algorithm's type.
    func sign(_ signingInput: [UInt8], with key: SigningKey) throws -> [UInt8] {
        guard key.type == keyType else {
            throw CredentialsError(
                .proofGeneration, "\(rawValue) signs with \(keyType.rawValue) keys, not \(key.type.rawValue)")
        }
        return try key.signature(for: signingInput)
    }

    /// Whether `signature` is this algorithm's signature of the signing input under `key`; always
    /// `false` when the key is of another type (RFC 8725 section 3.1).
    func isValidSignature(_ signature: [UInt8], for signingInput: [UInt8], key: PublicKey) -> Bool {
        guard key.type == keyType else { return false }
        return key.isValidSignature(signature, for: signingInput)
    }
}
