/// An error from the store, with a code the server maps to an HTTP status.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A unique value is taken (slug, DID, credential id, spec version).
        public static let conflict = Code("conflict")
        /// A migration cannot be applied, or an applied one was changed.
        public static let migration = Code("migration")
        /// Stored data could not be read back.
        public static let corrupt = Code("corrupt")
        /// The database cannot be opened or reached.
        public static let unavailable = Code("unavailable")
        /// The database refused a write that would break one of its guards: an issued credential
        /// rewritten or deleted, a revocation undone, the audit log changed, a missing reference.
        public static let refused = Code("refused")
        /// The disk holding the database is full: the write was rolled back whole.
        public static let full = Code("full")
    }

    public var code: Code
    public var message: String
    public var underlying: (any Error)?

    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        if let underlying { return "\(message): \(underlying)" }
        return message
    }
}
