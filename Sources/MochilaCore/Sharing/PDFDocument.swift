import Credentials
import Foundation

/// A small PDF 1.7 writer ([ISO 32000-1:2008](https://opensource.adobe.com/dc-acrobat-sdk-docs/pdfstandards/PDF32000_2008.pdf))
/// for the printable summary of a credential: one or two A4 pages of text in the standard
/// Helvetica fonts, a few rules and coloured boxes, the QR code of the verification link and
/// clickable links.
///
/// Pages fill in a flowing layout: ``heading(_:style:)``, ``paragraph(_:style:alignment:link:)``,
/// ``keyValue(_:_:keyWidth:keyStyle:valueStyle:link:)``, ``rule(thickness:color:spacing:)`` and
/// ``spacer(_:)`` place their content at the ``cursor``, wrap text to the width between the
/// margins with the fonts' own glyph widths (the Adobe Core 14 AFM metrics, see ``Font``) and
/// start a new page when the content would run into the bottom margin. ``text(_:at:style:)``,
/// ``fillRectangle(x:y:width:height:color:)`` and ``drawModules(_:size:at:moduleSize:color:)``
/// draw at fixed positions instead.
///
/// Positions are in points (1/72 inch) from the **top left** corner of the page, `y` growing
/// downwards, like the layout; the writer turns them into PDF user space (origin at the bottom
/// left) itself.
///
/// Text is written in the standard 14 fonts, not embedded, with `/WinAnsiEncoding`: every
/// character is mapped to its Windows-1252 byte (see ``winAnsiBytes(_:)``), which covers Spanish,
/// Portuguese, Catalan, French, German and the usual typographic quotes, dashes, `€` and `…`.
/// Characters Windows-1252 lacks (Greek, Cyrillic, CJK, emoji, …) print as `?`. Decomposed
/// accents (`e` + U+0301) are composed first, so they print as `é`.
///
/// The file is deterministic: the same calls and the same ``creationDate`` always give the same
/// bytes. It has no `/ID` (optional for unencrypted files), and content streams are
/// Flate-compressed with Credentials' ``Deflate`` unless ``compressesStreams`` is `false`.
///
/// ```swift
/// var pdf = PDFDocument(title: "Certificado: Cocina de aprovechamiento", creationDate: .now)
/// pdf.heading("Cocina de aprovechamiento")
/// pdf.paragraph("Otorgado a María José Núñez", style: .init(font: .helveticaOblique, size: 13))
/// pdf.rule()
/// pdf.keyValue("Emisor", "Escuela de Hostelería de Sevilla")
/// pdf.keyValue("Créditos", "3 ECTS (75 horas)")
/// let code = try QRCode(link)
/// let top = pdf.reserve(height: Double(code.size) * 3)
/// pdf.drawModules(code.isDark, size: code.size, at: .init(x: pdf.margins.left, y: top), moduleSize: 3)
/// pdf.paragraph(link, style: .small, link: link)
/// let bytes = pdf.render()
/// ```
public struct PDFDocument: Sendable {
    // MARK: - Types

    /// The three standard Type 1 fonts the writer uses; every PDF reader has them built in, so
    /// nothing is embedded.
    public enum Font: String, Sendable, Hashable, CaseIterable {
        case helvetica = "Helvetica"
        case helveticaBold = "Helvetica-Bold"
        case helveticaOblique = "Helvetica-Oblique"

        /// The font's resource name in the page resources (`/F1`, `/F2`, `/F3`).
        var resourceName: String {
            switch self {
            case .helvetica: "F1"
            case .helveticaBold: "F2"
            case .helveticaOblique: "F3"
            }
        }

        /// The advance widths, in thousandths of the font size, of the WinAnsi codes 0x20 to 0xFF
        /// (Helvetica-Oblique shares Helvetica's).
        var widths: [UInt16] {
            switch self {
            case .helvetica, .helveticaOblique: PDFDocument.helveticaWidths
            case .helveticaBold: PDFDocument.helveticaBoldWidths
            }
        }
    }

