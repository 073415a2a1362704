import ArgumentParser
import AsyncHTTPClient
import Credentials
import Foundation
import LinkedData
import MochilaCore
import NIOCore

/// `mochila issue --csv FILE --spec ID [--server URL] [--token TOKEN] [--output FILE]`: issues a
/// batch from a spreadsheet through a node's API, with a progress bar.
struct IssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a batch of micro-credentials from a CSV file, through a node.",
        discussion: """
            The CSV is checked here first, then on the node; with any problem nothing is issued and every \
            problem is listed with its row and column. Spanish, English and Portuguese headers are accepted \
            (nombres, apellidos, correo, calificación…); comma or semicolon separators; UTF-8 with or without BOM. \
            The institution's token comes from --token or MOCHILA_TOKEN.
            """)

    @Option(help: "The spreadsheet, saved as CSV.")
    var csv: String

    @Option(help: "The id of the spec to award.")
    var spec: String

    @Option(help: "The spec version (default: the latest).")
    var version: Int?

    @Option(help: "The node's URL (default: MOCHILA_SERVER, else http://127.0.0.1:8080).")
    var server: String?

    @Option(help: "The institution's API token (default: MOCHILA_TOKEN).")
    var token: String?

    @Option(help: "Write the issued credentials (name, email, credential id, claim link) to this CSV file.")
    var output: String?

    @Option(help: "Language of the messages: es, pt or en (default: from LANG, else Spanish).")
    var lang: String?

    func validate() throws {
        guard UUID(uuidString: spec) != nil else { throw ValidationError("--spec must be a spec id (a UUID)") }
        if let lang, Language(tag: lang) == nil { throw ValidationError("--lang must be es, pt or en") }
    }

    func run() async throws {
        let language = lang.flatMap(Language.init(tag:)) ?? VerifyCommand.environmentLanguage()
        let environment = ProcessInfo.processInfo.environment
        guard let token = token ?? environment["MOCHILA_TOKEN"], !token.isEmpty else {
            throw CLIError("give the institution's API token with --token or MOCHILA_TOKEN")
        }
        var base = server ?? environment["MOCHILA_SERVER"] ?? "http://127.0.0.1:8080"
        while base.hasSuffix("/") { base.removeLast() }
        let bytes = try readInput(csv)
        // Checked here first, with the node's own rules, so that problems show before any upload.
        switch BatchImport.learners(from: bytes) {
        case .failure(let error):
            throw CLIError("\(csv): nothing was issued:\n" + error.lines(language).map { "  - " + $0 }.joined(separator: "\n"))
        case .success(let rows):
            FileHandle.standardError.write(Data("\(csv): \(rows.count) \(IssueCommand.word("learners", language))\n".utf8))
        }

        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await issue(bytes, base: base, token: token, language: language, client: client)
            try await client.shutdown()
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    func issue(_ bytes: [UInt8], base: String, token: String, language: Language, client: HTTPClient) async throws {
        var query = "specId=\(spec.lowercased())"
        if let version { query += "&specVersion=\(version)" }
        var request = HTTPClientRequest(url: "\(base)/api/v1/batches?\(query)")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "text/csv; charset=utf-8")
        request.headers.add(name: "Accept-Language", value: language.rawValue)
        request.body = .bytes(ByteBuffer(bytes: bytes))
        let (status, started) = try await NodeRequest.send(request, client: client, base: base)
        guard status == 202, let id = started["id"]?.stringValue else { throw NodeRequest.refusal(status, started, of: "the batch") }

        let bar = ProgressBar()
        while true {
            var poll = HTTPClientRequest(url: "\(base)/api/v1/batches/\(id)")
            poll.headers.add(name: "Authorization", value: "Bearer \(token)")
            let (status, progress) = try await NodeRequest.send(poll, client: client, base: base)
            guard status == 200 else { throw NodeRequest.refusal(status, progress, of: "the batch") }
            let done = Int(progress["done"]?.numberValue ?? 0)
            let total = Int(progress["total"]?.numberValue ?? 0)
            switch progress["state"]?.stringValue {
            case "issued":
                bar.draw(done: total, total: total)
                bar.finish()
                print("\(IssueCommand.word("issued", language)) \(total) · \(IssueCommand.word("batch", language)) \(id)")
                if let output { try await writeLinks(id: id, base: base, token: token, client: client, to: output) }
                return
            case "failed":
                bar.finish()
                throw CLIError("the batch failed on the node and nothing was issued: \(progress["error"]?.stringValue ?? "")")
            default:
                bar.draw(done: done, total: total)
                try await Task.sleep(for: .milliseconds(300))
            }
        }
    }

    func writeLinks(id: String, base: String, token: String, client: HTTPClient, to path: String) async throws {
        var request = HTTPClientRequest(url: "\(base)/api/v1/batches/\(id)/awards")
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let (status, awards) = try await NodeRequest.send(request, client: client, base: base)
        guard status == 200 else { throw NodeRequest.refusal(status, awards, of: "the batch") }
        var lines = ["given_name,family_name,email,credential_id,claim_link"]
        for award in awards.asArray {
            let learner = award["learner"]
            lines.append(CSVWriter.line(
                [learner?["givenName"]?.stringValue ?? "", learner?["familyName"]?.stringValue ?? "", learner?["email"]?.stringValue ?? "",
                 award["credentialId"]?.stringValue ?? "", award["links"]?["claim"]?.stringValue ?? ""]))
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    }

    static func word(_ key: String, _ language: Language) -> String {
        let words: [String: [Language: String]] = [
            "learners": [.es: "personas, todas las filas son válidas", .pt: "pessoas, todas as linhas são válidas", .en: "learners, every row valid"],
            "issued": [.es: "Emitidas:", .pt: "Emitidas:", .en: "Issued:"],
            "batch": [.es: "lote", .pt: "lote", .en: "batch"],
        ]
        return words[key]?[language] ?? key
    }
}

/// A progress bar on standard error: redrawn in place on a terminal, a line per 10% otherwise.
final class ProgressBar {
    let terminal = isatty(STDERR_FILENO) == 1
    var lastDecile = -1

    func draw(done: Int, total: Int) {
        guard total > 0 else { return }
        let fraction = Double(done) / Double(total)
        if terminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\(bar) \(Int(fraction * 100))% \(done)/\(total)".utf8))
        } else if Int(fraction * 10) > lastDecile {
            lastDecile = Int(fraction * 10)
            FileHandle.standardError.write(Data("\(Int(fraction * 100))% \(done)/\(total)\n".utf8))
        }
    }

    func finish() {
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
