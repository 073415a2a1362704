import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// Binding a credential to the holder DID, privacy and the public profile (`/p/{id}`), the
/// whole record as CLR 2.0, and the backup and its restore.
extension Backpack {
    func registerRecords(on router: Router<BasicRequestContext>) {
        router.post("/mochila/items/:id/bind") { request, context in
            let id = try itemID(context)
            return try await form(request) { visit, _ in
                let bound = try await node.bind(id, of: visit.learner)
                return redirect("/mochila/items/\(bound.id.uuidString.lowercased())?done=bound")
            }
        }
        router.post("/mochila/items/:id/public") { request, context in
            let id = try itemID(context)
            return try await form(request) { visit, form in
                try await node.setPublic(id, of: visit.learner, form["public"] == "1")
                return redirect("/mochila/items/\(id.uuidString.lowercased())")
            }
        }
        router.get("/p/:id") { request, context in try await profilePage(request, try context.parameters.require("id")) }
        router.get("/mochila/record.json") { request, _ in
            try await page(request) { visit in
                let (record, _) = try await node.record(of: visit.learner)
                var response = JSONResponse.bytes(JSONValue.object(record).serialized(.pretty), contentType: "application/json")
                response.headers[.contentDisposition] = "attachment; filename=\"mochila-clr.json\""
                response.headers[.cacheControl] = "no-store"
                return response
            }
        }
        router.post("/mochila/backup") { request, _ in
            try await form(request) { visit, form in
                let archive = try await node.backup(of: visit.learner, passphrase: form.fields.first { $0.name == "passphrase" }?.value)
                var response = JSONResponse.bytes(archive.encoded(), contentType: BackpackArchive.mediaType)
                let day = String(XSDDateTime.format(node.clock()).prefix(10))
                response.headers[.contentDisposition] = "attachment; filename=\"mochila-\(day).mochila.json\""
                response.headers[.cacheControl] = "no-store"
                return response
            }
        }
        router.post("/mochila/restore") { request, _ in try await restore(request) }
    }

    /// `POST /mochila/restore`: a backup file, and its passphrase to take on its DID.
    func restore(_ request: Request) async throws -> Response {
        guard let visit = try await visit(request) else { return redirect("/mochila") }
        let body = try await JSONResponse.body(request, maxBytes: BackpackArchive.maxBytes + (64 << 10))
        let form = try MultipartForm(contentType: request.headers[.contentType] ?? "", body: body)
        guard constantTimeEqual(String(decoding: form.part("csrf")?.body ?? [], as: UTF8.self), visit.session.csrfToken) else {
            return message(visit, visit.t("backpack.csrf"), status: .forbidden)
        }
        do {
            let passphrase = String(decoding: form.part("passphrase")?.body ?? [], as: UTF8.self)
            let restored = try await node.restore(form.part("file")?.body ?? [], passphrase: passphrase, into: visit.learner)
            var location = "/mochila?done=restored&added=\(restored.added)&held=\(restored.alreadyHeld)"
            if restored.holderDID != nil { location += "&key=1" }
            return redirect(location)
        } catch {
            return errorPage(visit, error)
        }
    }

    // MARK: Sections of the backpack's pages

    /// The holder DID, the public profile's address and the whole record, on the backpack page.
    func recordSections(_ visit: Visit, items: [BackpackItem]) -> HTML {
        let profile = "\(node.publicURL)/p/\(visit.learner.id.uuidString.lowercased())"
        let publicCount = items.filter(\.isPublic).count
        return """
            <section><h2>\(visit.t("holder.title"))</h2><p>\(visit.t("holder.intro"))</p>
            <p><code id="holder-did">\(visit.learner.holderDID)</code></p></section>
            <section><h2>\(visit.t("profile.title"))</h2><p>\(visit.t("profile.intro", profile))</p>
            \(publicCount == 0 ? "<p class=\"muted\">\(visit.t("profile.none"))</p>" as HTML : "<p><a id=\"profile-link\" href=\"\(profile)\">\(profile)</a></p>")
            </section>
            <section><h2>\(visit.t("records.title"))</h2>
            <p>\(visit.t("records.clrIntro"))</p>
            <p><a class="button" href="/mochila/record.json">\(visit.t("records.clr"))</a></p>
            <p>\(visit.t("records.backupIntro"))</p>
            <form method="post" action="/mochila/backup">\(visit.csrfField)
            <label>\(visit.t("records.passphrase"))<input type="password" name="passphrase" autocomplete="new-password" minlength="10"></label>
            <p><button type="submit">\(visit.t("records.backup"))</button></p></form>
            <p>\(visit.t("records.restoreIntro"))</p>
            <form method="post" action="/mochila/restore?lang=\(visit.language.rawValue)" enctype="multipart/form-data">\(visit.csrfField)
            <label>\(visit.t("records.backupFile"))<input type="file" name="file" accept=".json,application/json,\(BackpackArchive.mediaType)" required></label>
            <label>\(visit.t("records.passphrase"))<input type="password" name="passphrase" autocomplete="off"></label>
            <p><button type="submit">\(visit.t("records.restore"))</button></p></form>
            </section>
            """
    }