    /// An RGB colour, each component from 0 to 1 (`/DeviceRGB`).
    public struct Color: Sendable, Hashable {
        public var red: Double
        public var green: Double
        public var blue: Double

        /// A colour from its components, each clamped to 0...1.
        public init(red: Double, green: Double, blue: Double) {
            self.red = min(max(red, 0), 1)
            self.green = min(max(green, 0), 1)
            self.blue = min(max(blue, 0), 1)
        }

        /// A colour from a `0xRRGGBB` value, as in CSS: `Color(hex: 0x1F4E79)`.
        public init(hex: UInt32) {
            self.init(
                red: Double(hex >> 16 & 0xFF) / 255,
                green: Double(hex >> 8 & 0xFF) / 255,
                blue: Double(hex & 0xFF) / 255)
        }

        public static let black = Color(red: 0, green: 0, blue: 0)
        public static let white = Color(red: 1, green: 1, blue: 1)
        /// A mid grey for secondary text.
        public static let gray = Color(hex: 0x666666)
        /// A light grey for rules.
        public static let lightGray = Color(hex: 0xBBBBBB)
    }

    /// A position in points from the top left corner of the page, `y` growing downwards.
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// The blank space around a page's flowing content, in points.
    public struct Margins: Sendable, Hashable {
        public var top: Double
        public var left: Double
        public var bottom: Double
        public var right: Double
        public init(top: Double, left: Double, bottom: Double, right: Double) {
            self.top = top
            self.left = left
            self.bottom = bottom
            self.right = right
        }
        /// The same margin on all four sides.
        public init(all: Double) { self.init(top: all, left: all, bottom: all, right: all) }
        /// 20 mm on every side.
        public static let standard = Margins(all: 56.69)
    }

    /// How a text looks: font, size in points, colour and the distance between baselines as a
    /// multiple of the size.
    public struct Style: Sendable, Hashable {
        public var font: Font
        public var size: Double
        public var color: Color
        public var lineSpacing: Double
        public init(font: Font = .helvetica, size: Double = 10.5, color: Color = .black, lineSpacing: Double = 1.3) {
            self.font = font
            self.size = size
            self.color = color
            self.lineSpacing = lineSpacing
        }

        /// The height of one line: `size × lineSpacing`.
        public var leading: Double { size * lineSpacing }

        /// Running text: Helvetica 10.5 pt, black.
        public static let body = Style()
        /// Headings: Helvetica-Bold 16 pt.
        public static let heading = Style(font: .helveticaBold, size: 16, lineSpacing: 1.2)
        /// The labels of ``PDFDocument/keyValue(_:_:keyWidth:keyStyle:valueStyle:link:)``:
        /// Helvetica-Bold 10.5 pt.
        public static let label = Style(font: .helveticaBold)
        /// Small print (links, footnotes): Helvetica 8.5 pt, grey.
        public static let small = Style(size: 8.5, color: .gray)
    }

    /// Where the lines of a paragraph sit between the margins.
    public enum Alignment: Sendable, Hashable {
        case left
        case center
        case right
    }

    /// A URI link annotation: a rectangle in PDF user space, from (`x1`, `y1`) at the bottom
    /// left to (`x2`, `y2`), that opens `uri` when clicked.
    struct Link: Sendable, Hashable {
        var x1: Double
        var y1: Double
        var x2: Double
        var y2: Double
        var uri: String
    }

    /// One page: its content stream (operators, with text as WinAnsi bytes) and its links.
    struct Page: Sendable, Hashable {
        var content: [UInt8] = []
        var links: [Link] = []
    }

    // MARK: - Properties

    /// The A4 page size in points: 210 × 297 mm.
    public static let pageWidth = 595.28
    public static let pageHeight = 841.89

    /// The document title (`/Title` in the document information dictionary, shown by readers in
    /// the window title).
    public var title: String
    /// When the document was made (`/CreationDate`), injected so the output is reproducible.
    public var creationDate: Date
    /// The natural language of the text (`/Lang` in the catalog, BCP 47), for screen readers;
    /// `nil` leaves it out.
    public var language: String?
    /// Whether content streams are Flate-compressed (`/FlateDecode`); `false` writes them as
    /// plain text, easier to inspect.
    public var compressesStreams: Bool
    /// The margins of the flowing layout.
    public let margins: Margins

