import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// Pathways in the backpack: progress towards each, and claiming the stacked credential.
extension Backpack {
    func registerPathways(on router: Router<BasicRequestContext>) {
        router.post("/mochila/pathways/:id/claim") { request, context in
            let text = try context.parameters.require("id")
            return try await form(request) { visit, _ in
                guard let id = UUID(uuidString: text) else { throw APIError.notFound("pathway") }
                let item = try await node.claimPathway(id, for: visit.learner)
                return redirect("/mochila/items/\(item.id.uuidString.lowercased())?done=added")
            }
        }
    }

    /// The backpack page's section: each pathway with a progress bar, what is met and what is
    /// missing, and the claim button once it is complete.
    func pathwaySection(_ visit: Visit) async throws -> HTML {
        let progress = try await node.pathwayProgress(of: visit.learner)
        guard !progress.isEmpty else { return "" }
        var institutions: [UUID: String] = [:]
        for (pathway, _, _) in progress where institutions[pathway.institutionID] == nil {
            institutions[pathway.institutionID] = try await node.store.institution(id: pathway.institutionID)?.name.text(visit.language) ?? "—"
        }
        let entries: [HTML] = progress.map { pathway, state, award in
            let lines: [HTML] = state.lines.map { line in
                "<li class=\"\(line.met ? "passed" : "unknown")\">\(line.met ? "✔" : "○") \(line.name.text(visit.language))\(line.note.map { " — " + $0.text(visit.language) } ?? "")</li>"
            }
            let percent = Int((state.fraction * 100).rounded())
            var action: HTML? = nil
            if award != nil {
                action = "<p class=\"banner ok\">\(visit.t("pathway.issued"))</p>"
            } else if state.met {
                action = """
                    <form method="post" action="/mochila/pathways/\(pathway.id.uuidString.lowercased())/claim">\(visit.csrfField)
                    <button class="primary" type="submit">\(visit.t("pathway.claim"))</button></form>
                    """
            }
            return """
                <li><article><h3><a href="/pathways/\(pathway.id.uuidString.lowercased())?lang=\(visit.language.rawValue)">\(pathway.name.text(visit.language))</a></h3>
                <p class="muted">\(institutions[pathway.institutionID] ?? "")</p>
                <p><progress max="100" value="\(percent)">\(percent) %</progress> \(percent) % · \(state.summary.text(visit.language))</p>
                <ul class="checks">\(lines)</ul>\(action)</article></li>
                """
        }
        return "<section><h2>\(visit.t("pathway.title"))</h2><p>\(visit.t("pathway.intro"))</p><ul class=\"plain\">\(entries)</ul></section>"
    }
}
