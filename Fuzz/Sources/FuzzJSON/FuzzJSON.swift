import FuzzerDriver
import LinkedData

/// libFuzzer entry point: the JSON parser (`JSONValue(parsing:limits:)`).
///
/// Any bytes: a parse error is the expected outcome. When the bytes parse, the value is written
/// compact and in JCS order (RFC 8785) and read back; reading back a different value, or failing
/// to read what the serializer wrote, is a bug and stops the run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let value = try? JSONValue(parsing: bytes, limits: .credential) else { return 0 }
    // What the serializer writes may be longer than the input (escapes, exponents), never deeper.
    let relaxed = JSONLimits(maxBytes: 1 << 26, maxDepth: JSONLimits.credential.maxDepth, maxStringBytes: 1 << 26)
    for options in [JSONOutputOptions.compact, JSONOutputOptions(sortedKeys: true), .pretty] {
        let written = value.serialized(options)
        let reread: JSONValue
        do {
            reread = try JSONValue(parsing: written, limits: relaxed)
        } catch {
            fatalError("the parser refuses what the serializer wrote: \(error)\n\(String(decoding: written, as: UTF8.self))")
        }
        precondition(reread == value, "the value read back differs from the value written")
        if options.sortedKeys {
            // JCS is a canonical form: writing what was read back gives the same bytes.
            precondition(reread.serialized(options) == written, "JCS output is not stable")
        }
    }
    return 0
}

/// libFuzzer drives the process: it reads its options and corpus folders from the command line
/// and calls `LLVMFuzzerTestOneInput` (`fuzz` above) with each input.
@main enum FuzzJSON {
    static func main() { mochila_fuzzer_main(CommandLine.argc, CommandLine.unsafeArgv) }
}
