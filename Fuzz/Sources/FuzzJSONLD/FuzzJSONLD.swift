import FuzzerDriver
import LinkedData

/// The processors: credentials' (safe mode on) and plain JSON-LD 1.1 (safe mode off), both with
/// the contexts bundled with Mochila only; any other URL fails with `loading document failed`,
/// so no input ever reaches the network.
let safe = JSONLDProcessor(loader: BundledContexts.shared, options: .credential)
let standard = JSONLDProcessor(loader: BundledContexts.shared, options: .standard)
/// The document's URL, so that relative IRIs and relative context URLs are resolved.
let base = "https://issuer.example/credentials/1"

/// libFuzzer entry point: JSON-LD expansion and deserialization to RDF (`JSONLDProcessor.toRDF`),
/// which runs context processing, expansion, the node map and toRdf.
///
/// The bytes are read as JSON first (with a credential's limits); bytes that are not JSON stop
/// there. A JSON-LD error is the expected outcome for most documents. A document safe mode
/// accepts must give quads whose N-Quads read back as the same dataset: those are the bytes a
/// Data Integrity signature covers. A document safe mode refuses is processed again without it,
/// to reach what safe mode stops.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let document = try? JSONValue(parsing: bytes, limits: .credential) else { return 0 }
    do {
        let dataset = try safe.toRDF(document, base: base)
        let nquads = NQuadsSerializer.serialize(dataset)
        let reread: RDFDataset
        do {
            reread = try RDFDataset(nquads: nquads)
        } catch {
            fatalError("safe mode let through quads that N-Quads cannot carry: \(error)\n\(nquads)")
        }
        precondition(reread == dataset, "the quads read back differ from the quads written\n\(nquads)")
    } catch let error as JSONLDError where error.code == .safeModeViolation {
        _ = try? standard.toRDF(document, base: base)
    } catch {
        // Any other JSON-LD error: the expected outcome.
    }
    return 0
}

/// libFuzzer drives the process: it reads its options and corpus folders from the command line
/// and calls `LLVMFuzzerTestOneInput` (`fuzz` above) with each input.
@main enum FuzzJSONLD {
    static func main() { mochila_fuzzer_main(CommandLine.argc, CommandLine.unsafeArgv) }
}
