import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore
import MochilaStore

/// The learner's backpack, under `/mochila`, and the share links, under `/c/{id}`.
///
/// Server-rendered and usable without JavaScript, on a phone too. A backpack opens when a
/// learner saves a credential from its public page: a temporary backpack that lives in an
/// `HttpOnly`, `SameSite=Lax` cookie (`Secure` over https) until the learner gives it an email
/// and a password. Every form that changes something carries the session's CSRF token.
struct Backpack: Sendable {
    let node: Node
    let routes: Routes
    let throttle = LoginThrottle()

    static let cookie = "mochila_backpack"

    struct Visit: Sendable {
        var learner: LearnerAccount
        var session: LearnerSession
        var language: Language

        func t(_ key: String, _ arguments: String...) -> String {
            UIText.lookup(key, language, in: BackpackText.strings, arguments)
        }

        var csrfField: HTML { "<input type=\"hidden\" name=\"csrf\" value=\"\(session.csrfToken)\">" }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/mochila") { request, _ in try await home(request) }
        router.post("/mochila/login") { request, _ in try await signIn(request) }
        router.post("/mochila/logout") { request, _ in try await form(request) { visit, _ in try await signOut(request, visit) } }
        router.post("/mochila/claim/:id") { request, context in try await claim(request, context) }
        router.post("/mochila/import") { request, _ in try await importCredential(request) }
        router.get("/mochila/items/:id") { request, context in
            let id = try itemID(context)
            return try await page(request) { visit in try await itemPage(visit, id, notice: request.uri.queryParameters.get("done")) }
        }
        router.post("/mochila/items/:id/share") { request, context in
            let id = try itemID(context)
            return try await form(request) { visit, form in
                let days = Int(form["expires"] ?? "") ?? 0
                let expiry = days > 0 ? node.clock().addingTimeInterval(Double(min(days, 3650)) * 86400) : nil
                _ = try await node.share(id, of: visit.learner, expiresAt: expiry)
                return redirect("/mochila/items/\(id.uuidString.lowercased())?done=shared")
            }
        }
        router.post("/mochila/items/:id/delete") { request, context in
            let id = try itemID(context)
            return try await form(request) { visit, _ in
                try await node.removeFromBackpack(id, of: visit.learner)
                return redirect("/mochila?done=removed")
            }
        }
        router.post("/mochila/shares/:id/revoke") { request, context in
            let share = try context.parameters.require("id")
            return try await form(request) { visit, form in
                try await node.revokeShare(share, of: visit.learner)
                guard let item = form["item"].flatMap(UUID.init(uuidString:)) else { return redirect("/mochila") }
                return redirect("/mochila/items/\(item.uuidString.lowercased())")
            }
        }
        router.post("/mochila/account") { request, _ in
            try await form(request) { visit, form in
                let learner = try await node.setBackpackAccount(
                    visit.learner, email: form["email"] ?? "", displayName: form["name"] ?? "",
                    password: form.fields.first { $0.name == "password" }?.value ?? "")
                return redirect("/mochila?done=account&email=\(learner.email?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            }
        }
        router.post("/mochila/delete") { request, _ in
            try await form(request) { visit, form in
                guard (form["confirm"] ?? "").uppercased() == visit.t("backpack.deleteWord") else {
                    throw ValidationError(field: "confirm", visit.t("backpack.deleteConfirm"))
                }
                try await node.deleteBackpack(visit.learner)
                var response = redirect("/mochila?done=deleted")
                response.setCookie(sessionCookie("", maxAge: 0))
                return response
            }
        }
        router.post("/mochila/present") { request, _ in
            try await form(request) { visit, form in
                let items = form.fields.filter { $0.name == "item" }.compactMap { UUID(uuidString: $0.value) }
                let challenge = form["challenge"] ?? ""
                let domain = form["domain"]
                let presentation = try await node.present(items, of: visit.learner, challenge: challenge, domain: domain)
                let report = await node.verifyPresentation(presentation, challenge: challenge, domain: domain?.nilIfEmpty)
                return presentationPage(visit, presentation, report)
            }
        }
        router.get("/c/:id") { request, context in try await sharedPage(request, try context.parameters.require("id")) }
        registerRecords(on: router)
        registerSharing(on: router)
        registerRecognition(on: router)
        registerPathways(on: router)
    }

    // MARK: Sessions

    func visit(_ request: Request) async throws -> Visit? {
        guard let token = request.cookies[Backpack.cookie]?.value, !token.isEmpty, token.count <= 200,
            let (learner, session) = try await node.backpackSession(token: token)
        else { return nil }
        return Visit(learner: learner, session: session, language: routes.language(request))
    }

    func page(_ request: Request, _ render: (Visit) async throws -> Response) async throws -> Response {
        guard let visit = try await visit(request) else { return redirect("/mochila") }
        do {
            return try await render(visit)
        } catch {
            return errorPage(visit, error)
        }
    }

    /// A form post from a signed-in learner: url-encoded or multipart, with the session's CSRF token.
    func form(_ request: Request, _ handle: (Visit, FormData) async throws -> Response) async throws -> Response {
        guard let visit = try await visit(request) else { return redirect("/mochila") }
        let form = try FormData(try await JSONResponse.body(request, maxBytes: 64 << 10))
        guard constantTimeEqual(form["csrf"] ?? "", visit.session.csrfToken) else {
            return message(visit, visit.t("backpack.csrf"), status: .forbidden)
        }
        do {
            return try await handle(visit, form)
        } catch {
            return errorPage(visit, error)
        }
    }

    func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: Backpack.cookie, value: value, maxAge: maxAge, path: "/mochila", secure: node.publicURL.hasPrefix("https://"),
            httpOnly: true, sameSite: .lax)
    }

