import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore
import MochilaStore

/// The console's pages: dashboard, specs, issuing, batches, credentials, audit log and staff.
extension Console {
    // MARK: Dashboard

    func dashboard(_ visit: Visit) async throws -> Response {
        let institution = visit.institution
        let specs = try await node.store.latestSpecs(institutionID: institution.id)
        let awards = try await node.store.awards(institutionID: institution.id, limit: 10)
        let batches = try await node.store.batches(institutionID: institution.id, limit: 5)
        let titles = Dictionary(specs.map { ($0.id, $0.title.text(visit.language)) }, uniquingKeysWith: { first, _ in first })
        let newSpec: HTML? = visit.member.role.canIssue
            ? "<p><a class=\"button\" href=\"/console/specs/new\">\(visit.t("dashboard.newSpec"))</a></p>" : nil
        let batchRows = batches.map { batch -> HTML in
            """
            <tr><td><a href="/console/batches/\(batch.id.uuidString.lowercased())">\(Console.dateTime(batch.createdAt))</a></td>\
            <td>\(titles[batch.specID] ?? "")</td><td>\(batch.count)</td><td>\(batch.issuedBy)</td></tr>
            """
        }
        let content: HTML = """
            <section>
            <h1>\(visit.t("dashboard.title", institution.name.text(visit.language)))</h1>
            <dl><dt>\(visit.t("dashboard.did"))</dt><dd><code>\(institution.did)</code></dd>
            <dt>\(visit.t("dashboard.specs"))</dt><dd><a href="/console/specs">\(specs.count)</a></dd></dl>
            \(newSpec)
            </section>
            <section><h2>\(visit.t("dashboard.recent"))</h2>\(awardTable(visit, awards, titles: titles))</section>
            <section><h2>\(visit.t("dashboard.batches"))</h2>
            \(batches.isEmpty ? "<p class=\"muted\">\(visit.t("dashboard.none"))</p>" as HTML : """
                <table><thead><tr><th>\(visit.t("audit.when"))</th><th>\(visit.t("col.credential"))</th><th>#</th><th>\(visit.t("audit.who"))</th></tr></thead>
                <tbody>\(batchRows)</tbody></table>
                """)
            </section>
            """
        return frame(visit, title: visit.t("nav.dashboard"), path: "/console", content)
    }

    // MARK: Specs

    func specList(_ visit: Visit) async throws -> Response {
        let specs = try await node.store.latestSpecs(institutionID: visit.institution.id)
        let rows = specs.map { spec -> HTML in
            """
            <tr><td><a href="/console/specs/\(spec.id.uuidString.lowercased())">\(spec.title.text(visit.language))</a></td>\
            <td>\(visit.t("specs.version", String(spec.version)))</td>\
            <td>\(visit.t("field.hours", SpecDraft.number(spec.workloadHours)))</td>\
            <td>\(spec.eqfLevel.map { visit.t("field.eqf", String($0)) } ?? "")</td></tr>
            """
        }
        let newSpec: HTML? = visit.member.role.canIssue
            ? "<p><a class=\"button\" href=\"/console/specs/new\">\(visit.t("dashboard.newSpec"))</a></p>" : nil
        let content: HTML = """
            <section><h1>\(visit.t("specs.title"))</h1>
            \(newSpec)
            \(specs.isEmpty ? "<p class=\"muted\">\(visit.t("specs.empty"))</p>" as HTML : """
                <table><thead><tr><th>\(visit.t("col.credential"))</th><th></th><th>\(visit.t("field.workload"))</th><th>\(visit.t("field.level"))</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """)
            </section>
            """
        return frame(visit, title: visit.t("specs.title"), path: "/console/specs", content)
    }

