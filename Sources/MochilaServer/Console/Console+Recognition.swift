import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// The recognition officer's pages: the institution's rules, the requests learners sent, and the
/// decision on each (approve the proposal, change the credits, or refuse), always with a reason.
extension Console {
    func registerRecognition(on router: Router<BasicRequestContext>) {
        router.get("/console/recognition") { request, _ in try await page(request) { visit in try await recognitionList(visit) } }
        router.get("/console/recognition/:id") { request, context in
            let text = try context.parameters.require("id")
            return try await page(request) { visit in
                guard let id = UUID(uuidString: text) else { throw APIError.notFound("recognition request") }
                return try await recognitionDetail(visit, try await node.recognitionRequest(id, of: visit.institution))
            }
        }
        router.post("/console/recognition/:id") { request, context in
            let text = try context.parameters.require("id")
            return try await form(request, role: \.canIssue) { visit, form in
                guard let id = UUID(uuidString: text) else { throw APIError.notFound("recognition request") }
                guard let decision = RecognitionDecision.Decision(rawValue: form["decision"] ?? "") else {
                    throw ValidationError(field: "decision", visit.t("recognition.chooseDecision"))
                }
                let credits = (form["credits"] ?? "").replacingOccurrences(of: ",", with: ".")
                _ = try await node.decide(
                    id, decision: decision, credits: Double(credits), reason: form["reason"] ?? "", of: visit.institution, actor: visit.member.email)
                return redirect("/console/recognition/\(text)?done=decided")
            }
        }
    }

    func recognitionList(_ visit: Visit) async throws -> Response {
        let rules = try await node.rules(of: visit.institution.id)
        let requests = try await node.store.recognitionRequests(institutionID: visit.institution.id)
        let ruleRows: [HTML] = rules.map { rule in
            "<li><a href=\"/recognition/rules/\(rule.id.uuidString.lowercased())?lang=\(visit.language.rawValue)\">\(rule.name.text(visit.language))</a> · \(UIText.text("rule.version", visit.language)) \(rule.version)</li>"
        }
        let rows: [HTML] = try requests.sorted { ($0.status == .pending ? 0 : 1, $1.createdAt) < ($1.status == .pending ? 0 : 1, $0.createdAt) }.map { request in
            let (proposal, facts) = try node.details(of: request)
            let state = request.status == .pending ? visit.t("recognition.pending") : visit.t("recognition.decided")
            return """
                <tr><td><a href="/console/recognition/\(request.id.uuidString.lowercased())">\(String(XSDDateTime.format(request.createdAt).prefix(10)))</a></td>\
                <td>\(facts.map { $0.achievementName ?? $0.credentialID }.joined(separator: "; "))</td>\
                <td>\(UIText.text("recognition.outcome.\(proposal.outcome.rawValue)", visit.language)) · \(CreditConversion.format(proposal.credits, visit.language)) \(proposal.creditSystem)</td>\
                <td>\(state)</td></tr>
                """
        }
        let content: HTML = """
            <section><h1>\(visit.t("recognition.title"))</h1>
            <h2>\(visit.t("recognition.rules"))</h2>
            \(ruleRows.isEmpty ? "<p class=\"muted\">\(visit.t("recognition.noRules"))</p>" as HTML : "<ul>\(ruleRows)</ul>")
            <h2>\(visit.t("recognition.requests"))</h2>
            \(rows.isEmpty ? "<p class=\"muted\">\(visit.t("recognition.noRequests"))</p>" as HTML : """
            <table><thead><tr><th>\(visit.t("recognition.date"))</th><th>\(visit.t("recognition.credentials"))</th>\
            <th>\(visit.t("recognition.proposal"))</th><th>\(visit.t("recognition.state"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
            </section>
            """
        return frame(visit, title: visit.t("recognition.title"), path: "/console/recognition", content)
    }

    func recognitionDetail(_ visit: Visit, _ request: RecognitionRequest) async throws -> Response {
        let (proposal, facts) = try node.details(of: request)
        let rule = try await node.rule(request.ruleID, version: request.ruleVersion)
        let reasons: [HTML] = proposal.reasons.map { "<li>\($0.text(visit.language))</li>" }
        let sources: [HTML] = facts.map { fact in
            """
            <li><strong>\(fact.achievementName ?? "—")</strong> · \(fact.issuerName ?? fact.issuerDID) · <code>\(fact.credentialID)</code><br>
            <span class="muted">\(fact.verified ? visit.t("recognition.verified") : visit.t("recognition.notVerified")) · digestSRI <code>\(fact.digest)</code></span></li>
            """
        }
        var decision: HTML
        if request.status == .pending {
            decision = """
                <form method="post" action="/console/recognition/\(request.id.uuidString.lowercased())">\(visit.csrfField)
                <fieldset><legend>\(visit.t("recognition.decision"))</legend>
                <label><input type="radio" name="decision" value="approved" checked> \(UIText.text("recognition.decision.approved", visit.language))</label>
                <label><input type="radio" name="decision" value="modified"> \(UIText.text("recognition.decision.modified", visit.language))</label>
                <label><input type="radio" name="decision" value="refused"> \(UIText.text("recognition.decision.refused", visit.language))</label>
                </fieldset>
                <label>\(visit.t("recognition.creditsGranted", proposal.creditSystem))<input type="text" name="credits" inputmode="decimal" value="\(CreditConversion.format(proposal.credits, visit.language))"></label>
                <label>\(visit.t("recognition.reason"))<textarea name="reason" rows="3" required maxlength="2000"></textarea></label>
                <p><button class="primary" type="submit">\(visit.t("recognition.decide"))</button></p></form>
                """
        } else {
            let record = request.decision.flatMap { try? JSONValue(parsing: Array($0.utf8)) }
            decision = """
                <div class="banner ok" role="status">\(UIText.text("recognition.decision.\(record?["decision"]?.stringValue ?? "")", visit.language)) · \
                \(CreditConversion.format(record?["credits"]?.numberValue ?? 0, visit.language)) \(proposal.creditSystem) · \(request.decidedBy ?? "")</div>
                <p>\(record?["reason"]?.stringValue ?? "")</p>
                <label>\(visit.t("recognition.credentialJSON"))<textarea id="decision-credential" rows="12" readonly spellcheck="false">\(String(decoding: request.credential ?? [], as: UTF8.self))</textarea></label>
                """
        }
        let content: HTML = """
            <section><p><a href="/console/recognition">← \(visit.t("recognition.title"))</a></p>
            <h1>\(rule?.name.text(visit.language) ?? "—")</h1>
            <h2>\(visit.t("recognition.credentials"))</h2><ul>\(sources)</ul>
            <h2>\(UIText.text("recognition.outcome.\(proposal.outcome.rawValue)", visit.language)): \(CreditConversion.format(proposal.credits, visit.language)) \(proposal.creditSystem)</h2>
            <ul class="checks">\(reasons)</ul>
            \(proposal.conversion.map { "<p class=\"muted\">\($0.text(visit.language))</p>" as HTML })
            \(decision)
            </section>
            """
        return frame(visit, title: visit.t("recognition.title"), path: "/console/recognition", content)
    }
}
