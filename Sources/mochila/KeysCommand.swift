import ArgumentParser
import Credentials
import LinkedData

/// `mochila keys generate [--type Ed25519|P-256] [--seed HEX]`.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage signing keys.", subcommands: [Generate.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new key pair as Multikey JSON, published under its own did:key.")

        @Option(help: "Key type: Ed25519 or P-256.")
        var type: String = "Ed25519"

        @Option(help: "The 32-byte secret (Ed25519 seed or P-256 scalar) as 64 hex digits, for a reproducible key.")
        var seed: String?

        func validate() throws {
            guard let keyType = KeyType(name: type), keyType == .ed25519 || keyType == .p256 else {
                throw ValidationError("unknown key type \"\(type)\" (expected Ed25519 or P-256)")
            }
        }

        func run() async throws {
            let keyType = KeyType(name: type)!
            let key: SigningKey
            if let seed {
                let bytes: [UInt8]
                do { bytes = try Hex.decode(seed) } catch { throw CLIError("--seed must be 64 hexadecimal digits") }
                guard bytes.count == 32 else { throw CLIError("--seed must be 32 bytes (64 hexadecimal digits), found \(bytes.count)") }
                do { key = try SigningKey(type: keyType, secretBytes: bytes) } catch { throw CLIError("--seed: \(error)") }
            } else {
                key = SigningKey.generate(keyType)
            }
            print(Multikey(didKeyFor: key).json(includeSecret: true).serializedString(.pretty))
        }
    }
}
