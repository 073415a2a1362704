import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// Recognition between institutions over the API: the receiving institution publishes versioned
/// rules (its token), anyone reads them, and its officers decide the requests learners send.
extension Routes {
    func registerRecognition(on router: Router<BasicRequestContext>) {
        router.get("/recognition/rules/:id") { request, context in try await rulePage(request, context) }

        let api = router.group("api/v1/recognition")
        api.post("/rules") { request, _ in
            let institution = try await authenticate(request)
            let input = try await JSONResponse.decode(RecognitionRuleInput.self, from: request)
            return JSONResponse.make(try await node.createRule(input, for: institution).json, status: .created)
        }
        api.post("/rules/:id/versions") { request, context in
            let institution = try await authenticate(request)
            let id = try uuid(context.parameters.require("id"), "rule")
            let input = try await JSONResponse.decode(RecognitionRuleInput.self, from: request)
            return JSONResponse.make(try await node.addRuleVersion(input, ruleID: id, for: institution).json, status: .created)
        }
        api.get("/rules") { request, _ in
            var institutionID: UUID? = nil
            if let slug = request.uri.queryParameters.get("institution") {
                guard let institution = try await node.store.institution(slug: String(slug)) else { throw APIError.notFound("institution \(slug)") }
                institutionID = institution.id
            }
            return JSONResponse.make(.array(try await node.rules(of: institutionID).map(\.json)))
        }
        api.get("/rules/:id") { request, context in
            let id = try uuid(context.parameters.require("id"), "rule")
            let version = request.uri.queryParameters.get("version").flatMap { Int($0) }
            guard let rule = try await node.rule(id, version: version) else { throw APIError.notFound("rule \(id)") }
            return JSONResponse.make(rule.json)
        }
        api.get("/requests") { request, _ in
            let institution = try await authenticate(request)
            return JSONResponse.make(.array(try await node.store.recognitionRequests(institutionID: institution.id).map { try representation($0) }))
        }
        api.post("/requests/:id/decision") { request, context in
            let institution = try await authenticate(request)
            let id = try uuid(context.parameters.require("id"), "request")
            let input = try await JSONResponse.decode(DecisionInput.self, from: request)
            guard let decision = RecognitionDecision.Decision(rawValue: input.decision ?? "") else {
                throw APIError.badRequest("is approved, modified or refused", field: "decision")
            }
            let decided = try await node.decide(
                id, decision: decision, credits: input.credits, reason: input.reason ?? "", of: institution, actor: "api")
            return JSONResponse.make(try representation(decided))
        }
    }

    /// What an officer posts to decide a request.
    struct DecisionInput: Decodable, Sendable {
        var decision: String?
        var credits: Double?
        var reason: String?
    }

    func representation(_ request: RecognitionRequest) throws -> JSONValue {
        let (proposal, facts) = try node.details(of: request)
        var object: JSONObject = [
            "id": .string(request.id.uuidString.lowercased()), "rule": .string(request.ruleID.uuidString.lowercased()),
            "ruleVersion": .number(Double(request.ruleVersion)), "status": .string(request.status.rawValue),
            "createdAt": .string(XSDDateTime.format(request.createdAt)),
            "proposal": [
                "outcome": .string(proposal.outcome.rawValue), "credits": .number(proposal.credits), "creditSystem": .string(proposal.creditSystem),
                "reasons": .array(proposal.reasons.map { .string($0.text(.es)) }),
            ],
            "credentials": .array(facts.map { .object(["id": .string($0.credentialID), "digestSRI": .string($0.digest), "issuer": .string($0.issuerDID)]) }),
        ]
        if let decision = request.decision, let json = try? JSONValue(parsing: Array(decision.utf8)) { object["decision"] = json }
        if let credential = request.credential, let json = try? JSONValue(parsing: credential) { object["credential"] = json }
        return .object(object)
    }

    /// `GET /recognition/rules/{id}`: a rule as a learner or another institution reads it.
    func rulePage(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let language = language(request)
        let id = try uuid(context.parameters.require("id"), "rule")
        let version = request.uri.queryParameters.get("version").flatMap { Int($0) }
        guard let rule = try await node.rule(id, version: version), let institution = try await node.store.institution(id: rule.institutionID) else {
            throw APIError.notFound("rule \(id)")
        }
        let t = { (key: String) in UIText.text(key, language) }
        let system = node.reference.creditSystems[rule.outcome.creditSystem]?.name.text(language) ?? rule.outcome.creditSystem
        let body: HTML = """
            <article><p class="muted">\(institution.name.text(language)) · \(t("rule.version")) \(rule.version)</p>
            <h1>\(rule.name.text(language))</h1>
            \(rule.description.map { "<p>\($0.text(language))</p>" as HTML })
            <h2>\(t("rule.criteria"))</h2><p>\(rule.criteria.narrative.text(language).replacingOccurrences(of: "\n", with: " · "))</p>
            <h2>\(t("rule.outcome"))</h2><p>\(t("rule.credits")) \(system) · \(rule.outcome.rounding.label(language))\
            \(rule.outcome.maximumCredits.map { " · " + t("rule.maximum") + " " + CreditConversion.format($0, language) } ?? "")</p>
            \(rule.outcome.courseEquivalence.map { "<p>\($0.text(language))</p>" as HTML })
            <h2>\(t("rule.legalBasis"))</h2><p>\(rule.legalBasis.text(language))</p>
            <h2>\(t("rule.appeal"))</h2><p>\(rule.appealRoute.text(language))</p>
            <p><a href="/api/v1/recognition/rules/\(rule.id.uuidString.lowercased())?version=\(rule.version)">JSON</a></p>
            </article>
            """
        return html(Layout.page(title: rule.name.text(language), language: language, path: "/recognition", body: body))
    }
}
