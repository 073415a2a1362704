/// The RFC 4180 state machine behind ``CSVTable``, over UTF-8 bytes.
///
/// Separators, quotes and line breaks are ASCII, so they are found byte by byte without decoding;
/// each value is decoded once when it ends.
struct CSVParser {
    private enum State {
        /// Before a value: spaces are skipped, a quote opens a quoted value.
        case fieldStart
        case unquoted
        case quoted
        /// A quote inside a quoted value: either the first of a doubled quote or the closing one.
        case quoteInQuoted
        /// After the closing quote: only spaces, a separator or a line break may follow.
        case afterQuoted
    }

    private static let quote: UInt8 = 0x22
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let space: UInt8 = 0x20
    private static let tab: UInt8 = 0x09

    private let text: [UInt8]
    private let separator: UInt8
    private let limits: CSVLimits

    private var rowNumber = 1
    private var fields: [String] = []
    private var field: [UInt8] = []
    /// The characters in `field` (UTF-8 lead bytes), for the length limit.
    private var fieldLength = 0
    /// The bytes of `field` up to its last character that is not a space, for trimming.
    private var kept = 0
    private var isQuoted = false

    private(set) var header: CSVTable.Row?
    private(set) var rows: [CSVTable.Row] = []

    init(text: [UInt8], separator: UInt8, limits: CSVLimits) {
        self.text = text
        self.separator = separator
        self.limits = limits
        field.reserveCapacity(256)
    }

    /// A separator or a line end (LF, CR or CRLF) outside quotes ends the field, and a line end
    /// the row too. Returns where reading goes on, or `nil` when `byte` (read just before
    /// `index`) is neither.
    private mutating func endOfField(_ byte: UInt8, at index: Int) throws(CSVError) -> Int? {
        if byte == separator {
            try endField()
            return index
        }
        guard byte == Self.lineFeed || byte == Self.carriageReturn else { return nil }
        try endField()
        try endRow()
        return byte == Self.carriageReturn && index < text.count && text[index] == Self.lineFeed ? index + 1 : index
    }

    mutating func parse(from start: Int) throws(CSVError) {
        var state = State.fieldStart
        var quoteRow = rowNumber
        var index = start
        let count = text.count
        while index < count {
            let byte = text[index]
            index += 1
            switch state {
            case .fieldStart, .unquoted, .afterQuoted:
                if let next = try endOfField(byte, at: index) {
                    index = next
                    state = .fieldStart
                } else if byte == Self.space || byte == Self.tab {
                    // Spaces outside quotes are dropped at the edges of a value and kept inside it.
                    if state == .unquoted { try append(byte) }
                } else if state == .afterQuoted {
                    throw CSVError(
                        .strayQuote, row: rowNumber, column: currentHeader,
                        ImportMessage("csv.strayQuote", CSVTable.columnLetter(fields.count)))
                } else if state == .fieldStart, byte == Self.quote {
                    state = .quoted
                    isQuoted = true
                    quoteRow = rowNumber
                } else {
                    // Note: a quote inside an unquoted value (`O"Brien`) is kept, as spreadsheets read it.
                    try append(byte)
                    kept = field.count
                    state = .unquoted
                }
            case .quoted:
                if byte == Self.quote {
                    state = .quoteInQuoted
                } else {
                    try append(byte)
                }
            case .quoteInQuoted:
                if byte == Self.quote {
                    try append(byte)
                    state = .quoted
                } else if let next = try endOfField(byte, at: index) {
                    index = next
                    state = .fieldStart
                } else if byte == Self.space || byte == Self.tab {
                    state = .afterQuoted
                } else {
                    throw CSVError(
                        .strayQuote, row: rowNumber, column: currentHeader,
                        ImportMessage("csv.strayQuote", CSVTable.columnLetter(fields.count)))
                }
            }
        }
        switch state {
        case .quoted:
            throw CSVError(.unclosedQuote, row: quoteRow, ImportMessage("csv.unclosedQuote"))
        case .fieldStart where fields.isEmpty && field.isEmpty:
            break  // the file ends with a line break, or is empty
        default:
            try endField()
            try endRow()
        }
    }

    /// The header of the value being read, once the header row is known.
    private var currentHeader: String? {
        guard let header, fields.count < header.fields.count, !header.fields[fields.count].isEmpty else { return nil }
        return header.fields[fields.count]
    }

    private mutating func append(_ byte: UInt8) throws(CSVError) {
        field.append(byte)
        guard byte & 0xC0 != 0x80 else { return }
        fieldLength += 1
        if fieldLength > limits.maxFieldLength {
            throw CSVError(
                .fieldTooLong, row: rowNumber, column: currentHeader,
                ImportMessage(
                    isQuoted ? "csv.fieldTooLongQuoted" : "csv.fieldTooLong", CSVTable.columnLetter(fields.count),
                    String(limits.maxFieldLength)))
        }
    }

    private mutating func endField() throws(CSVError) {
        let length = isQuoted ? field.count : kept
        fields.append(length == 0 ? "" : String(decoding: field[..<length], as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        fieldLength = 0
        kept = 0
        isQuoted = false
        if fields.count > limits.maxColumns {
            throw CSVError(.tooManyColumns, row: rowNumber, ImportMessage("csv.tooManyColumns", String(limits.maxColumns)))
        }
    }

    private mutating func endRow() throws(CSVError) {
        defer {
            fields.removeAll(keepingCapacity: true)
            rowNumber += 1
        }
        guard fields.contains(where: { !$0.isEmpty }) else { return }
        let row = CSVTable.Row(number: rowNumber, fields: fields)
        if header == nil {
            header = row
            return
        }
        guard rows.count < limits.maxRows else {
            throw CSVError(.tooManyRows, row: rowNumber, ImportMessage("csv.tooManyRows", String(limits.maxRows)))
        }
        rows.append(row)
    }
}
