import Foundation
import MochilaCore

/// A credential printed: a PDF of what its public page says, with the page's link and its QR
/// code, so that whoever holds the paper reaches the live verification. The PDF is a summary
/// for people; the verifiable credential remains the signed file.
struct CredentialPDF {
    var page: CredentialPage
    /// The credential's public page.
    var link: String
    var createdAt: Date

    func render() throws -> [UInt8] {
        let summary = page.summary()
        let language = page.language
        func t(_ key: String, _ arguments: String...) -> String { UIText.lookup(key, language, arguments) }
        var pdf = PDFDocument(title: summary.title, creationDate: createdAt, language: language.rawValue)
        let accent = PDFDocument.Color(hex: 0x12355B)
        pdf.paragraph(summary.issuerName, style: PDFDocument.Style(font: .helveticaBold, size: 11, color: accent))
        pdf.spacer(6)
        pdf.heading(summary.title, style: PDFDocument.Style(font: .helveticaBold, size: 20, color: accent, lineSpacing: 1.2))
        pdf.paragraph(t("credential.awardedTo") + " " + summary.learner, style: PDFDocument.Style(size: 12))
        if !summary.description.isEmpty {
            pdf.spacer(4)
            pdf.paragraph(summary.description)
        }
        pdf.rule()
        let sectionHeading = PDFDocument.Style(font: .helveticaBold, size: 13, color: accent, lineSpacing: 1.2)
        if !summary.outcomes.isEmpty {
            pdf.heading(t("credential.outcomes"), style: sectionHeading)
            for outcome in summary.outcomes { pdf.paragraph("•  " + outcome) }
        }
        if !summary.skills.isEmpty {
            pdf.heading(t("credential.skills"), style: sectionHeading)
            for skill in summary.skills { pdf.paragraph("•  " + skill.name, link: skill.url) }
        }
        pdf.heading(t("credential.details"), style: sectionHeading)
        for fact in summary.facts { pdf.keyValue(fact.label, fact.value, keyWidth: 160) }
        pdf.rule()

        // The way back to the live credential: its link and QR code, side by side.
        let code = try QRCode(link, correction: .medium)
        let moduleSize = 2.5
        let side = Double(code.size + 8) * moduleSize
        pdf.ensureSpace(side)
        let top = pdf.reserve(height: side)
        pdf.drawModules(
            code.isDark, size: code.size, at: PDFDocument.Point(x: pdf.margins.left + 4 * moduleSize, y: top + 4 * moduleSize),
            moduleSize: moduleSize)
        let textLeft = pdf.margins.left + side + 12
        pdf.text(t("pdf.verify"), at: PDFDocument.Point(x: textLeft, y: top + 24), style: .label)
        let lines = PDFDocument.wrap(link, font: .helvetica, size: 9, width: PDFDocument.pageWidth - pdf.margins.right - textLeft)
        for (index, line) in lines.enumerated() {
            let y = top + 40 + Double(index) * 12
            pdf.text(line, at: PDFDocument.Point(x: textLeft, y: y), style: PDFDocument.Style(size: 9, color: accent))
            pdf.addLink(link, x: textLeft, y: y - 9, width: PDFDocument.width(of: line, font: .helvetica, size: 9), height: 12)
        }
        pdf.spacer(6)
        pdf.paragraph(t("pdf.note"), style: .small)
        return pdf.render()
    }
}
