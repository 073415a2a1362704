extension MessageCatalog {
    /// Messages of the JOSE area, in Spanish, Portuguese and English.
    static let jose: [String: [Language: String]] = [:]
}
