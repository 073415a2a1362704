import Credentials
import Foundation

/// What the node proposes for a recognition request, with its reasons; an officer approves,
/// modifies or refuses it (``RecognitionDecision``).
public struct RecognitionProposal: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        case recognised, partial, refused
    }

    public var outcome: Outcome
    /// Credits in the rule's system; 0 when refused.
    public var credits: Double
    public var creditSystem: String
    /// One line per criterion (per credential where it applies), each saying whether it is met and why.
    public var reasons: [LocalizedText]
    /// The conversion in words; `nil` when refused.
    public var conversion: LocalizedText?

    public init(outcome: Outcome, credits: Double, creditSystem: String, reasons: [LocalizedText], conversion: LocalizedText?) {
        self.outcome = outcome
        self.credits = credits
        self.creditSystem = creditSystem
        self.reasons = reasons
        self.conversion = conversion
    }

    /// The versions of a Mochila spec an accepted spec id stands for (achievement ids are name-based
    /// on spec id and version, see ``OpenBadgeCredential/achievementID``).
    static let specVersions = 1...100

    /// Evaluates `rule` against the credentials submitted together.
    ///
    /// - Each credential must be verified and meet, on its own, the trust, age, achievement, field
    ///   and EQF criteria; if any fails the proposal is a refusal, whatever the rule says about
    ///   partial recognition. An unverified credential is never recognised.
    /// - Workload and skills are judged on the credentials together: their hours add up (each
    ///   one's own workload, else its credits converted, see ``CreditConversion/hours(of:preferring:reference:)``)
    ///   and the skills of any of them count.
    /// - When only the workload or skills criteria fail, a rule with `partialBelowCriteria`
    ///   proposes partial recognition: the credits of the hours submitted (already below the
    ///   minimum when the workload fails) times the share of skill requirements met, where each
    ///   skill of `skillsAll` is one requirement and a non-empty `skillsAny` one more. Without
    ///   `partialBelowCriteria` the proposal is a refusal.
    /// - Credits are the hours converted to the rule's system and rounded as it says, then capped
    ///   by `maximumCredits`. A result of 0 credits is a refusal.
    /// - Parameter date: the moment of evaluation, for `maximumAgeMonths`.
    public static func evaluate(
        _ rule: RecognitionRule, facts: [RecognitionFacts], at date: Date, reference: ReferenceData = .bundled
    ) -> RecognitionProposal {
        let criteria = rule.criteria, system = rule.outcome.creditSystem
        var reasons: [LocalizedText] = []
        func refused(_ last: LocalizedText) -> RecognitionProposal {
            RecognitionProposal(outcome: .refused, credits: 0, creditSystem: system, reasons: reasons + [last], conversion: nil)
        }
        guard !facts.isEmpty else {
            return refused(
                t("No se presentó ninguna credencial.", "Nenhuma credencial foi apresentada.", "No credential was submitted."))
        }
        var blocked = false
        var totalHours = 0.0
        var hourTerms: [Double] = []
        let accepted = acceptedAchievements(criteria.achievements)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!

        for (index, fact) in facts.enumerated() {
            // Numbered when several are submitted, since two may share a name.
            let who = (facts.count > 1 ? "[\(index + 1)] " : "") + "«\(fact.achievementName)» (\(fact.issuerName))"
            func check(_ met: Bool, _ criterion: LocalizedText, _ why: LocalizedText) {
                reasons.append(line(who, met, criterion, why))
                if !met { blocked = true }
            }
            check(
                fact.verified, t("verificación", "verificação", "verification"),
                fact.verified
                    ? t("firma, emisor, vigencia y estado comprobados", "assinatura, emissor, validade e estado conferidos",
                        "signature, issuer, validity and status checked")
                    : t("el informe de verificación no la da por verificada", "o relatório de verificação não a dá por verificada",
                        "the verification report does not say it verified"))
            if criteria.requireTrustedIssuer {
                let why: LocalizedText
                switch fact.trustedForScope {
                case true?:
                    why = t("\(fact.issuerDID) está en el registro de confianza y acreditado para su campo y nivel",
                            "\(fact.issuerDID) está no registro de confiança e acreditado para sua área e nível",
                            "\(fact.issuerDID) is in the trust registry and accredited for its field and level")
                case false?:
                    why = t("\(fact.issuerDID) no está en el registro de confianza o no está acreditado para su campo y nivel",
                            "\(fact.issuerDID) não está no registro de confiança ou não está acreditado para sua área e nível",
                            "\(fact.issuerDID) is not in the trust registry or not accredited for its field and level")
                case nil:
                    why = t("no se consultó el registro de confianza", "o registro de confiança não foi consultado",
                            "the trust registry was not consulted")
                }
                check(fact.trustedForScope == true, t("emisor de confianza", "emissor confiável", "trusted issuer"), why)
            }
            if let maximum = criteria.maximumAgeMonths {
                let criterion = t(
                    "antigüedad máxima de \(maximum) meses", "idade máxima de \(maximum) meses", "at most \(maximum) months old")
                if let issued = fact.issuedAt, let limit = calendar.date(byAdding: .month, value: maximum, to: issued) {
                    let months = max(0, calendar.dateComponents([.month], from: issued, to: date).month ?? 0)
                    let day = String(XSDDateTime.format(issued).prefix(10))
                    check(
                        date <= limit, criterion,
                        t("emitida el \(day), hace \(months) meses", "emitida em \(day), há \(months) meses",
                          "issued on \(day), \(months) months ago"))
                } else {
                    check(false, criterion, t("no indica fecha de emisión", "não indica data de emissão", "it states no issue date"))
                }
            }
            if !accepted.isEmpty {
                let id = fact.achievementID ?? "—"
                let met = fact.achievementID.map { accepted.contains($0.lowercased()) } ?? false
                check(met, t("logro aceptado", "conquista aceita", "accepted achievement"),
                      met ? t("\(id) está en la lista", "\(id) está na lista", "\(id) is listed")
                          : t("\(id) no está en la lista", "\(id) não está na lista", "\(id) is not listed"))
            }
            if !criteria.fields.isEmpty {
                let field = fact.iscedField ?? "—"
                let list = criteria.fields.joined(separator: ", ")
                let met = fact.iscedField.map { code in criteria.fields.contains { code.hasPrefix($0) } } ?? false
                check(met, t("campo ISCED-F", "área CINE-F", "ISCED-F field"),
                      t("\(field), se acepta \(list)", "\(field), aceita-se \(list)", "\(field), accepted: \(list)"))
            }
            if let minimum = criteria.minimumEQFLevel {
                let level = fact.eqfLevel.map(String.init) ?? "—"
                check(
                    (fact.eqfLevel ?? 0) >= minimum,
                    t("nivel MEC mínimo \(minimum)", "nível QEQ mínimo \(minimum)", "EQF level \(minimum) or higher"),
                    t("nivel \(level)", "nível \(level)", "level \(level)"))
            }
            if let found = CreditConversion.hours(of: fact, preferring: system, reference: reference) {
                let own = found.hours, source = found.source
                totalHours += own
                hourTerms.append(own)
                reasons.append(line(
                    who, nil, t("horas", "horas", "hours"),
                    t("\(n(own)) h (\(source.text(.es)))", "\(n(own)) h (\(source.text(.pt)))",
                      "\(e(own)) h (\(source.text(.en)))")))
            } else {
                reasons.append(line(who, nil, t("horas", "horas", "hours"),
                    t("no indica carga de trabajo ni créditos convertibles", "não indica carga horária nem créditos conversíveis",
                      "it states neither a workload nor convertible credits")))
            }
        }

        // Workload and skills, over the credentials together.
        var shortfall = false
        var hours = totalHours
        if hourTerms.count > 1 {
            let sumES = hourTerms.map(n).joined(separator: " + "), sumEN = hourTerms.map(e).joined(separator: " + ")
            reasons.append(line(nil, nil, t("horas sumadas", "horas somadas", "hours added up"),
                t("\(sumES) = \(n(totalHours)) h", "\(sumES) = \(n(totalHours)) h", "\(sumEN) = \(e(totalHours)) h")))
        }
        if let minimum = criteria.minimumWorkloadHours {
            let met = totalHours >= minimum
            if !met { shortfall = true }
            reasons.append(line(nil, met, t("carga de trabajo mínima", "carga horária mínima", "minimum workload"),
                t("\(n(totalHours)) h \(met ? "≥" : "<") \(n(minimum)) h", "\(n(totalHours)) h \(met ? "≥" : "<") \(n(minimum)) h",
                  "\(e(totalHours)) h \(met ? "≥" : "<") \(e(minimum)) h")))
        }
        let skills = Set(facts.flatMap(\.skills))
        var required = 0, found = 0
        if !criteria.skillsAll.isEmpty {
            let missing = criteria.skillsAll.filter { !skills.contains($0) }
            required += criteria.skillsAll.count
            found += criteria.skillsAll.count - missing.count
            if !missing.isEmpty { shortfall = true }
            let list = missing.joined(separator: ", ")
            reasons.append(line(
                nil, missing.isEmpty, t("competencias requeridas", "competências exigidas", "required skills"),
                missing.isEmpty
                    ? t("están todas", "estão todas", "all present") : t("faltan \(list)", "faltam \(list)", "missing \(list)")))
        }
        if !criteria.skillsAny.isEmpty {
            let present = criteria.skillsAny.filter(skills.contains)
            required += 1
            if present.isEmpty { shortfall = true } else { found += 1 }
            let list = (present.isEmpty ? criteria.skillsAny : present).joined(separator: ", ")
            reasons.append(line(
                nil, !present.isEmpty, t("al menos una competencia", "pelo menos uma competência", "at least one skill"),
                present.isEmpty
                    ? t("ninguna de \(list)", "nenhuma de \(list)", "none of \(list)")
                    : t("presente: \(list)", "presente: \(list)", "present: \(list)")))
        }

        if blocked {
            return refused(
                t("Resultado: rechazo, porque una credencial no cumple un criterio que la regla no admite en parte.",
                  "Resultado: recusa, porque uma credencial não atende um critério que a regra não admite em parte.",
                  "Result: refusal, because a credential fails a criterion the rule does not accept in part."))
        }
        if shortfall {
            guard rule.outcome.partialBelowCriteria else {
                return refused(t("Resultado: rechazo; la regla no prevé reconocimiento parcial.",
                                 "Resultado: recusa; a regra não prevê reconhecimento parcial.",
                                 "Result: refusal; the rule provides for no partial recognition."))
            }
            let partial = t("reconocimiento parcial", "reconhecimento parcial", "partial recognition")
            if required > 0 && found < required {
                hours = totalHours * Double(found) / Double(required)
                reasons.append(line(nil, nil, partial,
                    t("\(found) de \(required) requisitos de competencias: \(n(totalHours)) h × \(found)/\(required) = \(n(hours)) h",
                      "\(found) de \(required) requisitos de competências: \(n(totalHours)) h × \(found)/\(required) = \(n(hours)) h",
                      "\(found) of \(required) skill requirements: \(e(totalHours)) h × \(found)/\(required) = \(e(hours)) h")))
            } else {
                reasons.append(line(nil, nil, partial,
                    t("se convierten las \(n(hours)) h presentadas", "convertem-se as \(n(hours)) h apresentadas",
                      "the \(e(hours)) h submitted are converted")))
            }
        }
        let converted: (value: Double, explanation: LocalizedText)
        do {
            converted = try CreditConversion.credits(hours: hours, to: system, rounding: rule.outcome.rounding, reference: reference)
        } catch {
            // Only for a rule built without validation: RecognitionRuleInput refuses such systems.
            return refused(
                t("Resultado: rechazo; \(system) no tiene horas por crédito en los datos de referencia.",
                  "Resultado: recusa; \(system) não tem horas por crédito nos dados de referência.",
                  "Result: refusal; \(system) has no hours per credit in the reference data."))
        }
        var credits = converted.value
        if let maximum = rule.outcome.maximumCredits, credits > maximum {
            credits = maximum
            reasons.append(line(nil, nil, t("tope", "limite", "cap"),
                t("la regla reconoce como máximo \(n(maximum)) créditos", "a regra reconhece no máximo \(n(maximum)) créditos",
                  "the rule grants at most \(e(maximum)) credits")))
        }
        guard credits > 0 else {
            return refused(t("Resultado: rechazo; las horas no alcanzan el mínimo que deja el redondeo.",
                             "Resultado: recusa; as horas não alcançam o mínimo que o arredondamento deixa.",
                             "Result: refusal; the hours fall short of the smallest amount the rounding keeps."))
        }
        return RecognitionProposal(
            outcome: shortfall ? .partial : .recognised, credits: credits, creditSystem: system, reasons: reasons,
            conversion: converted.explanation)
    }

    /// The accepted achievement ids, lower-cased: each entry as given, with `urn:uuid:` when it is a
    /// bare UUID, and for a UUID the achievement ids of its first ``specVersions`` versions.
    static func acceptedAchievements(_ entries: [String]) -> Set<String> {
        var ids: Set<String> = []
        for entry in entries.map({ $0.lowercased() }) {
            ids.insert(entry)
            let bare = entry.hasPrefix("urn:uuid:") ? String(entry.dropFirst(9)) : entry
            guard let spec = UUID(uuidString: bare) else { continue }
            ids.insert("urn:uuid:" + bare)
            for version in specVersions {
                ids.insert("urn:uuid:" + UUID(namespace: spec, name: "version/\(version)").uuidString.lowercased())
            }
        }
        return ids
    }

    /// "«Soldadura» (Instituto) — campo ISCED-F: cumple (0715, se acepta 07)"; without a verdict
    /// for lines that only inform.
    static func line(_ subject: String?, _ met: Bool?, _ criterion: LocalizedText, _ why: LocalizedText) -> LocalizedText {
        var values: [String: String] = [:]
        for language in Language.allCases {
            let prefix = subject.map { $0 + " — " } ?? ""
            let verdict: String
            switch (met, language) {
            case (nil, _): verdict = why.text(language)
            case (true?, .es): verdict = "cumple (\(why.text(language)))"
            case (true?, .pt): verdict = "atende (\(why.text(language)))"
            case (true?, .en): verdict = "met (\(why.text(language)))"
            case (false?, .es): verdict = "no cumple (\(why.text(language)))"
            case (false?, .pt): verdict = "não atende (\(why.text(language)))"
            case (false?, .en): verdict = "not met (\(why.text(language)))"
            }
            values[language.rawValue] = "\(prefix)\(criterion.text(language)): \(verdict)"
        }
        return LocalizedText(values)
    }

    static func t(_ es: String, _ pt: String, _ en: String) -> LocalizedText { LocalizedText(es: es, en: en, pt: pt) }
    /// A number in Spanish and Portuguese (decimal comma).
    static func n(_ value: Double) -> String { CreditConversion.format(value, .es) }
    /// A number in English.
    static func e(_ value: Double) -> String { CreditConversion.format(value, .en) }
}
