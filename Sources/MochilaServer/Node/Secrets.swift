import Credentials
import Foundation
import MochilaCore

/// The node's secrets: the master key that seals institution keys, and the administrator token.
///
/// Each comes from the environment (`MOCHILA_MASTER_KEY`, `MOCHILA_ADMIN_TOKEN`) or from a file
/// in the data folder created on first run with mode 0600.
public enum Secrets {
    /// The master key: `MOCHILA_MASTER_KEY` (64 hex digits or base64 of 32 bytes), else `master.key`.
    /// - Throws: ``ValidationError`` when the variable or the file does not hold a 32-byte key.
    public static func masterKey(environment: [String: String], dataDirectory: URL) throws -> [UInt8] {
        if let value = environment["MOCHILA_MASTER_KEY"] {
            return try decodeKey(value, source: "MOCHILA_MASTER_KEY")
        }
        let file = dataDirectory.appendingPathComponent("master.key")
        if let existing = try readSecretFile(file) {
            return try decodeKey(existing, source: file.path)
        }
        let key = KeyVault.generateMasterKey()
        try writeSecretFile(file, contents: Hex.encode(key) + "\n")
        return key
    }

    /// The administrator token: `MOCHILA_ADMIN_TOKEN`, else `admin-token` (created when missing).
    public static func adminToken(environment: [String: String], dataDirectory: URL) throws -> String {
        if let value = environment["MOCHILA_ADMIN_TOKEN"], !value.isEmpty { return value }
        let file = dataDirectory.appendingPathComponent("admin-token")
        if let existing = try readSecretFile(file), !existing.isEmpty { return existing }
        let token = Node.newToken()
        try writeSecretFile(file, contents: token + "\n")
        return token
    }

    static func decodeKey(_ text: String, source: String) throws -> [UInt8] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count == 64, let bytes = try? Hex.decode(trimmed) { return bytes }
        if let bytes = try? Base64URL.decode(trimmed), bytes.count == 32 { return bytes }
        throw ValidationError(field: source, "must hold a 32-byte key as 64 hexadecimal digits or base64")
    }

    static func readSecretFile(_ url: URL) throws -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        if let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 != 0 {
            throw ValidationError(
                field: url.path, "is readable by other users (mode \(String(permissions, radix: 8))); run chmod 600 on it")
        }
        return String(decoding: try Data(contentsOf: url), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes a file that only its owner may read (0600), failing if it already exists.
    static func writeSecretFile(_ url: URL, contents: String) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw ValidationError(field: url.path, "could not be created: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw ValidationError(field: url.path, "could not be written: \(String(cString: strerror(errno)))")
        }
    }
}
