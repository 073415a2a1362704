import Synchronization

/// The container mapping of a term definition: a set of container keywords.
struct ContainerMapping: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    init(rawValue: UInt8) { self.rawValue = rawValue }
    static let graph = ContainerMapping(rawValue: 1 << 0)
    static let id = ContainerMapping(rawValue: 1 << 1)
    static let index = ContainerMapping(rawValue: 1 << 2)
    static let language = ContainerMapping(rawValue: 1 << 3)
    static let list = ContainerMapping(rawValue: 1 << 4)
    static let set = ContainerMapping(rawValue: 1 << 5)
    static let type = ContainerMapping(rawValue: 1 << 6)

    /// The mapping for one container keyword, or `nil` when `keyword` is not one.
    init?(keyword: String) {
        switch keyword {
        case "@graph": self = .graph
        case "@id": self = .id
        case "@index": self = .index
        case "@language": self = .language
        case "@list": self = .list
        case "@set": self = .set
        case "@type": self = .type
        default: return nil
        }
    }
}

/// A term definition ([JSON-LD 1.1 API § 4.1](https://www.w3.org/TR/json-ld11-api/#context-processing-algorithm)).
struct TermDefinition: Sendable {
    /// The IRI mapping: an IRI, a blank node identifier or a keyword; `nil` for a term defined as
    /// `null`, which is kept only to detect redefinitions.
    var iri: String?
    var prefix = false
    var protected = false
    var reverse = false
    /// The type mapping (`@id`, `@vocab`, `@json`, `@none` or an IRI).
    var typeMapping: String?
    var container: ContainerMapping = []
    var index: String?
    /// The language mapping: `.some(nil)` for an explicit `null`, `nil` when there is none.
    var language: String??
    /// The direction mapping: `.some(nil)` for an explicit `null`, `nil` when there is none.
    var direction: String??
    var nest: String?
    /// The scoped context, with the base URL to resolve it against.
    var localContext: ScopedContext?

    /// Whether two definitions are the same apart from `protected` (API § 4.2.2, step 27.1).
    func sameDefinition(as other: TermDefinition) -> Bool {
        iri == other.iri && prefix == other.prefix && reverse == other.reverse
            && typeMapping == other.typeMapping && container == other.container && index == other.index
            && language == other.language && direction == other.direction && nest == other.nest
            && localContext?.value == other.localContext?.value
    }
}

/// A term's scoped context: its value, the base URL it was defined against, and an identity used
/// to cache the result of applying it.
final class ScopedContext: Sendable {
    let value: JSONValue
    let baseURL: String?
    let id: UInt64

    init(value: JSONValue, baseURL: String?) {
        self.value = value
        self.baseURL = baseURL
        self.id = ActiveContext.nextIdentity()
    }
}

/// An active context ([JSON-LD 1.1 API § 4.1](https://www.w3.org/TR/json-ld11-api/#context-processing-algorithm)).
///
/// Processing clones a context and changes the clone; once a context is returned from processing it
/// is never changed again, so that it can be shared between threads and cached.
final class ActiveContext: @unchecked Sendable {
    /// Distinguishes contexts in cache keys.
    let id: UInt64
    var terms: [String: TermDefinition]
    var baseIRI: String?
    var originalBaseURL: String?
    var vocab: String?
    var defaultLanguage: String?
    var defaultDirection: String?
    var previousContext: ActiveContext?

    init(base: String?) {
        id = ActiveContext.nextIdentity()
        terms = [:]
        baseIRI = base
        originalBaseURL = base
    }

    private init(copying other: ActiveContext) {
        id = ActiveContext.nextIdentity()
        terms = other.terms
        baseIRI = other.baseIRI
        originalBaseURL = other.originalBaseURL
        vocab = other.vocab
        defaultLanguage = other.defaultLanguage
        defaultDirection = other.defaultDirection
        previousContext = other.previousContext
    }

    /// A copy with a new identity, to be changed by context processing.
    func clone() -> ActiveContext { ActiveContext(copying: self) }

    var hasProtectedTerms: Bool { terms.values.contains { $0.protected } }

    private static let counter = Atomic<UInt64>(0)

    static func nextIdentity() -> UInt64 {
        counter.add(1, ordering: .relaxed).newValue
    }
}
