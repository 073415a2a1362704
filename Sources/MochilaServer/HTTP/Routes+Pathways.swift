import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// Pathways over the API (an institution publishes them with its token; anyone reads them) and
/// their public page.
extension Routes {
    func registerPathways(on router: Router<BasicRequestContext>) {
        router.get("/pathways/:id") { request, context in try await pathwayPage(request, context) }

        let api = router.group("api/v1/pathways")
        api.post("") { request, _ in
            let institution = try await authenticate(request)
            let input = try await JSONResponse.decode(PathwayInput.self, from: request)
            return JSONResponse.make(try await node.createPathway(input, for: institution).json, status: .created)
        }
        api.post("/:id/versions") { request, context in
            let institution = try await authenticate(request)
            let id = try uuid(context.parameters.require("id"), "pathway")
            let input = try await JSONResponse.decode(PathwayInput.self, from: request)
            return JSONResponse.make(try await node.addPathwayVersion(input, pathwayID: id, for: institution).json, status: .created)
        }
        api.get("") { _, _ in JSONResponse.make(.array(try await node.pathways(of: nil).map(\.json))) }
        api.get("/:id") { request, context in
            let id = try uuid(context.parameters.require("id"), "pathway")
            guard let pathway = try await node.pathway(id, version: request.uri.queryParameters.get("version").flatMap { Int($0) }) else {
                throw APIError.notFound("pathway \(id)")
            }
            return JSONResponse.make(pathway.json)
        }
    }

    /// `GET /pathways/{id}`: what a pathway asks and gives.
    func pathwayPage(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let language = language(request)
        let id = try uuid(context.parameters.require("id"), "pathway")
        guard let pathway = try await node.pathway(id, version: nil), let institution = try await node.store.institution(id: pathway.institutionID) else {
            throw APIError.notFound("pathway \(id)")
        }
        let award = pathway.award
        let credits = zip([award.credits], [award.creditSystem]).compactMap { value, system in
            value.map { CreditConversion.format($0, language) + " " + (system ?? "") }
        }.first
        let body: HTML = """
            <article><p class="muted">\(institution.name.text(language)) · \(UIText.text("rule.version", language)) \(pathway.version)</p>
            <h1>\(pathway.name.text(language))</h1><p>\(pathway.description.text(language))</p>
            <h2>\(UIText.text("pathway.requirement", language))</h2><p>\(pathway.narrative.text(language).replacingOccurrences(of: "\n", with: " · "))</p>
            <h2>\(UIText.text("rule.outcome", language))</h2><p>\(credits ?? "—")\(award.eqfLevel.map { " · EQF \($0)" } ?? "")</p>
            <p><a href="/api/v1/pathways/\(pathway.id.uuidString.lowercased())">JSON</a></p></article>
            """
        return html(Layout.page(title: pathway.name.text(language), language: language, path: "/pathways", body: body))
    }
}
