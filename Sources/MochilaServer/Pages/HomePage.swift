import Credentials
import Foundation
import LinkedData
import MochilaCore

/// The first page: the network's institutions, what they offer and what they issued lately.
struct HomePage {
    var language: Language
    var institutions: [Institution]
    var specs: [MicroCredentialSpec]
    var awards: [Award]
    var reference: ReferenceData
    /// On a demo node, the claim secrets of the listed awards: the demo's credentials are there
    /// to be tried, saved in a backpack included.
    var claimTokens: [UUID: String] = [:]

    func render() -> HTML {
        let names = Dictionary(uniqueKeysWithValues: institutions.map { ($0.id, $0.name.text(language)) })
        let specTitles = Dictionary(specs.map { ($0.id, $0.title.text(language)) }, uniquingKeysWith: { a, _ in a })
        let institutionRows = institutions.map { institution -> HTML in
            "<tr><td>\(institution.name.text(language))</td><td>\(reference.countryName(institution.country, language))</td><td><code>\(institution.did)</code></td></tr>"
        }
        let specRows = specs.map { spec -> HTML in
            "<tr><td>\(spec.title.text(language))</td><td>\(names[spec.institutionID] ?? "")</td><td>\(UIText.text("field.hours", language, format(spec.workloadHours)))</td></tr>"
        }
        let awardRows = awards.map { award -> HTML in
            let claim = claimTokens[award.id].map { "&claim=\($0)" } ?? ""
            let link = "/credentials/\(award.id.uuidString.lowercased())?lang=\(language.rawValue)\(claim)"
            return "<tr><td><a href=\"\(link)\">\(award.learner.fullName)</a></td><td>\(specTitles[award.specID] ?? "")</td><td>\(names[award.institutionID] ?? "")</td><td>\(XSDDateTime.format(award.issuedAt).prefix(10))</td></tr>"
        }
        let recent: HTML = awards.isEmpty
            ? "<p>\(UIText.text("home.empty", language))</p>"
            : """
                <table><thead><tr><th>\(UIText.text("col.learner", language))</th><th>\(UIText.text("col.credential", language))</th>\
                <th>\(UIText.text("col.institution", language))</th><th>\(UIText.text("col.issued", language))</th></tr></thead>
                <tbody>\(awardRows)</tbody></table>
                """
        let body: HTML = """
            <section><h1>\(UIText.text("home.recent", language))</h1>\(recent)</section>
            <section><h2>\(UIText.text("home.specs", language))</h2>
            <table><tbody>\(specRows)</tbody></table></section>
            <section><h2>\(UIText.text("home.institutions", language))</h2>
            <table><thead><tr><th>\(UIText.text("col.institution", language))</th><th>\(UIText.text("col.country", language))</th><th>DID</th></tr></thead>
            <tbody>\(institutionRows)</tbody></table>
            <p class="muted">\(UIText.text("home.api", language))</p></section>
            """
        return Layout.page(title: "Mochila", language: language, path: "/", body: body)
    }
}

/// A number of hours or credits without a needless ".0".
func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}