    /// The pages so far; there is always at least one, and drawing goes to the last.
    private(set) var pages: [Page] = [Page()]

    /// The top of the next flowing block, in points from the top of the current page.
    public var cursor: Double

    /// How many pages the document has.
    public var pageCount: Int { pages.count }

    /// The width between the left and right margins.
    public var contentWidth: Double { Self.pageWidth - margins.left - margins.right }

    /// The lowest `y` flowing content may reach on a page.
    public var contentBottom: Double { Self.pageHeight - margins.bottom }

    /// A document with one empty page.
    public init(title: String, creationDate: Date, language: String? = "es", margins: Margins = .standard, compressesStreams: Bool = true) {
        self.title = title
        self.creationDate = creationDate
        self.language = language
        self.margins = margins
        self.compressesStreams = compressesStreams
        self.cursor = margins.top
    }

    // MARK: - Pages and the cursor

    /// Starts a new page and puts the cursor at its top margin.
    public mutating func newPage() {
        pages.append(Page())
        cursor = margins.top
    }

    /// Starts a new page unless `height` points still fit between the cursor and the bottom
    /// margin, or the cursor is already at the top of a page (where nothing would fit better).
    public mutating func ensureSpace(_ height: Double) {
        if cursor + height > contentBottom + 1e-6 && cursor > margins.top + 1e-6 {
            newPage()
        }
    }

    /// Moves the cursor down by `height` points; past the bottom margin, a new page starts instead.
    public mutating func spacer(_ height: Double) {
        cursor += height
        if cursor > contentBottom { newPage() }
    }

    /// Reserves a block of `height` points in the flow (on a new page if it does not fit) for
    /// content drawn at a fixed position, such as a QR code, and returns its top.
    @discardableResult
    public mutating func reserve(height: Double) -> Double {
        ensureSpace(height)
        let top = cursor
        cursor += height
        return top
    }

    // MARK: - Flowing content

    /// A heading: a paragraph in `style` (by default Helvetica-Bold 16 pt) kept on the same page
    /// as at least two lines of body text after it, followed by a small gap.
    public mutating func heading(_ text: String, style: Style = .heading) {
        let lines = Self.wrapEncoded(text, font: style.font, size: style.size, width: contentWidth)
        ensureSpace(Double(lines.count) * style.leading + 2 * Style.body.leading)
        paragraph(text, style: style, spaceAfter: style.size * 0.35)
    }

    /// A paragraph wrapped to the width between the margins and flowing onto new pages as
    /// needed. Line breaks (`\n`) in `text` start new lines; runs of spaces count as one.
    /// With `link`, every line is also a clickable link to that URI.
    public mutating func paragraph(_ text: String, style: Style = .body, alignment: Alignment = .left, link: String? = nil) {
        paragraph(text, style: style, alignment: alignment, link: link, spaceAfter: style.size * 0.6)
    }

    private mutating func paragraph(_ text: String, style: Style, alignment: Alignment = .left, link: String? = nil, spaceAfter: Double) {
        let lines = Self.wrapEncoded(text, font: style.font, size: style.size, width: contentWidth)
        for line in lines {
            ensureSpace(style.leading)
            let width = Self.width(ofEncoded: line, font: style.font, size: style.size)
            let x: Double
            switch alignment {
            case .left: x = margins.left
            case .center: x = margins.left + (contentWidth - width) / 2
            case .right: x = margins.left + contentWidth - width
            }
            let baseline = cursor + Self.baselineOffset(style)
            drawEncoded(line, at: Point(x: x, y: baseline), style: style)
            if let link, !line.isEmpty {
                addLink(link, x: x, y: cursor, width: width, height: style.leading)
            }
            cursor += style.leading
        }
        spacer(spaceAfter)
    }

