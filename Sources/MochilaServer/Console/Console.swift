import Credentials
import Foundation
import Hummingbird
import MochilaCore
import MochilaStore
import Synchronization

/// The console: the pages an institution's micro-credential unit works in, under `/console`.
///
/// Server-rendered and usable without JavaScript. Staff sign in with an email and a password;
/// the session lives in an `HttpOnly`, `SameSite=Lax` cookie (`Secure` when the node is served
/// over https) that holds a random token, kept in the store only as a hash. Every form that
/// changes something carries the session's CSRF token, compared in constant time. Roles decide
/// what each person may do: ``StaffRole``.
struct Console: Sendable {
    let node: Node
    let routes: Routes
    let throttle = LoginThrottle()

    static let sessionCookie = "mochila_session"

    /// A signed-in request: who, for which institution, in which language.
    struct Visit: Sendable {
        var member: StaffMember
        var institution: Institution
        var session: StaffSession
        var language: Language

        func t(_ key: String, _ arguments: String...) -> String {
            UIText.lookup(key, language, in: ConsoleText.strings, arguments)
        }

        /// The hidden field every changing form carries.
        var csrfField: HTML { "<input type=\"hidden\" name=\"csrf\" value=\"\(session.csrfToken)\">" }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/console/login") { request, _ in loginPage(request) }
        router.post("/console/login") { request, _ in try await signIn(request) }
        router.post("/console/logout") { request, _ in try await signOut(request) }
        router.get("/console") { request, _ in try await page(request) { visit in try await dashboard(visit) } }
        router.get("/console/specs") { request, _ in try await page(request) { visit in try await specList(visit) } }
        router.get("/console/specs/new") { request, _ in
            try await page(request) { visit in try await designer(visit, draft: SpecDraft(), specID: nil) }
        }
        router.post("/console/specs/new") { request, _ in
            try await form(request, role: \.canIssue) { visit, form in try await designerAction(visit, form, specID: nil) }
        }
        router.get("/console/specs/:id") { request, context in
            let id = try specID(context)
            let saved = request.uri.queryParameters.get("saved").flatMap { Int($0) }
            return try await page(request) { visit in try await specPage(visit, id, saved: saved) }
        }
        router.get("/console/specs/:id/edit") { request, context in
            let id = try specID(context)
            return try await page(request) { visit in
                let spec = try await node.ownSpec(id, version: nil, of: visit.institution)
                return try await designer(visit, draft: SpecDraft(spec), specID: id)
            }
        }
        router.post("/console/specs/:id/edit") { request, context in
            let id = try specID(context)
            return try await form(request, role: \.canIssue) { visit, form in try await designerAction(visit, form, specID: id) }
        }
        router.post("/console/specs/:id/issue") { request, context in
            let id = try specID(context)
            return try await form(request, role: \.canIssue) { visit, form in try await issueOne(visit, form, specID: id) }
        }
        router.post("/console/specs/:id/batch") { request, context in
            let id = try specID(context)
            return try await uploadBatch(request, specID: id)
        }
        router.get("/console/batches/:id") { request, context in
            let id = try uuid(context, "batch")
            return try await page(request) { visit in try await batchPage(visit, id) }
        }
        router.get("/console/batches/:id/links.csv") { request, context in
            let id = try uuid(context, "batch")
            return try await page(request) { visit in try await batchLinks(visit, id) }
        }
        router.get("/console/awards") { request, _ in
            try await page(request) { visit in try await awardList(visit, query: request.uri.queryParameters.get("q") ?? "") }
        }
        router.get("/console/awards/:id") { request, context in
            let id = try uuid(context, "award")
            let notice = request.uri.queryParameters.get("done")
            return try await page(request) { visit in try await awardPage(visit, id, notice: notice) }
        }
        router.post("/console/awards/:id/:action") { request, context in
            let id = try uuid(context, "award")
            let action = try context.parameters.require("action")
            return try await form(request, role: \.canIssue) { visit, form in try await awardAction(visit, form, id, action) }
        }
        router.get("/console/audit") { request, _ in try await page(request) { visit in try await auditPage(visit) } }
        router.get("/console/staff") { request, _ in try await page(request) { visit in try await staffPage(visit) } }
        router.post("/console/staff") { request, _ in
            try await form(request, role: \.canManage) { visit, form in try await addStaff(visit, form) }
        }
        registerRecognition(on: router)
    }

    // MARK: Sessions

    /// The session of a request's cookie, when it is current.
    func visit(_ request: Request) async throws -> Visit? {
        guard let token = request.cookies[Console.sessionCookie]?.value, !token.isEmpty, token.count <= 200,
            let (member, institution, session) = try await node.session(token: token)
        else { return nil }
        return Visit(member: member, institution: institution, session: session, language: routes.language(request))
    }

