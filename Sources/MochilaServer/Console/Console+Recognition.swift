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
        router.post("/console/recognition/rules") { request, _ in
            try await form(request, role: \.canManage) { visit, form in
                _ = try await node.createRule(Console.ruleInput(form), for: visit.institution)
                return redirect("/console/recognition?done=rule")
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

    /// A rule from the console's form: texts in Spanish (Portuguese and English optional), lists
    /// separated by commas.
    static func ruleInput(_ form: FormData) -> RecognitionRuleInput {
        func text(_ name: String) -> LocalizedText? {
            var values: [String: String] = [:]
            for language in ["es", "pt", "en"] {
                if let value = form["\(name).\(language)"]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty { values[language] = value }
            }
            return values.isEmpty ? nil : LocalizedText(values)
        }
        func list(_ name: String) -> [String]? {
            let values = (form[name] ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
            return values.isEmpty ? nil : values
        }
        func number(_ name: String) -> Double? { form[name].flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) } }
        return RecognitionRuleInput(
            name: text("name"), description: text("description"),
            criteria: .init(
                requireTrustedIssuer: form["requireTrustedIssuer"] == "1", skillsAll: list("skillsAll"), minimumEQFLevel: form["minimumEQFLevel"].flatMap { Int($0) },
                minimumWorkloadHours: number("minimumWorkloadHours"), maximumAgeMonths: form["maximumAgeMonths"].flatMap { Int($0) },
                fields: list("fields")),
            outcome: .init(
                creditSystem: form["creditSystem"], rounding: form["rounding"].flatMap(RecognitionRule.Rounding.init(rawValue:)),
                maximumCredits: number("maximumCredits"), courseEquivalence: text("courseEquivalence"), partialBelowCriteria: form["partial"] == "1"),
            legalBasis: text("legalBasis"), appealRoute: text("appealRoute"))
    }

    /// The form that publishes a rule (administrators).
    func ruleForm(_ visit: Visit) -> HTML {
        guard visit.member.role.canManage else { return "" }
        let systems: [HTML] = node.reference.creditSystems.values.filter { $0.hoursPerCredit != nil }.sorted { $0.id < $1.id }.map {
            "<option value=\"\($0.id)\">\($0.name.text(visit.language))</option>"
        }
        let roundings: [HTML] = RecognitionRule.Rounding.allCases.map { "<option value=\"\($0.rawValue)\">\($0.label(visit.language))</option>" }
        let levels: [HTML] = (1...8).map { "<option value=\"\($0)\">EQF \($0)</option>" }
        return """
            <details><summary>\(visit.t("recognition.newRule"))</summary>
            <form method="post" action="/console/recognition/rules">\(visit.csrfField)
            <label>\(visit.t("recognition.ruleName")) (es)<input type="text" name="name.es" required maxlength="300"></label>
            <label>\(visit.t("recognition.ruleName")) (pt)<input type="text" name="name.pt" maxlength="300"></label>
            <label>\(visit.t("recognition.ruleName")) (en)<input type="text" name="name.en" maxlength="300"></label>
            <label>\(visit.t("recognition.ruleDescription"))<textarea name="description.es" rows="2"></textarea></label>
            <fieldset><legend>\(visit.t("recognition.criteria"))</legend>
            <label><input type="checkbox" name="requireTrustedIssuer" value="1" checked> \(visit.t("recognition.trusted"))</label>
            <div class="row"><label>\(visit.t("recognition.fields"))<input type="text" name="fields" placeholder="07, 0913"></label>
            <label>\(visit.t("recognition.minimumLevel"))<select name="minimumEQFLevel"><option value="">—</option>\(levels)</select></label></div>
            <div class="row"><label>\(visit.t("recognition.maximumAge"))<input type="number" name="maximumAgeMonths" min="1" max="600"></label>
            <label>\(visit.t("recognition.minimumHours"))<input type="number" name="minimumWorkloadHours" min="0" step="any"></label></div>
            <label>\(visit.t("recognition.skills"))<input type="text" name="skillsAll" placeholder="http://data.europa.eu/esco/skill/…"></label>
            </fieldset>
            <fieldset><legend>\(visit.t("recognition.gives"))</legend>
            <div class="row"><label>\(visit.t("recognition.system"))<select name="creditSystem">\(systems)</select></label>
            <label>\(visit.t("recognition.rounding"))<select name="rounding">\(roundings)</select></label>
            <label>\(visit.t("recognition.maximumCredits"))<input type="text" name="maximumCredits" inputmode="decimal"></label></div>
            <label>\(visit.t("recognition.equivalence"))<input type="text" name="courseEquivalence.es" maxlength="500"></label>
            <label><input type="checkbox" name="partial" value="1"> \(visit.t("recognition.partial"))</label>
            </fieldset>
            <label>\(visit.t("recognition.legalBasis"))<input type="text" name="legalBasis.es" required maxlength="1000"></label>
            <label>\(visit.t("recognition.appealRoute"))<input type="text" name="appealRoute.es" required maxlength="1000"></label>
            <p><button class="primary" type="submit">\(visit.t("recognition.publish"))</button></p></form></details>
            """
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
            \(ruleForm(visit))
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
