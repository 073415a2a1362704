import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// The spec designer: one form with every element, ESCO search and attach without JavaScript
/// (each button posts the whole form with an `action`), a preview, and save.
extension Console {
    /// The ESCO results shown under one outcome.
    struct SkillSearch: Sendable {
        var outcome: Int
        var query: String
        /// `skill`, `occupation` or `all`.
        var kind: String
        var matches: [ESCOMatch]
    }

    /// Answers a designer post. Actions: `search:<outcome>`, `attach:<outcome>:<uri>`,
    /// `detach:<outcome>:<skill>`, `addOutcome`, `removeOutcome:<outcome>`, `preview`, `save`;
    /// anything else (the Enter key) just shows the form again.
    func designerAction(_ visit: Visit, _ form: FormData, specID: UUID?) async throws -> Response {
        var draft = SpecDraft(form)
        let action = form["action"] ?? ""
        let parts = action.split(separator: ":", maxSplits: 2).map(String.init)
        var search: SkillSearch? = nil
        switch parts.first {
        case "search" where parts.count == 2:
            if let index = Int(parts[1]), draft.outcomes.indices.contains(index) {
                let query = form["o\(index).q"] ?? ""
                let kinds: Set<ESCOConcept.Kind>
                switch form["o\(index).kind"] {
                case "occupation": kinds = [.occupation]
                case "all": kinds = Set(ESCOConcept.Kind.allCases)
                default: kinds = Set(ESCOConcept.Kind.allCases).subtracting([.occupation])
                }
                search = SkillSearch(
                    outcome: index, query: query, kind: form["o\(index).kind"] ?? "skill",
                    matches: ESCOCatalog.bundled.search(query, language: visit.language, kinds: kinds, limit: 15))
            }
        case "attach" where parts.count == 3:
            if let index = Int(parts[1]), draft.outcomes.indices.contains(index),
                let concept = ESCOCatalog.bundled.concept(uri: parts[2]),
                draft.outcomes[index].skills.count < SpecDraft.maxSkills,
                !draft.outcomes[index].skills.contains(where: { $0.uri == concept.uri })
            {
                draft.outcomes[index].skills.append(concept.skillReference)
            }
        case "detach" where parts.count == 3:
            if let index = Int(parts[1]), let skill = Int(parts[2]), draft.outcomes.indices.contains(index),
                draft.outcomes[index].skills.indices.contains(skill)
            {
                draft.outcomes[index].skills.remove(at: skill)
            }
        case "addOutcome":
            if draft.outcomes.count < SpecDraft.maxOutcomes { draft.outcomes.append(.init()) }
        case "removeOutcome" where parts.count == 2:
            if let index = Int(parts[1]), draft.outcomes.indices.contains(index), draft.outcomes.count > 1 {
                draft.outcomes.remove(at: index)
            }
        case "preview", "save":
            let (input, problems) = draft.input(visit.language, reference: node.reference)
            guard let input else { return try await designer(visit, draft: draft, specID: specID, problems: problems) }
            if parts.first == "preview" {
                do {
                    let spec = try input.validated(
                        institutionID: visit.institution.id, id: specID ?? UUID(), version: 1, createdAt: node.clock(),
                        reference: node.reference)
                    return try await designer(visit, draft: draft, specID: specID, preview: spec)
                } catch let error as ValidationError {
                    return try await designer(visit, draft: draft, specID: specID, problems: error.problems.map { ($0.field, $0.message) })
                }
            }
            do {
                let spec: MicroCredentialSpec
                if let specID {
                    spec = try await node.addSpecVersion(input, specID: specID, for: visit.institution)
                } else {
                    spec = try await node.createSpec(input, for: visit.institution)
                }
                try await node.store.appendAudit(
                    AuditEntry(
                        at: spec.createdAt, institutionID: visit.institution.id, actor: visit.member.email,
                        action: spec.version == 1 ? "spec.create" : "spec.version",
                        subject: spec.id.uuidString.lowercased(), details: #"{"version":\#(spec.version)}"#))
                return redirect("/console/specs/\(spec.id.uuidString.lowercased())?saved=\(spec.version)")
            } catch let error as ValidationError {
                return try await designer(visit, draft: draft, specID: specID, problems: error.problems.map { ($0.field, $0.message) })
            }
        default:
            break
        }
        return try await designer(visit, draft: draft, specID: specID, search: search)
    }

    func designer(
        _ visit: Visit, draft: SpecDraft, specID: UUID?, problems: [(field: String, message: String)] = [],
        search: SkillSearch? = nil, preview: MicroCredentialSpec? = nil
    ) async throws -> Response {
        let language = visit.language
        let primary = draft.primaryLanguage(language)
        let reference = node.reference
        var heading = visit.t("designer.new")
        if let specID {
            let current = try await node.ownSpec(specID, version: nil, of: visit.institution)
            heading = visit.t("designer.edit", current.title.text(language))
        }
        let action = specID.map { "/console/specs/\($0.uuidString.lowercased())/edit" } ?? "/console/specs/new"

        /// A text in the primary language, with the other languages folded away.
        func texts(_ name: String, _ labelKey: String, _ values: [String: String], multiline: Bool = false) -> HTML {
            func input(_ code: String, _ label: String) -> HTML {
                let value = values[code] ?? ""
                let field: HTML = multiline
                    ? "<textarea name=\"\(name).\(code)\" rows=\"3\" lang=\"\(code)\">\(value)</textarea>"
                    : "<input type=\"text\" name=\"\(name).\(code)\" value=\"\(value)\" lang=\"\(code)\">"
                return "<label>\(label)\(field)</label>"
            }
            let others = Language.allCases.filter { $0 != primary }
            let open = others.contains { !(values[$0.rawValue] ?? "").isEmpty }
            let translations = others.map { input($0.rawValue, $0.nativeName) }
            return """
                \(input(primary.rawValue, visit.t(labelKey) + " · " + primary.nativeName))
                <details\(open ? " open" : "")><summary>\(visit.t("designer.translations"))</summary>\(translations)</details>
                """
        }
        func select(_ name: String, _ labelKey: String, _ current: String, _ options: [(String, String)], empty: String? = nil) -> HTML {
            var items: [HTML] = empty.map { ["<option value=\"\">\($0)</option>"] } ?? []
            items += options.map { option in
                "<option value=\"\(option.0)\"\(option.0 == current ? " selected" : "")>\(option.1)</option>"
            }
            return "<label>\(visit.t(labelKey))<select name=\"\(name)\">\(items)</select></label>"
        }
        func vocabulary<V: SpecVocabulary>(_ type: V.Type) -> [(String, String)] {
            V.allCases.map { ($0.rawValue, $0.label(language)) }
        }

        // Learning outcomes, each with its skills and its ESCO search.
        let outcomes = draft.outcomes.enumerated().map { index, outcome -> HTML in
            let skills = outcome.skills.enumerated().map { skillIndex, skill -> HTML in
                let json = String(decoding: (try? JSONEncoder().encode(skill)) ?? Data(), as: UTF8.self)
                return """
                    <li><input type="hidden" name="o\(index).skill" value="\(json)">\
                    <a href="\(skill.uri)" rel="noopener">\(skill.label.text(language))</a> \
                    <span class="muted">\(skill.framework)</span> \
                    <button type="submit" name="action" value="detach:\(index):\(skillIndex)" class="small">\(visit.t("designer.detach"))</button></li>
                    """
            }
            var results: HTML? = nil
            if let search, search.outcome == index {
                if search.matches.isEmpty {
                    results = "<p class=\"muted\" role=\"status\">\(visit.t("designer.noResults", search.query))</p>"
                } else {
                    let items = search.matches.map { match -> HTML in
                        let alternative: HTML? = match.matchedLabel != match.label
                            ? " <span class=\"muted\">\(visit.t("designer.matchedAlt", match.matchedLabel))</span>" : nil
                        let kind = match.concept.kind == .occupation ? visit.t("designer.kind.occupation") : (match.concept.skillType ?? "")
                        return """
                            <li><button type="submit" name="action" value="attach:\(index):\(match.concept.uri)" class="small">\(visit.t("designer.attach"))</button> \
                            <span lang="\(match.language.rawValue)">\(match.label)</span>\(alternative) <span class="muted">\(kind)</span></li>
                            """
                    }
                    results = """
                        <div class="results" role="region" aria-label="\(visit.t("designer.results", search.query))">
                        <p>\(visit.t("designer.results", search.query))</p><ul class="plain">\(items)</ul></div>
                        """
                }
            }
            let kind = search?.outcome == index ? search!.kind : "skill"
            let kinds = [("skill", "designer.kind.skill"), ("occupation", "designer.kind.occupation"), ("all", "designer.kind.all")]
                .map { option -> HTML in
                    "<option value=\"\(option.0)\"\(option.0 == kind ? " selected" : "")>\(visit.t(option.1))</option>"
                }
            let remove: HTML? = draft.outcomes.count > 1
                ? "<button type=\"submit\" name=\"action\" value=\"removeOutcome:\(index)\" class=\"small\">\(visit.t("designer.removeOutcome"))</button>"
                : nil
            let query = search?.outcome == index ? search!.query : ""
            return """
                <fieldset class="outcome"><legend>\(visit.t("designer.outcome", String(index + 1)))</legend>
                \(texts("o\(index)", "credential.outcomes", outcome.text, multiline: true))
                <p><strong>\(visit.t("designer.skills"))</strong></p>
                \(skills.isEmpty ? "<p class=\"muted\">\(visit.t("designer.noSkills"))</p>" as HTML : "<ul class=\"plain\">\(skills)</ul>")
                <div class="search"><label>\(visit.t("designer.search")) <input type="search" name="o\(index).q" value="\(query)"></label>
                <select name="o\(index).kind" aria-label="ESCO">\(kinds)</select>
                <button type="submit" name="action" value="search:\(index)">\(visit.t("designer.search"))</button>
                <p class="muted">\(visit.t("designer.searchHint"))</p></div>
                \(results)
                \(remove)
                </fieldset>
                """
        }

        // Credits: the rows given, and two empty ones to add more.
        let systems = reference.creditSystems.values.sorted { $0.id < $1.id }.map { ($0.id, "\($0.id) · \($0.name.text(language))") }
        // The credits given, then empty rows to add more: at least one, at least three rows in all.
        let spare = max(1, 3 - draft.credits.count)
        let creditRows = (draft.credits + Array(repeating: ("", ""), count: spare)).map { credit -> HTML in
            var options: [HTML] = ["<option value=\"\">\(visit.t("designer.none"))</option>"]
            options += systems.map { "<option value=\"\($0.0)\"\($0.0 == credit.system ? " selected" : "")>\($0.1)</option>" }
            return """
                <div class="row"><label>\(visit.t("designer.creditSystem"))<select name="credit.system">\(options)</select></label>
                <label>\(visit.t("designer.creditValue"))<input type="text" inputmode="decimal" name="credit.value" value="\(credit.value)" size="6"></label></div>
                """
        }
        let fields = reference.fields.values.sorted { $0.code < $1.code }.map { ($0.code, "\($0.code) · \($0.name.text(language))") }
        let eqf = (1...8).map { (String($0), visit.t("field.eqf", String($0))) }

        let problemList: HTML? = problems.isEmpty ? nil : """
            <div class="banner bad" role="alert">\(visit.t("designer.problems"))<ul>\(problems.map { "<li><strong>\($0.field)</strong>: \($0.message)</li>" as HTML })</ul></div>
            """
        let previewSection: HTML? = preview.map { spec in previewHTML(visit, spec) }

        let content: HTML = """
            <section>
            <h1>\(heading)</h1>
            <p class="muted">\(visit.t("designer.intro"))</p>
            \(problemList)
            <form method="post" action="\(action)" class="designer">
            \(visit.csrfField)
            <button type="submit" name="action" value="refresh" class="default-action" tabindex="-1" aria-hidden="true">↻</button>
            <input type="hidden" name="outcomes" value="\(draft.outcomes.count)">
            <fieldset><legend>\(visit.t("designer.identity"))</legend>
            \(texts("title", "designer.title", draft.title))
            \(texts("description", "designer.description", draft.description, multiline: true))
            <label>\(visit.t("designer.languages"))<input type="text" name="languages" value="\(draft.languages)"></label>
            </fieldset>
            <fieldset><legend>\(visit.t("designer.outcomes"))</legend>
            \(outcomes)
            <button type="submit" name="action" value="addOutcome">\(visit.t("designer.addOutcome"))</button>
            </fieldset>
            <fieldset><legend>\(visit.t("designer.volume"))</legend>
            <label>\(visit.t("designer.workload"))<input type="text" inputmode="decimal" name="workloadHours" value="\(draft.workloadHours)" size="6"></label>
            <p><strong>\(visit.t("designer.credits"))</strong></p>
            \(creditRows)
            \(select("eqfLevel", "designer.eqf", draft.eqfLevel, eqf, empty: visit.t("designer.none")))
            <label>\(visit.t("designer.national"))<input type="text" name="nationalLevel" value="\(draft.nationalLevel)"></label>
            \(select("iscedField", "designer.isced", draft.iscedField, fields, empty: visit.t("designer.choose")))
            </fieldset>
            <fieldset><legend>\(visit.t("designer.assessmentSection"))</legend>
            \(select("assessmentType", "designer.assessmentType", draft.assessmentType, vocabulary(AssessmentType.self), empty: visit.t("designer.choose")))
            \(texts("assessmentDescription", "designer.assessmentDescription", draft.assessmentDescription, multiline: true))
            \(select("participation", "designer.participation", draft.participation, vocabulary(ParticipationForm.self), empty: visit.t("designer.choose")))
            \(select("supervision", "designer.supervision", draft.supervision, vocabulary(Supervision.self), empty: visit.t("designer.none")))
            \(texts("gradingScheme", "designer.grading", draft.gradingScheme))
            \(texts("prerequisites", "designer.prerequisites", draft.prerequisites))
            </fieldset>
            <fieldset><legend>\(visit.t("designer.recognition"))</legend>
            \(texts("qualityAssurance", "designer.qa", draft.qualityAssurance, multiline: true))
            \(select("formality", "designer.formality", draft.formality, vocabulary(Formality.self), empty: visit.t("designer.choose")))
            <label>\(visit.t("designer.validity"))<input type="text" inputmode="numeric" name="validityMonths" value="\(draft.validityMonths)" size="4"></label>
            \(select("stackability", "designer.stackability", draft.stackability, vocabulary(Stackability.Kind.self), empty: visit.t("designer.none")))
            \(texts("stackabilityDescription", "designer.stackabilityDescription", draft.stackabilityDescription))
            \(texts("furtherInformation", "designer.further", draft.furtherInformation))
            </fieldset>
            <p class="actions"><button type="submit" name="action" value="preview">\(visit.t("designer.preview"))</button>
            <button type="submit" name="action" value="save" class="primary">\(visit.t("designer.save"))</button></p>
            </form>
            </section>
            \(previewSection)
            """
        return frame(visit, title: heading, path: "/console/specs", content, status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    /// The credential a spec will give, as its learner and its verifiers will see it: the public
    /// page's rendering of an unsigned credential for a sample learner, and its JSON.
    func previewHTML(_ visit: Visit, _ spec: MicroCredentialSpec) -> HTML {
        let now = node.clock()
        let learner = Learner(givenName: "María José", familyName: "Pérez Núñez", email: "maria.perez@example.org")
        let credentialID = "urn:uuid:" + UUID().uuidString.lowercased()
        let builder = OpenBadgeCredential(
            institution: visit.institution, spec: spec, learner: learner, grade: nil, credentialID: credentialID, issuedAt: now,
            salt: Node.newSalt(), reference: node.reference)
        let credential = JSONValue.object(builder.unsigned())
        let award = Award(
            id: UUID(), institutionID: visit.institution.id, specID: spec.id, specVersion: spec.version, learner: learner,
            grade: nil, credentialID: credentialID, issuedAt: now, validUntil: builder.validUntil, credential: [])
        let page = CredentialPage(
            language: visit.language, award: award, credential: credential,
            report: VerificationReport(checks: [], credential: credential), spec: spec, reference: node.reference)
        let json = String(decoding: credential.serialized(.pretty), as: UTF8.self)
        return """
            <section class="preview" id="preview"><h2>\(visit.t("designer.previewTitle"))</h2>
            <div class="banner note" role="status">\(visit.t("designer.previewBanner"))</div>
            \(page.article(preview: true))
            <details><summary>\(visit.t("designer.previewJSON"))</summary><pre>\(json)</pre></details>
            </section>
            """
    }
}
