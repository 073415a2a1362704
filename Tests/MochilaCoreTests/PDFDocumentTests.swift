import Credentials
import Foundation
import Testing

@testable import MochilaCore

/// The PDF writer: file structure (header, cross-reference offsets, trailer, stream lengths),
/// WinAnsi encoding, string escaping, AFM-based wrapping, page breaks and module grids. When
/// `qpdf` or `pdftotext` is on the PATH, the output is also checked with them; the other tests
/// need no external tool.
@Suite struct PDFDocumentTests {
    /// 2024-06-20 16:13:20 UTC.
    static let date = Date(timeIntervalSince1970: 1_718_900_000)

    /// A document in the shape of a credential summary.
    static func certificate(compressed: Bool = false) -> PDFDocument {
        var pdf = PDFDocument(
            title: "Certificado (digital): Cocina de aprovechamiento", creationDate: date, compressesStreams: compressed)
        pdf.heading("Cocina de aprovechamiento y economía circular")
        pdf.paragraph("Otorgado a María José Núñez Peña", style: .init(font: .helveticaOblique, size: 13))
        pdf.rule()
        pdf.keyValue("Emisor", "Escuela de Hostelería de Sevilla")
        pdf.keyValue("Carga de trabajo", "75 horas · 3 ECTS · MEC nivel 4")
        pdf.paragraph("¿Qué aprendió? ¡Mucho! Conservação «tradicional» – ração, pingüino… 12 €")
        pdf.paragraph("https://mochila.example/v/7d2c1a9e", style: .small, link: "https://mochila.example/v/7d2c1a9e")
        return pdf
    }

    /// Bytes as text, one character per byte (ISO 8859-1), so offsets in the text are byte offsets.
    static func latin1(_ bytes: some Sequence<UInt8>) -> String {
        String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// The `x y Td` positions in a content stream, in PDF user space.
    static func textPositions(_ content: [UInt8]) -> [(x: Double, y: Double)] {
        latin1(content).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard let td = parts.firstIndex(of: "Td"), td >= 2 else { return nil }
            return (Double(parts[td - 2])!, Double(parts[td - 1])!)
        }
    }

    // MARK: - File structure

    @Test(arguments: [false, true])
    func headerCrossReferenceAndTrailer(compressed: Bool) throws {
        let bytes = Self.certificate(compressed: compressed).render()
        let text = Self.latin1(bytes)

        // Header and the binary comment line (7.5.2).
        #expect(Array(bytes.prefix(9)) == Array("%PDF-1.7\n".utf8))
        #expect(bytes[9] == UInt8(ascii: "%"))
        #expect(bytes[10..<14].allSatisfy { $0 >= 128 })
        #expect(bytes[14] == 0x0A)
        #expect(text.hasSuffix("%%EOF\n"))

        // startxref points at the "xref" keyword.
        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let xrefOffset = try #require(Int(text[startxref.upperBound...].prefix { $0.isNumber }))
        let xref = Array(text.unicodeScalars)[xrefOffset...]
        #expect(String(String.UnicodeScalarView(xref.prefix(5))) == "xref\n")

        // One subsection from 0, every entry exactly 20 bytes, every in-use offset at "N 0 obj".
        let table = String(String.UnicodeScalarView(xref))
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[1].split(separator: " ")
        #expect(header[0] == "0")
        let size = try #require(Int(header[1]))
        #expect(lines[2] == "0000000000 65535 f ")
        let entries = table.dropFirst("xref\n0 \(size)\n".count).prefix(20 * size)
        #expect(entries.count == 20 * size)
        for number in 1..<size {
            let start = entries.index(entries.startIndex, offsetBy: 20 * number)
            let entry = entries[start..<entries.index(start, offsetBy: 20)]
            #expect(entry.hasSuffix(" 00000 n \n"), "entry \(number)")
            let offset = try #require(Int(entry.prefix(10)))
            let expected = Array("\(number) 0 obj\n".utf8)
            #expect(Array(bytes[offset..<offset + expected.count]) == expected, "object \(number)")
        }
        // Every object in the file is in the table, once.
        let objectCount = text.components(separatedBy: " 0 obj\n").count - 1
        #expect(objectCount == size - 1)

        // The trailer.
        #expect(table.contains("trailer\n<< /Size \(size) /Root 1 0 R /Info 3 0 R >>\nstartxref\n\(xrefOffset)\n%%EOF\n"))
        #expect(text.contains("1 0 obj\n<< /Type /Catalog /Pages 2 0 R /ViewerPreferences << /DisplayDocTitle true >> /Lang (es) >>"))
    }

