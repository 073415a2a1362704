import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// Asking another institution to recognise credentials, from the backpack: the node verifies
/// them and evaluates the institution's rule into a proposal; an officer decides, and the
/// decision arrives in the backpack as a credential.
extension Backpack {
    func registerRecognition(on router: Router<BasicRequestContext>) {
        router.post("/mochila/recognition") { request, _ in
            try await form(request) { visit, form in
                guard let rule = form["rule"].flatMap(UUID.init(uuidString:)) else { throw ValidationError(field: "rule", visit.t("recognition.chooseRule")) }
                let items = form.fields.filter { $0.name == "item" }.compactMap { UUID(uuidString: $0.value) }
                let request = try await node.requestRecognition(rule: rule, items: items, of: visit.learner)
                return redirect("/mochila/recognition/\(request.id.uuidString.lowercased())")
            }
        }
        router.get("/mochila/recognition/:id") { request, context in
            let text = try context.parameters.require("id")
            return try await page(request) { visit in
                guard let id = UUID(uuidString: text), let found = try await node.store.recognitionRequest(id: id), found.learnerID == visit.learner.id else {
                    throw APIError.notFound("recognition request")
                }
                return try await requestPage(visit, found)
            }
        }
    }

    /// The backpack page's section: ask for recognition, and the requests made.
    func recognitionSection(_ visit: Visit, items: [BackpackItem]) async throws -> HTML {
        let rules = try await node.rules(of: nil)
        let requests = try await node.store.recognitionRequests(learnerID: visit.learner.id)
        var institutions: [UUID: String] = [:]
        for id in Set(rules.map(\.institutionID) + requests.map(\.institutionID)) {
            institutions[id] = try await node.store.institution(id: id)?.name.text(visit.language) ?? "—"
        }
        let assessable = items.filter { $0.format == .vcJSON || $0.format == .vcJWT }
        var form: HTML? = nil
        if !rules.isEmpty, !assessable.isEmpty {
            let options: [HTML] = rules.map { rule in
                "<option value=\"\(rule.id.uuidString.lowercased())\">\(institutions[rule.institutionID] ?? "") — \(rule.name.text(visit.language))</option>"
            }
            let boxes: [HTML] = assessable.map { item in
                "<li><label><input type=\"checkbox\" name=\"item\" value=\"\(item.id.uuidString.lowercased())\"> \(Backpack.summary(item).name)</label></li>"
            }
            form = """
                <form method="post" action="/mochila/recognition?lang=\(visit.language.rawValue)">\(visit.csrfField)
                <label>\(visit.t("recognition.rule"))<select name="rule">\(options)</select></label>
                <ul class="plain">\(boxes)</ul>
                <p><button class="primary" type="submit">\(visit.t("recognition.ask"))</button></p></form>
                """
        }
        let rows: [HTML] = requests.map { request in
            let state = request.status == .pending ? UIText.text("recognition.pending", visit.language) : decisionLabel(request, visit.language)
            return """
                <li><a href="/mochila/recognition/\(request.id.uuidString.lowercased())">\(institutions[request.institutionID] ?? "—")</a> · \
                \(String(XSDDateTime.format(request.createdAt).prefix(10))) · \(state)</li>
                """
        }
        return """
            <section><h2>\(visit.t("recognition.title"))</h2><p>\(visit.t("recognition.intro"))</p>
            \(form ?? "<p class=\"muted\">\(visit.t("recognition.none"))</p>")
            \(rows.isEmpty ? nil : "<h3>\(visit.t("recognition.requests"))</h3><ul class=\"plain\">\(rows)</ul>" as HTML)
            </section>
            """
    }

    func decisionLabel(_ request: RecognitionRequest, _ language: Language) -> String {
        let decision = request.decision.flatMap { try? JSONValue(parsing: Array($0.utf8)) }?["decision"]?.stringValue ?? ""
        return UIText.text("recognition.decision.\(decision)", language)
    }

    /// One request: the proposal and its reasons; once decided, the decision and its credential.
    func requestPage(_ visit: Visit, _ request: RecognitionRequest) async throws -> Response {
        let (proposal, facts) = try node.details(of: request)
        let rule = try await node.rule(request.ruleID, version: request.ruleVersion)
        let institution = try await node.store.institution(id: request.institutionID)?.name.text(visit.language) ?? "—"
        let reasons: [HTML] = proposal.reasons.map { "<li>\($0.text(visit.language))</li>" }
        let sources: [HTML] = facts.map { "<li>\($0.achievementName ?? $0.credentialID) · \($0.issuerName ?? $0.issuerDID)</li>" }
        var decided: HTML? = nil
        if request.status == .decided, let record = request.decision.flatMap({ try? JSONValue(parsing: Array($0.utf8)) }) {
            let item = try await node.backpack(of: visit.learner).first { $0.source == .recognition && $0.credential == (request.credential ?? []) }
            decided = """
                <h2>\(visit.t("recognition.decision"))</h2>
                <div class="banner \(record["decision"] == "refused" ? "bad" : "ok")" role="status"><strong>\(decisionLabel(request, visit.language))</strong> · \
                \(CreditConversion.format(record["credits"]?.numberValue ?? 0, visit.language)) \(proposal.creditSystem)</div>
                <p>\(record["reason"]?.stringValue ?? "")</p>
                \(item.map { "<p><a href=\"/mochila/items/\($0.id.uuidString.lowercased())\">\(visit.t("recognition.credential"))</a></p>" as HTML })
                \(rule.map { "<p><strong>\(UIText.text("rule.appeal", visit.language))</strong>: \($0.appealRoute.text(visit.language))</p>" as HTML })
                """
        }
        let body: HTML = """
            <section><p><a href="/mochila">← \(visit.t("backpack.title"))</a></p>
            <h1>\(visit.t("recognition.requestTitle", institution))</h1>
            \(rule.map { "<p><a href=\"/recognition/rules/\($0.id.uuidString.lowercased())?version=\($0.version)&amp;lang=\(visit.language.rawValue)\">\($0.name.text(visit.language))</a> (\(UIText.text("rule.version", visit.language)) \($0.version))</p>" as HTML })
            <h2>\(visit.t("recognition.submitted"))</h2><ul>\(sources)</ul>
            <h2>\(UIText.text("recognition.outcome.\(proposal.outcome.rawValue)", visit.language)): \(CreditConversion.format(proposal.credits, visit.language)) \(proposal.creditSystem)</h2>
            <ul class="checks">\(reasons)</ul>
            \(proposal.conversion.map { "<p class=\"muted\">\($0.text(visit.language))</p>" as HTML })
            \(request.status == .pending ? "<p class=\"banner note\">\(UIText.text("recognition.pending", visit.language))</p>" as HTML : decided)
            </section>
            """
        return frame(visit.language, title: visit.t("recognition.title"), body)
    }
}