    /// The notices of a restore, from its redirect's query.
    func restoreNotices(_ visit: Visit, _ query: (String) -> String?) -> [HTML] {
        guard query("done") == "restored" else { return [] }
        var notices: [HTML] = [
            "<div class=\"banner ok\" role=\"status\">\(visit.t("records.restored", String(Int(query("added") ?? "") ?? 0), String(Int(query("held") ?? "") ?? 0)))</div>"
        ]
        if query("key") == "1" {
            notices.append("<div class=\"banner ok\" role=\"status\">\(visit.t("records.restoredKey", visit.learner.holderDID))</div>")
        }
        return notices
    }

    /// Privacy and binding, on an item's page.
    func itemSections(_ visit: Visit, _ item: BackpackItem, _ report: VerificationReport) -> HTML {
        let action = "/mochila/items/\(item.id.uuidString.lowercased())"
        let privacy: HTML = """
            <section><h2>\(visit.t("privacy.title"))</h2>
            <p id="privacy-state">\(visit.t(item.isPublic ? "privacy.public" : "privacy.private"))</p>
            <form method="post" action="\(action)/public">\(visit.csrfField)
            <input type="hidden" name="public" value="\(item.isPublic ? "0" : "1")">
            <button type="submit">\(visit.t(item.isPublic ? "privacy.makePrivate" : "privacy.makePublic"))</button></form></section>
            """
        let subject = report.credential?["credentialSubject"]?.asArray.first?["id"]?.stringValue
        var binding: HTML? = nil
        if subject == visit.learner.holderDID {
            binding = "<section><p class=\"banner ok\">\(visit.t("bind.bound", visit.learner.holderDID))</p></section>"
        } else if item.awardID != nil, subject == nil {
            binding = """
                <section><h2>\(visit.t("bind.title"))</h2><p>\(visit.t("bind.intro", visit.learner.holderDID))</p>
                <form method="post" action="\(action)/bind">\(visit.csrfField)
                <button class="primary" type="submit">\(visit.t("bind.button"))</button></form></section>
                """
        }
        return "\(binding)\(privacy)"
    }

    // MARK: The public profile

    /// `GET /p/{id}`: the credentials a learner made public, each verified now.
    func profilePage(_ request: Request, _ id: String) async throws -> Response {
        let language = routes.language(request)
        let t = { (key: String, arguments: [String]) in UIText.lookup(key, language, in: BackpackText.strings, arguments) }
        guard let learnerID = UUID(uuidString: id), let (learner, shown) = try await node.publicProfile(learnerID) else {
            let body: HTML = "<section><h1>\(t("profile.title", []))</h1><div class=\"banner bad\" role=\"alert\">\(t("profile.gone", []))</div></section>"
            return frame(language, title: t("profile.title", []), body, status: .notFound)
        }
        let title = learner.displayName.isEmpty ? t("profile.anonymous", []) : t("profile.of", [learner.displayName])
        let rows: [HTML] = shown.map { item, report in
            let summary = Backpack.summary(item)
            let page: HTML? = item.awardID.map {
                " · <a href=\"/credentials/\($0.uuidString.lowercased())?lang=\(language.rawValue)\">\(t("backpack.publicPage", []))</a>"
            }
            return """
                <li><article><h2>\(summary.name)</h2><p>\(UIText.text("credential.issuedBy", language)) <strong>\(summary.issuer)</strong>\(page)</p>
                \(ReportView.banner(verified: report.verified, language))<details><summary>\(UIText.text("credential.report", language))</summary>
                \(ReportView.checks(report.checks, language))</details></article></li>
                """
        }
        let body: HTML = """
            <section><h1>\(title)</h1><p class="muted">\(t("shared.live", []))</p>
            <ul class="plain">\(rows)</ul></section>
            """
        var response = frame(language, title: title, body)
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
