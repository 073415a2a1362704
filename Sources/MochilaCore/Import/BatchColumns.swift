import Foundation

/// Where each learner column is in a file, resolved from its header row.
struct BatchColumns {
    /// The headers as written in the file.
    let headers: [String]
    private let index: [LearnerColumn: Int]

    /// The columns of `table`, or every problem with its header row.
    static func resolve(
        _ table: CSVTable, unknownColumns: BatchImport.UnknownColumns
    ) -> Result<BatchColumns, BatchImportError> {
        let row = table.headerRowNumber
        let headers = table.headers.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var problems: [BatchImportError.Problem] = []
        var index: [LearnerColumn: Int] = [:]
        var unnamed: [Int] = []
        for (position, header) in headers.enumerated() {
            if header.isEmpty {
                unnamed.append(position)
                continue
            }
            guard let column = LearnerColumn(header: header) else {
                if unknownColumns == .refuse {
                    let message = LearnerColumn.suggestion(for: header).map { ImportMessage("header.unknownSuggestion", $0) }
                    problems.append(.init(row: row, column: header, message: message ?? ImportMessage("header.unknown")))
                }
                continue
            }
            if let first = index[column] {
                problems.append(.init(row: row, column: header, message: ImportMessage("header.duplicate", headers[first])))
            } else {
                index[column] = position
            }
        }

        let hasFamilyName = index[.familyName] != nil || index[.paternalSurname] != nil || index[.maternalSurname] != nil
        if let fullName = index[.fullName], index[.givenName] == nil || !hasFamilyName {
            problems.append(.init(row: row, column: headers[fullName], message: ImportMessage("header.fullName")))
        } else {
            if index[.givenName] == nil {
                problems.append(.init(row: row, message: ImportMessage("header.missingGivenName", accepted(.givenName))))
            }
            if !hasFamilyName {
                problems.append(
                    .init(
                        row: row,
                        message: ImportMessage(
                            "header.missingFamilyName", accepted(.familyName), LearnerColumn.paternalSurname.headers[0],
                            LearnerColumn.maternalSurname.headers[0])))
            }
        }
        if let single = index[.familyName], let split = index[.paternalSurname] ?? index[.maternalSurname] {
            problems.append(
                .init(row: row, column: headers[split], message: ImportMessage("header.surnameConflict", headers[single], headers[split])))
        } else if index[.paternalSurname] == nil, let maternal = index[.maternalSurname] {
            problems.append(
                .init(row: row, column: headers[maternal], message: ImportMessage("header.missingPaternal", accepted(.paternalSurname))))
        }
        if unknownColumns == .refuse {
            for position in unnamed {
                if let first = table.rows.first(where: { position < $0.fields.count && !$0.fields[position].isEmpty }) {
                    problems.append(
                        .init(row: first.number, message: ImportMessage("header.unnamedValues", CSVTable.columnLetter(position))))
                }
            }
        }
        return problems.isEmpty
            ? .success(BatchColumns(headers: headers, index: index)) : .failure(BatchImportError(problems: problems))
    }

    private static func accepted(_ column: LearnerColumn) -> String {
        column.headers.joined(separator: ", ")
    }

    /// The header of `column` as written, if the file has it.
    func header(_ column: LearnerColumn) -> String? {
        index[column].map { headers[$0] }
    }

    func has(_ column: LearnerColumn) -> Bool { index[column] != nil }

    /// The value of `column` in `row`, without surrounding spaces; empty when the file has no such
    /// column or the row is short.
    func value(_ column: LearnerColumn, in row: CSVTable.Row) -> String {
        guard let position = index[column], position < row.fields.count else { return "" }
        let value = row.fields[position]
        // The parser has already trimmed unquoted values; only quoted ones can have spaces at the edges.
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return value }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
