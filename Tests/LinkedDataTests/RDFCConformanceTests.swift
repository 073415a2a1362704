import Foundation
import Testing

@testable import LinkedData

/// One entry of the W3C rdf-canon test manifest (`Fixtures/rdf-canon/manifest.jsonld`).
struct RDFCTestEntry: Sendable, CustomTestStringConvertible {
    enum Kind: String, Sendable, CaseIterable {
        case eval = "rdfc:RDFC10EvalTest"
        case map = "rdfc:RDFC10MapTest"
        case negative = "rdfc:RDFC10NegativeEvalTest"
    }

    var id: String
    var kind: Kind
    var name: String
    var action: String
    var result: String?
    var hashAlgorithm: RDFCanonicalizer.HashAlgorithm

    var testDescription: String { "\(id) \(name)" }

    /// Runs the entry and returns nil when it passes, or why it fails.
    func run() -> String? {
        do {
            let input = try RDFCManifest.text(action)
            let canonicalizer = RDFCanonicalizer(hash: hashAlgorithm)
            switch kind {
            case .eval:
                let canonical = try canonicalizer.canonicalize(nquads: input)
                let expected = try RDFCManifest.text(result!)
                return canonical.nquads == expected ? nil : "expected\n\(expected)got\n\(canonical.nquads)"
            case .map:
                let dataset = try RDFDataset(nquads: input)
                let canonical = try canonicalizer.canonicalize(dataset)
                let expected = try JSONValue(parsing: RDFCManifest.text(result!)).objectValue!
                let expectedMap = Dictionary(uniqueKeysWithValues: expected.map { ($0.key, $0.value.stringValue!) })
                let labels = Set(dataset.quads.flatMap { quad in
                    [quad.subject, quad.object, quad.graph].compactMap { $0?.blankNodeLabel }
                })
                guard Set(canonical.issuedIdentifiers.keys) == labels else {
                    return "map keys \(canonical.issuedIdentifiers.keys.sorted()) are not the input labels"
                }
                return canonical.issuedIdentifiers == expectedMap
                    ? nil : "expected \(expectedMap.sorted { $0.key < $1.key }), got \(canonical.issuedIdentifiers.sorted { $0.key < $1.key })"
            case .negative:
                let error = RDFCConformanceTests.error { () throws(RDFError) in
                    _ = try canonicalizer.canonicalize(nquads: input)
                }
                return error?.code == .canonicalizationLimitExceeded ? nil : "expected a limit error, got \(String(describing: error))"
            }
        } catch {
            return "threw \(error)"
        }
    }
}

/// The rdf-canon manifest and its files, from the test bundle.
enum RDFCManifest {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/rdf-canon")

    static func text(_ path: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }

    static let entries: [RDFCTestEntry] = {
        let manifest = try! JSONValue(parsing: text("manifest.jsonld"))
        return manifest["entries"]!.arrayValue!.map { entry in
            RDFCTestEntry(
                id: entry["id"]!.stringValue!,
                kind: RDFCTestEntry.Kind(rawValue: entry["type"]!.stringValue!)!,
                name: entry["name"]!.stringValue!,
                action: entry["action"]!.stringValue!,
                result: entry["result"]?.stringValue,
                hashAlgorithm: entry["hashAlgorithm"]?.stringValue == "SHA384" ? .sha384 : .sha256)
        }
    }()
}

@Suite struct RDFCConformanceTests {
    @Test(arguments: RDFCManifest.entries)
    func entryPasses(_ entry: RDFCTestEntry) {
        if let failure = entry.run() { Issue.record("\(entry.id): \(failure)") }
    }

    @Test func wholeSuitePasses() {
        var passed: [RDFCTestEntry.Kind: Int] = [:]
        var failed: [RDFCTestEntry.Kind: Int] = [:]
        for entry in RDFCManifest.entries {
            if entry.run() == nil { passed[entry.kind, default: 0] += 1 } else { failed[entry.kind, default: 0] += 1 }
        }
        let total = RDFCManifest.entries.count
        let summary = RDFCTestEntry.Kind.allCases.map {
            "\($0.rawValue): \(passed[$0, default: 0]) passed, \(failed[$0, default: 0]) failed"
        }
        print("rdf-canon: \(passed.values.reduce(0, +))/\(total) passed; " + summary.joined(separator: "; "))
        #expect(total == 86)
        #expect(failed.isEmpty)
    }

    @Test func poisonGraphFailsFast() throws {
        let input = try RDFCManifest.text("rdfc10/test074-in.nq")
        let dataset = try RDFDataset(nquads: input)
        // The bound is on work (calls, permutations, depth), not on time: speed is the benchmarks' job.
        let thrown: RDFError? = Self.error { () throws(RDFError) in _ = try RDFCanonicalizer().canonicalize(dataset) }
        print("rdf-canon #test074c: \(thrown.map(\.description) ?? "no error")")
        #expect(thrown?.code == .canonicalizationLimitExceeded)
        #expect(thrown?.message.contains("poison graph") == true)
    }

    /// The error `body` throws, if any.
    static func error(_ body: () throws(RDFError) -> Void) -> RDFError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }
}