    /// A spec: what it certifies, its preview, and the forms to issue it to one learner or a batch.
    func specPage(
        _ visit: Visit, _ id: UUID, issueProblems: [ValidationError.Problem] = [], batchProblems: BatchImportError? = nil,
        batchNotice: String? = nil, saved: Int? = nil
    ) async throws -> Response {
        let spec = try await node.ownSpec(id, version: nil, of: visit.institution)
        let language = visit.language
        let path = "/console/specs/\(id.uuidString.lowercased())"
        var details: [HTML] = []
        func row(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            details.append("<dt>\(visit.t(key))</dt><dd>\(value)</dd>")
        }
        row("field.workload", visit.t("field.hours", SpecDraft.number(spec.workloadHours)))
        row("field.credits", spec.credits.map { "\(SpecDraft.number($0.value)) \($0.system)" }.joined(separator: " · "))
        row("field.level", spec.eqfLevel.map { visit.t("field.eqf", String($0)) })
        row("field.field", "\(spec.iscedField) · \(node.reference.fields[spec.iscedField]?.name.text(language) ?? "")")
        row("field.assessment", spec.assessment.type.label(language))
        row("field.participation", spec.participation.label(language))
        row("field.formality", spec.formality.label(language))
        row("field.validity", spec.validityMonths.map { "\($0) m" } ?? visit.t("award.never"))
        row("field.language", spec.languages.joined(separator: ", "))

        let canIssue = visit.member.role.canIssue
        let savedNotice: HTML? = saved.map { "<div class=\"banner ok\" role=\"status\">\(visit.t("specs.saved", String($0)))</div>" }
        let issueErrors: HTML? = issueProblems.isEmpty ? nil : """
            <div class="banner bad" role="alert"><ul>\(issueProblems.map { "<li><strong>\($0.field)</strong>: \($0.message)</li>" as HTML })</ul></div>
            """
        var batchErrors: HTML? = nil
        if let batchProblems {
            let rows = batchProblems.problems.map { problem -> HTML in
                "<tr><td>\(problem.row.map(String.init) ?? "")</td><td>\(problem.column ?? "")</td><td>\(problem.message.text(language))</td></tr>"
            }
            let more: HTML? = batchProblems.unreportedCount > 0
                ? "<p>\(visit.t("batch.unreported", String(batchProblems.unreportedCount)))</p>" : nil
            batchErrors = """
                <div class="banner bad" role="alert">\(visit.t("batch.problems", String(batchProblems.problems.count + batchProblems.unreportedCount)))</div>
                <table class="problems"><thead><tr><th>\(visit.t("batch.row"))</th><th>\(visit.t("batch.column"))</th><th>\(visit.t("batch.problem"))</th></tr></thead>
                <tbody>\(rows)</tbody></table>\(more)
                """
        } else if let batchNotice {
            batchErrors = "<div class=\"banner bad\" role=\"alert\">\(batchNotice)</div>"
        }
        let issuing: HTML? = canIssue ? """
            <section id="issue"><h2>\(visit.t("issue.one"))</h2>
            \(issueErrors)
            <form method="post" action="\(path)/issue">\(visit.csrfField)
            <div class="row"><label>\(visit.t("issue.givenName"))<input type="text" name="givenName" required maxlength="200"></label>
            <label>\(visit.t("issue.familyName"))<input type="text" name="familyName" required maxlength="200"></label></div>
            <div class="row"><label>\(visit.t("issue.email"))<input type="email" name="email" maxlength="254"></label>
            <label>\(visit.t("issue.grade"))<input type="text" name="grade" maxlength="100"></label></div>
            <label>\(visit.t("issue.did"))<input type="text" name="did" maxlength="500"></label>
            <button type="submit" class="primary">\(visit.t("issue.submit"))</button>
            </form></section>
            <section id="batch"><h2>\(visit.t("batch.title"))</h2>
            <p class="muted">\(visit.t("batch.help"))</p>
            \(batchErrors)
            <form method="post" action="\(path)/batch" enctype="multipart/form-data">\(visit.csrfField)
            <label>\(visit.t("batch.file"))<input type="file" name="file" accept=".csv,text/csv" required></label>
            <button type="submit" class="primary">\(visit.t("batch.submit"))</button>
            </form></section>
            """ : nil
        let skills = spec.learningOutcomes.map { outcome -> HTML in
            let items = outcome.skills.map { skill -> HTML in "<li><a href=\"\(skill.uri)\" rel=\"noopener\">\(skill.label.text(language))</a></li>" }
            return "<li>\(outcome.text.text(language))\(items.isEmpty ? nil : "<ul>\(items)</ul>" as HTML)</li>"
        }
        let edit: HTML? = canIssue
            ? "<p><a class=\"button\" href=\"\(path)/edit\">\(visit.t("specs.newVersion"))</a> <span class=\"muted\">\(visit.t("specs.versionNote"))</span></p>"
            : nil
        let content: HTML = """
            <section>
            \(savedNotice)
            <h1>\(spec.title.text(language))</h1>
            <p class="muted">\(visit.t("specs.version", String(spec.version))) · <code>\(spec.id.uuidString.lowercased())</code></p>
            <p>\(spec.description.text(language))</p>
            <h2>\(visit.t("credential.outcomes"))</h2><ul>\(skills)</ul>
            <dl>\(details)</dl>
            \(edit)
            </section>
            \(issuing)
            <details class="section"><summary>\(visit.t("designer.preview"))</summary>\(previewHTML(visit, spec))</details>
            """
        let status: HTTPResponse.Status = issueProblems.isEmpty && batchProblems == nil && batchNotice == nil ? .ok : .unprocessableContent
        return frame(visit, title: spec.title.text(language), path: "/console/specs", content, status: status)
    }