    func signIn(_ request: Request) async throws -> Response {
        let language = routes.language(request)
        let form = try FormData(try await JSONResponse.body(request, maxBytes: 16 << 10))
        let email = (form["email"] ?? "").lowercased()
        let password = form.fields.first { $0.name == "password" }?.value ?? ""
        if let wait = throttle.blocked(email, now: node.clock()) {
            let problem = BackpackText.text("backpack.throttled", language, String(Int((wait / 60).rounded(.up))))
            return landing(language, problem: problem, status: .tooManyRequests)
        }
        guard let (_, token, _) = try await node.signInBackpack(email: email, password: password) else {
            throttle.failed(email, now: node.clock())
            return landing(language, problem: BackpackText.text("backpack.signInFailed", language), status: .unauthorized)
        }
        throttle.succeeded(email)
        var response = redirect("/mochila")
        response.setCookie(sessionCookie(token, maxAge: Int(Node.backpackSessionLifetime)))
        return response
    }

    func signOut(_ request: Request, _ visit: Visit) async throws -> Response {
        if let token = request.cookies[Backpack.cookie]?.value { try await node.signOutBackpack(token: token) }
        var response = redirect("/mochila")
        response.setCookie(sessionCookie("", maxAge: 0))
        return response
    }

    // MARK: Claiming and importing

    /// `POST /mochila/claim/{awardId}` from a credential's claim link (its public page with the
    /// `claim` secret, which the form carries): into the learner's backpack, opening a
    /// temporary one when there is none yet.
    func claim(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let awardID = UUID(uuidString: try context.parameters.require("id")) else { throw APIError.notFound("credential") }
        let form = try FormData(try await JSONResponse.body(request, maxBytes: 4 << 10))
        let visit = try await visit(request)
        guard node.isClaimToken(form["claim"], for: awardID) else {
            let language = visit?.language ?? routes.language(request)
            let text = BackpackText.text("claim.needsLink", language)
            if let visit { return message(visit, text, status: .forbidden) }
            let body: HTML = "<section><h1>\(BackpackText.text("backpack.save", language))</h1><div class=\"banner bad\" role=\"alert\">\(text)</div></section>"
            return frame(language, title: BackpackText.text("backpack.save", language), body, status: .forbidden)
        }
        var response: Response
        if let visit {
            do {
                let item = try await node.claim(awardID: awardID, token: form["claim"], into: visit.learner)
                response = redirect("/mochila/items/\(item.id.uuidString.lowercased())?done=added")
            } catch {
                return errorPage(visit, error)
            }
        } else {
            // A claim opens a backpack only for a credential that can be kept.
            guard let award = try await node.store.award(id: awardID) else { throw APIError.notFound("credential \(awardID)") }
            if award.revocation != nil { throw APIError(.conflict, "revoked", "the credential was revoked by its issuer and cannot be kept") }
            let (learner, token, _) = try await node.openBackpack()
            let item = try await node.claim(awardID: awardID, token: form["claim"], into: learner)
            response = redirect("/mochila/items/\(item.id.uuidString.lowercased())?done=added")
            response.setCookie(sessionCookie(token, maxAge: Int(Node.backpackSessionLifetime)))
        }
        return response
    }

