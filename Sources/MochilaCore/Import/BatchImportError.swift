import Credentials

/// Why a spreadsheet of learners cannot be issued: every problem found, each with its row and column.
///
/// Nothing is issued when there is any problem; the user fixes the file and uploads it again.
public struct BatchImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem, where the user can find it in the spreadsheet.
    public struct Problem: Sendable, Hashable {
        /// The row as the spreadsheet numbers it (the header is row 1), or `nil` for the whole file.
        public var row: Int?
        /// The column's header as written in the file, or `nil` for the whole row or file.
        public var column: String?
        public var message: ImportMessage

        public init(row: Int? = nil, column: String? = nil, message: ImportMessage) {
            self.row = row
            self.column = column
            self.message = message
        }

        /// The problem as a sentence in `language`, with its place: `Fila 37, columna "correo": …`.
        public func text(_ language: Language) -> String {
            let message = self.message.text(language)
            switch (row, column) {
            case let (row?, column?): return ImportMessage("problem.rowColumn", String(row), column, message).text(language)
            case let (row?, nil): return ImportMessage("problem.row", String(row), message).text(language)
            default: return message
            }
        }
    }

    /// The problems in file order, at most ``BatchImport/maxReportedProblems``.
    public var problems: [Problem]
    /// How many more problems were found but not listed.
    public var unreportedCount: Int

    public init(problems: [Problem], unreportedCount: Int = 0) {
        self.problems = problems
        self.unreportedCount = unreportedCount
    }

    /// A file that could not be read at all, as one problem.
    public init(_ error: CSVError) {
        self.init(problems: [Problem(row: error.row, column: error.column, message: error.message)])
    }

    /// Every problem as a line in `language`, and a last line counting those not listed.
    public func lines(_ language: Language) -> [String] {
        var lines = problems.map { $0.text(language) }
        if unreportedCount > 0 { lines.append(ImportMessage("batch.more", String(unreportedCount)).text(language)) }
        return lines
    }

    public var description: String { lines(.en).joined(separator: "\n") }
}
