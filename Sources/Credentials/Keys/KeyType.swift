/// The key algorithms Mochila signs and verifies with.
public enum KeyType: String, Sendable, Hashable, CaseIterable, Codable {
    case ed25519 = "Ed25519"
    case p256 = "P-256"

    /// The multicodec prefix of a public key of this type, as an unsigned varint.
    var publicKeyCodec: [UInt8] {
        switch self {
        case .ed25519: return [0xED, 0x01]  // ed25519-pub, 0xed
        case .p256: return [0x80, 0x24]  // p256-pub, 0x1200
        }
    }

    /// The multicodec prefix of a secret key of this type, as an unsigned varint.
    var secretKeyCodec: [UInt8] {
        switch self {
        case .ed25519: return [0x80, 0x26]  // ed25519-priv, 0x1300
        case .p256: return [0x86, 0x26]  // p256-priv, 0x1306
        }
    }

    /// The length of a public key's raw bytes after the codec (P-256 keys are compressed points).
    var publicKeyLength: Int {
        switch self {
        case .ed25519: return 32
        case .p256: return 33
        }
    }

    /// Reads a key type from a name as people write it: `Ed25519`, `ed25519`, `P-256`, `p256`, `ES256`.
    public init?(name: String) {
        switch name.lowercased() {
        case "ed25519", "eddsa": self = .ed25519
        case "p-256", "p256", "es256", "secp256r1": self = .p256
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
