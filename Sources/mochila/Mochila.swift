import ArgumentParser
import Foundation
import Logging

/// The `mochila` command.
struct Mochila: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mochila",
        abstract: "Design, issue, carry and verify digital micro-credentials (Open Badges 3.0 / VC 2.0).",
        subcommands: [ServeCommand.self, IssueCommand.self, KeysCommand.self, SignCommand.self, VerifyCommand.self, RegistryCommand.self, LDCommand.self, BackupCommand.self, RestoreCommand.self])
}

/// A failure the command line reports in one line, with its exit code (2: unusable input or usage).
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32 = 2

    init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}

/// Entry point: parses, runs, and maps every failure to the contract's exit codes (0 success,
/// 1 a credential did not verify, 2 unusable input or usage), with a one-line message and never
/// a stack trace.
@main
enum Main {
    static func main() async {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            return handler
        }
        do {
            var command = try Mochila.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("mochila: \(error.message)\n".utf8))
            exit(error.exitCode)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = Mochila.exitCode(for: error)
            if code == .success {
                print(Mochila.fullMessage(for: error))
                exit(0)
            }
            let message = Mochila.fullMessage(for: error)
            FileHandle.standardError.write(Data("\(message.hasPrefix("Error:") || message.hasPrefix("Usage:") ? "" : "mochila: ")\(message)\n".utf8))
            // Argument errors are usage errors: exit 2, as the contract says (not EX_USAGE).
            exit(code == .validationFailure ? 2 : (code.rawValue == 1 ? 1 : 2))
        }
    }
}

/// Reads a whole file, or standard input for `-`.
func readInput(_ path: String) throws -> [UInt8] {
    if path == "-" {
        return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
    guard FileManager.default.fileExists(atPath: path) else { throw CLIError("\(path): no such file") }
    do {
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
        throw CLIError("\(path): cannot be read (\(error.localizedDescription))")
    }
}
