import Credentials

/// Reads a spreadsheet of learners to issue a micro-credential to, and checks every row before
/// anything is issued.
///
/// The result is either every learner, or every problem with the row and column where the user
/// finds it: one upload, one list of fixes, rather than one fix per upload.
///
/// - The first row holds headers in Spanish, Portuguese or English (see ``LearnerColumn``):
///   given names and family names are required; email, DID and grade are optional, as in the
///   single-award API. Family names come from one column (`apellidos`) or from two
///   (`apellido paterno`, `apellido materno`), joined with a space.
/// - A single full-name column is refused, asking for separate columns: splitting
///   "María José Núñez Pérez" into given names and surnames is guesswork, and a wrong guess is
///   printed on a signed credential. When separate columns are there too, the full name is ignored.
/// - Unknown columns are refused by default, each named with the nearest accepted header when it
///   looks misspelled. Ignoring them would be friendlier to registrar exports with extra columns,
///   but email and grade are optional, so a misspelled `corero` or `calficación` column would be
///   dropped without a word and credentials issued without them; issuing cannot be undone (only
///   revoked), so the import errs on the side of asking. A caller that has shown the user the
///   unknown columns and had them confirmed passes ``UnknownColumns/ignore``.
/// - Each row is checked by ``AwardInput/validatedLearner()``, the rule set of the single-award
///   API; an email (compared without case) or a DID that repeats an earlier row is a problem on the
///   later row, naming the earlier one.
/// - Rows are numbered as the spreadsheet shows them (the header is row 1); empty rows are skipped.
/// - At most ``maxReportedProblems`` problems are listed; the rest are counted.
public enum BatchImport {
    /// What to do with a column whose header is not a learner column.
    public enum UnknownColumns: Sendable, Hashable {
        /// Report each as a problem (the default).
        case refuse
        /// Skip them, with columns that have values but no header.
        case ignore
    }

    /// The most problems listed in a ``BatchImportError``; enough to fix a file, small enough to show.
    public static let maxReportedProblems = 1_000

    /// The learners in a CSV file, or every problem in it.
    /// - Parameters:
    ///   - bytes: The file as uploaded (see ``CSVTable`` for the encodings and separators read).
    ///   - limits: The bounds on the file.
    ///   - unknownColumns: Whether a column that is not a learner column is a problem.
    public static func learners(
        from bytes: [UInt8], limits: CSVLimits = .default, unknownColumns: UnknownColumns = .refuse
    ) -> Result<[BatchRow], BatchImportError> {
        do {
            return learners(in: try CSVTable(bytes: bytes, limits: limits), unknownColumns: unknownColumns)
        } catch {
            return .failure(BatchImportError(error))
        }
    }

    /// The learners in a table already read, or every problem in it.
    public static func learners(in table: CSVTable, unknownColumns: UnknownColumns = .refuse) -> Result<[BatchRow], BatchImportError> {
        let columns: BatchColumns
        switch BatchColumns.resolve(table, unknownColumns: unknownColumns) {
        case .success(let resolved): columns = resolved
        case .failure(let error): return .failure(error)
        }
        var report = ProblemCollector()
        var learners: [BatchRow] = []
        learners.reserveCapacity(table.rows.count)
        var emails: [String: Int] = [:]
        var dids: [String: Int] = [:]
        for row in table.rows {
            if let last = row.fields.lastIndex(where: { !$0.isEmpty }), last >= columns.headers.count {
                // Values past the last header: the row's values are shifted, so checking them would mislead.
                report.add(
                    row: row.number, column: nil,
                    ImportMessage("row.extraValues", String(last + 1), String(columns.headers.count), table.separator.description))
                continue
            }
            let (familyName, familyColumn) = familyName(in: row, columns: columns)
            let email = columns.value(.email, in: row)
            let did = columns.value(.did, in: row)
            let grade = columns.value(.grade, in: row)
            let input = AwardInput(
                learner: .init(
                    givenName: columns.value(.givenName, in: row), familyName: familyName, email: email.isEmpty ? nil : email,
                    did: did.isEmpty ? nil : did),
                grade: grade.isEmpty ? nil : grade)
            do {
                let learner = try input.validatedLearner()
                if report.isEmpty { learners.append(BatchRow(row: row.number, learner: learner, grade: input.grade)) }
            } catch let error as ValidationError {
                for problem in error.problems {
                    let column: String? =
                        switch problem.field {
                        case "learner.givenName": columns.header(.givenName)
                        case "learner.familyName": familyColumn
                        case "learner.email": columns.header(.email)
                        case "learner.did": columns.header(.did)
                        case "grade": columns.header(.grade)
                        default: nil
                        }
                    report.add(row: row.number, column: column, problem.importMessage)
                }
            } catch {
                report.add(row: row.number, column: nil, ImportMessage("value.other", String(describing: error)))
            }
            if !email.isEmpty {
                if let first = emails[email.lowercased()] {
                    report.add(row: row.number, column: columns.header(.email), ImportMessage("row.duplicateEmail", email, String(first)))
                } else {
                    emails[email.lowercased()] = row.number
                }
            }
            if !did.isEmpty {
                if let first = dids[did] {
                    report.add(row: row.number, column: columns.header(.did), ImportMessage("row.duplicateDID", did, String(first)))
                } else {
                    dids[did] = row.number
                }
            }
        }
        if report.isEmpty && learners.isEmpty { report.add(row: nil, column: nil, ImportMessage("batch.noRows")) }
        return report.isEmpty ? .success(learners) : .failure(report.error)
    }

    /// The header row of a template to download and fill in, in `language`, as a CSV file's text.
    ///
    /// It starts with a byte order mark, so that Excel opens the accents in `calificación` right,
    /// and ends with CRLF (RFC 4180). Pick ``CSVTable/Separator/semicolon`` for users whose
    /// spreadsheet uses a decimal comma (most of South America and Brazil); either is read back.
    public static func template(language: Language, separator: CSVTable.Separator = .comma) -> String {
        let separator = String(UnicodeScalar(separator.rawValue))
        return "\u{FEFF}" + LearnerColumn.templateHeaders(language).joined(separator: separator) + "\r\n"
    }

    /// The family name of `row`, and the header to name when it is wrong: from one column, or two
    /// surname columns joined with a space (a learner may have only one surname).
    private static func familyName(in row: CSVTable.Row, columns: BatchColumns) -> (String, String?) {
        guard columns.has(.paternalSurname) else {
            return (columns.value(.familyName, in: row), columns.header(.familyName))
        }
        let paternal = columns.value(.paternalSurname, in: row)
        let maternal = columns.value(.maternalSurname, in: row)
        let joined = [paternal, maternal].filter { !$0.isEmpty }.joined(separator: " ")
        let paternalHeader = columns.header(.paternalSurname)
        guard !maternal.isEmpty, let maternalHeader = columns.header(.maternalSurname) else { return (joined, paternalHeader) }
        if paternal.isEmpty { return (joined, maternalHeader) }
        return (joined, "\(paternalHeader ?? "") + \(maternalHeader)")
    }
}

/// Problems in file order, listing at most ``BatchImport/maxReportedProblems``.
private struct ProblemCollector {
    private var problems: [BatchImportError.Problem] = []
    private var unreported = 0

    var isEmpty: Bool { problems.isEmpty }

    mutating func add(row: Int?, column: String?, _ message: ImportMessage) {
        if problems.count < BatchImport.maxReportedProblems {
            problems.append(.init(row: row, column: column, message: message))
        } else {
            unreported += 1
        }
    }

    var error: BatchImportError { BatchImportError(problems: problems, unreportedCount: unreported) }
}