    /// `POST /mochila/import`: a file (JSON, JWT, PNG or SVG badge) or a pasted credential.
    func importCredential(_ request: Request) async throws -> Response {
        guard let visit = try await visit(request) else { return redirect("/mochila") }
        let body = try await JSONResponse.body(request, maxBytes: Node.importMaxBytes + (64 << 10))
        let form = try MultipartForm(contentType: request.headers[.contentType] ?? "", body: body)
        guard constantTimeEqual(String(decoding: form.part("csrf")?.body ?? [], as: UTF8.self), visit.session.csrfToken) else {
            return message(visit, visit.t("backpack.csrf"), status: .forbidden)
        }
        let file = form.part("file")?.body ?? []
        let pasted = form.part("credential")?.body ?? []
        do {
            let item = try await node.importCredential(file.isEmpty ? pasted : file, into: visit.learner)
            return redirect("/mochila/items/\(item.id.uuidString.lowercased())?done=added")
        } catch {
            return errorPage(visit, error)
        }
    }

    // MARK: Pages

    func home(_ request: Request) async throws -> Response {
        let language = routes.language(request)
        guard let visit = try await visit(request) else {
            let notice = request.uri.queryParameters.get("done") == "deleted" ? BackpackText.text("backpack.deleted", language) : nil
            return landing(language, notice: notice)
        }
        do {
            return try await backpackPage(visit, query: { request.uri.queryParameters.get($0) })
        } catch {
            return errorPage(visit, error)
        }
    }

    /// Signed out: what a backpack is, and signing in.
    func landing(_ language: Language, problem: String? = nil, notice: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let t = { (key: String) in BackpackText.text(key, language) }
        let body: HTML = """
            <section class="narrow">
            <h1>\(t("backpack.title"))</h1>
            \(notice.map { "<div class=\"banner ok\" role=\"status\">\($0)</div>" as HTML })
            \(problem.map { "<div class=\"banner bad\" role=\"alert\">\($0)</div>" as HTML })
            <p>\(t("backpack.intro"))</p>
            <form method="post" action="/mochila/login?lang=\(language.rawValue)">
            <label>\(t("backpack.email"))<input type="email" name="email" autocomplete="username" required></label>
            <label>\(t("backpack.password"))<input type="password" name="password" autocomplete="current-password" required></label>
            <p><button class="primary" type="submit">\(t("backpack.signIn"))</button></p>
            </form>
            </section>
            """
        return frame(language, title: t("backpack.title"), body, status: status)
    }

