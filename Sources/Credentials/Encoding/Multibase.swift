/// Multibase: a one-character prefix naming the base of the text that follows.
///
/// Data Integrity uses `z` (base58btc) for keys and signatures, and Bitstring Status List uses `u`
/// (base64url without padding) for lists. Other bases are refused with their prefix named.
public enum Multibase {
    public enum Base: Sendable {
        case base58btc
        case base64url
    }

    /// Encodes bytes with the given base's prefix.
    public static func encode<Bytes: Collection>(_ bytes: Bytes, base: Base = .base58btc) -> String
    where Bytes.Element == UInt8 {
        switch base {
        case .base58btc: return "z" + Base58.encode(bytes)
        case .base64url: return "u" + Base64URL.encode(bytes)
        }
    }

    /// Decodes multibase text in base58btc (`z`) or base64url (`u`).
    /// - Throws: ``CredentialsError/Code/invalidEncoding`` naming an unsupported prefix or a bad character.
    public static func decode(_ text: String) throws -> [UInt8] {
        guard let prefix = text.first else {
            throw CredentialsError(.invalidEncoding, "an empty multibase value")
        }
        let rest = String(text.dropFirst())
        switch prefix {
        case "z": return try Base58.decode(rest)
        case "u": return try Base64URL.decode(rest)
        default:
            throw CredentialsError(
                .invalidEncoding, "multibase prefix '\(prefix)' is not supported (expected 'z' for base58btc or 'u' for base64url)")
        }
    }
}
