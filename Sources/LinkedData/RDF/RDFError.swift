/// An error from parsing, serializing or canonicalizing RDF.
///
/// The ``code`` says what kind of failure it is; ``message`` says what went wrong in words fit for a
/// log. N-Quads syntax errors also carry the ``line`` and ``column`` (1-based, the column counted
/// in bytes of UTF-8) where the parser stopped.
public struct RDFError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, extensible like swift-nio's `FileSystemError.Code`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String

        public init(_ rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        /// The text is not an N-Quads document (RDF 1.1 N-Quads, section 5 grammar).
        public static let invalidNQuads = Code("invalid N-Quads")
        /// Hash N-Degree Quads (https://www.w3.org/TR/rdf-canon/#hash-nd-quads) needed more work
        /// than the canonicalizer's limits allow: the dataset may be a poison graph
        /// (https://www.w3.org/TR/rdf-canon/#dataset-poisoning).
        public static let canonicalizationLimitExceeded = Code("canonicalization limit exceeded")
        /// The dataset holds a term that RDFC-1.0 cannot canonicalize, such as a blank node predicate
        /// (generalized RDF).
        public static let unsupportedTerm = Code("unsupported term")
    }

    public var code: Code
    public var message: String
    /// The 1-based line of an N-Quads syntax error.
    public var line: Int?
    /// The 1-based column, in UTF-8 bytes, of an N-Quads syntax error.
    public var column: Int?

    public init(_ code: Code, _ message: String, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        if let line, let column { return "\(code): line \(line), column \(column): \(message)" }
        return "\(code): \(message)"
    }
}
