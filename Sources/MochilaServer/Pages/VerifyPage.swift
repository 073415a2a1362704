import Credentials
import LinkedData

/// The `/verify` page: anyone pastes a credential (JSON or JWT) or uploads a file or a baked
/// badge, and reads the report in Spanish, Portuguese or English.
struct VerifyPage {
    var language: Language
    /// What was submitted and what verification found; `nil` before anything was submitted.
    var outcome: VerificationOutcome?
    /// Why the submission could not be verified at all (nothing sent, an image without a credential…).
    var problem: String?
    /// What verification found of an Open Badges 2.0 assertion.
    var openBadges2: OpenBadges2Verification?

    init(language: Language, outcome: VerificationOutcome? = nil, problem: String? = nil, openBadges2: OpenBadges2Verification? = nil) {
        self.language = language
        self.outcome = outcome
        self.problem = problem
        self.openBadges2 = openBadges2
    }

    func render() -> HTML {
        var sections: [HTML] = []
        if let problem {
            sections.append("<section><div class=\"banner bad\" role=\"alert\">✘ \(problem)</div></section>")
        }
        if let result = openBadges2 {
            var lines: [HTML] = []
            if let name = result.badgeClass?["name"]?.stringValue { lines.append("<p><strong>\(name)</strong></p>") }
            if let issuer = result.issuer?["name"]?.stringValue {
                lines.append("<p>\(UIText.text("credential.issuedBy", language)) \(issuer)</p>")
            }
            sections.append(
                "<section><h2>\(UIText.text("verify.openBadges2", language))</h2>\(lines)\(ReportView.banner(verified: result.verified, language))\(ReportView.checks(result.report.checks, language))</section>"
            )
        }
        if let outcome {
            switch outcome {
            case .credential(let report):
                sections.append("<section><h2>\(UIText.text("credential.report", language))</h2>\(summary(report))\(ReportView.banner(verified: report.verified, language))\(ReportView.checks(report.checks, language))</section>")
            case .presentation(let report):
                var parts: [HTML] = [
                    "<h2>\(UIText.text("verify.presentation", language))</h2>",
                    ReportView.banner(verified: report.verified, language), ReportView.checks(report.checks, language),
                ]
                for (index, credential) in report.credentials.enumerated() {
                    parts.append("<h3>\(UIText.text("verify.credentialNumber", language, String(index + 1)))</h3>\(summary(credential))")
                    parts.append(ReportView.banner(verified: credential.verified, language))
                    parts.append(ReportView.checks(credential.checks, language))
                }
                sections.append("<section>\(parts)</section>")
            }
        }
        let form: HTML = """
            <section>
            <h1>\(UIText.text("verify.title", language))</h1>
            <p>\(UIText.text("verify.intro", language))</p>
            <form method="post" action="/verify?lang=\(language.rawValue)" enctype="multipart/form-data">
            <p><label for="credential">\(UIText.text("verify.paste", language))</label><br>
            <textarea id="credential" name="credential" rows="10" cols="80" spellcheck="false"></textarea></p>
            <p><label for="file">\(UIText.text("verify.upload", language))</label><br>
            <input type="file" id="file" name="file" accept=".json,.jsonld,.jwt,.txt,.png,.svg,application/json,image/png,image/svg+xml"></p>
            <p><button type="submit">\(UIText.text("verify.submit", language))</button></p>
            </form>
            <p class="muted">\(UIText.text("verify.privacy", language))</p>
            </section>
            """
        return Layout.page(
            title: UIText.text("verify.title", language), language: language, path: "/verify", body: "\(sections)\(form)")
    }

    /// What the credential says, in a line: its name, who issued it, to whom.
    func summary(_ report: VerificationReport) -> HTML {
        guard let credential = report.credential else { return "" }
        var name = credential["name"]?.stringValue ?? credential["credentialSubject"]?["achievement"]?["name"]?.stringValue
        var issuer = credential["issuer"]?["name"]?.stringValue ?? CredentialVerifier.issuerID(of: credential.objectValue ?? [:])
        let subject = credential["credentialSubject"]?.asArray.first
        var learner = subject?["name"]?.stringValue ?? subject?["id"]?.stringValue
        if EuropassInput.isEDC(credential) {
            // ELM 3 names things in language maps.
            let europass = EuropassVerifier.summary(of: credential)
            (name, issuer, learner) = (europass.title ?? name, europass.issuerName ?? issuer, europass.subjectName ?? learner)
        }
        var lines: [HTML] = []
        if let name { lines.append("<p><strong>\(name)</strong></p>") }
        if let issuer { lines.append("<p>\(UIText.text("credential.issuedBy", language)) \(issuer)</p>") }
        if let learner { lines.append("<p>\(UIText.text("credential.awardedTo", language)) \(learner)</p>") }
        return "\(lines)"
    }
}
