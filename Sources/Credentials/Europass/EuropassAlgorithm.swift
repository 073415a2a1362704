import Crypto
import _CryptoExtras

/// The JWS algorithms a Europass seal may use: those JAdES (ETSI TS 119 182-1) profiles
/// from RFC 7518 section 3 for RSA and ECDSA keys.
///
/// `RS256` and the ECDSA algorithms are checked by ``JOSEAlgorithm``, as every other JWS in
/// Mochila; the others, which JOSE elsewhere in Mochila has no use for, are checked here with
/// the same key binding: an algorithm meets only keys of its own type.
enum EuropassAlgorithm: String, Sendable, Hashable, CaseIterable {
    case rs256 = "RS256", rs384 = "RS384", rs512 = "RS512"
    case ps256 = "PS256", ps384 = "PS384", ps512 = "PS512"
    case es256 = "ES256", es384 = "ES384", es512 = "ES512"

    /// The one key type this algorithm signs with.
    var keyType: KeyType {
        switch self {
        case .rs256, .rs384, .rs512, .ps256, .ps384, .ps512: return .rsa
        case .es256: return .p256
        case .es384: return .p384
        case .es512: return .p521
        }
    }

    /// Whether `signature` is this algorithm's signature of the signing input under `key`; always
    /// `false` when the key is of another type (RFC 8725 section 3.1).
    func isValidSignature(_ signature: [UInt8], for signingInput: [UInt8], key: PublicKey) -> Bool {
        guard key.type == keyType else { return false }
        if let shared = JOSEAlgorithm(rawValue: rawValue) {
            return shared.isValidSignature(signature, for: signingInput, key: key)
        }
        // RFC 7518 3.3 (RSASSA-PKCS1-v1_5) and 3.5 (RSASSA-PSS, MGF1 with the same hash and a
        // salt as long as the hash, which is what swift-crypto's .PSS uses).
        guard let rsa = try? _RSA.Signing.PublicKey(derRepresentation: key.rawRepresentation),
            signature.count == (rsa.keySizeInBits + 7) / 8
        else { return false }
        let value = _RSA.Signing.RSASignature(rawRepresentation: signature)
        let pkcs1: _RSA.Signing.Padding = .insecurePKCS1v1_5
        switch self {
        case .rs384: return rsa.isValidSignature(value, for: SHA384.hash(data: signingInput), padding: pkcs1)
        case .rs512: return rsa.isValidSignature(value, for: SHA512.hash(data: signingInput), padding: pkcs1)
        case .ps256: return rsa.isValidSignature(value, for: SHA256.hash(data: signingInput), padding: .PSS)
        case .ps384: return rsa.isValidSignature(value, for: SHA384.hash(data: signingInput), padding: .PSS)
        case .ps512: return rsa.isValidSignature(value, for: SHA512.hash(data: signingInput), padding: .PSS)
        case .rs256, .es256, .es384, .es512: return false  // checked by JOSEAlgorithm above
        }
    }
}
