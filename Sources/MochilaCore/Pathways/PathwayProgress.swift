import Credentials
import Foundation

/// How far a learner's credentials go towards a pathway: one line per part, credential or skill,
/// the credentials that count, and a summary in words.
///
/// The learner sees it as a progress bar; when it is ``met`` they claim the stacked credential, and
/// the institution's node evaluates the presented credentials again before issuing it.
public struct PathwayProgress: Sendable, Hashable, Codable {
    /// One thing the learner can tick off: a part (`allOf`, `nOf`), a credential (`credits`) or a skill (`skills`).
    public struct Line: Sendable, Hashable, Codable {
        public var name: LocalizedText
        public var met: Bool
        /// The ids of the credentials that satisfy the line.
        public var by: [String]
        /// Which credential satisfies the line, its credits, or why a matching credential does not count.
        public var note: LocalizedText?

        public init(name: LocalizedText, met: Bool, by: [String], note: LocalizedText?) {
            self.name = name
            self.met = met
            self.by = by
            self.note = note
        }
    }

    public var met: Bool
    /// From 0 to 1, for a progress bar; 1 exactly when ``met``.
    public var fraction: Double
    public var lines: [Line]
    /// The ids of the credentials that count, in the order of the parts (`allOf`, `nOf`) or as presented.
    public var used: [String]
    public var summary: LocalizedText

    public init(met: Bool, fraction: Double, lines: [Line], used: [String], summary: LocalizedText) {
        self.met = met
        self.fraction = fraction
        self.lines = lines
        self.used = used
        self.summary = summary
    }

    /// The facts of ``used``, in its order: the parts of the ``StackedCredential``.
    public func parts(from facts: [RecognitionFacts]) -> [RecognitionFacts] {
        used.compactMap { id in facts.first { $0.credentialID == id } }
    }

