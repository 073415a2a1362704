import Foundation
import LinkedData

/// The folder of vendored fixtures in the test bundle.
let fixturesDirectory: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

/// Reads and parses a fixture.
func fixtureJSON(_ path: String) throws -> JSONValue {
    try JSONValue(parsing: Data(contentsOf: fixturesDirectory.appendingPathComponent(path)), limits: .init(maxBytes: 1 << 24))
}

/// The W3C suites' loader: `https://w3c.github.io/json-ld-api/tests/<path>` is served from
/// `Fixtures/json-ld-api/<path>`; any other URL fails to load.
final class W3CTestDocumentLoader: DocumentLoader {
    static let shared = W3CTestDocumentLoader()
    static let prefix = "https://w3c.github.io/json-ld-api/tests/"

    let contextCache: ContextCache? = ContextCache()

    func loadDocument(at url: String) throws -> RemoteDocument {
        guard url.hasPrefix(Self.prefix) else {
            throw JSONLDError(.loadingDocumentFailed, "\(url) is not in the test fixtures")
        }
        let path = "json-ld-api/" + url.dropFirst(Self.prefix.count)
        do {
            return RemoteDocument(documentURL: url, document: try fixtureJSON(path))
        } catch {
            throw JSONLDError(.loadingDocumentFailed, "\(url): \(error)")
        }
    }
}

// MARK: - Comparing expanded documents

/// Whether two JSON-LD values are equal as the W3C suites compare them: arrays are unordered
/// except as the value of `@list`, and language tags compare without regard to case.
func jsonLDEquivalent(_ a: JSONValue, _ b: JSONValue, ordered: Bool = false) -> Bool {
    switch (a, b) {
    case (.object(let x), .object(let y)):
        guard x.count == y.count else { return false }
        for (key, value) in x {
            guard let other = y[key] else { return false }
            if key == "@language", case .string(let l) = value, case .string(let r) = other {
                if l.lowercased() != r.lowercased() { return false }
                continue
            }
            if !jsonLDEquivalent(value, other, ordered: key == "@list") { return false }
        }
        return true
    case (.array(let x), .array(let y)):
        guard x.count == y.count else { return false }
        if ordered { return zip(x, y).allSatisfy { jsonLDEquivalent($0, $1) } }
        var used = [Bool](repeating: false, count: y.count)
        func match(_ i: Int) -> Bool {
            if i == x.count { return true }
            for j in y.indices where !used[j] && jsonLDEquivalent(x[i], y[j]) {
                used[j] = true
                if match(i + 1) { return true }
                used[j] = false
            }
            return false
        }
        return match(0)
    default:
        return a == b
    }
}

// MARK: - N-Quads, for comparing datasets

/// A small N-Quads reader for the toRdf expectations (not a full N-Quads parser).
enum TestNQuads {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> [RDFQuad] {
        var quads: [RDFQuad] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var scanner = Scanner(Array(line.unicodeScalars))
            scanner.skipSpace()
            if scanner.atEnd || scanner.peek == "#" { continue }
            let subject = try scanner.term()
            let predicate = try scanner.term()
            let object = try scanner.term()
            scanner.skipSpace()
            var graph: RDFTerm? = nil
            if scanner.peek != "." { graph = try scanner.term() }
            scanner.skipSpace()
            guard scanner.peek == "." else { throw ParseError(description: "expected '.' in \(line)") }
            quads.append(RDFQuad(subject: subject, predicate: predicate, object: object, graph: graph))
        }
        return quads
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var position = 0
        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }
        var atEnd: Bool { position >= scalars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : scalars[position] }
        mutating func skipSpace() { while let c = peek, c == " " || c == "\t" { position += 1 } }

        mutating func term() throws -> RDFTerm {
            skipSpace()
            switch peek {
            case "<": return .iri(try iri())
            case "_":
                position += 2
                var label = ""
                while let c = peek, c != " ", c != "\t" { label.unicodeScalars.append(c); position += 1 }
                if label.hasSuffix(".") { label.removeLast(); position -= 1 }
                return .blankNode(label)
            case "\"":
                position += 1
                var value = ""
                while let c = peek, c != "\"" {
                    position += 1
                    if c == "\\" {
                        let e = peek!
                        position += 1
                        switch e {
                        case "t": value += "\t"
                        case "b": value += "\u{08}"
                        case "n": value += "\n"
                        case "r": value += "\r"
                        case "f": value += "\u{0C}"
                        case "\"": value += "\""
                        case "'": value += "'"
                        case "\\": value += "\\"
                        case "u", "U":
                            let count = e == "u" ? 4 : 8
                            let hex = String(String.UnicodeScalarView(scalars[position..<position + count]))
                            position += count
                            value.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
                        default: throw ParseError(description: "bad escape \\\(e)")
                        }
                    } else {
                        value.unicodeScalars.append(c)
                    }
                }
                position += 1
                if peek == "^" {
                    position += 2
                    return .literal(RDFLiteral(value, datatype: try iri()))
                }
                if peek == "@" {
                    position += 1
                    var tag = ""
                    while let c = peek, c != " ", c != "\t" { tag.unicodeScalars.append(c); position += 1 }
                    return .literal(RDFLiteral(value, language: tag))
                }
                return .literal(RDFLiteral(value))
            default:
                throw ParseError(description: "unexpected \(String(describing: peek)) at \(position)")
            }
        }

        mutating func iri() throws -> String {
            guard peek == "<" else { throw ParseError(description: "expected '<'") }
            position += 1
            var value = ""
            while let c = peek, c != ">" {
                position += 1
                if c == "\\" {
                    let e = peek!
                    position += 1
                    let count = e == "u" ? 4 : 8
                    let hex = String(String.UnicodeScalarView(scalars[position..<position + count]))
                    position += count
                    value.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
                } else {
                    value.unicodeScalars.append(c)
                }
            }
            position += 1
            return value
        }
    }
}

