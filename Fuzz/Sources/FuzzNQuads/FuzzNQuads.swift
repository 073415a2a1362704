import FuzzerDriver
import LinkedData

/// RDFC-1.0 with its default limits on Hash N-Degree Quads (safe against poison graphs).
let canonicalizer = RDFCanonicalizer()

/// libFuzzer entry point: the N-Quads parser (`NQuadsParser.parse`), then what is done with the
/// quads it reads.
///
/// The bytes are read as UTF-8 (invalid sequences become U+FFFD, as `String(decoding:)` does for
/// any caller holding bytes). A syntax error is the expected outcome. When the text parses:
/// - the dataset written as N-Quads reads back as the same dataset;
/// - it is canonicalized (RDFC-1.0); a canonicalization limit is an expected outcome; and the
///   canonical form, read and canonicalized again, gives the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let quads = try? NQuadsParser().parse(text) else { return 0 }
    let dataset = RDFDataset(quads)
    let written = NQuadsSerializer.serialize(dataset)
    let reread: RDFDataset
    do {
        reread = try RDFDataset(nquads: written)
    } catch {
        fatalError("the parser refuses what the serializer wrote: \(error)\n\(written)")
    }
    precondition(reread == dataset, "the quads read back differ from the quads written\n\(written)")

    guard let canonical = try? canonicalizer.canonicalize(dataset) else { return 0 }
    let again: CanonicalDataset
    do {
        again = try canonicalizer.canonicalize(nquads: canonical.nquads)
    } catch let error where error.code == .canonicalizationLimitExceeded {
        // The work depends on the order blank nodes are met in, so the second run may pass a
        // limit the first stayed under; that is not a difference in the result.
        return 0
    } catch {
        fatalError("the canonical form does not read back: \(error)\n\(canonical.nquads)")
    }
    precondition(again.utf8 == canonical.utf8, "canonicalizing the canonical form changed it\n\(canonical.nquads)")
    return 0
}

/// libFuzzer drives the process: it reads its options and corpus folders from the command line
/// and calls `LLVMFuzzerTestOneInput` (`fuzz` above) with each input.
@main enum FuzzNQuads {
    static func main() { mochila_fuzzer_main(CommandLine.argc, CommandLine.unsafeArgv) }
}