    /// Evaluates `pathway` against a learner's credentials.
    ///
    /// - A credential counts only if it is verified and meets every condition of the pathway; a
    ///   line it would have satisfied says why it does not count. A credential presented twice counts once.
    /// - `allOf` and `nOf`: each part needs its own credential; when parts overlap, the credentials
    ///   are assigned so that as many parts as possible are met.
    /// - `credits`: each credential's credits in the pathway's system, as stated, else its credits
    ///   in another system or its workload converted through hours (``CreditConversion``), unrounded.
    /// - `skills`: the skills of all counting credentials together.
    /// - Parameter date: the moment of evaluation, for `maximumAgeMonths`.
    public static func evaluate(
        _ pathway: Pathway, facts: [RecognitionFacts], at date: Date, reference: ReferenceData = .bundled
    ) -> PathwayProgress {
        var seen: Set<String> = []
        let facts = facts.filter { seen.insert($0.credentialID).inserted }
        let exclusions = facts.map { exclusion($0, pathway.conditions, at: date) }
        let eligible = facts.indices.filter { exclusions[$0] == nil }
        var blocked: Set<Int> = []
        var lines: [Line] = [], used: [String] = []
        let met: Bool, fraction: Double, body: LocalizedText

        func label(_ index: Int) -> String { "«\(facts[index].achievementName)» (\(facts[index].issuerName))" }
        /// "«X» (Y) no cuenta: …" for each excluded credential in `indices`.
        func excluded(_ indices: [Int]) -> LocalizedText? {
            guard !indices.isEmpty else { return nil }
            blocked.formUnion(indices)
            return join(indices.map { index in
                let why = exclusions[index]!
                return localized { "\(label(index)) \(t("no cuenta", "não conta", "does not count").text($0)): \(why.text($0))." }
            }, " ")
        }
        let accepted = pathway.requirement.parts.map { RecognitionProposal.acceptedAchievements($0.achievements) }
        func matches(_ index: Int, _ fact: Int) -> Bool {
            let part = pathway.requirement.parts[index], fact = facts[fact]
            let achievement = part.achievements.isEmpty || fact.achievementID.map { accepted[index].contains($0.lowercased()) } == true
            let field = part.fields.isEmpty || fact.iscedField.map { code in part.fields.contains { code.hasPrefix($0) } } == true
            return achievement && field
        }

        switch pathway.requirement {
        case .allOf(let parts), .nOf(_, let parts):
            var needed = parts.count
            if case .nOf(let n, _) = pathway.requirement { needed = max(1, n) }
            let assigned = assign(parts: parts.count, facts: eligible, matches)
            for (index, part) in parts.enumerated() {
                if let fact = assigned[index] {
                    used.append(facts[fact].credentialID)
                    lines.append(Line(name: part.name, met: true, by: [facts[fact].credentialID], note: LocalizedText(es: label(fact))))
                } else {
                    let matching = facts.indices.filter { exclusions[$0] != nil && matches(index, $0) }
                    lines.append(Line(name: part.name, met: false, by: [], note: excluded(matching)))
                }
            }
            met = used.count >= needed
            fraction = parts.isEmpty ? 0 : Double(min(used.count, needed)) / Double(needed)
            let all = needed == parts.count && pathway.requirement.kind == .allOf
            body = t("\(used.count) de \(parts.count) partes cumplidas; se requieren \(all ? "todas" : String(needed)).",
                     "\(used.count) de \(parts.count) partes cumpridas; exigem-se \(all ? "todas" : String(needed)).",
                     "\(used.count) of \(parts.count) parts met; \(all ? "all are" : String(needed)) required.")

        case .credits(let minimum, let system, let parts):
            var values: [Double] = [], conversions: [LocalizedText] = []
            for index in facts.indices where parts.isEmpty || parts.indices.contains(where: { matches($0, index) }) {
                let fact = facts[index], name = LocalizedText(es: label(index))
                if exclusions[index] != nil {
                    lines.append(Line(name: name, met: false, by: [], note: excluded([index])))
                } else if let credit = credits(of: fact, in: system, reference: reference) {
                    values.append(credit.value)
                    used.append(fact.credentialID)
                    if credit.converted { conversions.append(credit.how) }
                    lines.append(Line(name: name, met: true, by: [fact.credentialID], note: credit.how))
                } else {
                    lines.append(Line(name: name, met: false, by: [], note: t(
                        "no indica créditos ni carga de trabajo", "não indica créditos nem carga horária",
                        "it states neither credits nor a workload")))
                }
            }
            let total = values.reduce(0, +)
            met = total + 1e-9 >= minimum
            fraction = min(1, total / minimum)
            func sum(_ f: (Double) -> String) -> String {
                values.count > 1 ? values.map(f).joined(separator: " + ") + " = " + f(total) : f(total)
            }
            var text = t("\(sum(T.n)) créditos \(system) de los \(T.n(minimum)) requeridos.",
                         "\(sum(T.n)) créditos \(system) dos \(T.n(minimum)) exigidos.",
                         "\(sum(T.e)) \(system) credits of the \(T.e(minimum)) required.")
            if !conversions.isEmpty {
                let how = join([t("Conversión por horas de aprendizaje, con el punto medio de cada sistema: ",
                                  "Conversão por horas de aprendizagem, com o ponto médio de cada sistema: ",
                                  "Converted through hours of learning, at each system's midpoint: "),
                                join(conversions, "; "), LocalizedText(es: ".")], "")
                text = join([text, how], " ")
            }
            body = text

        case .skills(let skills):
            var covered = 0
            for skill in skills {
                let by = eligible.filter { facts[$0].skills.contains(skill) }
                if !by.isEmpty { covered += 1 }
                let note = by.isEmpty
                    ? excluded(facts.indices.filter { exclusions[$0] != nil && facts[$0].skills.contains(skill) })
                    : LocalizedText(es: by.map(label).joined(separator: ", "))
                lines.append(Line(name: LocalizedText(es: skill), met: !by.isEmpty, by: by.map { facts[$0].credentialID }, note: note))
            }
            used = eligible.filter { facts[$0].skills.contains(where: skills.contains) }.map { facts[$0].credentialID }
            met = covered == skills.count
            fraction = skills.isEmpty ? 0 : Double(covered) / Double(skills.count)
            let missing = skills.filter { skill in !eligible.contains { facts[$0].skills.contains(skill) } }.joined(separator: ", ")
            body = met
                ? t("\(covered) de \(skills.count) competencias cubiertas.", "\(covered) de \(skills.count) competências cobertas.",
                    "\(covered) of \(skills.count) skills covered.")
                : t("\(covered) de \(skills.count) competencias cubiertas; faltan: \(missing).",
                    "\(covered) de \(skills.count) competências cobertas; faltam: \(missing).",
                    "\(covered) of \(skills.count) skills covered; missing: \(missing).")
        }

        var parts = [met ? t("Cumplido.", "Cumprido.", "Met.") : t("Pendiente.", "Pendente.", "Not yet met."), body]
        if blocked.count == 1 {
            parts.append(t("1 credencial no cuenta por las condiciones del itinerario.",
                           "1 credencial não conta pelas condições do percurso.",
                           "1 credential does not count because of the pathway's conditions."))
        } else if blocked.count > 1 {
            parts.append(t("\(blocked.count) credenciales no cuentan por las condiciones del itinerario.",
                           "\(blocked.count) credenciais não contam pelas condições do percurso.",
                           "\(blocked.count) credentials do not count because of the pathway's conditions."))
        }
        return PathwayProgress(
            met: met, fraction: met ? 1 : fraction, lines: lines, used: used, summary: join(parts, " "))
    }

