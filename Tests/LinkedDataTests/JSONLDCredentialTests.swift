import Foundation
import Synchronization
import Testing

@testable import LinkedData

/// Real credentials through the bundled contexts, in safe mode, against the canonical N-Quads of
/// the vc-di-eddsa test vectors.
@Suite struct JSONLDCredentialTests {
    @Test(arguments: ["alumni", "employment"])
    func producesTheDatasetOfTheEdDSAVector(_ name: String) throws {
        let credential = try fixtureJSON("credentials/\(name)-unsigned.json")
        let dataset = try JSONLDProcessor().toRDF(credential)
        let text = try String(contentsOf: fixturesDirectory.appendingPathComponent("credentials/\(name)-canonical.nq"), encoding: .utf8)
        let expected = try TestNQuads.parse(text)
        #expect(dataset.count == expected.count)
        #expect(datasetsIsomorphic(dataset.quads, expected), "got\n\(describe(dataset.quads))")
    }

    /// With RDFC-1.0, the canonical N-Quads are byte for byte those the vectors sign.
    @Test(arguments: ["alumni", "employment"])
    func canonicalizesToTheBytesOfTheEdDSAVector(_ name: String) throws {
        let dataset = try JSONLDProcessor().toRDF(try fixtureJSON("credentials/\(name)-unsigned.json"))
        let expected = try String(contentsOf: fixturesDirectory.appendingPathComponent("credentials/\(name)-canonical.nq"), encoding: .utf8)
        #expect(try RDFCanonicalizer().canonicalize(dataset).nquads == expected)
    }

    @Test func expandsTheAlumniCredential() throws {
        let expanded = try JSONLDProcessor().expand(try fixtureJSON("credentials/alumni-unsigned.json"))
        let node = try #require(expanded[0])
        #expect(node["@id"] == "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33")
        #expect(
            node["@type"]
                == ["https://www.w3.org/2018/credentials#VerifiableCredential", "https://www.w3.org/ns/credentials/examples#AlumniCredential"])
        #expect(
            node["https://www.w3.org/2018/credentials#validFrom"]
                == [["@value": "2023-01-01T00:00:00Z", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"]])
        #expect(node["https://www.w3.org/2018/credentials#issuer"] == [["@id": "https://vc.example/issuers/5678"]])
    }

    @Test func putsTheProofInItsOwnGraph() throws {
        let dataset = try JSONLDProcessor().toRDF(try fixtureJSON("credentials/alumni-signed.json"))
        let proofQuads = dataset.quads.filter { $0.graph != nil }
        #expect(proofQuads.count == 6)
        #expect(Set(proofQuads.compactMap { $0.graph?.blankNodeLabel }).count == 1)
        let proof = dataset.quads.first { $0.predicate == .iri("https://w3id.org/security#proof") }
        #expect(proof?.object == proofQuads.first?.graph)
    }
}

/// The bundled document loader serves only its own contexts.
@Suite struct JSONLDDocumentLoaderTests {
    @Test func refusesURLsThatAreNotBundled() {
        #expect {
            _ = try BundledContexts.shared.loadDocument(at: "https://example.com/context.jsonld")
        } throws: { error in
            let error = error as? JSONLDError
            return error?.code == .loadingDocumentFailed
                && error?.message.contains("https://example.com/context.jsonld is not one of the bundled contexts") == true
        }
    }

    @Test func failsADocumentWhoseContextIsNotBundled() throws {
        let document: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://attacker.example/context"],
            "type": "VerifiableCredential",
        ]
        #expect {
            _ = try JSONLDProcessor().expand(document)
        } throws: { error in
            let error = error as? JSONLDError
            return error?.code == .loadingRemoteContextFailed
                && error?.message.contains("https://attacker.example/context is not one of the bundled contexts") == true
        }
    }

    @Test func servesEveryBundledContextAtItsURL() throws {
        #expect(BundledContexts.shared.urls.count == 21)
        for url in BundledContexts.shared.urls {
            let remote = try BundledContexts.shared.loadDocument(at: url)
            #expect(remote.documentURL == url)
            #expect(remote.document["@context"] != nil, "\(url)")
        }
    }

    @Test func processesEveryBundledContext() throws {
        // The VC 1.1 examples context refers to the ODRL context, which is not bundled.
        let needsODRL = "https://www.w3.org/2018/credentials/examples/v1"
        for url in BundledContexts.shared.urls where url != needsODRL {
            let document: JSONValue = ["@context": .string(url), "@id": "urn:example:1"]
            _ = try JSONLDProcessor(options: .standard).expand(document)
        }
        #expect {
            _ = try JSONLDProcessor().expand(["@context": .string(needsODRL)])
        } throws: { error in
            let error = error as? JSONLDError
            return error?.code == .loadingRemoteContextFailed && error?.message.contains("https://www.w3.org/ns/odrl.jsonld") == true
        }
    }

    @Test func reusesProcessedContexts() throws {
        let loader = CountingLoader()
        let processor = JSONLDProcessor(loader: loader, options: .standard)
        let document: JSONValue = ["@context": "https://www.w3.org/ns/credentials/v2", "name": "x"]
        _ = try processor.expand(document)
        let cached = loader.contextCache!.count
        _ = try processor.expand(["@context": "https://www.w3.org/ns/credentials/v2", "description": "y"])
        #expect(loader.contextCache!.count == cached)
        #expect(loader.loads.withLock { $0 } == 1)
    }
}

/// A loader over the bundled contexts that counts loads.
final class CountingLoader: DocumentLoader {
    let loads = Mutex(0)
    let contextCache: ContextCache? = ContextCache()

    func loadDocument(at url: String) throws -> RemoteDocument {
        loads.withLock { $0 += 1 }
        return try BundledContexts.shared.loadDocument(at: url)
    }
}
