import Foundation
import Crypto
import _CryptoExtras

/// The public keys of Open Badges 2.0 `CryptographicKey` documents, given as `publicKeyPem`.
enum OpenBadges2Key {
    /// Reads a PEM public key of `type`: for RSA a `PUBLIC KEY` (SubjectPublicKeyInfo) or
    /// `RSA PUBLIC KEY` (PKCS #1) of 2048 bits or more; for P-256 a `PUBLIC KEY`.
    /// - Throws: ``CredentialsError/Code/invalidKey`` when the text is not such a key.
    static func publicKey(pem: String, type: KeyType) throws -> PublicKey {
        let der = try decode(pem)
        switch type {
        case .rsa:
            return try PublicKey(type: .rsa, rawRepresentation: der)
        case .p256:
            guard let key = try? P256.Signing.PublicKey(derRepresentation: der) else {
                throw CredentialsError(.invalidKey, "publicKeyPem is not a P-256 public key")
            }
            return try PublicKey(type: .p256, rawRepresentation: Array(key.x963Representation))
        default:
            throw CredentialsError(.unsupportedKeyType, "Open Badges 2.0 keys are RSA (RS256) or P-256 (ES256), not \(type.rawValue)")
        }
    }

    /// The DER between a PEM document's `-----BEGIN …-----` and `-----END …-----` lines.
    static func decode(_ pem: String) throws -> [UInt8] {
        let lines = pem.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(where: { $0.hasPrefix("-----BEGIN ") && $0.hasSuffix("-----") }),
            let end = lines[begin...].firstIndex(where: { $0.hasPrefix("-----END ") && $0.hasSuffix("-----") }),
            begin < end
        else {
            throw CredentialsError(.invalidKey, "publicKeyPem is not PEM (no BEGIN and END lines)")
        }
        let label = lines[begin].dropFirst(11).dropLast(5)
        guard label == "PUBLIC KEY" || label == "RSA PUBLIC KEY" else {
            throw CredentialsError(.invalidKey, "publicKeyPem holds a \(label), not a public key")
        }
        let body = lines[(begin + 1)..<end].joined()
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }) else {
            throw CredentialsError(.invalidKey, "publicKeyPem is not base64")
        }
        return try Base64URL.decode(body)
    }
}