    @Test(arguments: [false, true])
    func streamLengthsAreExact(compressed: Bool) throws {
        let bytes = Self.certificate(compressed: compressed).render()
        let text = Self.latin1(bytes)
        var streams = 0
        var search = text.startIndex
        while let length = text.range(of: "<< /Length ", range: search..<text.endIndex) {
            let count = try #require(Int(text[length.upperBound...].prefix { $0.isNumber }))
            let keyword = try #require(text.range(of: ">>\nstream\n", range: length.upperBound..<text.endIndex))
            let dataStart = text.unicodeScalars.distance(from: text.startIndex, to: keyword.upperBound)
            #expect(Self.latin1(bytes[(dataStart + count)...].prefix(10)) == "\nendstream")
            search = keyword.upperBound
            streams += 1
        }
        #expect(streams == 1)
        #expect(text.contains("/Filter /FlateDecode") == compressed)
    }

    @Test func compressedStreamsInflateToThePlainOnes() throws {
        let plain = Self.certificate(compressed: false)
        let compressed = ZLib.compress(plain.pages[0].content)
        #expect(try ZLib.inflate(compressed) == plain.pages[0].content)
        #expect(compressed.count < plain.pages[0].content.count)
    }

    @Test func documentInformation() {
        let text = Self.latin1(Self.certificate().render())
        #expect(text.contains("/Title (Certificado \\(digital\\): Cocina de aprovechamiento)"))
        #expect(text.contains("/Producer (Mochila)"))
        #expect(text.contains("/CreationDate (D:20240620161320Z)"))

        // A title beyond ASCII is UTF-16BE with a byte order mark.
        #expect(PDFDocument.textString("Ñu €") == "<FEFF00D10075002020AC>")
        var english = PDFDocument(title: "T", creationDate: Self.date, language: nil)
        english.paragraph("x")
        #expect(!Self.latin1(english.render()).contains("/Lang"))
    }

    @Test func pdfDates() {
        #expect(PDFDocument.pdfDate(Date(timeIntervalSince1970: 0)) == "D:19700101000000Z")
        #expect(PDFDocument.pdfDate(Date(timeIntervalSince1970: 951_782_400)) == "D:20000229000000Z")
        #expect(PDFDocument.pdfDate(Date(timeIntervalSince1970: -1)) == "D:19691231235959Z")
        #expect(PDFDocument.pdfDate(Date(timeIntervalSince1970: 4_102_444_799.5)) == "D:20991231235959Z")
    }

    @Test func renderingIsDeterministic() {
        #expect(Self.certificate(compressed: true).render() == Self.certificate(compressed: true).render())
    }

    // MARK: - Text encoding

    @Test func spanishAndPortugueseMapToWinAnsi() {
        let text = "áéíóúñÑüçãõâêôà¿¡«»–—“”‘’€…"
        let expected: [UInt8] = [
            0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xF1, 0xD1, 0xFC, 0xE7, 0xE3, 0xF5, 0xE2, 0xEA, 0xF4, 0xE0,
            0xBF, 0xA1, 0xAB, 0xBB, 0x96, 0x97, 0x93, 0x94, 0x91, 0x92, 0x80, 0x85,
        ]
        #expect(PDFDocument.winAnsiBytes(text) == expected)
        #expect(PDFDocument.string(fromWinAnsi: expected) == text)
        // Every byte WinAnsi defines maps back to itself.
        for byte in UInt8(0x20)...0xFF where ![0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xA0, 0xAD].contains(byte) {
            #expect(PDFDocument.winAnsiBytes(PDFDocument.string(fromWinAnsi: [byte])) == [byte])
        }
    }

    @Test func unmappableAndSpecialCharacters() {
        // Decomposed accents are composed; whole grapheme clusters outside cp1252 become one "?".
        #expect(PDFDocument.winAnsiBytes("Jose\u{301}") == Array("Jos".utf8) + [0xE9])
        #expect(PDFDocument.winAnsiBytes("Ωλ 漢 😀 👩‍🎓") == Array("?? ? ? ?".utf8))
        // No-break and thin spaces print as spaces, Unicode hyphens as "-", soft hyphens and controls vanish.
        #expect(PDFDocument.winAnsiBytes("a\u{A0}b\u{202F}c\u{2011}d\u{AD}e\u{7}f\tg") == Array("a b c-def g".utf8))
        #expect(PDFDocument.winAnsiBytes("a\nb\r\nc") == Array("a b c".utf8))
    }