    func backpackPage(_ visit: Visit, query: (String) -> String?) async throws -> Response {
        let done = query("done")
        let items = try await node.backpack(of: visit.learner)
        // Each item's report is read once for both lists.
        let summaries = items.map(Backpack.summary)
        let rows: [HTML] = zip(items, summaries).map { item, summary in
            let state: HTML =
                summary.verified
                ? "<span class=\"state active\">\(visit.t("backpack.verifiedOnArrival"))</span>"
                : "<span class=\"state revoked\">\(visit.t("backpack.notVerifiedOnArrival"))</span>"
            return """
                <li><a href="/mochila/items/\(item.id.uuidString.lowercased())"><strong>\(summary.name)</strong></a><br>
                <span class="muted">\(summary.issuer) · \(visit.t("backpack.source.\(item.source.rawValue)")) · \
                \(visit.t("backpack.addedOn", String(XSDDateTime.format(item.addedAt).prefix(10))))</span> \(state)</li>
                """
        }
        let presentable = zip(items, summaries).filter { item, _ in item.format == .vcJSON || item.format == .vcJWT }
        let choices: [HTML] = presentable.map { item, summary in
            "<li><label><input type=\"checkbox\" name=\"item\" value=\"\(item.id.uuidString.lowercased())\"> \(summary.name)</label></li>"
        }
        let presentForm: HTML = """
            <section><h2>\(visit.t("backpack.present"))</h2><p>\(visit.t("backpack.presentIntro"))</p>
            <form method="post" action="/mochila/present?lang=\(visit.language.rawValue)">\(visit.csrfField)
            <ul class="plain">\(choices)</ul>
            <div class="row"><label>\(visit.t("backpack.challenge"))<input type="text" name="challenge" required maxlength="500" autocomplete="off"></label>
            <label>\(visit.t("backpack.domain"))<input type="text" name="domain" maxlength="500" autocomplete="off"></label></div>
            <p><button class="primary" type="submit">\(visit.t("backpack.presentButton"))</button></p></form></section>
            """
        var notices: [HTML] = restoreNotices(visit, query)
        if done == "removed" { notices.append("<div class=\"banner ok\" role=\"status\">\(visit.t("backpack.removed"))</div>") }
        if done == "account", let email = visit.learner.email {
            notices.append("<div class=\"banner ok\" role=\"status\">\(visit.t("backpack.accountSaved", email))</div>")
        }
        let account: HTML =
            visit.learner.isTemporary
            ? """
            <section><h2>\(visit.t("backpack.account"))</h2><p class="note banner">\(visit.t("backpack.temporary"))</p>
            <form method="post" action="/mochila/account?lang=\(visit.language.rawValue)">\(visit.csrfField)
            <label>\(visit.t("backpack.email"))<input type="email" name="email" autocomplete="username" required></label>
            <label>\(visit.t("backpack.name"))<input type="text" name="name" autocomplete="name" maxlength="200"></label>
            <label>\(visit.t("backpack.password"))<input type="password" name="password" autocomplete="new-password" minlength="12" required></label>
            <p><button class="primary" type="submit">\(visit.t("backpack.makePermanent"))</button></p></form></section>
            """
            : """
            <section><h2>\(visit.t("backpack.account"))</h2>
            <p>\(visit.t("backpack.signedInAs", visit.learner.displayName.isEmpty ? (visit.learner.email ?? "") : visit.learner.displayName))</p>
            <form method="post" action="/mochila/logout">\(visit.csrfField)<button type="submit">\(visit.t("backpack.signOut"))</button></form>
            </section>
            """
        let body: HTML = """
            \(notices)
            <section><h1>\(visit.t("backpack.title"))</h1>
            <h2>\(visit.t("backpack.credentials"))</h2>
            \(items.isEmpty ? "<p>\(visit.t("backpack.empty"))</p>" as HTML : "<ul class=\"plain\">\(rows)</ul>")
            </section>
            \(presentable.isEmpty ? nil : presentForm)
            <section><h2>\(visit.t("backpack.import"))</h2><p>\(visit.t("backpack.importIntro"))</p>
            <form method="post" action="/mochila/import?lang=\(visit.language.rawValue)" enctype="multipart/form-data">\(visit.csrfField)
            <label>\(visit.t("backpack.file"))<input type="file" name="file" accept=".json,.jsonld,.jwt,.txt,.png,.svg,application/json,image/png,image/svg+xml"></label>
            <label>\(visit.t("backpack.paste"))<textarea name="credential" rows="4" spellcheck="false"></textarea></label>
            <p><button class="primary" type="submit">\(visit.t("backpack.importButton"))</button></p></form></section>
            \(try await pathwaySection(visit))
            \(try await recognitionSection(visit, items: items))
            \(recordSections(visit, items: items))
            \(account)
            <section><h2>\(visit.t("backpack.delete"))</h2><p>\(visit.t("backpack.deleteIntro"))</p>
            <form method="post" action="/mochila/delete?lang=\(visit.language.rawValue)">\(visit.csrfField)
            <label>\(visit.t("backpack.deleteConfirm"))<input type="text" name="confirm" autocomplete="off" required></label>
            <p><button type="submit">\(visit.t("backpack.delete"))</button></p></form></section>
            """
        return frame(visit.language, title: visit.t("backpack.title"), body)
    }

