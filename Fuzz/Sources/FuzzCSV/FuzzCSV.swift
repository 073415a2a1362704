import FuzzerDriver
import Credentials
import MochilaCore

/// libFuzzer entry point: the CSV import of learners (`BatchImport.learners(from:)`).
///
/// Any bytes: a list of problems (`.failure`) is the expected outcome for most of them. Both
/// ways of treating unknown columns are run, as the server offers both.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for unknownColumns in [BatchImport.UnknownColumns.refuse, .ignore] {
        switch BatchImport.learners(from: bytes, unknownColumns: unknownColumns) {
        case .success(let rows):
            precondition(!rows.isEmpty, "an import succeeded with no learners")
        case .failure(let error):
            // The report is what the user reads: writing it must not trap either.
            for language in Language.allCases { _ = error.lines(language) }
        }
    }
    return 0
}

/// libFuzzer drives the process: it reads its options and corpus folders from the command line
/// and calls `LLVMFuzzerTestOneInput` (`fuzz` above) with each input.
@main enum FuzzCSV {
    static func main() { mochila_fuzzer_main(CommandLine.argc, CommandLine.unsafeArgv) }
}
