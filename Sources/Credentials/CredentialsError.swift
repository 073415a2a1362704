/// An error from the `Credentials` target: a code a program can match and a message a person can read.
///
/// A credential that fails verification is not an error (see ``VerificationReport``); these are
/// raised when an operation cannot be carried out at all: a malformed key, an unknown cryptosuite,
/// a document that cannot be signed.
public struct CredentialsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. Where a specification names the error, the code uses its words.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let invalidEncoding = Code("INVALID_ENCODING")
        public static let invalidKey = Code("INVALID_KEY")
        public static let unsupportedKeyType = Code("UNSUPPORTED_KEY_TYPE")
        public static let invalidDID = Code("INVALID_DID")
        public static let unsupportedCryptosuite = Code("UNSUPPORTED_CRYPTOSUITE")
        public static let proofGeneration = Code("PROOF_GENERATION_ERROR")
        public static let proofVerification = Code("PROOF_VERIFICATION_ERROR")
        public static let malformedProof = Code("MALFORMED_PROOF_ERROR")
        public static let invalidDocument = Code("INVALID_DOCUMENT")
        public static let resolution = Code("RESOLUTION_ERROR")
        /// A document could not be fetched (network, HTTP status, size): its content is unknown.
        public static let retrieval = Code("RETRIEVAL_ERROR")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
