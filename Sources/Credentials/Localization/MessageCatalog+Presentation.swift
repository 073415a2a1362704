extension MessageCatalog {
    /// Messages of the Presentation area, in Spanish, Portuguese and English.
    static let presentation: [String: [Language: String]] = [:]
}
