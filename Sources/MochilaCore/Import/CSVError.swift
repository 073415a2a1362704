/// A CSV file that cannot be read at all: wrong encoding, too large, broken quoting.
///
/// Problems with the values themselves are not thrown here; ``BatchImport`` reports those row by
/// row. The ``message`` reads in Spanish, Portuguese and English.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is, for a program to match.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let fileTooLarge = Code("FILE_TOO_LARGE")
        public static let tooManyRows = Code("TOO_MANY_ROWS")
        public static let fieldTooLong = Code("FIELD_TOO_LONG")
        public static let tooManyColumns = Code("TOO_MANY_COLUMNS")
        /// Bytes that are not UTF-8 (typically Windows-1252 or Mac Roman from a plain "CSV" save).
        public static let notUTF8 = Code("NOT_UTF8")
        /// A byte order mark for an encoding that is not read, or UTF-16 that does not decode.
        public static let unsupportedEncoding = Code("UNSUPPORTED_ENCODING")
        /// A workbook (.xlsx, .xls, .ods) or other binary file instead of CSV text.
        public static let notText = Code("NOT_TEXT")
        public static let unclosedQuote = Code("UNCLOSED_QUOTE")
        /// Characters after the closing quote of a quoted value.
        public static let strayQuote = Code("STRAY_QUOTE")
        public static let empty = Code("EMPTY_FILE")
    }

    public var code: Code
    /// The row as a spreadsheet numbers it (the file's first row is 1), when the problem is in one row.
    public var row: Int?
    /// The column's header as written in the file, when the problem is in one value and the header is known.
    public var column: String?
    public var message: ImportMessage

    public init(_ code: Code, row: Int? = nil, column: String? = nil, _ message: ImportMessage) {
        self.code = code
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        if let row { return "row \(row): \(message.text(.en))" }
        return message.text(.en)
    }
}
