import ArgumentParser
import AsyncHTTPClient
import Credentials
import Foundation
import LinkedData
import MochilaCore
import NIOCore

/// `mochila registry export|sign|import`: the network's trust registry from the command line.
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Export, sign and import the network's trust registry.",
        subcommands: [Export.self, Sign.self, Import.self])

    struct NodeOptions: ParsableArguments {
        @Option(help: "The node's URL (default: MOCHILA_SERVER, else http://127.0.0.1:8080).")
        var server: String?

        @Option(help: "The node's administrator token (default: MOCHILA_ADMIN_TOKEN).")
        var token: String?

        var base: String {
            var base = server ?? ProcessInfo.processInfo.environment["MOCHILA_SERVER"] ?? "http://127.0.0.1:8080"
            while base.hasSuffix("/") { base.removeLast() }
            return base
        }

        func adminToken() throws -> String {
            guard let token = token ?? ProcessInfo.processInfo.environment["MOCHILA_ADMIN_TOKEN"], !token.isEmpty else {
                throw CLIError("give the node's administrator token with --token or MOCHILA_ADMIN_TOKEN")
            }
            return token
        }
    }

    /// Prints the registry: the member list that `mochila verify --registry` reads, or with
    /// `--signed` the credential the coordinator key signs.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the registry's members (for verify --registry), or with --signed the signed registry credential.")

        @OptionGroup var node: NodeOptions

        @Flag(help: "Print the registry credential the node's coordinator key signs (/registry.json, public).")
        var signed = false

        func run() async throws {
            if signed {
                let (status, body) = try await NodeRequest.send(HTTPClientRequest(url: node.base + "/registry.json"), base: node.base)
                guard status == 200 else { throw NodeRequest.refusal(status, body, of: "the signed registry") }
                print(body.serializedString(.pretty))
                return
            }
            var request = HTTPClientRequest(url: node.base + "/api/v1/registry/members")
            request.headers.add(name: "Authorization", value: "Bearer \(try node.adminToken())")
            let (status, body) = try await NodeRequest.send(request, base: node.base)
            guard status == 200 else { throw NodeRequest.refusal(status, body, of: "the member list") }
            let members = try RegistryCommand.members(body, from: "the node")
            print(TrustRegistryDocument.listJSON(members, at: Date()).serializedString(.pretty))
        }
    }

    /// Signs a member list as a registry credential with a coordinator's key file.
    struct Sign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign a member list (a JSON list of members, or {\"members\": [...]}) as a registry credential.")

        @Option(help: "The coordinator's key file: Multikey JSON with secretKeyMultibase (as `mochila keys generate` prints).")
        var key: String

        @Option(help: "The coordinator's name, as the credential's issuer.")
        var name = "Coordinación de la red"

        @Option(help: "The registry's id (a URL where it will be published).")
        var id: String?

        @Option(help: "Days the registry is valid.")
        var days = 30

        @Argument(help: "The member list (- for standard input).")
        var file: String

        func run() async throws {
            let multikey: Multikey
            do { multikey = try Multikey(json: try JSONValue(parsing: try readInput(key))) } catch { throw CLIError("\(key): \(error)") }
            guard let secret = multikey.secretKey, secret.type == .ed25519 else {
                throw CLIError("\(key): the key file needs an Ed25519 secret key (secretKeyMultibase) to sign with eddsa-rdfc-2022")
            }
            let list: JSONValue
            do { list = try JSONValue(parsing: try readInput(file), limits: JSONLimits(maxBytes: 32 << 20)) } catch { throw CLIError("\(file): \(error)") }
            let members = try RegistryCommand.members(list, from: file)
            let now = Date()
            let unsigned = TrustRegistryDocument.credential(
                coordinatorDID: multikey.controller, coordinatorName: name, members: members,
                id: id ?? "urn:uuid:" + UUID().uuidString.lowercased(), issuedAt: now, validUntil: now.addingTimeInterval(Double(days) * 86400))
            let signed = try DataIntegrity.addProof(
                to: unsigned, suite: EdDSARDFC2022(), key: secret,
                options: ProofOptions(verificationMethod: multikey.id, created: XSDDateTime.format(now)))
            print(JSONValue.object(signed).serializedString(.pretty))
        }
    }

    /// Imports another coordinator's registry into a node, from its URL or a file.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a registry credential into a node (from a file, or --url to have the node fetch and refresh it).")

        @OptionGroup var node: NodeOptions

        @Option(help: "The DID of the coordinator who must have signed the registry.")
        var coordinator: String

        @Option(help: "The URL the registry is published at; the node fetches it, and refreshes it from there.")
        var url: String?

        @Argument(help: "A registry credential file (- for standard input), when not --url.")
        var file: String?

        func validate() throws {
            if (url == nil) == (file == nil) { throw ValidationError("give either a registry file or --url") }
        }

        func run() async throws {
            var body: JSONObject = ["coordinator": .string(coordinator)]
            if let url { body["url"] = .string(url) }
            if let file {
                do { body["credential"] = try JSONValue(parsing: try readInput(file), limits: JSONLimits(maxBytes: 16 << 20)) } catch {
                    throw CLIError("\(file): \(error)")
                }
            }
            var request = HTTPClientRequest(url: node.base + "/api/v1/registry/sources")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(try node.adminToken())")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: JSONValue.object(body).serialized()))
            let (status, answer) = try await NodeRequest.send(request, base: node.base)
            guard status == 201 else { throw NodeRequest.refusal(status, answer, of: "the registry") }
            print("imported \(answer["members"]?.numberValue.map { Int($0) } ?? 0) members signed by \(coordinator) (\(answer["url"]?.stringValue ?? ""))")
        }
    }

    /// Members from a JSON list of member objects (or `{"members": [...]}`), validated.
    static func members(_ list: JSONValue, from source: String) throws -> [RegistryMember] {
        let entries = (list["members"] ?? list).asArray
        return try entries.enumerated().map { index, entry in
            do {
                return try JSONDecoder().decode(RegistryMemberInput.self, from: Data(entry.serialized())).validated(reference: .bundled)
            } catch let error as MochilaCore.ValidationError {
                throw CLIError("\(source): member \(index): " + error.problems.map { "\($0.field): \($0.message)" }.joined(separator: "; "))
            } catch {
                throw CLIError("\(source): member \(index): \(error)")
            }
        }
    }
}