    /// A page for signed-in staff; others are sent to the login page, and come back after.
    func page(_ request: Request, _ render: (Visit) async throws -> Response) async throws -> Response {
        guard let visit = try await visit(request) else {
            return redirect("/console/login?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        do {
            return try await render(visit)
        } catch {
            return errorPage(visit, error)
        }
    }

    /// A form post from signed-in staff: the CSRF token must match the session's, and the role
    /// must allow the action.
    func form(
        _ request: Request, role allowed: KeyPath<StaffRole, Bool>, _ handle: (Visit, FormData) async throws -> Response
    ) async throws -> Response {
        guard let visit = try await visit(request) else { return redirect("/console/login") }
        let form = try FormData(try await JSONResponse.body(request, maxBytes: 1 << 20))
        guard constantTimeEqual(form["csrf"] ?? "", visit.session.csrfToken) else {
            return message(visit, visit.t("csrf.failed"), status: .forbidden)
        }
        guard visit.member.role[keyPath: allowed] else {
            return message(visit, visit.t("forbidden", visit.t("role.\(visit.member.role.rawValue)")), status: .forbidden)
        }
        do {
            return try await handle(visit, form)
        } catch {
            return errorPage(visit, error)
        }
    }

    func loginPage(_ request: Request, problem: String? = nil, email: String = "", status: HTTPResponse.Status = .ok) -> Response {
        let language = routes.language(request)
        let next = request.uri.queryParameters.get("next").map { String($0) } ?? ""
        let signedOut = request.uri.queryParameters.get("bye") != nil
        let notice: HTML? = problem.map { "<div class=\"banner bad\" role=\"alert\">\($0)</div>" }
            ?? (signedOut ? "<div class=\"banner ok\" role=\"status\">\(ConsoleText.text("login.signedOut", language))</div>" : nil)
        let body: HTML = """
            <section class="narrow">
            <h1>\(ConsoleText.text("login.title", language))</h1>
            <p>\(ConsoleText.text("login.intro", language))</p>
            \(notice)
            <form method="post" action="/console/login">
            <input type="hidden" name="next" value="\(next)">
            <label>\(ConsoleText.text("login.email", language))
            <input type="email" name="email" value="\(email)" required autocomplete="username" autofocus></label>
            <label>\(ConsoleText.text("login.password", language))
            <input type="password" name="password" required autocomplete="current-password"></label>
            <button type="submit">\(ConsoleText.text("login.submit", language))</button>
            </form>
            </section>
            """
        return routes.html(
            Layout.page(title: ConsoleText.text("login.title", language), language: language, path: "/console/login", body: body),
            status: status)
    }

    func signIn(_ request: Request) async throws -> Response {
        let form = try FormData(try await JSONResponse.body(request, maxBytes: 16 << 10))
        let email = (form["email"] ?? "").lowercased()
        let password = form.fields.first { $0.name == "password" }?.value ?? ""
        let language = routes.language(request)
        if let wait = throttle.blocked(email, now: node.clock()) {
            let minutes = String(Int((wait / 60).rounded(.up)))
            return loginPage(
                request, problem: ConsoleText.text("login.throttled", language, minutes), email: email, status: .tooManyRequests)
        }
        guard let (_, token, _) = try await node.signIn(email: email, password: password) else {
            throttle.failed(email, now: node.clock())
            return loginPage(request, problem: ConsoleText.text("login.failed", language), email: email, status: .unauthorized)
        }
        throttle.succeeded(email)
        var next = form["next"] ?? ""
        // Only back into the console: never an open redirect.
        if !next.hasPrefix("/console") || next.hasPrefix("/console/login") || next.contains("//") || next.contains("\\") {
            next = "/console"
        }
        var response = redirect(next)
        response.setCookie(sessionCookie(token, maxAge: Int(Node.sessionLifetime)))
        return response
    }

    func signOut(_ request: Request) async throws -> Response {
        if let visit = try await visit(request) {
            let form = try FormData(try await JSONResponse.body(request, maxBytes: 16 << 10))
            guard constantTimeEqual(form["csrf"] ?? "", visit.session.csrfToken) else {
                return message(visit, visit.t("csrf.failed"), status: .forbidden)
            }
            if let token = request.cookies[Console.sessionCookie]?.value { try await node.signOut(token: token) }
        }
        var response = redirect("/console/login?bye=1")
        response.setCookie(sessionCookie("", maxAge: 0))
        return response
    }

    func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: Console.sessionCookie, value: value, maxAge: maxAge, path: "/console",
            secure: node.publicURL.hasPrefix("https://"), httpOnly: true, sameSite: .lax)
    }

    // MARK: Helpers

    func redirect(_ location: String) -> Response { routes.redirect(location) }

    func specID(_ context: BasicRequestContext) throws -> UUID { try uuid(context, "spec") }

    func uuid(_ context: BasicRequestContext, _ what: String) throws -> UUID {
        let text = try context.parameters.require("id")
        guard let id = UUID(uuidString: text) else { throw APIError.notFound("\(what) \(text)") }
        return id
    }

    /// A console page in the frame: the console's navigation above the content.
    func frame(_ visit: Visit, title: String, path: String, _ content: HTML, status: HTTPResponse.Status = .ok) -> Response {
        let language = visit.language
        let links: [(String, String)] = [
            ("/console", "nav.dashboard"), ("/console/specs", "nav.specs"), ("/console/awards", "nav.awards"),
            ("/console/recognition", "nav.recognition"), ("/console/audit", "nav.audit"), ("/console/staff", "nav.staff"),
        ]
        let items = links.map { link -> HTML in
            let current = link.0 == path || (link.0 != "/console" && path.hasPrefix(link.0))
            return current
                ? "<a href=\"\(link.0)\" aria-current=\"page\">\(visit.t(link.1))</a>"
                : "<a href=\"\(link.0)\">\(visit.t(link.1))</a>"
        }
        let who = visit.t(
            "signedInAs", visit.member.name, visit.institution.name.text(language), visit.t("role.\(visit.member.role.rawValue)"))
        let body: HTML = """
            <div class="who"><span>\(who)</span>
            <form method="post" action="/console/logout" class="inline">\(visit.csrfField)<button type="submit" class="link">\(visit.t("nav.signOut"))</button></form></div>
            <nav class="console" aria-label="\(visit.t("console.title"))">\(items)</nav>
            \(content)
            """
        var response = routes.html(Layout.page(title: title, language: language, path: path, body: body), status: status)
        // Staff pages hold personal data: never kept by a browser or proxy cache.
        response.headers[.cacheControl] = "no-store"
        return response
    }

    func message(_ visit: Visit, _ text: String, status: HTTPResponse.Status) -> Response {
        frame(visit, title: text, path: "/console", "<section><div class=\"banner bad\" role=\"alert\">\(text)</div></section>", status: status)
    }

    /// An error as a page: what went wrong in words, never a stack trace.
    func errorPage(_ visit: Visit, _ error: any Error) -> Response {
        switch APIError.translate(error) {
        case let error as APIError:
            var lines: [HTML] = error.fields.map { "<li><code>\($0.field)</code>: \($0.message)</li>" }
            if lines.isEmpty { lines = [] }
            let content: HTML = """
                <section><div class="banner bad" role="alert">\(visit.t("problem", error.message))</div>
                \(lines.isEmpty ? nil : "<ul>\(lines)</ul>" as HTML)</section>
                """
            return frame(visit, title: error.message, path: "/console", content, status: error.status)
        default:
            node.logger.error("console: \(error)")
            return message(visit, visit.t("problem", "internal error"), status: .internalServerError)
        }
    }

    static func date(_ date: Date) -> String { String(XSDDateTime.format(date).prefix(10)) }
    static func dateTime(_ date: Date) -> String {
        let text = XSDDateTime.format(date)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
    }
}