    /// A labelled value in two columns: `key` in `keyStyle` on the left, `keyWidth` points wide,
    /// and `value` in `valueStyle` in the rest of the width, both wrapped. A long value may
    /// continue on the next page. With `link`, the value's lines are a clickable link.
    public mutating func keyValue(
        _ key: String, _ value: String, keyWidth: Double = 150, keyStyle: Style = .label, valueStyle: Style = .body,
        link: String? = nil
    ) {
        let gap = 8.0
        let keyLines = Self.wrapEncoded(key, font: keyStyle.font, size: keyStyle.size, width: keyWidth - gap)
        let valueLines = Self.wrapEncoded(value, font: valueStyle.font, size: valueStyle.size, width: contentWidth - keyWidth)
        let leading = max(keyStyle.leading, valueStyle.leading)
        let baseline = max(Self.baselineOffset(keyStyle), Self.baselineOffset(valueStyle))
        for row in 0..<max(keyLines.count, valueLines.count) {
            ensureSpace(leading)
            if row < keyLines.count {
                drawEncoded(keyLines[row], at: Point(x: margins.left, y: cursor + baseline), style: keyStyle)
            }
            if row < valueLines.count {
                let x = margins.left + keyWidth
                drawEncoded(valueLines[row], at: Point(x: x, y: cursor + baseline), style: valueStyle)
                if let link, !valueLines[row].isEmpty {
                    let width = Self.width(ofEncoded: valueLines[row], font: valueStyle.font, size: valueStyle.size)
                    addLink(link, x: x, y: cursor, width: width, height: leading)
                }
            }
            cursor += leading
        }
        spacer(valueStyle.size * 0.35)
    }

    /// A horizontal line across the content width, with `spacing` points above and below.
    public mutating func rule(thickness: Double = 0.75, color: Color = .lightGray, spacing: Double = 8) {
        ensureSpace(2 * spacing + thickness)
        fillRectangle(x: margins.left, y: cursor + spacing, width: contentWidth, height: thickness, color: color)
        cursor += 2 * spacing + thickness
    }

    // MARK: - Drawing at fixed positions

    /// One line of text on the current page, its baseline's left end at `point`. No wrapping and
    /// no page breaks; see ``paragraph(_:style:alignment:link:)`` for those.
    public mutating func text(_ string: String, at point: Point, style: Style = .body) {
        drawEncoded(Self.winAnsiBytes(string), at: point, style: style)
    }

    /// A filled rectangle on the current page, its top left corner at (`x`, `y`).
    public mutating func fillRectangle(x: Double, y: Double, width: Double, height: Double, color: Color) {
        var ops = Self.fillColor(color)
        ops += " \(Self.number(x)) \(Self.number(Self.pageHeight - y - height)) \(Self.number(width)) \(Self.number(height)) re f\n"
        appendContent(Array(ops.utf8))
    }