    @Test func accentedTextReachesTheContentStream() {
        var pdf = PDFDocument(title: "T", creationDate: Self.date, compressesStreams: false)
        pdf.paragraph("Ação – Núñez")
        let content = pdf.pages[0].content
        let expected: [UInt8] = [0x28, 0x41, 0xE7, 0xE3, 0x6F, 0x20, 0x96, 0x20, 0x4E, 0xFA, 0xF1, 0x65, 0x7A, 0x29]
        #expect(content.firstRange(of: expected + Array(" Tj".utf8)) != nil)
        let text = Self.latin1(pdf.render())
        #expect(text.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"))
        #expect(text.contains("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"))
        #expect(text.contains("/BaseFont /Helvetica-Oblique /Encoding /WinAnsiEncoding"))
    }

    @Test func literalStringsEscapeParenthesesAndBackslashes() {
        #expect(Self.latin1(PDFDocument.literalString(Array("a(b)c\\d\re".utf8))) == "(a\\(b\\)c\\\\d\\re)")
        var pdf = PDFDocument(title: "T", creationDate: Self.date, compressesStreams: false)
        pdf.text("f(x) = \\y", at: .init(x: 10, y: 20), style: .body)
        #expect(Self.latin1(pdf.pages[0].content).contains("(f\\(x\\) = \\\\y) Tj"))
        // A URI is 7-bit ASCII, escaped too.
        #expect(PDFDocument.asciiURI("https://e.example/a b/ñ(1)") == "https://e.example/a%20b/%C3%B1(1)")
        #expect(Self.latin1(PDFDocument.literalString(Array("(1)".utf8))) == "(\\(1\\))")
    }

    // MARK: - Metrics and wrapping

    @Test func widthsFromTheAFMFiles() {
        // H 722, e 556, l 222, l 222, o 556 in Helvetica.afm.
        #expect(PDFDocument.width(of: "Hello", font: .helvetica, size: 10) == 22.78)
        #expect(PDFDocument.width(of: "Hello", font: .helveticaOblique, size: 10) == 22.78)
        // H 722, e 556, l 278, l 278, o 611 in Helvetica-Bold.afm.
        #expect(PDFDocument.width(of: "Hello", font: .helveticaBold, size: 10) == 24.45)
        // N 722, uacute 556, ntilde 556, e 556, z 500; Euro 556, ellipsis 1000, quotesingle 191.
        #expect(PDFDocument.width(of: "Núñez", font: .helvetica, size: 1000) == 2890)
        #expect(PDFDocument.width(of: "€…'", font: .helvetica, size: 1000) == 1747)
        #expect(PDFDocument.width(of: "€…'", font: .helveticaBold, size: 1000) == 1794)
        #expect(PDFDocument.width(of: "W@", font: .helveticaBold, size: 1000) == 944 + 975)
    }

