import Foundation

/// A form the console's pages post: ``FormURLEncoded`` with room for a long form (the spec
/// designer has hundreds of fields), and lookups by name.
struct FormData: Sendable {
    var fields: [(name: String, value: String)]

    /// The most fields a console form may post.
    static let maximumFields = 1000

    /// Parses a body.
    /// - Throws: ``APIError`` 400 naming what is wrong with it.
    init(_ bytes: [UInt8]) throws {
        do {
            fields = try FormURLEncoded(bytes, maximumFields: FormData.maximumFields).fields
        } catch {
            throw APIError.badRequest("the form could not be read: \(error)")
        }
    }

    /// The first value of `name`, trimmed.
    subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every value of `name`, as sent.
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }
}