    func itemPage(_ visit: Visit, _ id: UUID, notice: String?) async throws -> Response {
        let item = try await node.backpackItem(id, of: visit.learner)
        let summary = Backpack.summary(item)
        let report = await node.verify(item)
        let shares = try await node.store.shares(itemID: item.id)
        let now = node.clock()
        let shareRows: [HTML] = shares.map { share in
            let link = node.publicURL + "/c/" + share.id
            let state: String
            if let revoked = share.revokedAt {
                state = visit.t("backpack.linkWithdrawn", String(XSDDateTime.format(revoked).prefix(10)))
            } else if !share.isActive(at: now) {
                state = visit.t("backpack.linkExpired")
            } else if let expires = share.expiresAt {
                state = visit.t("backpack.linkUntil", String(XSDDateTime.format(expires).prefix(10)))
            } else {
                state = visit.t("backpack.expires.never")
            }
            let withdraw: HTML? =
                share.isActive(at: now)
                ? """
                <form class="inline" method="post" action="/mochila/shares/\(share.id)/revoke">\(visit.csrfField)\
                <input type="hidden" name="item" value="\(item.id.uuidString.lowercased())">\
                <button class="link" type="submit">\(visit.t("backpack.withdraw"))</button></form>
                """ : nil
            return "<li><code>\(link)</code> · \(state) \(withdraw)</li>"
        }
        let own: HTML? = item.awardID.map {
            "<p><a href=\"/credentials/\($0.uuidString.lowercased())?lang=\(visit.language.rawValue)\">\(visit.t("backpack.publicPage"))</a></p>"
        }
        let body: HTML = """
            \(notice == "added" ? "<div class=\"banner ok\" role=\"status\">\(visit.t("backpack.added"))</div>" as HTML : nil)\
            \(notice == "bound" ? "<div class=\"banner ok\" role=\"status\">\(visit.t("bind.done"))</div>" as HTML : nil)
            <section><p><a href="/mochila">← \(visit.t("backpack.title"))</a></p>
            <h1>\(summary.name)</h1><p>\(summary.issuer)</p>
            <p class="muted">\(visit.t("backpack.source.\(item.source.rawValue)")) · \(visit.t("backpack.addedOn", String(XSDDateTime.format(item.addedAt).prefix(10))))</p>
            \(own)
            <h2>\(visit.t("backpack.now"))</h2>
            \(ReportView.banner(verified: report.verified, visit.language))\(ReportView.checks(report.checks, visit.language))
            </section>
            \(itemSections(visit, item, report))
            <section><h2>\(visit.t("backpack.share"))</h2><p>\(visit.t("backpack.shareIntro"))</p>
            <form method="post" action="/mochila/items/\(item.id.uuidString.lowercased())/share?lang=\(visit.language.rawValue)">\(visit.csrfField)
            <label>\(visit.t("backpack.expires"))<select name="expires">
            <option value="7">\(visit.t("backpack.expires.7"))</option><option value="30" selected>\(visit.t("backpack.expires.30"))</option>
            <option value="365">\(visit.t("backpack.expires.365"))</option><option value="0">\(visit.t("backpack.expires.never"))</option>
            </select></label>
            <p><button class="primary" type="submit">\(visit.t("backpack.createLink"))</button></p></form>
            <h3>\(visit.t("backpack.links"))</h3>
            \(shareRows.isEmpty ? "<p class=\"muted\">\(visit.t("backpack.noLinks"))</p>" as HTML : "<ul class=\"plain\">\(shareRows)</ul>")
            </section>
            <section><form method="post" action="/mochila/items/\(item.id.uuidString.lowercased())/delete">\(visit.csrfField)
            <button type="submit">\(visit.t("backpack.remove"))</button></form></section>
            """
        return frame(visit.language, title: summary.name, body)
    }

