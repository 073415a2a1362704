import ArgumentParser
import Credentials
import Foundation
import LinkedData

/// `mochila sign --key FILE --suite SUITE [--verification-method ID] [--created ISO8601] FILE`.
struct SignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Sign an unsigned credential and print it with its proof.")

    static let suites = ["eddsa-rdfc-2022", "eddsa-jcs-2022", "ecdsa-rdfc-2019", "ecdsa-jcs-2019", "vc-jwt"]

    @Option(help: "A key file: Multikey JSON with secretKeyMultibase (as `mochila keys generate` prints), or a JWK.")
    var key: String

    @Option(help: "eddsa-rdfc-2022 or eddsa-jcs-2022 (Ed25519 keys), ecdsa-rdfc-2019 or ecdsa-jcs-2019 (P-256 keys), or vc-jwt.")
    var suite: String

    @Option(help: "The verification method id to name in the proof (default: the key file's id).")
    var verificationMethod: String?

    @Option(help: "The proof's creation time, an XML Schema dateTime such as 2024-01-01T00:00:00Z (default: now).")
    var created: String?

    @Argument(help: "The unsigned credential (JSON), or - for standard input.")
    var file: String

    func validate() throws {
        guard SignCommand.suites.contains(suite) else {
            throw ValidationError("unknown suite \"\(suite)\" (expected one of \(SignCommand.suites.joined(separator: ", ")))")
        }
        if let created, XSDDateTime(created) == nil {
            throw ValidationError("--created \"\(created)\" is not an XML Schema dateTime such as 2024-01-01T00:00:00Z")
        }
    }

    func run() async throws {
        let keyJSON: JSONValue
        do {
            keyJSON = try JSONValue(parsing: try readInput(key))
        } catch let error as JSONParseError {
            throw CLIError("\(key): \(error)")
        }
        let multikey: Multikey
        do { multikey = try Multikey(json: keyJSON) } catch { throw CLIError("\(key): \(error)") }
        guard let secret = multikey.secretKey else {
            throw CLIError("\(key): the key file has no secret key (secretKeyMultibase); it can verify but not sign")
        }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: try readInput(file))
        } catch let error as JSONParseError {
            throw CLIError("\(file): \(error)")
        }
        guard let object = document.objectValue else {
            throw CLIError("\(file): a credential must be a JSON object, found \(document.typeName)")
        }
        guard object["@context"] != nil else {
            throw CLIError("\(file): the credential has no @context; a VC 2.0 credential starts with \"https://www.w3.org/ns/credentials/v2\"")
        }
        // The data model first: nothing that breaks it gets secured.
        let violations = object["type"]?.asArray.contains("VerifiablePresentation") == true
            ? VCDataModel.violations(ofPresentation: object) : VCDataModel.violations(of: object)
        if !violations.isEmpty {
            let lines = violations.map { "  - \($0.rule)\($0.path.isEmpty ? "" : " at \($0.path)"): \($0.message.text(.en))" }
            throw CLIError("\(file): the credential breaks the VC data model, so it is not signed:\n" + lines.joined(separator: "\n"))
        }
        let method = verificationMethod ?? multikey.id
        if suite == "vc-jwt" {
            do {
                print(try VCJWT.sign(object, key: secret, keyID: method))
            } catch {
                throw CLIError("\(file): \(error)")
            }
            return
        }
        let cryptosuite = DataIntegrity.cryptosuites[suite]!
        guard cryptosuite.supports(secret.type) else {
            throw CLIError(
                "\(key): \(suite) signs with \(cryptosuite.keyType.rawValue) keys, but the key file holds a \(secret.type.rawValue) key")
        }
        let options = ProofOptions(verificationMethod: method, created: created ?? XSDDateTime.format(Date()))
        do {
            let signed = try DataIntegrity.addProof(to: object, suite: cryptosuite, key: secret, options: options)
            print(JSONValue.object(signed).serializedString(.pretty))
        } catch {
            throw CLIError("\(file): \(error)")
        }
    }
}
