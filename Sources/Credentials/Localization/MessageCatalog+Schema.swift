extension MessageCatalog {
    /// Messages of the Schema area, in Spanish, Portuguese and English.
    static let schema: [String: [Language: String]] = [:]
}