    /// A square grid of modules, such as a QR code, as filled rectangles on the current page:
    /// the module in column `x` and row `y` (both from 0 at the top left) is filled when
    /// `isDark(x, y)`. The grid's top left corner is at `point`, each module `moduleSize` points
    /// wide. Dark modules next to each other in a row become one rectangle, and all are filled
    /// in one operation, so no hairline seams show between them.
    ///
    /// Quiet zones are the caller's: leave four modules of white around a QR code.
    public mutating func drawModules(
        _ isDark: (Int, Int) -> Bool, size: Int, at point: Point, moduleSize: Double, color: Color = .black
    ) {
        guard size > 0, moduleSize > 0 else { return }
        // Edges are computed from the grid origin each time so that adjacent runs share them exactly.
        func edgeX(_ column: Int) -> Double { Self.rounded(point.x + Double(column) * moduleSize) }
        func edgeY(_ row: Int) -> Double { Self.rounded(Self.pageHeight - point.y - Double(row) * moduleSize) }
        var ops = "q " + Self.fillColor(color) + "\n"
        var count = 0
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(column, row) else {
                    column += 1
                    continue
                }
                let start = column
                while column < size && isDark(column, row) { column += 1 }
                let x = edgeX(start)
                let bottom = edgeY(row + 1)
                ops += "\(Self.number(x)) \(Self.number(bottom)) \(Self.number(edgeX(column) - x)) \(Self.number(edgeY(row) - bottom)) re\n"
                count += 1
            }
        }
        ops += count > 0 ? "f Q\n" : "Q\n"
        appendContent(Array(ops.utf8))
    }

    /// Makes the rectangle with top left corner (`x`, `y`) on the current page a clickable link
    /// to `uri` (a `/URI` action; non-ASCII characters are percent-encoded as UTF-8).
    public mutating func addLink(_ uri: String, x: Double, y: Double, width: Double, height: Double) {
        let bottom = Self.pageHeight - y - height
        pages[pages.count - 1].links.append(Link(x1: x, y1: bottom, x2: x + width, y2: bottom + height, uri: uri))
    }

    /// Writes an already encoded line with its baseline's left end at `point`.
    private mutating func drawEncoded(_ bytes: [UInt8], at point: Point, style: Style) {
        guard !bytes.isEmpty else { return }
        var ops: [UInt8] = []
        ops += Array("BT /\(style.font.resourceName) \(Self.number(style.size)) Tf \(Self.fillColor(style.color)) ".utf8)
        ops += Array("\(Self.number(point.x)) \(Self.number(Self.pageHeight - point.y)) Td ".utf8)
        ops += Self.literalString(bytes)
        ops += Array(" Tj ET\n".utf8)
        appendContent(ops)
    }

    private mutating func appendContent(_ bytes: [UInt8]) {
        pages[pages.count - 1].content += bytes
    }

    /// The distance from the top of a line box to its baseline: the descenders (0.207 em in
    /// Helvetica) get the space below, the rest goes above.
    static func baselineOffset(_ style: Style) -> Double {
        style.leading - (style.leading - style.size) / 2 - 0.207 * style.size
    }

    // MARK: - Text measurement and wrapping

    /// The width in points of `text` set in `font` at `size`, from the AFM widths of its WinAnsi
    /// bytes (no kerning: the writer does not kern either).
    public static func width(of text: String, font: Font, size: Double) -> Double {
        width(ofEncoded: winAnsiBytes(text), font: font, size: size)
    }

    static func width(ofEncoded bytes: [UInt8], font: Font, size: Double) -> Double {
        Double(units(bytes[...], font.widths)) * size / 1000
    }

    /// The sum of the advance widths, in thousandths of an em.
    private static func units(_ bytes: ArraySlice<UInt8>, _ widths: [UInt16]) -> Int {
        var total = 0
        for byte in bytes where byte >= 0x20 { total += Int(widths[Int(byte) - 0x20]) }
        return total
    }

    /// `text` broken into lines no wider than `width` points in `font` at `size`: greedily at
    /// spaces, at every `\n`, and inside words too long for a line on their own (such as URLs).
    /// The lines are returned as they print, with `?` for characters WinAnsi lacks.
    public static func wrap(_ text: String, font: Font, size: Double, width: Double) -> [String] {
        wrapEncoded(text, font: font, size: size, width: width).map(string(fromWinAnsi:))
    }

    static func wrapEncoded(_ text: String, font: Font, size: Double, width: Double) -> [[UInt8]] {
        let widths = font.widths
        // Compared in thousandths of an em, with a little slack for floating-point rounding.
        let limit = Int((width * 1000 / size + 1e-6).rounded(.down))
        let space = Int(widths[0])
        var lines: [[UInt8]] = []
        for hardLine in winAnsiBytes(text, keepingNewlines: true).split(separator: 0x0A, omittingEmptySubsequences: false) {
            let words = hardLine.split(separator: 0x20)
            var current: [UInt8] = []
            var currentUnits = 0
            for word in words {
                let wordUnits = units(word, widths)
                if !current.isEmpty {
                    if currentUnits + space + wordUnits <= limit {
                        current.append(0x20)
                        current += word
                        currentUnits += space + wordUnits
                        continue
                    }
                    lines.append(current)
                    current = []
                    currentUnits = 0
                }
                if wordUnits <= limit {
                    current = Array(word)
                    currentUnits = wordUnits
                    continue
                }
                // A word wider than the line: as many characters per line as fit, at least one.
                for byte in word {
                    let byteUnits = Int(widths[Int(byte) - 0x20])
                    if !current.isEmpty && currentUnits + byteUnits > limit {
                        lines.append(current)
                        current = []
                        currentUnits = 0
                    }
                    current.append(byte)
                    currentUnits += byteUnits
                }
            }
            lines.append(current)
        }
        return lines
    }

    // MARK: - WinAnsi encoding

    /// The Windows-1252 bytes 0x80 to 0x9F and the characters they stand for (ISO 32000-1,
    /// Annex D.2); 0xA0 to 0xFF are the Latin-1 characters with the same numbers.
    static let winAnsiHigh: [Unicode.Scalar: UInt8] = [
        "\u{20AC}": 0x80, "\u{201A}": 0x82, "\u{0192}": 0x83, "\u{201E}": 0x84, "\u{2026}": 0x85,
        "\u{2020}": 0x86, "\u{2021}": 0x87, "\u{02C6}": 0x88, "\u{2030}": 0x89, "\u{0160}": 0x8A,
        "\u{2039}": 0x8B, "\u{0152}": 0x8C, "\u{017D}": 0x8E, "\u{2018}": 0x91, "\u{2019}": 0x92,
        "\u{201C}": 0x93, "\u{201D}": 0x94, "\u{2022}": 0x95, "\u{2013}": 0x96, "\u{2014}": 0x97,
        "\u{02DC}": 0x98, "\u{2122}": 0x99, "\u{0161}": 0x9A, "\u{203A}": 0x9B, "\u{0153}": 0x9C,
        "\u{017E}": 0x9E, "\u{0178}": 0x9F,
    ]

    /// `text` in WinAnsiEncoding, one byte per character (grapheme cluster):
    /// - Windows-1252 characters become their byte, after composing decomposed accents;
    /// - tabs, no-break and other Unicode spaces become a space (0x20), Unicode hyphens (U+2010,
    ///   U+2011) and the minus sign become `-`;
    /// - line breaks become spaces (or 0x0A with `keepingNewlines`), other control characters
    ///   and soft hyphens are dropped;
    /// - everything else becomes `?` (0x3F), one per character.
    public static func winAnsiBytes(_ text: String) -> [UInt8] {
        winAnsiBytes(text, keepingNewlines: false)
    }

    static func winAnsiBytes(_ text: String, keepingNewlines: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isNewline {
                bytes.append(keepingNewlines ? 0x0A : 0x20)
                continue
            }
            var scalars = character.unicodeScalars
            if scalars.count > 1 {
                scalars = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
            }
            guard scalars.count == 1, let scalar = scalars.first else {
                bytes.append(0x3F)
                continue
            }
            if let byte = winAnsiByte(scalar) { bytes.append(byte) }
        }
        return bytes
    }

    /// The byte for one scalar, `nil` for one that is dropped.
    static func winAnsiByte(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x20...0x7E, 0xA1...0xAC, 0xAE...0xFF: return UInt8(scalar.value)
        case 0x09, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return 0x20
        case 0x2010, 0x2011, 0x2212: return 0x2D
        case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF: return nil
        default: return winAnsiHigh[scalar] ?? 0x3F
        }
    }

    /// The characters WinAnsi bytes stand for.
    static func string(fromWinAnsi bytes: [UInt8]) -> String {
        let high = Dictionary(uniqueKeysWithValues: winAnsiHigh.map { ($1, $0) })
        var string = ""
        for byte in bytes {
            if let scalar = high[byte] {
                string.unicodeScalars.append(scalar)
            } else {
                string.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return string
    }

    // MARK: - Rendering

    /// The complete PDF file.
    public func render() -> [UInt8] {
        var writer = Writer()
        // Objects 1 to 6 are fixed; then each page, its content stream and its links.
        let catalog = 1, pageTree = 2, info = 3
        let fontObjects = Dictionary(uniqueKeysWithValues: Font.allCases.enumerated().map { ($1, 4 + $0) })
        var pageObjects: [Int] = []
        var next = 4 + Font.allCases.count
        for page in pages {
            pageObjects.append(next)
            next += 2 + page.links.count
        }

        var catalogDictionary = "<< /Type /Catalog /Pages \(pageTree) 0 R /ViewerPreferences << /DisplayDocTitle true >>"
        if let language { catalogDictionary += " /Lang " + Self.textString(language) }
        writer.object(catalog, catalogDictionary + " >>")

        let kids = pageObjects.map { "\($0) 0 R" }.joined(separator: " ")
        writer.object(pageTree, "<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")

        writer.object(
            info,
            "<< /Title \(Self.textString(title)) /Producer (Mochila) /CreationDate (\(Self.pdfDate(creationDate))) >>")

        for font in Font.allCases {
            writer.object(
                fontObjects[font]!,
                "<< /Type /Font /Subtype /Type1 /BaseFont /\(font.rawValue) /Encoding /WinAnsiEncoding >>")
        }
        let fonts = Font.allCases.map { "/\($0.resourceName) \(fontObjects[$0]!) 0 R" }.joined(separator: " ")

        for (page, object) in zip(pages, pageObjects) {
            let contents = object + 1
            let annotations = (0..<page.links.count).map { contents + 1 + $0 }
            var dictionary = "<< /Type /Page /Parent \(pageTree) 0 R"
            dictionary += " /MediaBox [0 0 \(Self.number(Self.pageWidth)) \(Self.number(Self.pageHeight))]"
            dictionary += " /Resources << /Font << \(fonts) >> /ProcSet [/PDF /Text] >>"
            dictionary += " /Contents \(contents) 0 R"
            if !annotations.isEmpty {
                dictionary += " /Annots [" + annotations.map { "\($0) 0 R" }.joined(separator: " ") + "]"
            }
            writer.object(object, dictionary + " >>")

            if compressesStreams {
                writer.stream(contents, "/Filter /FlateDecode", ZLib.compress(page.content))
            } else {
                writer.stream(contents, "", page.content)
            }

            for (link, annotation) in zip(page.links, annotations) {
                let rect = [link.x1, link.y1, link.x2, link.y2].map(Self.number).joined(separator: " ")
                var body = Array("<< /Type /Annot /Subtype /Link /Rect [\(rect)] /Border [0 0 0] /A << /S /URI /URI ".utf8)
                body += Self.literalString(Array(Self.asciiURI(link.uri).utf8))
                body += Array(" >> >>".utf8)
                writer.object(annotation, body)
            }
        }
        return writer.finish(size: next, root: catalog, info: info)
    }

    /// Assembles the file: the header, numbered objects with their byte offsets, the
    /// cross-reference table and the trailer (ISO 32000-1, 7.5).
    struct Writer {
        var bytes: [UInt8]
        /// The byte offset of each object, by number; 0 for the free object 0.
        var offsets: [Int: Int] = [:]

        init() {
            // The header, then a comment of bytes above 127 so that transfer programs treat the
            // file as binary (7.5.2).
            bytes = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        }

        mutating func object(_ number: Int, _ body: String) {
            object(number, Array(body.utf8))
        }

        mutating func object(_ number: Int, _ body: [UInt8]) {
            offsets[number] = bytes.count
            bytes += Array("\(number) 0 obj\n".utf8)
            bytes += body
            bytes += Array("\nendobj\n".utf8)
        }

        /// A stream object; `/Length` counts the data only, not the end-of-line before `endstream`.
        mutating func stream(_ number: Int, _ entries: String, _ data: [UInt8]) {
            var body = Array("<< /Length \(data.count)\(entries.isEmpty ? "" : " " + entries) >>\nstream\n".utf8)
            body += data
            body += Array("\nendstream".utf8)
            object(number, body)
        }

        /// The cross-reference table (one 20-byte entry per object, 7.5.4), trailer, `startxref`
        /// and `%%EOF`. Objects 1 to `size - 1` must all have been written.
        mutating func finish(size: Int, root: Int, info: Int) -> [UInt8] {
            let xref = bytes.count
            var table = "xref\n0 \(size)\n0000000000 65535 f \n"
            for number in 1..<size {
                let offset = String(offsets[number]!)
                table += String(repeating: "0", count: 10 - offset.count) + offset + " 00000 n \n"
            }
            table += "trailer\n<< /Size \(size) /Root \(root) 0 R /Info \(info) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
            bytes += Array(table.utf8)
            return bytes
        }
    }

    // MARK: - Syntax helpers

    /// A number as PDF writes reals (7.3.3): at most three decimals, no exponent, no trailing zeros.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = thousandths.magnitude
        let whole = magnitude / 1000
        var fraction = magnitude % 1000
        guard fraction != 0 else { return sign + String(whole) }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    /// `value` rounded to the three decimals ``number(_:)`` writes.
    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// The `rg` operator setting the fill colour.
    static func fillColor(_ color: Color) -> String {
        "\(number(color.red)) \(number(color.green)) \(number(color.blue)) rg"
    }

    /// A literal string (7.3.4.2) of `bytes`, with `(`, `)` and `\` escaped by a backslash and
    /// carriage returns as `\r` (a raw one would be read as a line feed).
    static func literalString(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x28]
        for byte in bytes {
            switch byte {
            case 0x28, 0x29, 0x5C: out += [0x5C, byte]
            case 0x0D: out += [0x5C, 0x72]
            default: out.append(byte)
            }
        }
        out.append(0x29)
        return out
    }

    /// A text string (7.9.2.2) for the document information and `/Lang`: a literal string when
    /// `text` is printable ASCII, otherwise UTF-16BE with a byte order mark, in hexadecimal.
    static func textString(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
            return String(decoding: literalString(Array(text.utf8)), as: UTF8.self)
        }
        var hex = "<FEFF"
        for unit in text.utf16 {
            let digits = String(unit, radix: 16, uppercase: true)
            hex += String(repeating: "0", count: 4 - digits.count) + digits
        }
        return hex + ">"
    }

    /// A URI as 7-bit ASCII (12.6.4.7): bytes of non-ASCII characters and spaces percent-encoded.
    static func asciiURI(_ uri: String) -> String {
        var out = ""
        for byte in uri.utf8 {
            if byte > 0x20 && byte < 0x7F {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits = String(byte, radix: 16, uppercase: true)
                out += "%" + (digits.count == 1 ? "0" : "") + digits
            }
        }
        return out
    }

    /// A date in the PDF format (7.9.4), in UTC: `D:YYYYMMDDHHmmSSZ`.
    static func pdfDate(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = seconds - days * 86400
        // Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = String(year)
        return "D:" + String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + two(month) + two(day)
            + two(secondOfDay / 3600) + two(secondOfDay / 60 % 60) + two(secondOfDay % 60) + "Z"
    }

    // MARK: - Font metrics

    /// Helvetica (and Helvetica-Oblique) advance widths for WinAnsi codes 0x20 to 0xFF, from
    /// Adobe's Core 14 `Helvetica.afm` (`WX` of each code's glyph; 0xA0 is `space`, 0xAD `hyphen`,
    /// unassigned codes 0).
    static let helveticaWidths: [UInt16] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // 0x20
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0x30
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // 0x40
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // 0x50
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // 0x60
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,  // 0x70
        556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,  // 0x80
        0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,  // 0x90
        278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,  // 0xA0
        400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,  // 0xB0
        667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,  // 0xC0
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,  // 0xD0
        556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,  // 0xE0
        556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,  // 0xF0
    ]

    /// Helvetica-Bold advance widths for WinAnsi codes 0x20 to 0xFF, from `Helvetica-Bold.afm`.
    static let helveticaBoldWidths: [UInt16] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,  // 0x20
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,  // 0x30
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,  // 0x40
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,  // 0x50
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,  // 0x60
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,  // 0x70
        556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,  // 0x80
        0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,  // 0x90
        278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,  // 0xA0
        400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,  // 0xB0
        722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,  // 0xC0
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,  // 0xD0
        556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,  // 0xE0
        611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,  // 0xF0
    ]
}
