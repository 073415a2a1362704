import Credentials
import Foundation
import LinkedData
import MochilaCore

/// The public page of one credential: what it certifies, for whom, by whom, and the
/// verification report, check by check.
struct CredentialPage {
    var language: Language
    var award: Award
    var credential: JSONValue
    var report: VerificationReport
    /// The spec version the award was issued under, for translations of its texts.
    var spec: MicroCredentialSpec?
    var reference: ReferenceData
    /// Where the node is reached from outside; with it, the page offers LinkedIn's Add to Profile.
    var publicURL: String? = nil
    /// The claim link's secret, when the page was opened from it (checked): the page then offers
    /// to save the credential in a backpack.
    var claimToken: String? = nil

    func render() -> HTML {
        let title = credential["name"]?.stringValue ?? ""
        return Layout.page(
            title: spec != nil && language != signedLanguage ? spec!.title.text(language) : title, language: language,
            path: "/credentials/\(award.id.uuidString.lowercased())" + (claimToken.map { "?claim=\($0)" } ?? ""), body: article(preview: false))
    }

    var signedLanguage: Language {
        credential["credentialSubject"]?["achievement"]?["inLanguage"]?.stringValue.flatMap { Language(rawValue: $0) } ?? .es
    }

    /// What the credential says, in the page's language: the same for the page and its PDF.
    struct Summary {
        var title: String
        var description: String
        var outcomes: [String]
        var skills: [(name: String, url: String?)]
        var issuerName: String
        var learner: String
        /// Label and value of each detail, in order.
        var facts: [(label: String, value: String)]
        /// The texts are the spec's translation, not the signed credential's own.
        var translated: Bool
    }

    func summary() -> Summary {
        let achievement = credential["credentialSubject"]?["achievement"] ?? .object([:])
        // Texts come from the signed credential; in another language, from the spec's translation.
        let translated = spec != nil && language != signedLanguage
        let title = translated ? spec!.title.text(language) : (credential["name"]?.stringValue ?? "")
        let description = translated ? spec!.description.text(language) : (achievement["description"]?.stringValue ?? "")
        let outcomes: [String] = translated
            ? spec!.learningOutcomes.map { $0.text.text(language) }
            : (achievement["learningOutcome"]?.asArray.compactMap { $0["name"]?.stringValue } ?? [])
        let skills = (achievement["alignment"]?.asArray ?? []).filter { $0["targetFramework"]?.stringValue == "ESCO" }.map {
            skill -> (name: String, url: String?) in
            let name = translated
                ? (spec!.learningOutcomes.flatMap(\.skills).first { $0.uri == skill["targetUrl"]?.stringValue }?.label.text(language)
                    ?? skill["targetName"]?.stringValue ?? "")
                : (skill["targetName"]?.stringValue ?? "")
            let url = skill["targetUrl"]?.stringValue.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
            return (name, url)
        }
        let issuerName = credential["issuer"]?["name"]?.stringValue ?? ""
        let issuerID = CredentialVerifier.issuerID(of: credential.objectValue ?? [:]) ?? ""
        let learner = credential["credentialSubject"]?["name"]?.stringValue ?? award.learner.fullName

        var facts: [(label: String, value: String)] = []
        func row(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            facts.append((UIText.text(label, language), value))
        }
        let validFrom = credential["validFrom"]?.stringValue.map { String($0.prefix(10)) } ?? ""
        if let until = credential["validUntil"]?.stringValue {
            row("field.validity", UIText.text("field.validFromUntil", language, validFrom, String(until.prefix(10))))
        } else {
            row("field.validity", UIText.text("field.validFrom", language, validFrom))
        }
        if let hours = achievement["workloadHours"]?.numberValue {
            row("field.workload", UIText.text("field.hours", language, format(hours)))
        }
        let credits = (achievement["credit"]?.asArray ?? []).compactMap { credit -> String? in
            guard let system = credit["creditSystem"]?.stringValue, let value = credit["creditValue"]?.numberValue else { return nil }
            return "\(format(value)) \(system)"
        }
        row("field.credits", credits.joined(separator: " · "))
        if let level = achievement["alignment"]?.asArray.first(where: { $0["targetFramework"]?.stringValue?.hasPrefix("European Qualifications") == true })?["targetCode"]?.stringValue {
            row("field.level", UIText.text("field.eqf", language, level))
        }
        if let code = achievement["alignment"]?.asArray.first(where: { $0["targetFramework"]?.stringValue == "ISCED-F 2013" })?["targetCode"]?.stringValue {
            row("field.field", "\(code) · \(reference.fields[code]?.name.text(language) ?? "")")
        }
        if let type = achievement["assessmentType"]?.stringValue {
            row("field.assessment", AssessmentType(rawValue: type)?.label(language) ?? type)
        }
        if let form = achievement["participationForm"]?.stringValue {
            row("field.participation", ParticipationForm(rawValue: form)?.label(language) ?? form)
        }
        if let formality = achievement["formality"]?.stringValue {
            row("field.formality", Formality(rawValue: formality)?.label(language) ?? formality)
        }
        if let supervision = achievement["supervision"]?.stringValue {
            row("field.supervision", Supervision(rawValue: supervision)?.label(language) ?? supervision)
        }
        if let kind = achievement["stackability"]?.stringValue {
            row("field.stackability", Stackability.Kind(rawValue: kind)?.label(language) ?? kind)
        }
        row("field.qa", translated ? spec!.qualityAssurance.text(language) : achievement["qualityAssurance"]?.stringValue)
        row("field.grade", credential["credentialSubject"]?["result"]?.asArray.first?["value"]?.stringValue)
        row("field.id", credential["id"]?.stringValue)
        row("field.issuerDID", issuerID)

        return Summary(
            title: title, description: description, outcomes: outcomes, skills: skills, issuerName: issuerName, learner: learner,
            facts: facts, translated: translated)
    }

