/// The key algorithms Mochila signs and verifies with.
///
/// Ed25519 and P-256 serve the Data Integrity cryptosuites and JOSE; P-384, P-521 and RSA serve
/// JOSE only (`ES384`, `ES512`, `RS256`), so that tokens from other issuers can be checked.
public enum KeyType: String, Sendable, Hashable, CaseIterable, Codable {
    case ed25519 = "Ed25519"
    case p256 = "P-256"
    case p384 = "P-384"
    case p521 = "P-521"
    case rsa = "RSA"

    /// The multicodec prefix of a public key of this type, as an unsigned varint.
    var publicKeyCodec: [UInt8] {
        switch self {
        case .ed25519: return [0xED, 0x01]  // ed25519-pub, 0xed
        case .p256: return [0x80, 0x24]  // p256-pub, 0x1200
        case .p384: return [0x81, 0x24]  // p384-pub, 0x1201
        case .p521: return [0x82, 0x24]  // p521-pub, 0x1202
        case .rsa: return [0x85, 0x24]  // rsa-pub, 0x1205 (DER of a PKCS #1 RSAPublicKey)
        }
    }

    /// The multicodec prefix of a secret key of this type, as an unsigned varint.
    var secretKeyCodec: [UInt8] {
        switch self {
        case .ed25519: return [0x80, 0x26]  // ed25519-priv, 0x1300
        case .p256: return [0x86, 0x26]  // p256-priv, 0x1306
        case .p384: return [0x87, 0x26]  // p384-priv, 0x1307
        case .p521: return [0x88, 0x26]  // p521-priv, 0x1308
        case .rsa: return [0x85, 0x26]  // rsa-priv, 0x1305 (DER of a PKCS #1 RSAPrivateKey)
        }
    }

    /// The length of a public key's raw bytes after the codec (the NIST curves' keys are
    /// compressed points); `nil` for RSA, whose DER length follows the modulus.
    var publicKeyLength: Int? {
        switch self {
        case .ed25519: return 32
        case .p256: return 33
        case .p384: return 49
        case .p521: return 67
        case .rsa: return nil
        }
    }

    /// Reads a key type from a name as people write it: `Ed25519`, `ed25519`, `P-256`, `p256`,
    /// `ES256`, `P-384`, `ES384`, `P-521`, `ES512`, `RSA`, `RS256`.
    public init?(name: String) {
        switch name.lowercased() {
        case "ed25519", "eddsa": self = .ed25519
        case "p-256", "p256", "es256", "secp256r1": self = .p256
        case "p-384", "p384", "es384", "secp384r1": self = .p384
        case "p-521", "p521", "es512", "secp521r1": self = .p521
        case "rsa", "rs256": self = .rsa
        default: return nil
        }
    }
}

/// Strips a known multicodec prefix from decoded multibase bytes.
func splitMulticodec(_ bytes: [UInt8], secret: Bool) -> (KeyType, [UInt8])? {
    for type in KeyType.allCases {
        let prefix = secret ? type.secretKeyCodec : type.publicKeyCodec
        if bytes.count > prefix.count, Array(bytes.prefix(prefix.count)) == prefix {
            return (type, Array(bytes.dropFirst(prefix.count)))
        }
    }
    return nil
}
