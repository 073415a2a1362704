import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// `GET /network`: the network's activity for its coordinators (and anyone: counts only, no
/// personal data): credentials issued, revoked and recognised per institution, country and
/// month, and the skills most often certified, as charts drawn in SVG (no JavaScript).
extension Routes {
    func registerNetworkView(on router: Router<BasicRequestContext>) {
        router.get("/network") { request, _ in try await networkPage(request) }
    }

    func networkPage(_ request: Request) async throws -> Response {
        let language = language(request)
        let t = { (key: String) in UIText.text(key, language) }
        let activity = try await node.store.networkActivity()
        var institutions: [UUID: Institution] = [:]
        for institution in try await node.store.institutions() { institutions[institution.id] = institution }
        func name(_ id: UUID) -> String { institutions[id]?.name.text(language) ?? "—" }
        func country(_ id: UUID) -> String {
            institutions[id].map { node.reference.countries[$0.country]?.name.text(language) ?? $0.country } ?? "—"
        }
        func total(_ rows: [NetworkActivity.Row], by key: (NetworkActivity.Row) -> String) -> [String: Int] {
            rows.reduce(into: [:]) { $0[key($1), default: 0] += $1.count }
        }
        // A decision's JSON is {"decision", "credits", "reason"}: what counts is its decision, not its words.
        let recognisedRows = activity.decisions.filter {
            (try? JSONValue(parsing: Array($0.decision.utf8)))?["decision"]?.stringValue.map { $0 != "refused" } ?? false
        }
            .map { NetworkActivity.Row(institutionID: $0.institutionID, month: $0.month, count: 1) }
        let issuedBy = total(activity.issued) { name($0.institutionID) }
        let revokedBy = total(activity.revoked) { name($0.institutionID) }
        let recognisedBy = total(recognisedRows) { name($0.institutionID) }
        let byCountry = total(activity.issued) { country($0.institutionID) }
        let byMonth = total(activity.issued) { $0.month }
        // The skills most often certified: each spec version's ESCO skills, weighted by its awards.
        var skills: [String: (label: String, count: Int)] = [:]
        for entry in activity.awardsPerSpec {
            guard let spec = try await node.store.spec(id: entry.specID, version: entry.version) else { continue }
            for skill in Set(spec.learningOutcomes.flatMap(\.skills).map { SkillKey(uri: $0.uri, label: $0.label.text(language)) }) {
                skills[skill.uri, default: (skill.label, 0)].count += entry.count
            }
        }
        let topSkills = skills.values.sorted { ($1.count, $0.label) < ($0.count, $1.label) }.prefix(10).map { ($0.label, $0.count) }
        let names = Set(issuedBy.keys).union(revokedBy.keys).union(recognisedBy.keys).sorted()
        let rows: [HTML] = names.map { institution in
            "<tr><td>\(institution)</td><td>\(issuedBy[institution] ?? 0)</td><td>\(revokedBy[institution] ?? 0)</td><td>\(recognisedBy[institution] ?? 0)</td></tr>"
        }
        let months = byMonth.keys.sorted().suffix(12)
        let body: HTML = """
            <section><h1>\(t("network.title"))</h1><p>\(t("network.intro"))</p>
            <h2>\(t("network.byInstitution"))</h2>
            <table><thead><tr><th>\(t("registry.member"))</th><th>\(t("network.issued"))</th><th>\(t("network.revoked"))</th>\
            <th>\(t("network.recognised"))</th></tr></thead><tbody>\(rows)</tbody></table>
            \(Self.barChart(names.map { ($0, issuedBy[$0] ?? 0) }, label: t("network.issued"), id: "chart-institutions"))
            <h2>\(t("network.byCountry"))</h2>
            \(Self.barChart(byCountry.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, label: t("network.issued"), id: "chart-countries"))
            <h2>\(t("network.byMonth"))</h2>
            \(Self.barChart(months.map { ($0, byMonth[$0] ?? 0) }, label: t("network.issued"), id: "chart-months"))
            <h2>\(t("network.skills"))</h2>
            \(topSkills.isEmpty ? "<p class=\"muted\">—</p>" as HTML : Self.barChart(Array(topSkills), label: t("network.awards"), id: "chart-skills"))
            </section>
            """
        return html(Layout.page(title: t("network.title"), language: language, path: "/network", body: body))
    }

    struct SkillKey: Hashable {
        var uri: String
        var label: String
    }

    /// A horizontal bar chart in SVG: one labelled bar per entry, its count at the end.
    static func barChart(_ entries: [(String, Int)], label: String, id: String) -> HTML {
        guard !entries.isEmpty else { return "<p class=\"muted\">—</p>" }
        let maximum = max(1, entries.map(\.1).max() ?? 1)
        let rowHeight = 26
        let height = entries.count * rowHeight + 8
        let bars: [HTML] = entries.enumerated().map { index, entry in
            let y = index * rowHeight + 4
            let width = Int((Double(entry.1) / Double(maximum) * 300).rounded())
            return """
                <text x="0" y="\(y + 16)" font-size="13">\(String(entry.0.prefix(48)))</text>\
                <rect x="340" y="\(y + 3)" width="\(max(width, 1))" height="18" fill="#1d4e89"><title>\(entry.0): \(entry.1)</title></rect>\
                <text x="\(346 + width)" y="\(y + 16)" font-size="13">\(entry.1)</text>
                """
        }
        return """
            <figure><svg id="\(id)" role="img" aria-label="\(label)" viewBox="0 0 700 \(height)" width="100%" style="max-width:700px" \
            xmlns="http://www.w3.org/2000/svg">\(bars)</svg></figure>
            """
    }
}
