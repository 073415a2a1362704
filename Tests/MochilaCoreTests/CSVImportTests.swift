import Credentials
import Foundation
import Testing

@testable import MochilaCore

@Suite struct CSVImportTests {
    func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    func learners(_ text: String, unknownColumns: BatchImport.UnknownColumns = .refuse) throws -> [BatchRow] {
        try BatchImport.learners(from: utf8(text), unknownColumns: unknownColumns).get()
    }

    func problems(_ bytes: [UInt8], limits: CSVLimits = .default) -> BatchImportError {
        switch BatchImport.learners(from: bytes, limits: limits) {
        case .success(let rows):
            Issue.record("accepted \(rows.count) rows")
            return BatchImportError(problems: [])
        case .failure(let error): return error
        }
    }

    /// The error reading `bytes`, or `nil` when they read.
    func csvError(_ bytes: [UInt8], limits: CSVLimits = .default) -> CSVError? {
        do {
            _ = try CSVTable(bytes: bytes, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Reading files as spreadsheets save them

    @Test func readsExcelCSVUTF8WithBOMAndCRLF() throws {
        let bytes: [UInt8] =
            [0xEF, 0xBB, 0xBF]
            + utf8("Nombres,Apellidos,Correo electrónico\r\nMaría José,Núñez Pérez,mj@uni.example\r\nJoão,Gonçalves,joao@uni.example\r\n\r\n\r\n")
        let table = try CSVTable(bytes: bytes)
        #expect(table.encoding == .utf8WithBOM)
        #expect(table.headers == ["Nombres", "Apellidos", "Correo electrónico"])
        let rows = try BatchImport.learners(from: bytes).get()
        #expect(rows.map(\.row) == [2, 3])
        #expect(rows[0].learner == Learner(givenName: "María José", familyName: "Núñez Pérez", email: "mj@uni.example"))
        #expect(rows[1].learner.fullName == "João Gonçalves")
    }

    @Test func semicolonsWithDecimalCommaGrades() throws {
        let text = "nombres;apellidos;correo;calificación\nAna;Quispe Mamani;ana@uni.example;6,5\nLuis;Pérez;;7,0\n"
        #expect(try CSVTable(bytes: utf8(text)).separator == .semicolon)
        let rows = try learners(text)
        #expect(rows.map(\.grade) == ["6,5", "7,0"])
        #expect(rows[1].learner.email == nil)
    }

    @Test func quotedValuesKeepSeparatorsQuotesAndAccents() throws {
        let rows = try learners(
            "given name,family name,email\n\"María José\",\"Núñez, Pérez\",mj@x.example\n  \"José \"\"Pepe\"\"\" ,  Ortiz Díaz ,pepe@x.example\n")
        #expect(rows[0].learner.familyName == "Núñez, Pérez")
        #expect(rows[1].learner.givenName == "José \"Pepe\"")
        #expect(rows[1].learner.familyName == "Ortiz Díaz")
        // A line break inside quotes stays in the value and the row; CR alone ends a row (old Mac Excel).
        let table = try CSVTable(bytes: utf8("a,b\r\"x\r\ny\",z\r\"\",w\r"))
        #expect(table.rows == [CSVTable.Row(number: 2, fields: ["x\r\ny", "z"]), CSVTable.Row(number: 3, fields: ["", "w"])])
    }

    @Test func emptyRowsAreSkippedButKeepTheirNumbers() throws {
        let table = try CSVTable(bytes: utf8("\r\nnombres;apellidos\nAna;Pérez\r\n;;\n\r  \nLuis;Soto\n\n\n"))
        #expect(table.headerRowNumber == 2)
        #expect(table.rows.map(\.number) == [3, 7])
        let hinted = try CSVTable(bytes: utf8("sep=,\r\nnombres;apellidos,x\r\nAna;Pérez,1\r\n"))
        #expect(hinted.separator == .comma)
        #expect(hinted.rows == [CSVTable.Row(number: 2, fields: ["Ana;Pérez", "1"])])
    }

    @Test func twoSurnameColumnsAreJoined() throws {
        let header = "Nombre(s);Apellido Paterno;Apellido Materno;Correo\n"
        let rows = try learners(header + "María;Núñez;Pérez;m@x.example\nWei;Chen;;w@x.example\n")
        #expect(rows.map(\.learner.familyName) == ["Núñez Pérez", "Chen"])
        let error = problems(utf8(header + "Ana;;;a@x.example\n"))
        #expect(error.problems.map { [$0.column, $0.message.key] } == [["Apellido Paterno", "value.required"]])
    }

    @Test(arguments: [
        "nombres,apellidos,correo electrónico,calificación,did",
        "Nome,Sobrenome,E-mail,Nota,DID",
        "First Name,Last Name,Email Address,Grade,did",
        " NOMBRE ,APELLIDO,CORREO_ELECTRONICO,Nota Final,Did",
    ])
    func headersInSpanishPortugueseAndEnglish(header: String) throws {
        let rows = try learners(header + "\nAna,Silva,ana@x.example,A,did:web:ana.example\n")
        #expect(rows == [BatchRow(row: 2, learner: Learner(givenName: "Ana", familyName: "Silva", email: "ana@x.example", did: "did:web:ana.example"), grade: "A")])
    }

    @Test func utf16FilesFromExcelUnicodeText() throws {
        let text = "Nombres\tApellidos\tCorreo\r\nÑusta\tHuamán Quispe\tnusta@x.example\r\n"
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (bytes, encoding) in [(little, CSVTable.Encoding.utf16LittleEndian), (big, .utf16BigEndian)] {
            let table = try CSVTable(bytes: bytes)
            #expect(table.encoding == encoding)
            #expect(table.separator == .tab)
            let rows = try BatchImport.learners(from: bytes).get()
            #expect(rows.map(\.learner.fullName) == ["Ñusta Huamán Quispe"])
        }
    }

    @Test func otherEncodingsAndWorkbooksAreRefused() {
        // "María;Pérez" as Excel's plain "CSV" writes it on Windows: í is 0xED, é is 0xE9.
        let windows1252 = utf8("nombres;apellidos\r\nMar") + [0xED] + utf8("a;P") + [0xE9] + utf8("rez\r\n")
        #expect(csvError(windows1252)?.code == .notUTF8)
        let error = problems(windows1252)
        #expect(error.problems.map(\.message) == [ImportMessage("csv.notUTF8Latin", "2", "í")])
        #expect(error.problems[0].text(.en).hasPrefix("The file is not UTF-8 (line 2"))
        #expect(error.problems[0].text(.es).contains("guárdelo como CSV UTF-8"))
        #expect(csvError([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])?.code == .notText)
        #expect(csvError(utf8("a,b\n") + [0x00, 0x41])?.code == .notText)
        #expect(csvError([0xFF, 0xFE, 0x41])?.code == .unsupportedEncoding)
    }

    // MARK: Problems, with their row and column

    @Test func reportsTheRowAndColumnOfEachProblem() {
        var text = "nombres;apellidos;correo\n"
        for row in 2...41 {
            let given = row == 10 ? "" : "Ana \(row)"
            let email = row == 37 ? "ana.en.uni.example" : "ana\(row)@uni.example"
            text += "\(given);Pérez;\(email)\n"
        }
        let error = problems(utf8(text))
        #expect(error.problems.map { "\($0.row!) \($0.column!) \($0.message.key)" } == ["10 nombres value.required", "37 correo value.email"])
        #expect(error.problems[1].text(.es) == "Fila 37, columna \"correo\": \"ana.en.uni.example\" no es una dirección de correo electrónico.")
        #expect(error.problems[1].text(.pt) == "Linha 37, coluna \"correo\": \"ana.en.uni.example\" não é um endereço de e-mail.")
    }

    @Test func aRepeatedEmailIsReportedOnTheLaterRowNamingTheFirst() {
        let error = problems(utf8("nombres;apellidos;correo\nAna;Pérez;ana@uni.example\nLuis;Soto;luis@uni.example\nAna M.;Pérez;ANA@uni.example \n"))
        #expect(error.problems == [.init(row: 4, column: "correo", message: ImportMessage("row.duplicateEmail", "ANA@uni.example", "2"))])
        #expect(error.problems[0].text(.en) == "Row 4, column \"correo\": The email ANA@uni.example is already on row 2.")
    }

    @Test func missingColumnsAreNamedWithTheAcceptedHeaders() {
        let missing = problems(utf8("nombres;correo\nAna;a@x.example\n"))
        #expect(missing.problems.map(\.message.key) == ["header.missingFamilyName"])
        let text = missing.problems[0].text(.es)
        #expect(text.contains("apellidos") && text.contains("sobrenome") && text.contains("last name") && text.contains("apellido paterno"))
        let fullName = problems(utf8("Nombre completo;Correo\nMaría José Núñez Pérez;m@x.example\n"))
        #expect(fullName.problems == [.init(row: 1, column: "Nombre completo", message: ImportMessage("header.fullName"))])
        #expect(problems(utf8("nombres;apellidos;email;correo\n")).problems.map(\.message) == [ImportMessage("header.duplicate", "email")])
    }

    @Test func unknownColumnsAreRefusedUnlessIgnored() throws {
        let text = "nombres;apellidos;corero;matrícula\nAna;Pérez;a@x.example;2024-001\n"
        let error = problems(utf8(text))
        #expect(error.problems.map(\.column) == ["corero", "matrícula"])
        #expect(error.problems.map(\.message) == [ImportMessage("header.unknownSuggestion", "correo"), ImportMessage("header.unknown")])
        let rows = try learners(text, unknownColumns: .ignore)
        #expect(rows.map(\.learner) == [Learner(givenName: "Ana", familyName: "Pérez")])
    }

    @Test func valuesPastTheLastHeaderPointToAnUnquotedSeparator() {
        let error = problems(utf8("nombres,apellidos,correo\nMaría,Núñez, Pérez,m@x.example\nAna,Soto,a@x.example,,\n"))
        #expect(error.problems == [.init(row: 2, message: ImportMessage("row.extraValues", "4", "3", "\",\""))])
    }

    @Test func everyProblemIsListedUpToACap() {
        let text = "nombres;apellidos\n" + String(repeating: ";Pérez\n", count: 1_500)
        let error = problems(utf8(text))
        #expect(error.problems.count == BatchImport.maxReportedProblems)
        #expect(error.unreportedCount == 500)
        #expect(error.problems.last?.row == 1_001)
        #expect(error.lines(.es).last == "…y 500 problemas más.")
    }

    @Test func aFileWithoutLearnersIsAProblem() {
        #expect(problems(utf8("nombres;apellidos\r\n;;\r\n")).problems.map(\.message.key) == ["batch.noRows"])
        #expect(csvError(utf8("\r\n ;\r\n"))?.code == .empty)
    }

    // MARK: Limits

    @Test func limitsFailFast() {
        let limits = CSVLimits(maxBytes: 64 * 1024, maxRows: 100, maxFieldLength: 1_000, maxColumns: 50)
        let manyRows = "nombres;apellidos\n" + String(repeating: "Ana;Pérez\n", count: 5_000)
        let tooManyRows = csvError(utf8(manyRows), limits: limits)
        #expect(tooManyRows?.code == .tooManyRows && tooManyRows?.row == 102)
        let tooLarge = csvError(utf8(manyRows), limits: CSVLimits(maxBytes: 1_024))
        #expect(tooLarge?.code == .fileTooLarge)
        #expect(tooLarge?.message.text(.en) == "The file is 53 KiB; the maximum is 1 KiB. Split it into several files.")

        let longValue = csvError(utf8("nombres;apellidos\nAna;" + String(repeating: "ñ", count: 1_001) + "\n"))
        #expect(longValue?.code == .fieldTooLong)
        #expect(longValue?.row == 2 && longValue?.column == "apellidos")
        #expect(csvError(utf8("nombres;apellidos\nAna;" + String(repeating: "ñ", count: 1_000) + "\n")) == nil)
        // An unclosed quote swallows the rest of the file: the message says so.
        let unclosed = csvError(utf8("nombres;apellidos\n\"Ana;Pérez\n" + String(repeating: "Luis;Soto\n", count: 200)))
        #expect(unclosed?.message.key == "csv.fieldTooLongQuoted")
        #expect(unclosed?.row == 2)
        #expect(csvError(utf8("nombres;apellidos\nAna;\"Pérez\n"))?.code == .unclosedQuote)
        #expect(csvError(utf8("nombres;apellidos\nAna;\"Pérez\"x\n"))?.code == .strayQuote)
        #expect(csvError(utf8(Array(repeating: "x", count: 51).joined(separator: ",")))?.code == .tooManyColumns)
    }

    @Test func tenThousandRowsAreRead() throws {
        var text = "\u{FEFF}nombres;apellido paterno;apellido materno;correo electrónico;calificación\r\n"
        for row in 0..<10_000 { text += "María José \(row);Núñez;Pérez;mj\(row)@universidad.example;6,\(row % 10)\r\n" }
        let rows = try learners(text)
        #expect(rows.count == 10_000)
        #expect(rows.last?.row == 10_001)
    }

    // MARK: One rule set, three languages

    @Test(arguments: Language.allCases)
    func theTemplateReadsBack(language: Language) throws {
        let template = BatchImport.template(language: language, separator: language == .en ? .comma : .semicolon)
        #expect(template.hasPrefix("\u{FEFF}") && template.hasSuffix("\r\n"))
        let separator = language == .en ? "," : ";"
        let rows = try learners(template + ["Ana", "Pérez", "ana@x.example", "6,5", ""].map { "\"\($0)\"" }.joined(separator: separator))
        #expect(rows.map(\.grade) == ["6,5"])
    }

    @Test func everyLearnerRuleReadsInEachLanguage() {
        let long = String(repeating: "a", count: 201)
        let inputs = [
            AwardInput(learner: .init(givenName: "", familyName: long, email: "no-es-correo", did: "nope"), grade: long),
            AwardInput(learner: .init(givenName: "Ana\u{7}", familyName: "Pérez")),
        ]
        var keys: Set<String> = []
        for input in inputs {
            do {
                _ = try input.validatedLearner()
                Issue.record("accepted \(input)")
            } catch let error as ValidationError {
                for problem in error.problems {
                    keys.insert(problem.importMessage.key)
                    #expect(problem.importMessage.text(.es) != problem.importMessage.text(.en))
                }
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        #expect(keys == ["value.required", "value.tooLong", "value.email", "value.did", "value.control"])
        for key in ImportMessage.catalog.keys { #expect(ImportMessage.catalog[key]?.count == 3, "\(key)") }
        // No accepted header names two columns.
        var seen: [String: LearnerColumn] = [:]
        for column in LearnerColumn.allCases {
            for header in column.headers {
                #expect(seen.updateValue(column, forKey: LearnerColumn.key(header)).map { $0 == column } ?? true, "\(header)")
            }
        }
    }
}
