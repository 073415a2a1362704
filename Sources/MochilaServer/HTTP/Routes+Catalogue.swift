import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// The catalogue: the feed other nodes pull, the search page, and federation (administrator token).
extension Routes {
    func registerCatalogue(on router: Router<BasicRequestContext>) {
        router.get("/catalogue.json") { _, _ in
            var response = JSONResponse.make(try await node.catalogueFeed())
            response.headers[.cacheControl] = "public, max-age=300"
            return response
        }
        router.get("/catalogue") { request, _ in try await cataloguePage(request) }

        let api = router.group("api/v1/catalogue")
        api.get("/sources") { request, _ in
            try requireAdmin(request, "the federated catalogues")
            return JSONResponse.make(.array(try await node.store.catalogueSources().map { source in
                ["url": .string(source.url), "fetchedAt": .string(XSDDateTime.format(source.fetchedAt))]
            }))
        }
        api.post("/sources") { request, _ in
            try requireAdmin(request, "federating a catalogue")
            let body = try JSONValue(parsing: try await JSONResponse.body(request, maxBytes: 64 << 10))
            let count = try await node.federateCatalogue(url: body["url"]?.stringValue ?? "")
            return JSONResponse.make(["url": body["url"] ?? .null, "entries": .number(Double(count))], status: .created)
        }
        api.post("/sources/refresh") { request, _ in
            try requireAdmin(request, "refreshing the federated catalogues")
            return JSONResponse.make(Representations.refreshed(try await node.refreshCatalogues()))
        }
    }

    /// `GET /catalogue?q=…&country=…&eqf=…&modality=…&credits=…&language=…&skill=…`.
    func cataloguePage(_ request: Request) async throws -> Response {
        let language = language(request)
        let t = { (key: String) in UIText.text(key, language) }
        let parameters = request.uri.queryParameters
        func value(_ name: String) -> String? {
            parameters.get(name).map { String($0.prefix(200)) }.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        let query = Catalogue.Query(
            text: value("q") ?? "", skill: value("skill"), country: value("country"), eqfLevel: value("eqf").flatMap { Int($0) },
            modality: value("modality"), minimumCredits: value("credits").flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) },
            language: value("language"))
        let all = try await node.catalogue()
        let found = Catalogue.search(all, query)
        let countries = Set(all.map(\.country)).sorted()
        func option(_ current: String?, _ value: String, _ label: String) -> HTML {
            "<option value=\"\(value)\"\(current == value ? " selected" : "")>\(label)</option>"
        }
        let countryOptions: [HTML] = countries.map { option(value("country"), $0, node.reference.countries[$0]?.name.text(language) ?? $0) }
        let levelOptions: [HTML] = (1...8).map { option(value("eqf"), String($0), "EQF \($0)") }
        let modalities: [HTML] = ParticipationForm.allCases.map { option(value("modality"), $0.rawValue, $0.label(language)) }
        // The ESCO skills the catalogue's micro-credentials certify, by label.
        var skillLabels: [String: String] = [:]
        for skill in all.flatMap(\.skills) where skillLabels[skill.uri] == nil { skillLabels[skill.uri] = skill.label.text(language) }
        let skillOptions: [HTML] = skillLabels.sorted { $0.value < $1.value }.prefix(500).map { option(value("skill"), $0.key, $0.value) }
        let rows: [HTML] = found.prefix(200).map { entry in
            let credits = entry.credits.map { "\(CreditConversion.format($0.value, language)) \($0.system)" }.joined(separator: " · ")
            let skills = entry.skills.prefix(6).map { $0.label.text(language) }.joined(separator: ", ")
            let modality = ParticipationForm(rawValue: entry.modality)?.label(language) ?? entry.modality
            return """
                <li><article><h2>\(entry.title.text(language))</h2>
                <p>\(entry.institutionName.text(language)) · \(node.reference.countries[entry.country]?.name.text(language) ?? entry.country)\
                \(entry.eqfLevel.map { " · EQF \($0)" } ?? "") · \(modality) · \(credits) · \(CreditConversion.format(entry.workloadHours, language)) h</p>
                \(skills.isEmpty ? nil : "<p class=\"muted\">\(skills)</p>" as HTML)
                <p><a href="\(entry.url)">JSON</a></p></article></li>
                """
        }
        let body: HTML = """
            <section><h1>\(t("catalogue.title"))</h1><p>\(t("catalogue.intro"))</p>
            <form method="get" action="/catalogue" class="search"><input type="hidden" name="lang" value="\(language.rawValue)">
            <label>\(t("catalogue.words"))<input type="search" name="q" value="\(value("q") ?? "")"></label>
            <label>\(t("registry.country"))<select name="country"><option value="">—</option>\(countryOptions)</select></label>
            <label>EQF<select name="eqf"><option value="">—</option>\(levelOptions)</select></label>
            <label>\(t("catalogue.modality"))<select name="modality"><option value="">—</option>\(modalities)</select></label>
            <label>\(t("catalogue.skill"))<select name="skill"><option value="">—</option>\(skillOptions)</select></label>
            <label>\(t("catalogue.credits"))<input type="text" name="credits" inputmode="decimal" value="\(value("credits") ?? "")"></label>
            <label>\(t("catalogue.language"))<input type="text" name="language" maxlength="10" value="\(value("language") ?? "")"></label>
            <p><button class="primary" type="submit">\(t("catalogue.search"))</button></p></form>
            <p class="muted" id="catalogue-count">\(UIText.text("catalogue.count", language, String(found.count), String(all.count)))</p>
            <ul class="plain">\(rows)</ul></section>
            """
        return html(Layout.page(title: t("catalogue.title"), language: language, path: "/catalogue", body: body))
    }
}
