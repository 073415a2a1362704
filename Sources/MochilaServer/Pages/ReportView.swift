import Credentials

/// A verification report as HTML: a green, red or grey line per check, with the reason in words.
enum ReportView {
    static func banner(verified: Bool, _ language: Language) -> HTML {
        verified
            ? "<div class=\"banner ok\" role=\"status\">✔ \(UIText.text("credential.verified", language))</div>"
            : "<div class=\"banner bad\" role=\"alert\">✘ \(UIText.text("credential.notVerified", language))</div>"
    }

    static func checks(_ checks: [CheckResult], _ language: Language) -> HTML {
        let items = checks.map { result -> HTML in
            let name = Message("check.\(result.check.rawValue)").text(language)
            let status = Message("status.\(result.status.rawValue)").text(language)
            return "<li class=\"\(result.status.rawValue)\"><strong>\(name)</strong>: \(status). \(result.message.text(language))</li>"
        }
        return "<ul class=\"checks\">\(items)</ul>"
    }
}
