/// How a ``JSONLDProcessor`` expands documents and converts them to RDF: the JSON-LD API's
/// `JsonLdOptions` ([§ 9.2.1](https://www.w3.org/TR/json-ld11-api/#the-jsonldoptions-type)) that
/// matter here, with safe mode and limits.
public struct JSONLDOptions: Sendable, Hashable {
    /// The JSON-LD processing mode.
    public enum ProcessingMode: String, Sendable, Hashable {
        case jsonLD10 = "json-ld-1.0"
        case jsonLD11 = "json-ld-1.1"
    }

    /// How `@direction` is written in RDF (API § 8.2, step 13).
    public enum RDFDirection: String, Sendable, Hashable {
        /// `https://www.w3.org/ns/i18n#{language}_{direction}` datatypes.
        case i18nDatatype = "i18n-datatype"
        /// A blank node with `rdf:value`, `rdf:language` and `rdf:direction`.
        case compoundLiteral = "compound-literal"
    }

    /// `json-ld-1.1` unless set; `json-ld-1.0` refuses 1.1 features.
    public var processingMode: ProcessingMode
    /// A context applied before the document's own, as a URL string, a context definition, an
    /// array of them, or an object with an `@context` entry.
    public var expandContext: JSONValue?
    /// Keep triples whose predicate is a blank node.
    public var produceGeneralizedRDF: Bool
    /// How to write `@direction` in RDF; `nil` drops it.
    public var rdfDirection: RDFDirection?
    /// Fail instead of silently dropping data.
    ///
    /// Plain JSON-LD drops keys that expand to no absolute IRI (a term with no definition and no
    /// `@vocab`), `@type` values that are not absolute IRIs, free-floating values, terms whose
    /// definitions have the form of a keyword, and, when converting to RDF, triples whose subject,
    /// predicate, object, datatype or language tag is not well-formed. A signature over the
    /// remaining quads would not cover what the document appears to say, so with safe mode each of
    /// these is a ``JSONLDError/Code/safeModeViolation`` naming the term, as jsonld.js does with
    /// `safe: true`. On by default; the W3C test suites run with it off.
    public var safeMode: Bool
    /// The most remote contexts in one chain of context processing; more is `context overflow`.
    public var maxRemoteContexts: Int
    /// The deepest nesting of objects, arrays and scoped contexts that expansion accepts, counting
    /// term definitions that wait on one another (`"a": "b:x"`, `"b": "c:x"`…); deeper is
    /// ``JSONLDError/Code/depthLimitExceeded``.
    public var maxDepth: Int
    /// The most quads toRdf produces; more is ``JSONLDError/Code/quadLimitExceeded``. A credential
    /// of the 1 MiB limit stays well below the default, and RDFC-1.0's work grows with the quads.
    public var maxQuads: Int

    public init(
        processingMode: ProcessingMode = .jsonLD11,
        expandContext: JSONValue? = nil,
        produceGeneralizedRDF: Bool = false,
        rdfDirection: RDFDirection? = nil,
        safeMode: Bool = true,
        maxRemoteContexts: Int = 10,
        maxDepth: Int = 100,
        maxQuads: Int = 100_000
    ) {
        self.processingMode = processingMode
        self.expandContext = expandContext
        self.produceGeneralizedRDF = produceGeneralizedRDF
        self.rdfDirection = rdfDirection
        self.safeMode = safeMode
        self.maxRemoteContexts = maxRemoteContexts
        self.maxDepth = maxDepth
        self.maxQuads = maxQuads
    }

    /// The options for credentials: JSON-LD 1.1, safe mode on.
    public static let credential = JSONLDOptions()

    /// Plain JSON-LD 1.1 as the spec describes it: safe mode off.
    public static let standard = JSONLDOptions(safeMode: false)

    /// The options that change a processed context, folded into a cache key.
    var contextKey: Int {
        (processingMode == .jsonLD10 ? 1 : 0) | (safeMode ? 2 : 0) | (maxRemoteContexts << 2)
    }
}