    @Test func wrapsAtTheExactWidth() {
        // "Hello Hello" is 22.78 + 2.78 + 22.78 = 48.34 pt at 10 pt.
        #expect(PDFDocument.wrap("Hello Hello", font: .helvetica, size: 10, width: 48.34) == ["Hello Hello"])
        #expect(PDFDocument.wrap("Hello Hello", font: .helvetica, size: 10, width: 48.33) == ["Hello", "Hello"])
        #expect(PDFDocument.wrap("uno  dos\n\ntres", font: .helvetica, size: 10, width: 500) == ["uno dos", "", "tres"])
        // A word longer than the line (a URL) breaks between characters, never exceeding the width.
        let url = "https://mochila.example/verificar/7d2c1a9e-4b1f-4c8e-9a0d-3f5e2b6c8d71"
        let lines = PDFDocument.wrap("Enlace: " + url, font: .helvetica, size: 10, width: 120)
        #expect(lines.count > 2)
        #expect(lines[0] == "Enlace:")
        #expect(lines.dropFirst().joined() == url)
        for line in lines { #expect(PDFDocument.width(of: line, font: .helvetica, size: 10) <= 120) }
        // Wrapping keeps text the same apart from the breaks.
        let paragraph = String(repeating: "Conservação «tradicional» de alimentos, ñandú y pingüino. ", count: 20)
        let wrapped = PDFDocument.wrap(paragraph, font: .helveticaBold, size: 11, width: 300)
        #expect(wrapped.joined(separator: " ") == paragraph.trimmingCharacters(in: .whitespaces))
        for (index, line) in wrapped.enumerated() {
            #expect(PDFDocument.width(of: line, font: .helveticaBold, size: 11) <= 300)
            // Greedy: the next line's first word would not have fitted.
            if index + 1 < wrapped.count {
                let next = line + " " + wrapped[index + 1].split(separator: " ")[0]
                #expect(PDFDocument.width(of: next, font: .helveticaBold, size: 11) > 300)
            }
        }
    }

    @Test func paragraphsStayWithinTheMargins() {
        var pdf = PDFDocument(title: "T", creationDate: Self.date, compressesStreams: false)
        pdf.paragraph(String(repeating: "Resultado de aprendizaje con una descripción larga. ", count: 30))
        pdf.paragraph("Centrado", alignment: .center)
        pdf.paragraph("Derecha", alignment: .right)
        let positions = Self.textPositions(pdf.pages[0].content)
        #expect(positions.count > 10)
        for position in positions.dropLast(2) { #expect(position.x == pdf.margins.left) }
        let center = positions[positions.count - 2]
        #expect(abs(center.x - (pdf.margins.left + (pdf.contentWidth - PDFDocument.width(of: "Centrado", font: .helvetica, size: 10.5)) / 2)) < 0.001)
        let right = positions[positions.count - 1]
        #expect(abs(right.x + PDFDocument.width(of: "Derecha", font: .helvetica, size: 10.5) - (PDFDocument.pageWidth - pdf.margins.right)) < 0.001)
        // Baselines go down the page by the leading.
        #expect(abs(positions[0].y - positions[1].y - PDFDocument.Style.body.leading) < 0.002)
    }

    // MARK: - Page breaks

    @Test func longTextBreaksIntoPages() {
        var pdf = PDFDocument(title: "T", creationDate: Self.date, compressesStreams: false)
        pdf.heading("Resultados de aprendizaje")
        let items = (1...120).map { "Resultado \($0): aplica técnicas de conservación y explica su fundamento." }
        for item in items { pdf.paragraph(item) }
        #expect(pdf.pageCount > 2)

        var lines = 0
        for page in pdf.pages {
            let positions = Self.textPositions(page.content)
            #expect(!positions.isEmpty)
            lines += positions.count
            for position in positions {
                // Baselines sit below the top margin and, descenders included, above the bottom one.
                #expect(position.y <= PDFDocument.pageHeight - pdf.margins.top)
                #expect(position.y - 0.207 * 10.5 >= pdf.margins.bottom - 0.001)
            }
        }
        let expected = 1 + items.reduce(0) { $0 + PDFDocument.wrap($1, font: .helvetica, size: 10.5, width: pdf.contentWidth).count }
        #expect(lines == expected)

        // Every page is in the page tree, with its own content stream.
        let text = Self.latin1(pdf.render())
        #expect(text.contains("/Count \(pdf.pageCount)"))
        #expect(text.components(separatedBy: "/Type /Page /Parent 2 0 R").count - 1 == pdf.pageCount)
        #expect(text.components(separatedBy: "/MediaBox [0 0 595.28 841.89]").count - 1 == pdf.pageCount)
    }

    @Test func headingsKeepWithTheFollowingText() {
        var pdf = PDFDocument(title: "T", creationDate: Self.date, compressesStreams: false)
        pdf.spacer(pdf.contentBottom - pdf.cursor - 30)
        #expect(pdf.pageCount == 1)
        pdf.heading("Resultados")
        #expect(pdf.pageCount == 2)
        #expect(Self.textPositions(pdf.pages[0].content).isEmpty)
        #expect(Self.textPositions(pdf.pages[1].content).count == 1)
    }

    @Test func keyValueRowsAndReservedBlocks() {
        var pdf = PDFDocument(title: "T", creationDate: Self.date, compressesStreams: false)
        pdf.keyValue("Emisor", "Escuela de Hostelería de Sevilla")
        let positions = Self.textPositions(pdf.pages[0].content)
        #expect(positions.count == 2)
        #expect(positions[0].x == pdf.margins.left)
        #expect(positions[1].x == pdf.margins.left + 150)
        #expect(positions[0].y == positions[1].y)
        #expect(Self.latin1(pdf.pages[0].content).contains("/F2 10.5 Tf"))

        let before = pdf.cursor
        #expect(pdf.reserve(height: 100) == before)
        #expect(pdf.cursor == before + 100)
        #expect(pdf.reserve(height: pdf.contentBottom) == pdf.margins.top)
        #expect(pdf.pageCount == 2)
    }

    // MARK: - Drawing

    @Test func modulesBecomeRectangles() {
        var pdf = PDFDocument(title: "T", creationDate: Self.date, compressesStreams: false)
        let matrix: [[Bool]] = [
            [true, true, false],
            [false, true, false],
            [true, false, true],
        ]
        pdf.drawModules({ matrix[$1][$0] }, size: 3, at: .init(x: 100, y: 100), moduleSize: 10, color: .black)
        // Runs of dark modules in a row are one rectangle; y flips to PDF user space
        // (841.89 − 100 − 10 = 731.89 for the first row's bottom edge).
        #expect(
            Self.latin1(pdf.pages[0].content) == """
                q 0 0 0 rg
                100 731.89 20 10 re
                110 721.89 10 10 re
                100 711.89 10 10 re
                120 711.89 10 10 re
                f Q

                """)
    }

    @Test func aQRSizedMatrixCoversExactlyItsDarkModules() {
        var pdf = PDFDocument(title: "T", creationDate: Self.date, compressesStreams: false)
        // A deterministic 29 × 29 pattern with finder-like squares in three corners.
        let size = 29
        func isDark(_ x: Int, _ y: Int) -> Bool {
            for (cx, cy) in [(0, 0), (size - 7, 0), (0, size - 7)] where (cx..<cx + 7).contains(x) && (cy..<cy + 7).contains(y) {
                let (dx, dy) = (x - cx, y - cy)
                return dx == 0 || dy == 0 || dx == 6 || dy == 6 || ((2...4).contains(dx) && (2...4).contains(dy))
            }
            return (x * 7 + y * 13 + x * y) % 5 < 2
        }
        let moduleSize = 2.835  // 1 mm
        pdf.drawModules(isDark, size: size, at: .init(x: 56.69, y: 400), moduleSize: moduleSize)
        let rectangles = Self.latin1(pdf.pages[0].content).split(separator: "\n").filter { $0.hasSuffix(" re") }
        var area = 0.0
        var perRow: [String: Double] = [:]
        for rectangle in rectangles {
            let numbers = rectangle.split(separator: " ").prefix(4).map { Double($0)! }
            area += numbers[2]
            perRow[String(rectangle.split(separator: " ")[1]), default: 0] += numbers[2]
            // Every rectangle lies inside the symbol.
            #expect(numbers[0] >= 56.69 - 0.001 && numbers[0] + numbers[2] <= 56.69 + Double(size) * moduleSize + 0.001)
            #expect(abs(numbers[3] - moduleSize) < 0.002)
        }
        let dark = (0..<size).reduce(0) { total, y in total + (0..<size).filter { isDark($0, y) }.count }
        #expect(abs(area - Double(dark) * moduleSize) < 0.01 * Double(size))
        // One or more rectangles in exactly the rows with dark modules.
        #expect(perRow.count == (0..<size).filter { y in (0..<size).contains { isDark($0, y) } }.count)
        // The top row of the top left finder pattern is one run of seven modules.
        #expect(rectangles.first == "56.69 439.055 19.845 2.835 re")
    }

    @Test func linksBecomeURIAnnotations() {
        let text = Self.latin1(Self.certificate().render())
        #expect(text.contains("/Subtype /Link"))
        #expect(text.contains("/A << /S /URI /URI (https://mochila.example/v/7d2c1a9e) >>"))
        #expect(text.contains("/Annots ["))
    }

    @Test func numbersAreWrittenWithoutExponents() {
        #expect(PDFDocument.number(595.28) == "595.28")
        #expect(PDFDocument.number(12) == "12")
        #expect(PDFDocument.number(0.5) == "0.5")
        #expect(PDFDocument.number(-0.001) == "-0.001")
        #expect(PDFDocument.number(0.0000001) == "0")
        #expect(PDFDocument.number(1e9) == "1000000000")
        #expect(PDFDocument.number(.nan) == "0")
    }

    // MARK: - External tools, when installed

    /// The path of `tool` on the PATH, if any.
    static func executable(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool and returns its exit status and standard output.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: executable("qpdf") != nil || executable("pdftotext") != nil, "needs qpdf or pdftotext"))
    func externalToolsAcceptTheFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mochila-pdf-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(Self.certificate(compressed: true).render()).write(to: file)
        if let qpdf = Self.executable("qpdf") {
            let result = try Self.run(qpdf, ["--check", file.path])
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains("No syntax or stream encoding errors found"))
        }
        if let pdftotext = Self.executable("pdftotext") {
            let result = try Self.run(pdftotext, ["-enc", "UTF-8", file.path, "-"])
            #expect(result.status == 0)
            #expect(result.output.contains("Cocina de aprovechamiento y economía circular"))
            #expect(result.output.contains("Otorgado a María José Núñez Peña"))
            #expect(result.output.contains("Escuela de Hostelería de Sevilla"))
            #expect(result.output.contains("¿Qué aprendió? ¡Mucho! Conservação «tradicional» – ração, pingüino… 12 €"))
        }
    }
}
