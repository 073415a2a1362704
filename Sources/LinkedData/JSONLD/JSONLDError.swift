/// Why a JSON-LD document could not be processed.
///
/// The ``code`` is the error code string of the JSON-LD 1.1 API
/// ([§ 9.4.2](https://www.w3.org/TR/json-ld11-api/#jsonlderrorcode)), such as `invalid @id value` or
/// `loading document failed`, so that a caller can match the W3C test suite's `expectErrorCode`.
/// Mochila adds a few codes of its own for safe mode and resource limits.
public struct JSONLDError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A JSON-LD error code: the spec's words, or one of Mochila's own.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
    }

    /// The error code.
    public var code: Code
    /// What went wrong, naming the term, key or URL involved.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}

extension JSONLDError.Code {
    // The JSON-LD 1.1 API's error codes (§ 9.4.2), in its order.
    public static let collidingKeywords = Self("colliding keywords")
    public static let conflictingIndexes = Self("conflicting indexes")
    public static let contextOverflow = Self("context overflow")
    public static let cyclicIRIMapping = Self("cyclic IRI mapping")
    public static let invalidIdValue = Self("invalid @id value")
    public static let invalidImportValue = Self("invalid @import value")
    public static let invalidIncludedValue = Self("invalid @included value")
    public static let invalidIndexValue = Self("invalid @index value")
    public static let invalidNestValue = Self("invalid @nest value")
    public static let invalidPrefixValue = Self("invalid @prefix value")
    public static let invalidPropagateValue = Self("invalid @propagate value")
    public static let invalidProtectedValue = Self("invalid @protected value")
    public static let invalidReverseValue = Self("invalid @reverse value")
    public static let invalidVersionValue = Self("invalid @version value")
    public static let invalidBaseDirection = Self("invalid base direction")
    public static let invalidBaseIRI = Self("invalid base IRI")
    public static let invalidContainerMapping = Self("invalid container mapping")
    public static let invalidContextEntry = Self("invalid context entry")
    public static let invalidContextNullification = Self("invalid context nullification")
    public static let invalidDefaultLanguage = Self("invalid default language")
    public static let invalidIRIMapping = Self("invalid IRI mapping")
    public static let invalidJSONLiteral = Self("invalid JSON literal")
    public static let invalidKeywordAlias = Self("invalid keyword alias")
    public static let invalidLanguageMapValue = Self("invalid language map value")
    public static let invalidLanguageMapping = Self("invalid language mapping")
    public static let invalidLanguageTaggedString = Self("invalid language-tagged string")
    public static let invalidLanguageTaggedValue = Self("invalid language-tagged value")
    public static let invalidLocalContext = Self("invalid local context")
    public static let invalidRemoteContext = Self("invalid remote context")
    public static let invalidReverseProperty = Self("invalid reverse property")
    public static let invalidReversePropertyMap = Self("invalid reverse property map")
    public static let invalidReversePropertyValue = Self("invalid reverse property value")
    public static let invalidScopedContext = Self("invalid scoped context")
    public static let invalidScriptElement = Self("invalid script element")
    public static let invalidSetOrListObject = Self("invalid set or list object")
    public static let invalidTermDefinition = Self("invalid term definition")
    public static let invalidTypeMapping = Self("invalid type mapping")
    public static let invalidTypeValue = Self("invalid type value")
    public static let invalidTypedValue = Self("invalid typed value")
    public static let invalidValueObject = Self("invalid value object")
    public static let invalidValueObjectValue = Self("invalid value object value")
    public static let invalidVocabMapping = Self("invalid vocab mapping")
    public static let iriConfusedWithPrefix = Self("IRI confused with prefix")
    public static let keywordRedefinition = Self("keyword redefinition")
    public static let loadingDocumentFailed = Self("loading document failed")
    public static let loadingRemoteContextFailed = Self("loading remote context failed")
    public static let multipleContextLinkHeaders = Self("multiple context link headers")
    public static let processingModeConflict = Self("processing mode conflict")
    public static let protectedTermRedefinition = Self("protected term redefinition")

    // Mochila's own.

    /// Safe mode refused to drop a property, type or value silently (see ``JSONLDOptions/safeMode``).
    public static let safeModeViolation = Self("safe mode validation error")
    /// The document or its contexts nest deeper than ``JSONLDOptions/maxDepth``.
    public static let depthLimitExceeded = Self("depth limit exceeded")
    /// The document describes more quads than ``JSONLDOptions/maxQuads``.
    public static let quadLimitExceeded = Self("quad limit exceeded")
}
