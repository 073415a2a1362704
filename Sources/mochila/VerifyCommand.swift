import ArgumentParser
import Credentials
import Foundation
import LinkedData
import MochilaServer

/// `mochila verify PATH... [--json] [--now ISO8601] [--document URL=FILE]... [--registry FILE] [--require-trusted]`.
///
/// Exit 0 when every credential verified, 1 when any did not, 2 when an input could not be used.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify credentials and print a report for each.",
        discussion: """
            PATH is a JSON credential, a compact JWT, a PNG or SVG badge with a credential baked in, an Open Badges \
            2.0 assertion (JSON, JWS or its URL in a file), a Europass EDC, a JSON Lines file (one credential per \
            line) or a folder (its .json, .jsonld, .jsonl, .jwt, .png and .svg files, recursively); - reads \
            standard input. Exit status: 0 when \
            every credential verified, 1 when any did not, 2 when an input could not be used.
            """)

    @Argument(help: "Credentials to verify: files, folders, or - for standard input.")
    var paths: [String]

    @Flag(help: "Print one JSON report per credential, one per line.")
    var json = false

    @Option(help: "Verify as of this time (XML Schema dateTime, e.g. 2026-01-01T00:00:00Z) instead of now.")
    var now: String?

    @Option(name: .customLong("document"), help: "Preload a document: URL=FILE (a DID document, controller document or status list).")
    var documents: [String] = []

    @Option(help: "A trust registry: a JSON list of member DIDs.")
    var registry: String?

    @Flag(help: "Count a credential as verified only when its issuer is in the registry.")
    var requireTrusted = false

    @Flag(help: "Fetch nothing: use only --document files (and did:key, which needs no fetching).")
    var offline = false

    @Option(help: "The challenge a presentation's proof must carry.")
    var challenge: String?

    @Option(help: "The domain a presentation's proof must be made for.")
    var domain: String?

    @Option(help: "Language of the messages: es, pt or en (default: from LANG, else Spanish).")
    var lang: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH (a file, a folder, or - for standard input)") }
        if let now, XSDDateTime(now) == nil {
            throw ValidationError("--now \"\(now)\" is not an XML Schema dateTime such as 2026-01-01T00:00:00Z")
        }
        for document in documents where !document.contains("=") {
            throw ValidationError("--document \"\(document)\" must be URL=FILE")
        }
        if requireTrusted && registry == nil { throw ValidationError("--require-trusted needs --registry FILE") }
        if let lang, Language(tag: lang) == nil { throw ValidationError("--lang must be es, pt or en") }
    }

    func run() async throws {
        let language = lang.flatMap(Language.init(tag:)) ?? VerifyCommand.environmentLanguage()
        var preloaded: [String: JSONValue] = [:]
        for entry in documents {
            let separator = entry.firstIndex(of: "=")!
            let url = String(entry[..<separator])
            let path = String(entry[entry.index(after: separator)...])
            do {
                preloaded[url] = try JSONValue(parsing: try readInput(path), limits: JSONLimits(maxBytes: 16 << 20))
            } catch let error as JSONParseError {
                throw CLIError("--document \(url): \(path): \(error)")
            }
        }
        var trustRegistry: TrustRegistry? = nil
        if let registry {
            do {
                trustRegistry = try TrustRegistry(json: try JSONValue(parsing: try readInput(registry), limits: JSONLimits(maxBytes: 16 << 20)))
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError("--registry \(registry): \(error)")
            }
        }
        // Preloaded documents first; then, unless --offline, HTTPS (did:web documents, status lists).
        var resolvers: [any DocumentResolver] = [PreloadedDocuments(preloaded)]
        if !offline {
            // HTTPS anywhere public; plain HTTP only to a node on this machine.
            var policy = HTTPDocumentResolver.Policy()
            policy.allowLoopback = true
            resolvers.append(HTTPDocumentResolver(policy: policy))
        }
        let verifier = CredentialVerifier(
            documents: ChainedResolver(resolvers), registry: trustRegistry, requireTrusted: requireTrusted)
        let openBadges2 = OpenBadges2Verifier(documents: ChainedResolver(resolvers))
        let instant = now.flatMap(XSDDateTime.init)?.date ?? Date()

        var anyFailed = false
        var anyUnusable = false
        for path in paths {
            let inputs: [CredentialInput]
            do {
                inputs = try CredentialInput.collect(path)
            } catch let error as CLIError {
                FileHandle.standardError.write(Data("mochila: \(error.message)\n".utf8))
                anyUnusable = true
                continue
            }
            for input in inputs {
                switch input.content {
                case .unusable(let reason):
                    FileHandle.standardError.write(Data("mochila: \(input.name): \(reason)\n".utf8))
                    anyUnusable = true
                case .bytes(let bytes):
                    let outcome = await verify(bytes, verifier: verifier, openBadges2: openBadges2, at: instant)
                    if !outcome.verified { anyFailed = true }
                    print(json ? outcome.json(input: input.name, language: language).serializedString() : text(outcome, input.name, language))
                }
            }
        }
        if anyUnusable { throw ExitCode(2) }
        if anyFailed { throw ExitCode(1) }
    }

    /// Each kind of input by its own verifier: Open Badges 2.0 (hosted, signed or baked),
    /// Europass EDCs, and otherwise VCs and presentations (JSON, JWT, or baked into a badge image).
    func verify(_ bytes: [UInt8], verifier: CredentialVerifier, openBadges2: OpenBadges2Verifier, at instant: Date) async
        -> VerificationOutcome
    {
        if OpenBadges2Input.isOpenBadges2(bytes) { return .credential(await openBadges2.verify(bytes: bytes, at: instant).report) }
        if EuropassInput.isEuropass(bytes) { return .credential(EuropassVerifier().verify(bytes: bytes, at: instant)) }
        var input = bytes
        if CredentialInput.isImage(bytes) {
            do {
                guard let baked = try BakedBadge.extract(from: bytes, inflate: { try ZLib.inflate($0) }) else {
                    return .credential(VerificationReport(checks: [CheckResult(.format, .failed, Message("format.unreadable", "the image carries no credential"))]))
                }
                input = Array(baked.utf8)
            } catch {
                return .credential(VerificationReport(checks: [CheckResult(.format, .failed, Message("format.unreadable", "\(error)"))]))
            }
        }
        return await verifier.verifyAny(bytes: input, challenge: challenge, domain: domain, at: instant)
    }

    /// A report for people: the verdict, then one line per check; for a presentation, then each
    /// credential's report, indented.
    func text(_ outcome: VerificationOutcome, _ name: String, _ language: Language) -> String {
        switch outcome {
        case .credential(let report):
            return text(verified: report.verified, checks: report.checks, name, language)
        case .presentation(let report):
            var lines = [text(verified: report.verified, checks: report.checks, name, language)]
            for (index, credential) in report.credentials.enumerated() {
                lines.append(
                    text(verified: credential.verified, checks: credential.checks, "\(name) [\(index + 1)]", language)
                        .split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            }
            return lines.joined(separator: "\n")
        }
    }

    func text(verified: Bool, checks: [CheckResult], _ name: String, _ language: Language) -> String {
        let verdict: String
        switch (verified, language) {
        case (true, .es): verdict = "VERIFICADA"
        case (true, .pt): verdict = "VERIFICADA"
        case (true, .en): verdict = "VERIFIED"
        case (false, .es): verdict = "NO VERIFICADA"
        case (false, .pt): verdict = "NÃO VERIFICADA"
        case (false, .en): verdict = "NOT VERIFIED"
        }
        var lines = ["\(name): \(verdict)"]
        for check in checks {
            let mark: String
            switch check.status {
            case .passed: mark = "✔"
            case .failed: mark = "✘"
            case .skipped: mark = "–"
            case .unknown: mark = "?"
            }
            lines.append("  \(mark) \(check.check.rawValue) (\(check.status.rawValue)): \(check.message.text(language))")
        }
        return lines.joined(separator: "\n")
    }

    static func environmentLanguage() -> Language {
        let environment = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return Language(tag: value) ?? .es
            }
        }
        return .es
    }
}

