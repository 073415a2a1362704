import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore
import MochilaStore

/// The routes of a node: health, the VC-API verifier, the JSON API under `/api/v1` and the pages.
struct Routes: Sendable {
    let node: Node
    /// Whether the node runs with demo data (the home page then lists recent credentials).
    let demo: Bool
    /// Failed client authentications at the OAuth token endpoint, per client id.
    let tokenThrottle = LoginThrottle()

    func register(on router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in try await health() }
        router.get("/openapi.json") { _, _ in JSONResponse.bytes(OpenAPI.document, contentType: "application/json; charset=utf-8") }
        router.post("/credentials/verify") { request, _ in try await verifyCredential(request) }
        router.post("/presentations/verify") { request, _ in try await verifyPresentation(request) }
        router.get("/verify") { request, _ in html(VerifyPage(language: language(request)).render()) }
        router.post("/verify") { request, _ in try await verifyPage(request) }
        router.get("/") { request, _ in try await homePage(request) }
        router.get("/credentials/:id") { request, context in try await credentialPage(request, context) }
        registerLifecycle(on: router)
        registerConsoleAPI(on: router)
        registerBadges(on: router)
        registerVCAPIIssuer(on: router)
        Console(node: node, routes: self).register(on: router)
        Backpack(node: node, routes: self).register(on: router)
        registerOpenBadges(on: router)
        registerRegistry(on: router)
        registerRecognition(on: router)
        registerCatalogue(on: router)
        registerNetworkView(on: router)
        registerPathways(on: router)