    // MARK: Issuing

    func issueOne(_ visit: Visit, _ form: FormData, specID: UUID) async throws -> Response {
        let did = form["did"].flatMap { $0.isEmpty ? nil : $0 }
        let input = AwardInput(
            specId: specID,
            learner: .init(givenName: form["givenName"], familyName: form["familyName"], email: form["email"], did: did),
            grade: form["grade"].flatMap { $0.isEmpty ? nil : $0 })
        do {
            let award = try await node.issue(input, for: visit.institution, actor: visit.member.email)
            return redirect("/console/awards/\(award.id.uuidString.lowercased())?done=issued")
        } catch let error as ValidationError {
            let problems = error.problems.map { problem in
                ValidationError.Problem(field: fieldLabel(problem.field, visit), message: problem.message)
            }
            return try await specPage(visit, specID, issueProblems: problems)
        }
    }

    /// A learner field's label, for errors about it.
    func fieldLabel(_ field: String, _ visit: Visit) -> String {
        switch field {
        case "learner.givenName": return visit.t("issue.givenName").replacingOccurrences(of: " *", with: "")
        case "learner.familyName": return visit.t("issue.familyName").replacingOccurrences(of: " *", with: "")
        case "learner.email": return visit.t("issue.email")
        case "learner.did": return visit.t("issue.did")
        case "grade": return visit.t("issue.grade")
        default: return field
        }
    }

    /// The batch form: a CSV file, checked whole before anything is issued.
    func uploadBatch(_ request: Request, specID: UUID) async throws -> Response {
        guard let visit = try await visit(request) else { return redirect("/console/login") }
        let body = try await JSONResponse.body(request, maxBytes: CSVLimits.default.maxBytes + (64 << 10))
        let form = try MultipartForm(contentType: request.headers[.contentType] ?? "", body: body)
        let csrf = form.part("csrf").map { String(decoding: $0.body, as: UTF8.self) } ?? ""
        guard constantTimeEqual(csrf, visit.session.csrfToken) else {
            return message(visit, visit.t("csrf.failed"), status: .forbidden)
        }
        guard visit.member.role.canIssue else {
            return message(visit, visit.t("forbidden", visit.t("role.\(visit.member.role.rawValue)")), status: .forbidden)
        }
        do {
            guard let file = form.part("file"), !file.body.isEmpty else {
                return try await specPage(visit, specID, batchNotice: visit.t("batch.noFile"))
            }
            switch BatchImport.learners(from: file.body) {
            case .failure(let problems):
                return try await specPage(visit, specID, batchProblems: problems)
            case .success(let rows):
                let id = try await node.startBatch(rows, specID: specID, version: nil, for: visit.institution, actor: visit.member.email)
                return redirect("/console/batches/\(id.uuidString.lowercased())")
            }
        } catch {
            return errorPage(visit, error)
        }
    }

