import LinkedData
import Testing

/// Inputs found in the libFuzzer campaign (Fuzz/, the FuzzJSONLD harness), each fed to the API the
/// harness calls: `JSONValue(parsing:)`, then `JSONLDProcessor.toRDF` with the bundled contexts and
/// the harness's base URL.
///
/// Note: libFuzzer's mutations found none of these: each needs an input far longer than the
/// harness's `-max_len` (4,096 bytes). They were found by reading the code the harness reaches
/// for work that grows faster than the input, and confirmed by running crafted inputs through the
/// harness (timings below are that build's, with AddressSanitizer and coverage instrumentation).
@Suite struct FuzzRegressionTests {
    /// The processor and base URL of Fuzz/Sources/FuzzJSONLD.
    let processor = JSONLDProcessor(loader: BundledContexts.shared, options: .credential)
    let base = "https://issuer.example/credentials/1"

    /// `{"@context":{"t0":"t1<link>","t1":"t2<link>",…,"t<n>":"http://example.org/"},"t0":"v"}`,
    /// compact, as Python's `json.dumps(…, separators=(",", ":"))` writes it.
    static func termChain(_ length: Int, link: String) -> [UInt8] {
        var text = #"{"@context":{"#
        for index in 0..<length { text += #""t\#(index)":"t\#(index + 1)\#(link)","# }
        text += #""t\#(length)":"http://example.org/"},"t0":"v"}"#
        return Array(text.utf8)
    }

    /// A crash: each term is defined as a compact IRI whose prefix is the next term, so defining `t0` defines `t1` first, and so on:
    /// the recursion followed the chain, not the nesting of the JSON, and 1,500 links (25 KB)
    /// overflowed an 8 MiB stack (AddressSanitizer: stack-overflow in createTermDefinition,
    /// TermDefinition.swift). This is the crashing input, 177,838 bytes, built byte for byte:
    /// 10,000 links. The chain now counts toward `maxDepth`.
    @Test func aLongChainOfTermDefinitionsFailsInsteadOfOverflowingTheStack() throws {
        let bytes = Self.termChain(10_000, link: ":x")
        #expect(bytes.count == 177_838)
        let document = try JSONValue(parsing: bytes, limits: .credential)
        #expect {
            _ = try processor.toRDF(document, base: base)
        } throws: { error in
            (error as? JSONLDError)?.code == .depthLimitExceeded
        }
        #expect {
            _ = try JSONLDProcessor(options: .standard).expand(document, base: base)
        } throws: { error in
            (error as? JSONLDError)?.code == .depthLimitExceeded
        }
    }

    /// `{"@context":{"@vocab":"http://example.org/"<context>},"@id":"http://example.org/s"<members>}`.
    static func node(context: String = "", members: String) -> [UInt8] {
        Array(#"{"@context":{"@vocab":"http://example.org/"\#(context)},"@id":"http://example.org/s"\#(members)}"#.utf8)
    }

    /// `,"<prefix>0":<value(0)>,"<prefix>1":<value(1)>,…` for `count` members.
    static func members(_ count: Int, _ prefix: String, _ value: (Int) -> String) -> String {
        (0..<count).map { #","\#(prefix)\#($0)":\#(value($0))"# }.joined()
    }

    /// A timeout: one property with many distinct values. The node map checked each new
    /// value against the property's values one by one, so time grew with the square of their
    /// number: 5,000 values took 2.5 s, 20,000 (109 KB) 39 s, and the 150,000 a 1 MiB credential
    /// can hold would take over half an hour. Same for the values of `@type` (20,000 types:
    /// 17 s). Each now takes a set lookup. Here: every value is kept, each once; the time is
    /// measured by the benchmark "JSON-LD to RDF, 20,000 values of one property" (Benchmarks/),
    /// not by a timed test.
    @Test func manyValuesOfOnePropertyOrOfTypeAreEachKeptOnce() throws {
        let values = try JSONValue(parsing: Self.node(members: #","p":["# + (0..<60_000).map(String.init).joined(separator: ",") + "]"))
        var dataset = RDFDataset()
        dataset = try processor.toRDF(values, base: base)
        #expect(dataset.count == 60_000)

        let types = try JSONValue(parsing: Self.node(members: #","@type":["# + (0..<30_000).map { #""T\#($0)""# }.joined(separator: ",") + "]"))
        dataset = try processor.toRDF(types, base: base)
        #expect(dataset.count == 30_000)
    }

    /// A timeout: many keys that alias `@type`, `@included` or `@nest` in one object. Each `@type` or `@included` alias copied the values of the ones
    /// before (10,000 aliases: 4.4 s and 5.9 s, 20,000: 15 s), and each `@nest` alias was looked
    /// for in the list of the others (20,000: 6 s). Each is now added in place, or to a set. Here:
    /// every aliased value is kept; the time is the benchmark's ("JSON-LD to RDF, 10,000 aliases
    /// of @type").
    @Test func manyAliasesOfTypeIncludedOrNestAreAllKept() throws {
        let count = 10_000
        let aliases = [
            ("@type", "y", { (index: Int) in #""T\#(index)""# }),
            ("@included", "i", { (index: Int) in #"{"@id":"http://example.org/n\#(index)","p":1}"# }),
            ("@nest", "n", { (index: Int) in #"{"p\#(index)":1}"# }),
        ]
        for (keyword, prefix, value) in aliases {
            let context = Self.members(count, prefix) { _ in #""\#(keyword)""# }
            let document = try JSONValue(parsing: Self.node(context: context, members: Self.members(count, prefix, value)))
            var dataset = RDFDataset()
            dataset = try processor.toRDF(document, base: base)
            // One quad per alias: a type of the node, the `p` of an included node, a nested property.
            #expect(dataset.count == count, "\(keyword)")
        }
    }

    /// A chain within the limit still expands: each term is a prefix (its IRI ends in `/`), so
    /// `t0` is the last IRI with one `a/` per link.
    @Test func aShortChainOfTermDefinitionsStillExpands() throws {
        let document = try JSONValue(parsing: Self.termChain(50, link: ":a/"))
        let property = "http://example.org/" + String(repeating: "a/", count: 50)
        #expect(try processor.expand(document, base: base) == [[property: [["@value": "v"]]]])
    }
}
