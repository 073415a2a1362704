extension MessageCatalog {
    /// Messages of the DataModel area, in Spanish, Portuguese and English.
    static let dataModel: [String: [Language: String]] = [:]
}