    /// A presentation made for a verifier: checked here as the verifier will check it, and
    /// shown to copy.
    func presentationPage(_ visit: Visit, _ presentation: JSONValue, _ report: PresentationReport) -> Response {
        let body: HTML = """
            <section><p><a href="/mochila">← \(visit.t("backpack.title"))</a></p>
            <h1>\(visit.t("backpack.presentation"))</h1>
            <p>\(visit.t("backpack.presentationIntro"))</p>
            \(ReportView.banner(verified: report.verified, visit.language))\(ReportView.checks(report.checks, visit.language))
            <label>\(visit.t("backpack.presentationJSON"))<textarea id="presentation" rows="16" readonly spellcheck="false">\(presentation.serializedString(.pretty))</textarea></label>
            </section>
            """
        return frame(visit.language, title: visit.t("backpack.presentation"), body)
    }

    /// `GET /c/{id}`: a shared credential, verified now, for whoever has the link.
    func sharedPage(_ request: Request, _ id: String) async throws -> Response {
        let language = routes.language(request)
        let t = { (key: String) in BackpackText.text(key, language) }
        guard let (_, item, report) = try await node.shared(id) else {
            let body: HTML = "<section><h1>\(t("shared.title"))</h1><div class=\"banner bad\" role=\"alert\">\(t("shared.gone"))</div></section>"
            return frame(language, title: t("shared.title"), body, status: .notFound)
        }
        let summary = Backpack.summary(item)
        let learner = report.credential?["credentialSubject"]?.asArray.first?["name"]?.stringValue
        let body: HTML = """
            <article>
            <p class="muted">\(t("shared.by"))</p>
            \(ReportView.banner(verified: report.verified, language))
            <h1>\(summary.name)</h1>
            <p>\(learner.map { "\(UIText.text("credential.awardedTo", language)) <strong>\($0)</strong> · " as HTML })\
            \(UIText.text("credential.issuedBy", language)) <strong>\(summary.issuer)</strong></p>
            \(item.awardID.map { "<p><a href=\"/credentials/\($0.uuidString.lowercased())?lang=\(language.rawValue)\">\(t("backpack.publicPage"))</a></p>" as HTML })
            \(shareExtras(id, item, report, language))
            </article>
            <section><h2>\(UIText.text("credential.report", language))</h2><p class="muted">\(t("shared.live"))</p>
            \(ReportView.checks(report.checks, language))</section>
            """
        var response = frame(language, title: summary.name, body)
        response.headers[.cacheControl] = "no-store"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        return response
    }

    // MARK: Helpers

    /// What the backpack lists an item by, from the report kept on arrival.
    static func summary(_ item: BackpackItem) -> (name: String, issuer: String, verified: Bool) {
        let report = try? JSONValue(parsing: Array(item.report.utf8))
        return (
            report?["summary"]?["name"]?.stringValue ?? "—", report?["summary"]?["issuer"]?.stringValue ?? "",
            report?["verified"]?.boolValue ?? false
        )
    }

    func itemID(_ context: BasicRequestContext) throws -> UUID {
        let text = try context.parameters.require("id")
        guard let id = UUID(uuidString: text) else { throw APIError.notFound("credential \(text)") }
        return id
    }

    func redirect(_ location: String) -> Response { routes.redirect(location) }

    func frame(_ language: Language, title: String, _ body: HTML, status: HTTPResponse.Status = .ok) -> Response {
        var response = routes.html(Layout.page(title: title, language: language, path: "/mochila", body: body), status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    func message(_ visit: Visit, _ text: String, status: HTTPResponse.Status) -> Response {
        frame(visit.language, title: text, "<section><div class=\"banner bad\" role=\"alert\">\(text)</div></section>", status: status)
    }

    func errorPage(_ visit: Visit, _ error: any Error) -> Response {
        switch APIError.translate(error) {
        case let error as APIError:
            let lines: [HTML] = error.fields.map { "<li><code>\($0.field)</code>: \($0.message)</li>" }
            let content: HTML = """
                <section><div class="banner bad" role="alert">\(visit.t("backpack.problem", error.message))</div>
                \(lines.isEmpty ? nil : "<ul>\(lines)</ul>" as HTML)<p><a href="/mochila">← \(visit.t("backpack.title"))</a></p></section>
                """
            return frame(visit.language, title: error.message, content, status: error.status)
        default:
            node.logger.error("backpack: \(error)")
            return message(visit, visit.t("backpack.problem", "internal error"), status: .internalServerError)
        }
    }
}
