/// Expands JSON-LD documents and converts them to RDF datasets, as the JSON-LD 1.1 Processing
/// Algorithms and API describe ([W3C Recommendation](https://www.w3.org/TR/json-ld11-api/)).
///
/// Remote contexts come only from the ``DocumentLoader``; by default that is
/// ``BundledContexts/shared``, which serves the contexts bundled with Mochila and refuses any other
/// URL. Processed contexts are cached by the loader, so a second document with the same contexts
/// does not process them again.
///
/// ```swift
/// let processor = JSONLDProcessor()
/// let dataset = try processor.toRDF(credential)
/// ```
public struct JSONLDProcessor: Sendable {
    public var loader: any DocumentLoader
    public var options: JSONLDOptions

    public init(loader: any DocumentLoader = BundledContexts.shared, options: JSONLDOptions = .credential) {
        self.loader = loader
        self.options = options
    }

    /// The document in expanded form ([API § 9.2, `expand()`](https://www.w3.org/TR/json-ld11-api/#dom-jsonldprocessor-expand)).
    ///
    /// - Parameters:
    ///   - document: A parsed JSON-LD document.
    ///   - base: The document's URL: the base IRI for relative IRIs, and what relative context
    ///     URLs resolve against. `nil` leaves relative IRIs relative.
    /// - Returns: An array of expanded node objects.
    /// - Throws: ``JSONLDError`` with the spec's error code, or a safe-mode or limit error.
    public func expand(_ document: JSONValue, base: String? = nil) throws -> JSONValue {
        try expandDocument(document, base: base, engine: JSONLDEngine(loader: loader, options: options))
    }

    /// The RDF dataset the document describes ([API § 9.2, `toRdf()`](https://www.w3.org/TR/json-ld11-api/#dom-jsonldprocessor-tordf)).
    ///
    /// Blank nodes are labelled `b0`, `b1`, … in the order the node map meets them.
    /// - Parameters:
    ///   - document: A parsed JSON-LD document.
    ///   - base: The document's URL, as for ``expand(_:base:)``.
    /// - Throws: ``JSONLDError`` with the spec's error code, or a safe-mode or limit error.
    public func toRDF(_ document: JSONValue, base: String? = nil) throws -> RDFDataset {
        let engine = JSONLDEngine(loader: loader, options: options)
        return try engine.deserializeToRDF(try expandDocument(document, base: base, engine: engine))
    }

    /// Expands with `engine`, or takes the expansion from the task's ``ExpansionScratch``.
    private func expandDocument(_ document: JSONValue, base: String?, engine: JSONLDEngine) throws -> JSONValue {
        guard let scratch = ExpansionScratch.current else { return try engine.expandDocument(document, base: base) }
        if let expanded = scratch.expanded(document, base: base, options: options, loader: loader) { return expanded }
        let expanded = try engine.expandDocument(document, base: base)
        scratch.keep(expanded, of: document, base: base, options: options, loader: loader)
        return expanded
    }
}

/// The state shared by the algorithms while one document is processed.
struct JSONLDEngine {
    let loader: any DocumentLoader
    let options: JSONLDOptions
    let cache: ContextCache?

    init(loader: any DocumentLoader, options: JSONLDOptions) {
        self.loader = loader
        self.options = options
        self.cache = loader.contextCache
    }

    var isJSONLD10: Bool { options.processingMode == .jsonLD10 }

    /// The JSON-LD API's `expand()` steps after loading the document (API § 9.2, steps 5 to 8).
    func expandDocument(_ document: JSONValue, base: String?) throws -> JSONValue {
        // The initial active context: base IRI and original base URL are the document's URL.
        var active = cache?.initialContext(base: base) ?? ActiveContext(base: base)
        // 5. Apply the expandContext option, unwrapping an object's @context entry.
        if var expandContext = options.expandContext {
            if let inner = expandContext["@context"] { expandContext = inner }
            active = try processContext(active: active, local: expandContext, baseURL: base)
        }
        // 7-8. Expand, then unwrap a lone @graph and make the result an array.
        var expanded = try expand(active: active, activeProperty: nil, element: document, baseURL: base, depth: 0)
        if case .object(let object)? = expanded, object.count == 1, let graph = object["@graph"] {
            expanded = graph
        }
        switch expanded {
        case nil: return .array([])
        case .array?: return expanded!
        case let value?: return .array([value])
        }
    }

    /// A safe-mode error, or nothing when safe mode is off.
    func safeModeCheck(_ message: @autoclosure () -> String) throws {
        if options.safeMode { throw JSONLDError(.safeModeViolation, message()) }
    }
}