// MARK: - Dataset isomorphism

/// Whether two datasets are the same up to blank node labels (language tags compared without case).
func datasetsIsomorphic(_ a: [RDFQuad], _ b: [RDFQuad]) -> Bool {
    let left = Array(Set(a.map(lowercasingLanguage)))
    let right = Set(b.map(lowercasingLanguage))
    guard left.count == right.count else { return false }
    func blanks(_ quad: RDFQuad) -> [String] {
        [quad.subject, quad.predicate, quad.object, quad.graph].compactMap { $0?.blankNodeLabel }
    }
    let leftBlanks = Array(Set(left.flatMap(blanks))).sorted()
    let rightBlanks = Set(right.flatMap(blanks))
    guard leftBlanks.count == rightBlanks.count else { return false }
    // Colour blank nodes by the shape of the quads they are in, refined a few times.
    func colours(_ quads: [RDFQuad]) -> [String: Int] {
        var colour: [String: Int] = [:]
        for quad in quads { for label in blanks(quad) { colour[label] = 0 } }
        for _ in 0..<4 {
            var signatures: [String: [Int]] = [:]
            for quad in quads {
                let terms = [quad.subject, quad.predicate, quad.object, quad.graph]
                for (position, term) in terms.enumerated() {
                    guard let label = term?.blankNodeLabel else { continue }
                    var hasher = Hasher()
                    hasher.combine(position)
                    for (index, other) in terms.enumerated() {
                        if let otherLabel = other?.blankNodeLabel {
                            hasher.combine(index == position ? -1 : colour[otherLabel]!)
                        } else {
                            hasher.combine(other)
                        }
                    }
                    signatures[label, default: []].append(hasher.finalize())
                }
            }
            for (label, values) in signatures {
                var hasher = Hasher()
                hasher.combine(colour[label]!)
                hasher.combine(values.sorted())
                colour[label] = hasher.finalize()
            }
        }
        return colour
    }
    let leftColour = colours(left)
    let rightColour = colours(Array(right))
    var byColour: [Int: [String]] = [:]
    for label in rightBlanks { byColour[rightColour[label]!, default: []].append(label) }
    func mapped(_ term: RDFTerm?, _ mapping: [String: String]) -> RDFTerm?? {
        guard let term else { return .some(nil) }
        if let label = term.blankNodeLabel {
            guard let target = mapping[label] else { return nil }
            return .some(.blankNode(target))
        }
        return .some(term)
    }
    let order = leftBlanks.sorted { (byColour[leftColour[$0]!]?.count ?? 0) < (byColour[leftColour[$1]!]?.count ?? 0) }
    var mapping: [String: String] = [:]
    var used: Set<String> = []
    func consistent() -> Bool {
        for quad in left {
            guard let s = mapped(quad.subject, mapping), let p = mapped(quad.predicate, mapping),
                let o = mapped(quad.object, mapping), let g = mapped(quad.graph, mapping)
            else { continue }
            if !right.contains(RDFQuad(subject: s!, predicate: p!, object: o!, graph: g)) { return false }
        }
        return true
    }
    func search(_ index: Int) -> Bool {
        if index == order.count { return consistent() }
        let label = order[index]
        for candidate in byColour[leftColour[label]!] ?? [] where !used.contains(candidate) {
            mapping[label] = candidate
            used.insert(candidate)
            if consistent() && search(index + 1) { return true }
            mapping[label] = nil
            used.remove(candidate)
        }
        return false
    }
    return search(0)
}

private func lowercasingLanguage(_ quad: RDFQuad) -> RDFQuad {
    guard case .literal(var literal) = quad.object, let language = literal.language else { return quad }
    literal.language = language.lowercased()
    var quad = quad
    quad.object = .literal(literal)
    return quad
}

/// A dataset as sorted N-Quads-like lines, for failure messages.
func describe(_ quads: [RDFQuad]) -> String {
    quads.map { quad in
        [quad.subject, quad.predicate, quad.object].map(describe).joined(separator: " ")
            + (quad.graph.map { " " + describe($0) } ?? "") + " ."
    }.sorted().joined(separator: "\n")
}

func describe(_ term: RDFTerm) -> String {
    switch term {
    case .iri(let iri): return "<\(iri)>"
    case .blankNode(let label): return "_:\(label)"
    case .literal(let literal):
        var text = "\"\(literal.lexicalForm)\""
        if let language = literal.language { text += "@\(language)" } else if literal.datatype != RDFTerm.xsdString {
            text += "^^<\(literal.datatype)>"
        }
        return text
    }
}