    /// The credential and its report; in a preview (an unsigned credential in the designer),
    /// the credential alone.
    func article(preview: Bool) -> HTML {
        let summary = summary()
        let (title, description, outcomes, issuerName, learner, translated) = (
            summary.title, summary.description, summary.outcomes, summary.issuerName, summary.learner, summary.translated
        )
        let banner: HTML? = preview ? nil : ReportView.banner(verified: report.verified, language)
        let checks = ReportView.checks(report.checks, language)
        let skillItems = summary.skills.map { skill -> HTML in
            guard let url = skill.url else { return "<li>\(skill.name)</li>" }
            return "<li><a href=\"\(url)\" rel=\"noopener\">\(skill.name)</a></li>"
        }
        let details = summary.facts.map { fact -> HTML in "<dt>\(fact.label)</dt><dd>\(fact.value)</dd>" }

        let note: HTML? = translated
            ? "<p class=\"muted\">\(UIText.text("credential.translationNote", language, signedLanguage.nativeName))</p>" : nil
        let skillsSection: HTML? = skillItems.isEmpty
            ? nil : "<h2>\(UIText.text("credential.skills", language))</h2><ul>\(skillItems)</ul>"
        var statusNotes: [HTML] = []
        if !preview, let revocation = award.revocation {
            statusNotes.append(
                "<div class=\"banner bad\" role=\"alert\">\(UIText.text("credential.revoked", language, String(XSDDateTime.format(revocation.at).prefix(10)), revocation.reason))</div>")
        }
        if !preview, award.revocation == nil, let suspension = award.suspension {
            statusNotes.append(
                "<div class=\"banner bad\" role=\"alert\">\(UIText.text("credential.suspended", language, String(XSDDateTime.format(suspension.at).prefix(10)), suspension.reason))</div>")
        }
        let id = award.id.uuidString.lowercased()
        let current = award.revocation == nil && award.suspension == nil
        let linkedIn: HTML? = preview || !current ? nil : publicURL.map { publicURL -> HTML in
            let link = LinkedInProfileLink(
                name: title, organizationName: issuerName, issuedAt: award.issuedAt, expiresAt: award.validUntil,
                certificationURL: "\(publicURL)/credentials/\(id)", certificationID: id)
            return " · <a href=\"\(link.url)\" rel=\"noopener\" target=\"_blank\">\(UIText.text("credential.linkedin", language))</a>"
        }
        let downloads: HTML? = preview ? nil : """
            <p><a href="/api/v1/credentials/\(id)" download>\(UIText.text("credential.download", language))</a>\
            \(linkedIn)\
            \(current ? " · <a href=\"/api/v1/credentials/\(id)/europass\" download>\(UIText.text("credential.europass", language))</a> · <a href=\"/api/v1/credentials/\(id)/badge.svg\" download>\(UIText.text("credential.badge", language))</a> · <a href=\"/api/v1/credentials/\(id)/badge.png\" download>\(UIText.text("credential.badgePNG", language))</a> · <a href=\"/api/v1/credentials/\(id)/credential.pdf?lang=\(language.rawValue)\" download>\(UIText.text("credential.pdf", language))</a>" as HTML : "")</p>
            """
        let reportSection: HTML? = preview ? nil : """
            <section>
            <h2>\(UIText.text("credential.report", language))</h2>
            \(checks)
            </section>
            """
        return """
            <article>
            \(banner)
            \(statusNotes)
            <h1>\(title)</h1>
            <p>\(UIText.text("credential.awardedTo", language)) <strong>\(learner)</strong> · \
            \(UIText.text("credential.issuedBy", language)) <strong>\(issuerName)</strong></p>
            <p>\(description)</p>
            \(note)
            <h2>\(UIText.text("credential.outcomes", language))</h2>
            <ul>\(outcomes.map { text -> HTML in "<li>\(text)</li>" })</ul>
            \(skillsSection)
            <h2>\(UIText.text("credential.details", language))</h2>
            <dl>\(details)</dl>
            \(downloads)
            \(preview || !current ? nil : claimToken.map { token -> HTML in "<form method=\"post\" action=\"/mochila/claim/\(id)?lang=\(language.rawValue)\"><input type=\"hidden\" name=\"claim\" value=\"\(token)\"><button class=\"primary\" type=\"submit\">\(BackpackText.text("backpack.save", language))</button></form>" })
            \(preview ? nil : "<p class=\"qr\"><a href=\"/api/v1/credentials/\(id)/qr.png\" download><img src=\"/api/v1/credentials/\(id)/qr.svg\" width=\"160\" height=\"160\" alt=\"\(UIText.text("credential.qr", language))\"></a></p>" as HTML?)
            </article>
            \(reportSection)
            """
    }
}
