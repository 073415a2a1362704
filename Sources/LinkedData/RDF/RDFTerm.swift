/// An RDF term (RDF 1.1 Concepts, section 3): an IRI, a blank node or a literal.
///
/// Terms compare and hash by their UTF-8 bytes, as RDF does: two strings that Unicode calls
/// canonically equivalent ("é" and "e" + U+0301) are different terms. (Swift's `String ==`
/// would merge them, and hashes slowly because it normalizes.)
public enum RDFTerm: Sendable, Hashable {
    /// An absolute IRI, without angle brackets.
    case iri(String)
    /// A blank node, by its label without the `_:` prefix.
    case blankNode(String)
    case literal(RDFLiteral)

    public static let xsdString = "http://www.w3.org/2001/XMLSchema#string"
    public static let rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

    /// The blank node label, when the term is a blank node.
    public var blankNodeLabel: String? {
        if case .blankNode(let label) = self { return label }
        return nil
    }

    public static func == (lhs: RDFTerm, rhs: RDFTerm) -> Bool {
        switch (lhs, rhs) {
        case (.iri(let a), .iri(let b)), (.blankNode(let a), .blankNode(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.literal(let a), .literal(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .iri(let value):
            hasher.combine(0 as UInt8)
            hashBytes(value, into: &hasher)
        case .blankNode(let label):
            hasher.combine(1 as UInt8)
            hashBytes(label, into: &hasher)
        case .literal(let literal):
            hasher.combine(2 as UInt8)
            hasher.combine(literal)
        }
    }
}

/// Hashes a string by its UTF-8 bytes, without Unicode normalization.
@inline(__always)
func hashBytes(_ string: String, into hasher: inout Hasher) {
    var string = string
    string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    hasher.combine(string.utf8.count)
}

/// An RDF literal: a lexical form with a datatype IRI, and a language tag for `rdf:langString`.
public struct RDFLiteral: Sendable, Hashable {
    public var lexicalForm: String
    /// The datatype IRI; `xsd:string` for simple literals, `rdf:langString` when `language` is set.
    public var datatype: String
    /// The language tag, for language-tagged strings.
    public var language: String?

    public init(_ lexicalForm: String, datatype: String = RDFTerm.xsdString, language: String? = nil) {
        self.lexicalForm = lexicalForm
        self.language = language
        self.datatype = language == nil ? datatype : RDFTerm.rdfLangString
    }

    /// Literals compare by the bytes of their lexical form, datatype and language tag.
    public static func == (lhs: RDFLiteral, rhs: RDFLiteral) -> Bool {
        lhs.lexicalForm.utf8.elementsEqual(rhs.lexicalForm.utf8) && lhs.datatype.utf8.elementsEqual(rhs.datatype.utf8)
            && (lhs.language == nil) == (rhs.language == nil)
            && (lhs.language.map { rhs.language!.utf8.elementsEqual($0.utf8) } ?? true)
    }

    public func hash(into hasher: inout Hasher) {
        hashBytes(lexicalForm, into: &hasher)
        hashBytes(datatype, into: &hasher)
        if let language { hashBytes(language, into: &hasher) } else { hasher.combine(0 as UInt8) }
    }
}

/// A quad: a triple and the graph it is in (`nil` for the default graph).
public struct RDFQuad: Sendable, Hashable {
    public var subject: RDFTerm
    public var predicate: RDFTerm
    public var object: RDFTerm
    public var graph: RDFTerm?

    public init(subject: RDFTerm, predicate: RDFTerm, object: RDFTerm, graph: RDFTerm? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// An RDF dataset: a set of quads. Duplicates are removed when quads are added.
public struct RDFDataset: Sendable, Hashable {
    public private(set) var quads: [RDFQuad] = []
    private var seen: Set<RDFQuad> = []

    public init() {}

    public init<S: Sequence>(_ quads: S) where S.Element == RDFQuad {
        for quad in quads { insert(quad) }
    }

    /// Adds a quad unless the dataset already has it.
    public mutating func insert(_ quad: RDFQuad) {
        if seen.insert(quad).inserted { quads.append(quad) }
    }

    public var count: Int { quads.count }
    public var isEmpty: Bool { quads.isEmpty }

    public static func == (lhs: RDFDataset, rhs: RDFDataset) -> Bool { lhs.seen == rhs.seen }
    public func hash(into hasher: inout Hasher) { hasher.combine(seen) }
}
