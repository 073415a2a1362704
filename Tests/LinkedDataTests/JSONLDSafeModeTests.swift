import Testing

@testable import LinkedData

/// Safe mode turns what JSON-LD would silently drop into errors naming the term; limits turn
/// hostile input into errors rather than crashes.
@Suite struct JSONLDSafeModeTests {
    /// A VC 1.1 credential: its context has no @vocab, so undefined terms are dropped.
    func credential(_ extra: [(String, JSONValue)]) -> JSONValue {
        var object: JSONObject = [
            "@context": "https://www.w3.org/2018/credentials/v1",
            "id": "urn:uuid:1",
            "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer",
            "issuanceDate": "2024-01-01T00:00:00Z",
            "credentialSubject": ["id": "did:example:subject"],
        ]
        for (key, value) in extra { object[key] = value }
        return .object(object)
    }

    func expectSafeModeError(_ document: JSONValue, naming name: String, toRDF: Bool = false) {
        #expect {
            let processor = JSONLDProcessor()
            if toRDF { _ = try processor.toRDF(document) } else { _ = try processor.expand(document) }
        } throws: { error in
            guard let error = error as? JSONLDError else { return false }
            return error.code == .safeModeViolation && error.message.contains(name)
        }
    }

    @Test func refusesAnUndefinedTerm() throws {
        let document = credential([("favouriteColour", "blue")])
        expectSafeModeError(document, naming: "favouriteColour")
        // Plain JSON-LD drops it.
        let dataset = try JSONLDProcessor(options: .standard).toRDF(document)
        #expect(!dataset.quads.contains { describe($0.predicate).contains("favouriteColour") })
        #expect(try JSONLDProcessor().toRDF(credential([])).count == dataset.count)
    }

    @Test func refusesAnUndefinedTermInsideTheSubject() {
        expectSafeModeError(
            credential([("credentialSubject", ["id": "did:example:subject", "degree": "BSc"])]), naming: "degree")
    }

    @Test func refusesATypeThatIsNotAnAbsoluteIRI() {
        expectSafeModeError(credential([("type", ["VerifiableCredential", "UniversityDegree"])]), naming: "UniversityDegree")
    }

    @Test func refusesARelativeIdentifierWhenConvertingToRDF() {
        expectSafeModeError(credential([("id", "credential-1")]), naming: "credential-1", toRDF: true)
    }

    @Test func refusesAnInvalidLanguageTag() {
        let document: JSONValue = [
            "@context": ["name": "https://schema.org/name"],
            "@id": "urn:example:1",
            "name": ["@value": "Mochila", "@language": "not a tag"],
        ]
        expectSafeModeError(document, naming: "https://schema.org/name", toRDF: true)
    }

    @Test func refusesAFreeFloatingValue() {
        expectSafeModeError(["@context": ["@vocab": "https://example.org/"], "@graph": ["stray"]], naming: "stray")
    }

    @Test func refusesATermWithTheFormOfAKeyword() {
        expectSafeModeError(["@context": ["@custom": "https://example.org/custom"], "@id": "urn:example:1"], naming: "@custom")
    }

    @Test func acceptsTheVectors() throws {
        _ = try JSONLDProcessor().toRDF(try fixtureJSON("credentials/employment-unsigned.json"))
        _ = try JSONLDProcessor().toRDF(try fixtureJSON("credentials/alumni-signed.json"))
    }

    // MARK: - Limits

    @Test func boundsTheDepthOfExpansion() {
        var value: JSONValue = ["https://example.org/leaf": "x"]
        for _ in 0..<2000 { value = ["https://example.org/p": value] }
        #expect {
            _ = try JSONLDProcessor(options: .standard).expand(value)
        } throws: { ($0 as? JSONLDError)?.code == .depthLimitExceeded }
    }

    @Test func boundsNestedScopedContexts() {
        var context: JSONValue = ["@vocab": "https://example.org/"]
        for _ in 0..<500 { context = ["p": ["@id": "https://example.org/p", "@context": context]] }
        let document: JSONValue = ["@context": context, "@id": "urn:example:1"]
        #expect {
            _ = try JSONLDProcessor(options: .standard).expand(document)
        } throws: { ($0 as? JSONLDError)?.code == .depthLimitExceeded }
    }

    @Test func boundsChainsOfRemoteContexts() {
        // Each context refers to the next, without end; and two contexts refer to each other.
        #expect {
            _ = try JSONLDProcessor(loader: EndlessLoader(), options: .standard).expand(["@context": "https://loop.example/0"])
        } throws: { ($0 as? JSONLDError)?.code == .contextOverflow }
        #expect {
            _ = try JSONLDProcessor(loader: EndlessLoader(), options: .standard).expand(["@context": "https://cycle.example/a"])
        } throws: { ($0 as? JSONLDError)?.code == .contextOverflow }
    }
}

/// Serves contexts that refer to other contexts forever.
struct EndlessLoader: DocumentLoader {
    func loadDocument(at url: String) throws -> RemoteDocument {
        let next: String
        if url.hasPrefix("https://loop.example/") {
            next = "https://loop.example/\(Int(url.dropFirst("https://loop.example/".count))! + 1)"
        } else {
            next = url.hasSuffix("/a") ? "https://cycle.example/b" : "https://cycle.example/a"
        }
        return RemoteDocument(documentURL: url, document: ["@context": .string(next)])
    }
}

@Suite struct JSONLDLimitTests {
    @Test func tooManyQuadsIsAClearError() throws {
        var items: [JSONValue] = []
        for index in 0..<50 { items.append(.string("value \(index)")) }
        let document: JSONValue = [
            "@context": ["@vocab": "https://example.org/"],
            "@id": "https://example.org/subject",
            "many": .array(items),
        ]
        let limited = JSONLDProcessor(options: JSONLDOptions(safeMode: false, maxQuads: 10))
        #expect {
            _ = try limited.toRDF(document)
        } throws: { error in
            (error as? JSONLDError)?.code == .quadLimitExceeded
        }
        #expect(try JSONLDProcessor(options: .standard).toRDF(document).count == 50)
    }
}
