import Credentials
import Foundation

/// A column of a learner spreadsheet, recognised by its header in Spanish, Portuguese or English.
///
/// Headers match whatever their case, accents, spaces and punctuation: `Correo electrónico`,
/// `CORREO_ELECTRONICO` and `correo-electrónico` are the same header; so are `Nombre(s)` and `nombres`.
enum LearnerColumn: CaseIterable, Sendable {
    case givenName
    case familyName
    /// The first surname, joined with ``maternalSurname`` into the family name.
    case paternalSurname
    case maternalSurname
    case email
    case did
    case grade
    /// Recognised only to be refused with a helpful message (or ignored when separate columns exist).
    case fullName

    /// The headers accepted for the column as people write them, Spanish first, then Portuguese and English.
    var headers: [String] {
        switch self {
        case .givenName:
            return [
                "nombres", "nombre", "nombre de pila", "nome", "nomes", "prenome", "primeiro nome", "nome próprio",
                "given name", "given names", "first name", "first names", "forename",
            ]
        case .familyName:
            return [
                "apellidos", "apellido", "sobrenome", "sobrenomes", "apelido", "apelidos", "family name", "family names",
                "last name", "last names", "surname", "surnames",
            ]
        case .paternalSurname: return ["apellido paterno", "primer apellido", "apellido 1"]
        case .maternalSurname: return ["apellido materno", "segundo apellido", "apellido 2"]
        case .email:
            return [
                "correo", "correo electrónico", "correo-e", "correo institucional", "email", "e-mail", "mail",
                "email institucional", "correio eletrônico", "endereço de e-mail", "email address",
            ]
        case .did: return ["did"]
        case .grade:
            return [
                "calificación", "calificación final", "nota", "nota final", "puntaje", "resultado", "conceito",
                "classificação", "grade", "final grade", "result", "score", "mark",
            ]
        case .fullName:
            return [
                "nombre completo", "nombres y apellidos", "nombre y apellidos", "apellidos y nombres", "nome completo",
                "full name", "name",
            ]
        }
    }

    /// The column a header names, or `nil` when it names none.
    init?(header: String) {
        guard let column = Self.byKey[Self.key(header)] else { return nil }
        self = column
    }

    /// The headers of the downloadable template, in `language`: one family-name column, which
    /// fits every country of the region; `apellido paterno` and `apellido materno` are accepted too.
    static func templateHeaders(_ language: Language) -> [String] {
        switch language {
        case .es: return ["nombres", "apellidos", "correo", "calificación", "did"]
        case .pt: return ["nome", "sobrenome", "e-mail", "nota", "did"]
        case .en: return ["given name", "family name", "email", "grade", "did"]
        }
    }

    /// A header as compared: lower case, without accents, letters and digits only.
    static func key(_ header: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in header.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars
        where (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            && scalar.properties.generalCategory != .nonspacingMark
        {
            key.append(scalar)
        }
        return String(key)
    }

    static let byKey: [String: LearnerColumn] = {
        var columns: [String: LearnerColumn] = [:]
        for column in allCases {
            for header in column.headers { columns[key(header)] = column }
        }
        return columns
    }()

    /// The accepted header closest to `header` when it looks like a misspelling of one (at most
    /// two edits away, for headers of four letters or more).
    static func suggestion(for header: String) -> String? {
        let written = Array(key(header).unicodeScalars)
        guard written.count >= 4 else { return nil }
        var best: (header: String, distance: Int)?
        for column in allCases where column != .fullName {
            for candidate in column.headers {
                let distance = editDistance(written, Array(key(candidate).unicodeScalars))
                if distance <= 2, distance < (best?.distance ?? .max) { best = (candidate, distance) }
            }
        }
        return best?.header
    }

    /// Levenshtein distance.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
