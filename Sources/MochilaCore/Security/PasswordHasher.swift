import Credentials
import Crypto
import Foundation
import _CryptoExtras

/// Staff passwords, hashed with scrypt (RFC 7914), a memory-hard function: each guess costs an
/// attacker 32 MiB of memory and tens of milliseconds, so a stolen database does not give away
/// passwords cheaply.
///
/// Stored as `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url), so the cost can be raised later
/// without breaking existing hashes.
public struct PasswordHasher: Sendable {
    /// log2 of scrypt's N: 2^15 × 128 × r bytes = 32 MiB with r = 8.
    public var logN: Int
    public var blockSize: Int
    public var parallelism: Int

    public init(logN: Int = 15, blockSize: Int = 8, parallelism: Int = 1) {
        self.logN = logN
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// The shortest password accepted.
    public static let minimumLength = 12

    /// Checks a new password: long enough, not too long, not just spaces.
    /// - Throws: ``ValidationError`` naming the problem.
    public static func validate(_ password: String, field: String = "password") throws {
        guard password.count >= minimumLength else {
            throw ValidationError(field: field, "must have at least \(minimumLength) characters")
        }
        guard password.utf8.count <= 1024 else { throw ValidationError(field: field, "is longer than 1024 bytes") }
        guard !password.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(field: field, "must not be only spaces")
        }
    }

    /// The stored form of a password, with a new random salt.
    public func hash(_ password: String) throws -> String {
        let salt = SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) }
        let derived = try derive(password, salt: salt, logN: logN, blockSize: blockSize, parallelism: parallelism)
        return ["scrypt", String(logN), String(blockSize), String(parallelism), Base64URL.encode(salt), Base64URL.encode(derived)]
            .joined(separator: "$")
    }

    /// Whether `password` matches a stored hash (compared in constant time).
    public func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let logN = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
            (10...20).contains(logN), (1...16).contains(r), (1...4).contains(p),
            let salt = try? Base64URL.decode(parts[4]), let expected = try? Base64URL.decode(parts[5]),
            let derived = try? derive(password, salt: salt, logN: logN, blockSize: r, parallelism: p)
        else { return false }
        guard derived.count == expected.count else { return false }
        var difference: UInt8 = 0
        for index in derived.indices { difference |= derived[index] ^ expected[index] }
        return difference == 0
    }

    func derive(_ password: String, salt: [UInt8], logN: Int, blockSize: Int, parallelism: Int) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: 1 << logN, blockSize: blockSize,
            parallelism: parallelism, maxMemory: 256 << 20)
        return key.withUnsafeBytes { Array($0) }
    }
}


