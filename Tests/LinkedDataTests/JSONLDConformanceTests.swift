import Foundation
import Testing

@testable import LinkedData

/// One entry of a W3C JSON-LD API test manifest (`expand-manifest.jsonld`, `toRdf-manifest.jsonld`).
struct JSONLDManifestEntry: Sendable, CustomTestStringConvertible {
    enum Outcome: Equatable {
        case passed
        case failed(String)
        case skipped(String)
    }

    var suite: String
    var id: String
    var name: String
    var types: [String]
    var input: String
    var expect: String?
    var expectErrorCode: String?
    var option: JSONObject

    var testDescription: String { "\(suite)\(id) \(name)" }

    /// Why the entry is not run: only JSON-LD 1.0-only entries are skipped.
    var skipReason: String? {
        if option["specVersion"] == "json-ld-1.0" { return "specVersion json-ld-1.0: tests JSON-LD 1.0 behaviour only" }
        return nil
    }

    static func load(_ suite: String) -> [JSONLDManifestEntry] {
        guard let manifest = try? fixtureJSON("json-ld-api/\(suite)-manifest.jsonld"),
            let sequence = manifest["sequence"]?.arrayValue
        else { return [] }
        return sequence.map { entry in
            JSONLDManifestEntry(
                suite: suite, id: entry["@id"]?.stringValue ?? "?", name: entry["name"]?.stringValue ?? "",
                types: entry["@type"]?.asArray.compactMap(\.stringValue) ?? [],
                input: entry["input"]?.stringValue ?? "", expect: entry["expect"]?.stringValue,
                expectErrorCode: entry["expectErrorCode"]?.stringValue, option: entry["option"]?.objectValue ?? [:])
        }
    }

    var options: JSONLDOptions {
        var options = JSONLDOptions.standard
        if option["processingMode"] == "json-ld-1.0" { options.processingMode = .jsonLD10 }
        if let context = option["expandContext"]?.stringValue {
            options.expandContext = .string(W3CTestDocumentLoader.prefix + context)
        }
        options.produceGeneralizedRDF = option["produceGeneralizedRdf"] == true
        if let direction = option["rdfDirection"]?.stringValue {
            options.rdfDirection = JSONLDOptions.RDFDirection(rawValue: direction)
        }
        return options
    }

    func run() -> Outcome {
        if let skipReason { return .skipped(skipReason) }
        let loader = W3CTestDocumentLoader.shared
        let processor = JSONLDProcessor(loader: loader, options: options)
        let inputURL = W3CTestDocumentLoader.prefix + input
        let base = option["base"]?.stringValue ?? inputURL
        do {
            let document = try loader.loadDocument(at: inputURL).document
            if suite == "expand" {
                let expanded = try processor.expand(document, base: base)
                if let expectErrorCode { return .failed("expected \(expectErrorCode), got \(expanded.serializedString())") }
                guard let expect else { return .passed }
                let expected = try fixtureJSON("json-ld-api/" + expect)
                if jsonLDEquivalent(expanded, expected) { return .passed }
                return .failed("got\n\(expanded.serializedString(.pretty))\nexpected\n\(expected.serializedString(.pretty))")
            } else {
                let dataset = try processor.toRDF(document, base: base)
                if let expectErrorCode { return .failed("expected \(expectErrorCode), got \(describe(dataset.quads))") }
                guard let expect else { return .passed }
                let text = try String(contentsOf: fixturesDirectory.appendingPathComponent("json-ld-api/" + expect), encoding: .utf8)
                let expected = try TestNQuads.parse(text)
                if datasetsIsomorphic(dataset.quads, expected) { return .passed }
                return .failed("got\n\(describe(dataset.quads))\nexpected\n\(describe(expected))")
            }
        } catch let error as JSONLDError {
            if let expectErrorCode {
                return error.code.rawValue == expectErrorCode
                    ? .passed : .failed("expected \(expectErrorCode), got \(error)")
            }
            return .failed("unexpected error \(error)")
        } catch {
            return .failed("unexpected error \(error)")
        }
    }
}

private let expandEntries = JSONLDManifestEntry.load("expand")
private let toRDFEntries = JSONLDManifestEntry.load("toRdf")

/// The W3C JSON-LD 1.1 expand and toRdf suites (w3c/json-ld-api @ 92f07705), with safe mode off.
@Suite struct JSONLDConformanceTests {
    @Test("expand", arguments: expandEntries)
    func expand(_ entry: JSONLDManifestEntry) throws {
        try check(entry)
    }

    @Test("toRdf", arguments: toRDFEntries)
    func toRDF(_ entry: JSONLDManifestEntry) throws {
        try check(entry)
    }

    private func check(_ entry: JSONLDManifestEntry) throws {
        switch entry.run() {
        case .passed: break
        case .failed(let message): Issue.record("\(entry.testDescription): \(message)")
        case .skipped(let reason):
            #if compiler(>=6.3)
                try Test.cancel("skipped: \(reason)")
            #endif
        }
    }

    /// Runs both suites and prints the counts, listing each skip with its reason.
    @Test func summary() {
        for (suite, entries) in [("expand", expandEntries), ("toRdf", toRDFEntries)] {
            #expect(!entries.isEmpty, "the \(suite) manifest is missing")
            var passed = 0
            var failed: [String] = []
            var skipped: [String] = []
            for entry in entries {
                switch entry.run() {
                case .passed: passed += 1
                case .failed(let message):
                    failed.append(entry.id)
                    if ProcessInfo.processInfo.environment["JSONLD_DEBUG"] != nil {
                        print("FAIL \(suite)\(entry.id) \(entry.name): \(message)")
                    }
                case .skipped(let reason): skipped.append("\(entry.id) (\(reason))")
                }
            }
            print("JSON-LD \(suite): \(entries.count) tests, \(passed) passed, \(failed.count) failed, \(skipped.count) skipped")
            if !failed.isEmpty { print("  failed: \(failed.joined(separator: " "))") }
            for skip in skipped { print("  skipped \(skip)") }
            #expect(failed.isEmpty, "\(suite) failures: \(failed)")
        }
    }
}