/// Slows down password guessing: after five wrong passwords for one email within 15 minutes,
/// that email cannot sign in for 15 minutes. Per process; a restart clears it.
final class LoginThrottle: Sendable {
    static let maxFailures = 5
    static let window: TimeInterval = 15 * 60
    private let failures = Mutex<[String: [Date]]>([:])

    /// Seconds left to wait, when the email is blocked.
    func blocked(_ email: String, now: Date) -> TimeInterval? {
        failures.withLock { table in
            let recent = (table[email] ?? []).filter { now.timeIntervalSince($0) < Self.window }
            table[email] = recent.isEmpty ? nil : recent
            guard recent.count >= Self.maxFailures, let first = recent.first else { return nil }
            return Self.window - now.timeIntervalSince(first)
        }
    }

    /// At most this many names are remembered. Past it, expired entries go first, then names not
    /// blocked: spraying failures on many names never lifts a block (it did when the table was
    /// simply emptied).
    static let capacity = 10_000

    func failed(_ email: String, now: Date) {
        failures.withLock { table in
            if table.count >= Self.capacity && table[email] == nil {
                table = table.filter { $0.value.contains { now.timeIntervalSince($0) < Self.window } }
                if table.count >= Self.capacity { table = table.filter { $0.value.count >= Self.maxFailures } }
                // Only blocked names are left: the block that ends soonest goes.
                if table.count >= Self.capacity, let soonest = table.min(by: { ($0.value.first ?? now) < ($1.value.first ?? now) }) {
                    table.removeValue(forKey: soonest.key)
                }
            }
            var recent = (table[email] ?? []).filter { now.timeIntervalSince($0) < Self.window }
            recent.append(now)
            table[email] = Array(recent.suffix(Self.maxFailures))
        }
    }

    func succeeded(_ email: String) { _ = failures.withLock { $0.removeValue(forKey: email) } }
}
