extension CredentialsError.Code {
    /// Bitstring Status List v1.0, section 3.5 "Processing Errors": the status list could not be retrieved.
    public static let statusRetrieval = Self("STATUS_RETRIEVAL_ERROR")
    /// The status list did not verify, or does not serve the entry's purpose (section 3.2 (4), (5)).
    public static let statusVerification = Self("STATUS_VERIFICATION_ERROR")
    /// The status list is shorter than the minimum number of entries (section 3.2 (9)).
    public static let statusListLength = Self("STATUS_LIST_LENGTH_ERROR")
    /// VC Data Model 2.0 `RANGE_ERROR`: the entry's index lies outside the status list (section 3.2 (10)).
    public static let range = Self("RANGE_ERROR")
    /// VC Data Model 2.0 `MALFORMED_VALUE_ERROR`: a property breaks one of the spec's MUST statements (section 3).
    public static let malformedValue = Self("MALFORMED_VALUE_ERROR")
    /// Compressed data that is not valid GZIP (RFC 1952) or DEFLATE (RFC 1951).
    public static let compression = Self("COMPRESSION_ERROR")
    /// Data larger than the limit set for it, such as a decompression bomb.
    public static let sizeLimit = Self("SIZE_LIMIT_ERROR")
}
