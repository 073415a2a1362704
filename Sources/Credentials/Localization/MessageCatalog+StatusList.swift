extension MessageCatalog {
    /// Messages of the StatusList area, in Spanish, Portuguese and English.
    static let statusList: [String: [Language: String]] = [:]
}