    /// A batch: its progress while it is signed (the page reloads itself every second), then
    /// each learner's claim link.
    func batchPage(_ visit: Visit, _ id: UUID) async throws -> Response {
        let progress = try await node.batchProgress(id, of: visit.institution)
        let title = visit.t("batch.progressTitle", Console.dateTime(node.clock()))
        var refresh = false
        var content: HTML
        switch progress {
        case .signing(let done, let total):
            refresh = true
            content = """
                <section><h1>\(visit.t("batch.title"))</h1>
                <p role="status">\(visit.t("batch.signing", String(done), String(total)))</p>
                <progress value="\(done)" max="\(total)">\(done)/\(total)</progress></section>
                """
        case .storing(let total):
            refresh = true
            content = """
                <section><h1>\(visit.t("batch.title"))</h1>
                <p role="status">\(visit.t("batch.storing", String(total)))</p><progress value="\(total)" max="\(total)"></progress></section>
                """
        case .failed(let reason):
            content = "<section><div class=\"banner bad\" role=\"alert\">\(visit.t("batch.failed", reason))</div></section>"
        case nil:
            return frame(
                visit, title: title, path: "/console/specs",
                "<section><div class=\"banner bad\" role=\"alert\">\(visit.t("batch.lost"))</div></section>", status: .notFound)
        case .issued(let count):
            guard let batch = try await node.store.batch(id: id) else {
                // Issued by this process a moment ago but not readable: show it as it is.
                content = "<section><div class=\"banner ok\" role=\"status\">\(visit.t("batch.issued", String(count)))</div></section>"
                break
            }
            let awards = try await node.store.awards(batchID: id)
            let spec = try await node.store.spec(id: batch.specID, version: batch.specVersion)
            let shown = awards.prefix(500).map { award -> HTML in
                let link = node.claimLink(for: award.id)
                return """
                    <tr><td><a href="/console/awards/\(award.id.uuidString.lowercased())">\(award.learner.fullName)</a></td>\
                    <td>\(award.learner.email ?? "")</td><td><a href="\(link)">\(link)</a></td></tr>
                    """
            }
            content = """
                <section><h1>\(spec?.title.text(visit.language) ?? visit.t("batch.title"))</h1>
                <div class="banner ok" role="status">\(visit.t("batch.issued", String(awards.count)))</div>
                <p class="muted">\(visit.t("batch.by", batch.issuedBy, Console.dateTime(batch.createdAt)))</p>
                <p><a class="button" href="/console/batches/\(id.uuidString.lowercased())/links.csv" download>\(visit.t("batch.links"))</a></p>
                <table><thead><tr><th>\(visit.t("col.learner"))</th><th>\(visit.t("issue.email"))</th><th>\(visit.t("batch.claimLink"))</th></tr></thead>
                <tbody>\(shown)</tbody></table>
                \(awards.count > 500 ? "<p class=\"muted\">\(visit.t("batch.unreported", String(awards.count - 500)))</p>" as HTML : nil)
                </section>
                """
        }
        var response = frame(visit, title: title, path: "/console/specs", content)
        if refresh { response.headers[.init("Refresh")!] = "1" }
        return response
    }

    /// Every learner of a batch with their claim link, as CSV for a mail merge.
    func batchLinks(_ visit: Visit, _ id: UUID) async throws -> Response {
        guard let batch = try await node.store.batch(id: id), batch.institutionID == visit.institution.id else {
            throw APIError.notFound("batch \(id)")
        }
        var lines = [CSVWriter.line(["given_name", "family_name", "email", "credential_id", "claim_link"])]
        for award in try await node.store.awards(batchID: id) {
            lines.append(
                CSVWriter.line([
                    award.learner.givenName, award.learner.familyName, award.learner.email ?? "", award.credentialID,
                    node.claimLink(for: award.id),
                ]))
        }
        var response = JSONResponse.bytes(Array((lines.joined(separator: "\r\n") + "\r\n").utf8), contentType: "text/csv; charset=utf-8")
        response.headers[.contentDisposition] = "attachment; filename=\"mochila-lote-\(id.uuidString.lowercased().prefix(8)).csv\""
        return response
    }

    // MARK: Credentials

    enum AwardState: String { case active, revoked, suspended, expired }

