/// A CSV file as spreadsheet programs save it: a header row and the rows below it.
///
/// Reads RFC 4180 (<https://www.rfc-editor.org/rfc/rfc4180>) and what Excel, LibreOffice and Google
/// Sheets write besides:
///
/// - UTF-8 with or without a byte order mark, and UTF-16 LE or BE with one (Excel's "Unicode
///   text"); anything else is refused with a message that says how to save the file as CSV UTF-8;
/// - comma, semicolon (spreadsheets in locales with a decimal comma) or tab separators, detected
///   from the header row, or named by an Excel `sep=;` first line;
/// - quoted values with doubled quotes (`""`) and separators or line breaks inside;
/// - CRLF, LF or CR line endings, in any mix;
/// - spaces and tabs around values, outside quotes, are dropped.
///
/// Rows are numbered as a spreadsheet shows them, so that a message can send the user to the
/// right row: the file's first row is 1 (an Excel `sep=` line is not shown and not counted), a
/// value with a line break inside stays one row, and empty rows are skipped but keep their number.
///
/// Every size is bounded by ``CSVLimits``; the file fails on the first limit it passes.
public struct CSVTable: Sendable, Hashable {
    /// One row of values, with its number as a spreadsheet shows it.
    public struct Row: Sendable, Hashable {
        /// The row number; the file's first row is 1.
        public var number: Int
        /// The values, as written (without surrounding spaces or quotes). A row may have fewer or
        /// more values than the header.
        public var fields: [String]

        public init(number: Int, fields: [String]) {
            self.number = number
            self.fields = fields
        }
    }

    /// The character between values.
    public enum Separator: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case comma = 0x2C
        case semicolon = 0x3B
        case tab = 0x09

        public var description: String {
            switch self {
            case .comma: return "\",\""
            case .semicolon: return "\";\""
            case .tab: return "TAB"
            }
        }
    }

    /// The text encoding the file was read in.
    public enum Encoding: String, Sendable, Hashable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 with BOM"
        case utf16LittleEndian = "UTF-16LE"
        case utf16BigEndian = "UTF-16BE"
    }

    public var encoding: Encoding
    public var separator: Separator
    /// The number of the header row: 1 unless empty rows come first.
    public var headerRowNumber: Int
    /// The headers as written in the file, without surrounding spaces.
    public var headers: [String]
    /// The rows after the header that have at least one value.
    public var rows: [Row]

    public init(encoding: Encoding = .utf8, separator: Separator = .comma, headerRowNumber: Int = 1, headers: [String], rows: [Row]) {
        self.encoding = encoding
        self.separator = separator
        self.headerRowNumber = headerRowNumber
        self.headers = headers
        self.rows = rows
    }

    /// Reads a CSV file.
    /// - Parameters:
    ///   - bytes: The file as uploaded.
    ///   - limits: The bounds on size, rows, columns and values.
    /// - Throws: ``CSVError`` when the file is not CSV text in an accepted encoding, breaks a limit,
    ///   has an unclosed quote, or has no header row.
    public init(bytes: [UInt8], limits: CSVLimits = .default) throws(CSVError) {
        guard bytes.count <= limits.maxBytes else {
            throw CSVError(
                .fileTooLarge, ImportMessage("csv.tooLarge", Self.size(bytes.count), Self.size(limits.maxBytes)))
        }
        let (text, encoding) = try Self.decode(bytes)
        var start = 0
        let separator: Separator
        if let (hinted, next) = Self.separatorHint(in: text) {
            separator = hinted
            start = next
        } else {
            separator = Self.detectSeparator(in: text)
        }
        var parser = CSVParser(text: text, separator: separator.rawValue, limits: limits)
        try parser.parse(from: start)
        guard let header = parser.header else { throw CSVError(.empty, ImportMessage("csv.empty")) }
        self.init(
            encoding: encoding, separator: separator, headerRowNumber: header.number, headers: header.fields,
            rows: parser.rows)
    }

    /// The spreadsheet name of the column at `index` (from 0): A, B, …, Z, AA, AB…
    static func columnLetter(_ index: Int) -> String {
        var name = ""
        var n = index + 1
        while n > 0 {
            let digit = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// A size for a person: `20 MiB`, `512 KiB`, `300 bytes`.
    static func size(_ bytes: Int) -> String {
        let mebibyte = 1024 * 1024
        if bytes >= mebibyte {
            let tenths = (bytes * 10 + mebibyte / 2) / mebibyte
            return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
        }
        if bytes >= 1024 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }

    // MARK: Separator

    /// The separator named by an Excel `sep=;` first line, and where the header starts after it.
    static func separatorHint(in text: [UInt8]) -> (Separator, Int)? {
        guard text.count >= 5, text[0] | 0x20 == 0x73, text[1] | 0x20 == 0x65, text[2] | 0x20 == 0x70, text[3] == 0x3D,
            let separator = Separator(rawValue: text[4])
        else { return nil }
        var next = 5
        guard next == text.count || text[next] == 0x0A || text[next] == 0x0D else { return nil }
        if next < text.count, text[next] == 0x0D { next += 1 }
        if next < text.count, text[next] == 0x0A { next += 1 }
        return (separator, next)
    }

    /// The separator that occurs most often outside quotes in the first row with content; comma when
    /// there is none (a one-column file) or on a tie.
    static func detectSeparator(in text: [UInt8]) -> Separator {
        var counts: [Separator: Int] = [:]
        var inQuotes = false
        var sawContent = false
        for byte in text {
            if byte == 0x22 {
                inQuotes.toggle()
                sawContent = true
            } else if inQuotes {
                continue
            } else if byte == 0x0A || byte == 0x0D {
                if sawContent { break }
            } else if let separator = Separator(rawValue: byte) {
                counts[separator, default: 0] += 1
                sawContent = true
            } else if byte != 0x20 {
                sawContent = true
            }
        }
        var best = Separator.comma
        for separator in Separator.allCases where counts[separator, default: 0] > counts[best, default: 0] {
            best = separator
        }
        return best
    }
}
