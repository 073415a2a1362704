import ArgumentParser
import Foundation
import LinkedData

/// `mochila ld canonicalize|expand|to-rdf`: the JSON-LD and RDF machinery behind `eddsa-rdfc-2022`,
/// for reproducing test vectors and inspecting what a signature covers.
struct LDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ld", abstract: "JSON-LD expansion, RDF and RDFC-1.0 canonicalization.",
        subcommands: [Canonicalize.self, Expand.self, ToRDF.self])

    /// Options shared by the subcommands that read JSON-LD.
    struct JSONLDInput: ParsableArguments {
        @Flag(help: "Plain JSON-LD: drop what does not expand instead of failing (safe mode is on by default, as for signing).")
        var lenient = false

        @Option(help: "The document's base IRI (default: none, relative IRIs stay relative).")
        var base: String?

        var processor: JSONLDProcessor {
            JSONLDProcessor(options: lenient ? .standard : .credential)
        }
    }

    struct Canonicalize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the RDFC-1.0 canonical N-Quads of a JSON-LD document or of an N-Quads dataset.")

        @Option(help: "The input's format: jsonld or nquads (default: nquads for .nq and .nquads files, else jsonld).")
        var format: String?

        @Option(help: "The hash algorithm: sha256 or sha384.")
        var hash: String = "sha256"

        @OptionGroup var input: JSONLDInput

        @Argument(help: "The input file, or - for standard input.")
        var file: String

        func validate() throws {
            if let format, !["jsonld", "nquads"].contains(format) {
                throw ValidationError("--format must be jsonld or nquads, not \"\(format)\"")
            }
            if !["sha256", "sha384"].contains(hash) { throw ValidationError("--hash must be sha256 or sha384, not \"\(hash)\"") }
        }

        func run() async throws {
            let bytes = try readInput(file)
            let isNQuads = format.map { $0 == "nquads" } ?? (file.hasSuffix(".nq") || file.hasSuffix(".nquads"))
            let canonicalizer = RDFCanonicalizer(hash: hash == "sha384" ? .sha384 : .sha256)
            do {
                let dataset: RDFDataset
                if isNQuads {
                    dataset = try RDFDataset(nquads: String(decoding: bytes, as: UTF8.self))
                } else {
                    dataset = try input.processor.toRDF(try JSONValue(parsing: bytes), base: input.base)
                }
                FileHandle.standardOutput.write(Data(try canonicalizer.canonicalize(dataset).utf8))
            } catch {
                throw CLIError("\(file): \(error)")
            }
        }
    }

    struct Expand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the expanded form of a JSON-LD document.")

        @OptionGroup var input: JSONLDInput

        @Argument(help: "The JSON-LD document, or - for standard input.")
        var file: String

        func run() async throws {
            do {
                let expanded = try input.processor.expand(try JSONValue(parsing: try readInput(file)), base: input.base)
                print(expanded.serializedString(.pretty))
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError("\(file): \(error)")
            }
        }
    }

    struct ToRDF: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "to-rdf", abstract: "Print the RDF dataset of a JSON-LD document as N-Quads.")

        @OptionGroup var input: JSONLDInput

        @Argument(help: "The JSON-LD document, or - for standard input.")
        var file: String

        func run() async throws {
            do {
                let dataset = try input.processor.toRDF(try JSONValue(parsing: try readInput(file)), base: input.base)
                FileHandle.standardOutput.write(Data(NQuadsSerializer.serialize(dataset).utf8))
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError("\(file): \(error)")
            }
        }
    }
}