    func state(_ award: Award) -> AwardState {
        if award.revocation != nil { return .revoked }
        if award.suspension != nil { return .suspended }
        if let until = award.validUntil, until <= node.clock() { return .expired }
        return .active
    }

    func awardTable(_ visit: Visit, _ awards: [Award], titles: [UUID: String]) -> HTML {
        guard !awards.isEmpty else { return "<p class=\"muted\">\(visit.t("awards.empty"))</p>" }
        let rows = awards.map { award -> HTML in
            let state = state(award)
            return """
                <tr><td><a href="/console/awards/\(award.id.uuidString.lowercased())">\(award.learner.fullName)</a></td>\
                <td>\(titles[award.specID] ?? "")</td><td>\(Console.date(award.issuedAt))</td>\
                <td><span class="state \(state.rawValue)">\(visit.t("status.\(state.rawValue)"))</span></td></tr>
                """
        }
        return """
            <table><thead><tr><th>\(visit.t("col.learner"))</th><th>\(visit.t("col.credential"))</th><th>\(visit.t("col.issued"))</th>\
            <th>\(visit.t("awards.status"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    func awardList(_ visit: Visit, query: String) async throws -> Response {
        let specs = try await node.store.latestSpecs(institutionID: visit.institution.id)
        let titles = Dictionary(specs.map { ($0.id, $0.title.text(visit.language)) }, uniquingKeysWith: { first, _ in first })
        var awards = try await node.store.awards(institutionID: visit.institution.id, limit: 1000)
        let query = String(query.prefix(200))
        let words = SearchText.tokens(query)
        if !words.isEmpty {
            awards = awards.filter { award in
                let text = Set(SearchText.tokens(award.learner.fullName + " " + (award.learner.email ?? "")))
                return words.allSatisfy { word in text.contains { $0.starts(with: word) } }
            }
        }
        let content: HTML = """
            <section><h1>\(visit.t("awards.title"))</h1>
            <form method="get" action="/console/awards" class="row"><label>\(visit.t("awards.search"))
            <input type="search" name="q" value="\(query)"></label><button type="submit">\(visit.t("awards.searchSubmit"))</button></form>
            \(awardTable(visit, awards, titles: titles))
            </section>
            """
        return frame(visit, title: visit.t("awards.title"), path: "/console/awards", content)
    }

    func awardPage(_ visit: Visit, _ id: UUID, notice: String? = nil, problem: String? = nil) async throws -> Response {
        let award = try await node.ownAward(id, of: visit.institution)
        let spec = try await node.store.spec(id: award.specID, version: award.specVersion)
        let state = state(award)
        let reference = award.id.uuidString.lowercased()
        let publicLink = node.claimLink(for: award.id)
        var rows: [HTML] = [
            "<dt>\(visit.t("col.learner"))</dt><dd>\(award.learner.fullName)\(award.learner.email.map { " · \($0)" } ?? "")</dd>",
            "<dt>\(visit.t("col.credential"))</dt><dd><a href=\"/console/specs/\(award.specID.uuidString.lowercased())\">\(spec?.title.text(visit.language) ?? "")</a> (\(visit.t("specs.version", String(award.specVersion))))</dd>",
            "<dt>\(visit.t("col.issued"))</dt><dd>\(Console.dateTime(award.issuedAt))</dd>",
            "<dt>\(visit.t("award.validUntil"))</dt><dd>\(award.validUntil.map(Console.date) ?? visit.t("award.never"))</dd>",
            "<dt>\(visit.t("awards.status"))</dt><dd><span class=\"state \(state.rawValue)\">\(visit.t("status.\(state.rawValue)"))</span></dd>",
            "<dt>\(visit.t("field.id"))</dt><dd><code>\(award.credentialID)</code></dd>",
        ]
        if let grade = award.grade { rows.append("<dt>\(visit.t("field.grade"))</dt><dd>\(grade)</dd>") }
        if let revocation = award.revocation {
            rows.append("<dt>\(visit.t("status.revoked"))</dt><dd>\(visit.t("award.revokedOn", Console.dateTime(revocation.at), revocation.reason))</dd>")
        }
        if let suspension = award.suspension {
            rows.append("<dt>\(visit.t("status.suspended"))</dt><dd>\(visit.t("award.suspendedOn", Console.dateTime(suspension.at), suspension.reason))</dd>")
        }
        if let supersedes = award.supersedes {
            rows.append("<dt>\(visit.t("award.supersedes"))</dt><dd><a href=\"/console/awards/\(supersedes.uuidString.lowercased())\">\(supersedes.uuidString.lowercased())</a></dd>")
        }
        if let batch = award.batchID {
            rows.append("<dt>\(visit.t("award.batch"))</dt><dd><a href=\"/console/batches/\(batch.uuidString.lowercased())\">\(batch.uuidString.lowercased().prefix(8))</a></dd>")
        }
        let banner: HTML? = notice.flatMap { key in
            ["issued": "issue.done", "revoke": "award.changed.revoke", "suspend": "award.changed.suspend",
             "reinstate": "award.changed.reinstate", "renew": "award.changed.renew"][key]
        }.map { "<div class=\"banner ok\" role=\"status\">\(visit.t($0))</div>" }
        let problemBanner: HTML? = problem.map { "<div class=\"banner bad\" role=\"alert\">\($0)</div>" }
        var actions: [HTML] = []
        if visit.member.role.canIssue {
            func reasonForm(_ action: String, _ label: String) -> HTML {
                """
                <form method="post" action="/console/awards/\(reference)/\(action)" class="row">\(visit.csrfField)
                <label>\(visit.t("award.reason"))<input type="text" name="reason" required maxlength="500"></label>
                <button type="submit">\(visit.t(label))</button></form>
                """
            }
            if award.revocation == nil {
                if award.suspension == nil { actions.append(reasonForm("suspend", "award.suspend")) }
                else { actions.append(reasonForm("reinstate", "award.reinstate")) }
                actions.append(reasonForm("revoke", "award.revoke"))
                actions.append("""
                    <form method="post" action="/console/awards/\(reference)/renew">\(visit.csrfField)
                    <button type="submit">\(visit.t("award.renew"))</button></form>
                    """)
            }
        }
        let europass: HTML? = award.revocation == nil && award.suspension == nil
            ? " · <a href=\"/api/v1/credentials/\(reference)/europass\" download>\(visit.t("award.europass"))</a>" : nil
        let content: HTML = """
            <section>
            \(banner)\(problemBanner)
            <h1>\(award.learner.fullName)</h1>
            <dl>\(rows)</dl>
            <p><a href="\(publicLink)">\(visit.t("award.publicPage"))</a> · <a href="/api/v1/credentials/\(reference)" download>\(visit.t("award.json"))</a>\(europass)</p>
            <p class="muted"><code>\(publicLink)</code></p>
            </section>
            \(actions.isEmpty ? nil : "<section class=\"actions\">\(actions)</section>" as HTML)
            """
        return frame(visit, title: award.learner.fullName, path: "/console/awards", content, status: problem == nil ? .ok : .unprocessableContent)
    }

    func awardAction(_ visit: Visit, _ form: FormData, _ id: UUID, _ action: String) async throws -> Response {
        let reason = String((form["reason"] ?? "").prefix(500))
        let actor = visit.member.email
        switch action {
        case "revoke", "suspend", "reinstate":
            guard !reason.isEmpty else { return try await awardPage(visit, id, problem: visit.t("award.reasonRequired")) }
            switch action {
            case "revoke": _ = try await node.revoke(id, reason: reason, of: visit.institution, actor: actor)
            case "suspend": _ = try await node.suspend(id, reason: reason, of: visit.institution, actor: actor)
            default: _ = try await node.reinstate(id, reason: reason, of: visit.institution, actor: actor)
            }
            return redirect("/console/awards/\(id.uuidString.lowercased())?done=\(action)")
        case "renew":
            let renewed = try await node.renew(id, of: visit.institution, actor: actor)
            return redirect("/console/awards/\(renewed.id.uuidString.lowercased())?done=renew")
        default:
            throw APIError.notFound("action \(action)")
        }
    }

    // MARK: Audit log and staff

    func auditPage(_ visit: Visit) async throws -> Response {
        let entries = try await node.store.audit(institutionID: visit.institution.id, limit: 300)
        let rows = entries.map { entry -> HTML in
            let details: HTML = entry.details == "{}" ? "" : "<code>\(entry.details)</code>"
            return """
                <tr><td>\(Console.dateTime(entry.at))</td><td>\(entry.actor)</td><td>\(entry.action)</td>\
                <td><code>\(entry.subject ?? "")</code></td><td>\(details)</td></tr>
                """
        }
        let content: HTML = """
            <section><h1>\(visit.t("audit.title"))</h1><p class="muted">\(visit.t("audit.intro"))</p>
            <table><thead><tr><th>\(visit.t("audit.when"))</th><th>\(visit.t("audit.who"))</th><th>\(visit.t("audit.what"))</th>\
            <th>\(visit.t("audit.subject"))</th><th>\(visit.t("audit.details"))</th></tr></thead><tbody>\(rows)</tbody></table>
            </section>
            """
        return frame(visit, title: visit.t("audit.title"), path: "/console/audit", content)
    }

    func staffPage(_ visit: Visit, notice: String? = nil, problems: [ValidationError.Problem] = []) async throws -> Response {
        let members = try await node.store.staff(institutionID: visit.institution.id)
        let rows = members.map { member -> HTML in
            "<tr><td>\(member.name)</td><td>\(member.email)</td><td>\(visit.t("role.\(member.role.rawValue)"))</td><td>\(Console.date(member.createdAt))</td></tr>"
        }
        let roles = StaffRole.allCases.map { role -> HTML in
            "<option value=\"\(role.rawValue)\"\(role == .issuer ? " selected" : "")>\(visit.t("role.\(role.rawValue)"))</option>"
        }
        let errors: HTML? = problems.isEmpty ? nil
            : "<div class=\"banner bad\" role=\"alert\"><ul>\(problems.map { "<li><strong>\($0.field)</strong>: \($0.message)</li>" as HTML })</ul></div>"
        let add: HTML? = visit.member.role.canManage ? """
            <section><h2>\(visit.t("staff.add"))</h2>\(errors)
            <form method="post" action="/console/staff">\(visit.csrfField)
            <div class="row"><label>\(visit.t("staff.name"))<input type="text" name="name" required maxlength="200"></label>
            <label>\(visit.t("login.email"))<input type="email" name="email" required maxlength="254"></label></div>
            <div class="row"><label>\(visit.t("staff.role"))<select name="role">\(roles)</select></label>
            <label>\(visit.t("staff.password"))<input type="password" name="password" required minlength="12" autocomplete="new-password"></label></div>
            <button type="submit">\(visit.t("staff.add"))</button></form>
            <p class="muted">\(visit.t("staff.roles"))</p></section>
            """ : nil
        let content: HTML = """
            <section><h1>\(visit.t("staff.title", visit.institution.name.text(visit.language)))</h1>
            \(notice.map { "<div class=\"banner ok\" role=\"status\">\($0)</div>" as HTML })
            <table><thead><tr><th>\(visit.t("staff.name"))</th><th>\(visit.t("login.email"))</th><th>\(visit.t("staff.role"))</th><th>\(visit.t("staff.since"))</th></tr></thead>
            <tbody>\(rows)</tbody></table></section>
            \(add)
            """
        return frame(visit, title: visit.t("nav.staff"), path: "/console/staff", content, status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    func addStaff(_ visit: Visit, _ form: FormData) async throws -> Response {
        guard let role = StaffRole(rawValue: form["role"] ?? "") else {
            return try await staffPage(visit, problems: [.init(field: visit.t("staff.role"), message: visit.t("designer.required"))])
        }
        let password = form.fields.first { $0.name == "password" }?.value ?? ""
        do {
            let member = try await node.createStaff(
                email: form["email"] ?? "", name: form["name"] ?? "", role: role, password: password, for: visit.institution,
                actor: visit.member.email)
            return try await staffPage(visit, notice: visit.t("staff.created", member.email))
        } catch let error as ValidationError {
            return try await staffPage(visit, problems: error.problems)
        } catch let error as APIError where error.status == .conflict {
            return try await staffPage(visit, problems: [.init(field: visit.t("login.email"), message: error.message)])
        }
    }
}
