import Benchmark
import Credentials
import Foundation
import LinkedData

/// Canonicalizing, verifying and signing Open Badges 3.0 credentials with `eddsa-rdfc-2022`.
///
/// Targets on the 2-core reference machine, one core: verifying the 1EdTech OB 3.0 vector at most
/// 0.3 ms median; the same credential with 50 ESCO alignments at most 3 ms.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], timeUnits: .microseconds,
        maxDuration: .seconds(3), maxIterations: 100_000)

    let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    func load(_ name: String) -> JSONValue {
        try! JSONValue(parsing: Array(try! Data(contentsOf: fixtures.appendingPathComponent(name))))
    }
    let unsigned = load("unsigned.json").objectValue!
    let signed = load("signed.json").objectValue!
    let pair = load("keyPair.json")
    let key = try! SigningKey(multibase: pair["secretKeyMultibase"]!.stringValue!)
    let proof = DataIntegrityProof(json: signed["proof"]!.asArray[0].objectValue!)
    let options = ProofOptions(verificationMethod: proof.verificationMethod!, created: proof.created)
    let suite = EdDSARDFC2022()

    // The same credential with 50 ESCO skill alignments, signed once.
    var aligned = unsigned
    var achievement = aligned["credentialSubject"]!["achievement"]!.objectValue!
    achievement["alignment"] = .array(
        (0..<50).map { index in
            [
                "type": ["Alignment"], "targetName": .string("Competencia ESCO \(index)"),
                "targetUrl": .string("http://data.europa.eu/esco/skill/00000000-0000-4000-8000-\(String(format: "%012d", index))"),
                "targetFramework": "ESCO", "targetType": "ceasn:Competency",
            ]
        })
    aligned["credentialSubject"]!["achievement"] = .object(achievement)
    let alignedSigned = try! DataIntegrity.addProof(to: aligned, suite: suite, key: key, options: options)
    let alignedProof = DataIntegrityProof(json: alignedSigned["proof"]!.objectValue!)

    precondition(DataIntegrity.checkSignature(of: proof, in: signed, publicKey: key.publicKey) == .valid)
    precondition(DataIntegrity.checkSignature(of: alignedProof, in: alignedSigned, publicKey: key.publicKey) == .valid)

    Benchmark("Canonicalize OB 3.0 vector (RDFC-1.0)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try suite.transform(unsigned)) }
    }

    Benchmark("Verify OB 3.0 vector (eddsa-rdfc-2022)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(DataIntegrity.checkSignature(of: proof, in: signed, publicKey: key.publicKey))
        }
    }

    Benchmark("Verify OB 3.0 with 50 ESCO alignments (eddsa-rdfc-2022)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(DataIntegrity.checkSignature(of: alignedProof, in: alignedSigned, publicKey: key.publicKey))
        }
    }

    Benchmark("Sign OB 3.0 vector (eddsa-rdfc-2022)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try DataIntegrity.addProof(to: unsigned, suite: suite, key: key, options: options))
        }
    }

    Benchmark("Verify OB 3.0 vector (eddsa-jcs-2022)") { benchmark in
        let jcsSigned = try DataIntegrity.addProof(to: unsigned, suite: EdDSAJCS2022(), key: key, options: options)
        let jcsProof = DataIntegrityProof(json: jcsSigned["proof"]!.objectValue!)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(DataIntegrity.checkSignature(of: jcsProof, in: jcsSigned, publicKey: key.publicKey))
        }
    }

    // Inputs the fuzzing campaign found taking time quadratic in their size (Fuzz/README.md): with
    // the fixes, time grows linearly; these keep it so (the regression tests check the results).
    let processor = JSONLDProcessor(loader: BundledContexts.shared, options: .credential)
    let manyValues = try! JSONValue(parsing: Array(
        (#"{"@context":{"@vocab":"http://example.org/"},"@id":"http://example.org/s","p":["# + (0..<20_000).map(String.init).joined(separator: ",") + "]}").utf8))
    Benchmark("JSON-LD to RDF, 20,000 values of one property", configuration: .init(timeUnits: .milliseconds, maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try processor.toRDF(manyValues, base: "https://issuer.example/c/1")) }
    }
    let aliases = (0..<10_000).map { #","y\#($0)":"@type""# }.joined()
    let typed = (0..<10_000).map { #","y\#($0)":"T\#($0)""# }.joined()
    let manyAliases = try! JSONValue(parsing: Array(
        (#"{"@context":{"@vocab":"http://example.org/""# + aliases + #"},"@id":"http://example.org/s""# + typed + "}").utf8))
    Benchmark("JSON-LD to RDF, 10,000 aliases of @type", configuration: .init(timeUnits: .milliseconds, maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try processor.toRDF(manyAliases, base: "https://issuer.example/c/1")) }
    }
}