        let api = router.group("api/v1")
        api.post("/institutions") { request, _ in try await createInstitution(request) }
        api.get("/institutions") { _, _ in
            JSONResponse.make(.array(try await node.store.institutions().map { .object(Representations.institution($0)) }))
        }
        api.get("/institutions/:slug") { _, context in
            let slug = try context.parameters.require("slug")
            guard let institution = try await node.store.institution(slug: slug) else { throw APIError.notFound("institution \(slug)") }
            return JSONResponse.make(.object(Representations.institution(institution)))
        }
        api.post("/specs") { request, _ in
            let institution = try await authenticate(request)
            let input = try await JSONResponse.decode(SpecInput.self, from: request)
            let spec = try await node.createSpec(input, for: institution)
            return JSONResponse.make(try Representations.spec(spec), status: .created)
        }
        api.get("/specs") { request, _ in try await listSpecs(request) }
        api.get("/specs/:id") { request, context in
            let id = try uuid(context.parameters.require("id"), "spec id")
            let version = try request.uri.queryParameters.get("version").map { text -> Int in
                guard let number = Int(text), number > 0 else { throw APIError.badRequest("must be a positive integer", field: "version") }
                return number
            }
            guard let spec = try await node.store.spec(id: id, version: version) else { throw APIError.notFound("spec \(id)") }
            return JSONResponse.make(try Representations.spec(spec))
        }
        api.post("/specs/:id/versions") { request, context in
            let institution = try await authenticate(request)
            let id = try uuid(context.parameters.require("id"), "spec id")
            let input = try await JSONResponse.decode(SpecInput.self, from: request)
            let spec = try await node.addSpecVersion(input, specID: id, for: institution)
            return JSONResponse.make(try Representations.spec(spec), status: .created)
        }
        api.post("/awards") { request, _ in try await issueAward(request) }
        api.get("/awards") { request, _ in
            let institution = try await authenticate(request)
            let awards = try await node.store.awards(institutionID: institution.id, limit: 500)
            return JSONResponse.make(.array(awards.map { .object(Representations.award($0, claim: node.claimLink(for: $0.id))) }))
        }
        api.get("/awards/:id") { request, context in
            let institution = try await authenticate(request)
            let id = try uuid(context.parameters.require("id"), "award id")
            guard let award = try await node.store.award(id: id), award.institutionID == institution.id else {
                throw APIError.notFound("award \(id)")
            }
            return JSONResponse.make(.object(Representations.award(award, claim: node.claimLink(for: award.id))))
        }
        api.get("/credentials/:id") { _, context in
            let reference = try context.parameters.require("id")
            guard let award = try await node.award(reference: reference) else { throw APIError.notFound("credential \(reference)") }
            // The credential exactly as issued and stored, byte for byte.
            return JSONResponse.bytes(award.credential, contentType: "application/vc")
        }
    }

    // MARK: Handlers

    func health() async throws -> Response {
        _ = try await node.store.setting("health")
        return JSONResponse.make(["status": "ok"])
    }

    func authenticate(_ request: Request) async throws -> Institution {
        guard let token = bearerToken(request), let institution = try await node.institution(token: token) else {
            throw APIError.unauthorized
        }
        return institution
    }

    /// Refuses a request without the node's administrator token.
    /// - Parameter what: what needs it, for the message ("creating an institution").
    func requireAdmin(_ request: Request, _ what: String) throws {
        guard let token = bearerToken(request), node.isAdmin(token: token) else {
            throw APIError(.unauthorized, "unauthorized", "\(what) needs the node's administrator token (Authorization: Bearer …)")
        }
    }

    func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// A UUID from a path, bare or as a `urn:uuid:` URN.
    func uuid(_ text: String, _ what: String) throws -> UUID {
        let bare = text.lowercased().hasPrefix("urn:uuid:") ? String(text.dropFirst("urn:uuid:".count)) : text
        guard let id = UUID(uuidString: bare) else { throw APIError.notFound("\(what) \(text)") }
        return id
    }

    func createInstitution(_ request: Request) async throws -> Response {
        try requireAdmin(request, "creating an institution")
        let input = try await JSONResponse.decode(InstitutionInput.self, from: request)
        let (institution, institutionToken) = try await node.createInstitution(input)
        var body = Representations.institution(institution)
        body["token"] = .string(institutionToken)
        return JSONResponse.make(.object(body), status: .created)
    }

    func listSpecs(_ request: Request) async throws -> Response {
        var institutionID: UUID? = nil
        if let slug = request.uri.queryParameters.get("institution") {
            guard let institution = try await node.store.institution(slug: slug) else { throw APIError.notFound("institution \(slug)") }
            institutionID = institution.id
        }
        let specs = try await node.store.latestSpecs(institutionID: institutionID)
        return JSONResponse.make(.array(try specs.map(Representations.spec)))
    }

    func issueAward(_ request: Request) async throws -> Response {
        let institution = try await authenticate(request)
        let input = try await JSONResponse.decode(AwardInput.self, from: request)
        let award = try await node.issue(input, for: institution)
        var body = Representations.award(award, claim: node.claimLink(for: award.id))
        body["credential"] = try JSONValue(parsing: award.credential)
        return JSONResponse.make(.object(body), status: .created)
    }

    /// VC-API `POST /credentials/verify`: `{"verifiableCredential": {...} or "<JWT>"}`.
    /// 200 with the report when the credential verified, 400 with the report when it did not.
    func verifyCredential(_ request: Request) async throws -> Response {
        let body = try await JSONResponse.json(request)
        guard let object = body.objectValue else { throw APIError.badRequest("the request body must be a JSON object") }
        guard let credential = object["verifiableCredential"] else {
            throw APIError.badRequest("is required: the credential to verify, as JSON or as a compact JWT", field: "verifiableCredential")
        }
        let report: VerificationReport
        switch credential {
        case .string(let jwt): report = await node.verify(bytes: Array(jwt.utf8))
        case .object: report = await node.verify(credential)
        default:
            throw APIError.badRequest("must be a credential object or a compact JWT string", field: "verifiableCredential")
        }
        return vcAPIResponse(.credential(report), request)
    }

    /// VC-API `POST /presentations/verify`: `{"verifiablePresentation": {...} or "<JWT>",
    /// "options": {"challenge": "…", "domain": "…"}}`.
    func verifyPresentation(_ request: Request) async throws -> Response {
        let body = try await JSONResponse.json(request)
        guard let presentation = body["verifiablePresentation"] else {
            throw APIError.badRequest(
                "is required: the presentation to verify, as JSON or as a compact JWT", field: "verifiablePresentation")
        }
        let challenge = body["options"]?["challenge"]?.stringValue
        let domain = body["options"]?["domain"]?.stringValue
        switch presentation {
        case .object:
            return vcAPIResponse(.presentation(await node.verifyPresentation(presentation, challenge: challenge, domain: domain)), request)
        case .string(let jwt):
            return vcAPIResponse(await node.verifyAny(bytes: Array(jwt.utf8), challenge: challenge, domain: domain), request)
        default:
            throw APIError.badRequest("must be a presentation object or a compact JWT string", field: "verifiablePresentation")
        }
    }

    /// The VC-API answer: the report, with `errors` (failed checks) and `warnings` (checks that
    /// could not tell); 200 when verified, 400 when not.
    func vcAPIResponse(_ outcome: VerificationOutcome, _ request: Request) -> Response {
        let language = Language.negotiate(acceptLanguage: request.headers[.acceptLanguage])
        var result = outcome.json(input: nil, language: language).objectValue ?? [:]
        let checks: [CheckResult]
        switch outcome {
        case .credential(let report): checks = report.checks
        case .presentation(let report): checks = report.checks + report.credentials.flatMap(\.checks)
        }
        result["errors"] = .array(checks.filter { $0.status == .failed }.map { .string($0.message.text(language)) })
        result["warnings"] = .array(checks.filter { $0.status == .unknown }.map { .string($0.message.text(language)) })
        return JSONResponse.make(.object(result), status: outcome.verified ? .ok : .badRequest)
    }

    /// The `/verify` page's form: a pasted credential, or an uploaded file or baked badge.
    func verifyPage(_ request: Request) async throws -> Response {
        let language = language(request)
        let body = try await JSONResponse.body(request)
        let form = try MultipartForm(contentType: request.headers[.contentType] ?? "", body: body)
        var input: [UInt8] = []
        // Open Badges 2.0 (hosted, signed or baked the 2.0 way) and Europass have verifiers of their own.
        if let submitted = form.part("file").flatMap({ $0.body.isEmpty ? nil : $0.body }) ?? form.part("credential")?.body {
            if OpenBadges2Input.isOpenBadges2(submitted) {
                let result = await node.verifyOpenBadges2(bytes: submitted)
                return html(VerifyPage(language: language, openBadges2: result).render())
            }
            if EuropassInput.isEuropass(submitted) {
                let report = node.europassVerifier.verify(bytes: submitted, at: node.clock())
                return html(VerifyPage(language: language, outcome: .credential(report)).render())
            }
        }
        if let file = form.part("file"), !file.body.isEmpty {
            do {
                input = try BakedBadge.extract(from: file.body, inflate: { try ZLib.inflate($0) }).map { Array($0.utf8) } ?? file.body
            } catch {
                let page = VerifyPage(language: language, problem: UIText.text("verify.unreadable", language, "\(error)"))
                return html(page.render(), status: .badRequest)
            }
        } else if let pasted = form.part("credential") {
            input = pasted.body
        }
        if String(decoding: input, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return html(VerifyPage(language: language, problem: UIText.text("verify.empty", language)).render(), status: .badRequest)
        }
        let outcome = await node.verifyAny(bytes: input)
        return html(VerifyPage(language: language, outcome: outcome).render())
    }

    // MARK: Pages

    /// The reader's language: `?lang=`, else the one they chose before (a cookie), else their
    /// browser's.
    func language(_ request: Request) -> Language {
        if let requested = request.uri.queryParameters.get("lang"), let language = Language(tag: requested) { return language }
        if let chosen = request.cookies[LanguageCookie.name]?.value, let language = Language(tag: chosen) {
            return language
        }
        return Language.negotiate(acceptLanguage: request.headers[.acceptLanguage])
    }

    /// 303 See Other to `location`: where a page's form post leads.
    func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        var response = JSONResponse.bytes(Array(page.markup.utf8), status: status, contentType: "text/html; charset=utf-8")
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        return response
    }

    func homePage(_ request: Request) async throws -> Response {
        let language = language(request)
        var page = HomePage(
            language: language, institutions: try await node.store.institutions(),
            specs: try await node.store.latestSpecs(institutionID: nil),
            awards: demo ? try await node.store.awards(institutionID: nil, limit: 20) : [], reference: node.reference)
        if demo { page.claimTokens = Dictionary(uniqueKeysWithValues: page.awards.map { ($0.id, node.claimToken(for: $0.id)) }) }
        return html(page.render())
    }

    func credentialPage(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let language = language(request)
        let reference = try context.parameters.require("id")
        guard let award = try await node.award(reference: reference) else {
            let body: HTML = "<section><h1>\(UIText.text("notFound.title", language))</h1><p>\(UIText.text("notFound.credential", language))</p></section>"
            return html(Layout.page(title: UIText.text("notFound.title", language), language: language, path: "/", body: body), status: .notFound)
        }
        let report = await node.verify(bytes: award.credential)
        var page = CredentialPage(
            language: language, award: award, credential: report.credential ?? .object([:]), report: report,
            spec: try await node.store.spec(id: award.specID, version: award.specVersion), reference: node.reference,
            publicURL: node.publicURL)
        let claim: String? = request.uri.queryParameters.get("claim").map { String($0) }
        if node.isClaimToken(claim, for: award.id) { page.claimToken = claim }
        var response = html(page.render())
        // The claim link is a capability: the page's links do not carry it away.
        if page.claimToken != nil { response.headers[.init("Referrer-Policy")!] = "no-referrer" }
        return response
    }
}