/// One credential to verify, named as the report names it: the path, with `:LINE` for JSON Lines.
struct CredentialInput {
    enum Content {
        case bytes([UInt8])
        case unusable(String)
    }

    var name: String
    var content: Content

    static let folderExtensions: Set<String> = ["json", "jsonld", "jsonl", "jwt", "png", "svg"]

    /// A PNG, or an SVG document: a badge that may have a credential baked in.
    static func isImage(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || String(decoding: bytes.prefix(4096), as: UTF8.self).contains("<svg")
    }

    /// The credentials at `path`: a file (one credential, or JSON Lines), a folder, or `-`.
    static func collect(_ path: String) throws -> [CredentialInput] {
        var isDirectory: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            guard let enumerator = FileManager.default.enumerator(atPath: path) else { throw CLIError("\(path): the folder cannot be read") }
            var files: [String] = []
            for case let relative as String in enumerator {
                let full = (path as NSString).appendingPathComponent(relative)
                var nested: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &nested), !nested.boolValue,
                    folderExtensions.contains((relative as NSString).pathExtension.lowercased())
                {
                    files.append(full)
                }
            }
            return try files.sorted().flatMap { try collectFile($0) }
        }
        return try collectFile(path)
    }

    static func collectFile(_ path: String) throws -> [CredentialInput] {
        let bytes = try readInput(path)
        if bytes.count > 64 << 20 { return [CredentialInput(name: path, content: .unusable("larger than 64 MiB"))] }
        if isImage(bytes) || OpenBadges2Input.isOpenBadges2(bytes) { return [CredentialInput(name: path, content: .bytes(bytes))] }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return [CredentialInput(name: path, content: .unusable("the input is empty"))] }
        if CredentialVerifier.looksLikeJWT(Array(text.utf8)) { return [CredentialInput(name: path, content: .bytes(Array(text.utf8)))] }
        // One JSON document: a credential, or a list of credentials.
        switch Result(catching: { try JSONValue(parsing: bytes) }) {
        case .success(let value):
            if let items = value.arrayValue {
                return items.enumerated().map { CredentialInput(name: "\(path)[\($0.offset)]", content: .bytes($0.element.serialized())) }
            }
            return [CredentialInput(name: path, content: .bytes(bytes))]
        case .failure(let error):
            // JSON Lines: several lines, each a credential or a JWT.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let nonEmpty = lines.enumerated().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
            guard nonEmpty.count > 1 || path.hasSuffix(".jsonl") else {
                return [CredentialInput(name: path, content: .unusable("\(error)"))]
            }
            return nonEmpty.map { offset, line in
                let name = "\(path):\(offset + 1)"
                let lineBytes = Array(line.trimmingCharacters(in: .whitespaces).utf8)
                if CredentialVerifier.looksLikeJWT(lineBytes) { return CredentialInput(name: name, content: .bytes(lineBytes)) }
                do {
                    _ = try JSONValue(parsing: lineBytes)
                    return CredentialInput(name: name, content: .bytes(lineBytes))
                } catch {
                    return CredentialInput(name: name, content: .unusable("\(error)"))
                }
            }
        }
    }
}
