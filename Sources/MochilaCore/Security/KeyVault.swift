import Crypto
import Foundation

/// Seals institution secret keys with the node's master key (AES-256-GCM), so that a copy of
/// the database alone does not give away any signing key.
///
/// Each sealed key is bound to its key id as associated data: a sealed secret moved to another
/// row does not open.
public struct KeyVault: Sendable {
    let key: SymmetricKey

    /// A vault over a 32-byte master key.
    /// - Throws: ``ValidationError`` when the key is not 32 bytes.
    public init(masterKey: [UInt8]) throws {
        guard masterKey.count == 32 else {
            throw ValidationError(field: "MOCHILA_MASTER_KEY", "the master key must be 32 bytes, found \(masterKey.count)")
        }
        key = SymmetricKey(data: masterKey)
    }

    /// A new random master key.
    public static func generateMasterKey() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    /// Seals `secret` for the key `keyID`: nonce ‖ ciphertext ‖ tag.
    public func seal(_ secret: [UInt8], keyID: String) throws -> [UInt8] {
        let box = try AES.GCM.seal(secret, using: key, authenticating: Array(keyID.utf8))
        return Array(box.combined!)
    }

    /// Opens a sealed secret.
    /// - Throws: when the master key is not the one that sealed it, or the data was altered.
    public func open(_ sealed: [UInt8], keyID: String) throws -> [UInt8] {
        let box = try AES.GCM.SealedBox(combined: sealed)
        return Array(try AES.GCM.open(box, using: key, authenticating: Array(keyID.utf8)))
    }

    /// A message authentication code of `message` under a key derived from the master key for
    /// `purpose` (HKDF-SHA256, then HMAC-SHA256): what the node hands out as a capability and
    /// recognises later without storing it (a credential's claim link).
    public func authenticationCode(_ message: [UInt8], purpose: String) -> [UInt8] {
        let derived = HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Array(purpose.utf8), outputByteCount: 32)
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: derived))
    }
}