    /// Why a credential cannot count under `conditions`, every reason joined; `nil` when it can.
    static func exclusion(_ fact: RecognitionFacts, _ conditions: Pathway.Conditions, at date: Date) -> LocalizedText? {
        var reasons: [LocalizedText] = []
        if !fact.verified {
            reasons.append(t("no está verificada", "não está verificada", "it is not verified"))
        }
        if conditions.requireTrustedIssuer && fact.trustedForScope != true {
            let issuer = fact.issuerDID
            reasons.append(fact.trustedForScope == nil
                ? t("no se consultó el registro de confianza", "o registro de confiança não foi consultado",
                    "the trust registry was not consulted")
                : t("el emisor \(issuer) no está en el registro de confianza o no está acreditado para su campo y nivel",
                    "o emissor \(issuer) não está no registro de confiança ou não está acreditado para sua área e nível",
                    "the issuer \(issuer) is not in the trust registry or not accredited for its field and level"))
        }
        if let maximum = conditions.maximumAgeMonths {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            if let issued = fact.issuedAt, let limit = calendar.date(byAdding: .month, value: maximum, to: issued) {
                if date > limit {
                    let months = calendar.dateComponents([.month], from: issued, to: date).month ?? 0
                    let day = String(XSDDateTime.format(issued).prefix(10))
                    reasons.append(t("emitida el \(day), hace \(months) meses (máximo \(maximum))",
                                     "emitida em \(day), há \(months) meses (máximo \(maximum))",
                                     "issued on \(day), \(months) months ago (at most \(maximum))"))
                }
            } else {
                reasons.append(t("no indica fecha de emisión", "não indica data de emissão", "it states no issue date"))
            }
        }
        if let minimum = conditions.minimumEQFLevel, (fact.eqfLevel ?? 0) < minimum {
            let level = fact.eqfLevel.map(String.init) ?? "—"
            reasons.append(t("nivel MEC \(level), se requiere \(minimum) o superior",
                             "nível QEQ \(level), exige-se \(minimum) ou superior",
                             "EQF level \(level), \(minimum) or higher required"))
        }
        return reasons.isEmpty ? nil : join(reasons, "; ")
    }

    /// The credits of `fact` in `system` and how they were found: as stated in `system`; else its
    /// credits of another system (ECTS first) or its workload, through hours at each system's midpoint.
    static func credits(
        of fact: RecognitionFacts, in system: String, reference: ReferenceData
    ) -> (value: Double, converted: Bool, how: LocalizedText)? {
        if let own = fact.credits.first(where: { $0.system == system && $0.value > 0 }) {
            return (own.value, false, localized { "\(f(own.value, $0)) \(system)" })
        }
        guard let perCredit = try? CreditConversion.hoursPerCredit(system, reference: reference) else { return nil }
        for credit in fact.credits.filter({ $0.system == "ECTS" }) + fact.credits where credit.value > 0 {
            guard let hours = try? CreditConversion.hours(credits: credit.value, system: credit.system, reference: reference) else {
                continue
            }
            let value = hours / perCredit
            return (value, true, localized { "\(f(credit.value, $0)) \(credit.system) = \(f(hours, $0)) h = \(f(value, $0)) \(system)" })
        }
        if let hours = fact.workloadHours, hours > 0 {
            let value = hours / perCredit
            return (value, true, localized { "\(f(hours, $0)) h = \(f(value, $0)) \(system)" })
        }
        return nil
    }

    /// For each part, the index of the credential assigned to it: each credential serves one part
    /// at most, and as many parts as possible are met (augmenting paths, Kuhn's algorithm).
    ///
    /// A part once met stays met, so parts with fewer matching credentials go first: when one must
    /// stay unmet it is the broad one ("any 071 credential"), not the one naming the learner's
    /// credential. Ties go to the earlier part and credential, so the same input gives the same result.
    static func assign(parts: Int, facts: [Int], _ matches: (Int, Int) -> Bool) -> [Int?] {
        let candidates = (0..<parts).map { part in facts.filter { matches(part, $0) } }
        let order = (0..<parts).sorted { (candidates[$0].count, $0) < (candidates[$1].count, $1) }
        var owner: [Int: Int] = [:]
        func augment(_ part: Int, _ visited: inout Set<Int>) -> Bool {
            for fact in candidates[part] where visited.insert(fact).inserted {
                if let other = owner[fact], !augment(other, &visited) { continue }
                owner[fact] = part
                return true
            }
            return false
        }
        for part in order {
            var visited: Set<Int> = []
            _ = augment(part, &visited)
        }
        var assigned = [Int?](repeating: nil, count: parts)
        for (fact, part) in owner { assigned[part] = fact }
        return assigned
    }

    private typealias T = RecognitionProposal
    private static func t(_ es: String, _ pt: String, _ en: String) -> LocalizedText { T.t(es, pt, en) }
    private static func f(_ value: Double, _ language: Language) -> String { CreditConversion.format(value, language) }

    /// A text built the same way in every language.
    private static func localized(_ make: (Language) -> String) -> LocalizedText {
        LocalizedText(Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, make($0)) }))
    }

    private static func join(_ texts: [LocalizedText], _ separator: String) -> LocalizedText {
        localized { language in texts.map { $0.text(language) }.joined(separator: separator) }
    }
}
