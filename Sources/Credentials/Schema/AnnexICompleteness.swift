import LinkedData

/// An element of a micro-credential, as Annex I of the Council Recommendation on a European
/// approach to micro-credentials for lifelong learning and employability (2022/C 243/02) lists
/// them: eleven mandatory elements, (a) to (k), and five optional ones.
///
/// https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022H0627(02)
public enum AnnexIElement: String, Sendable, Hashable, CaseIterable, Codable {
    // Mandatory elements, in the order of Annex I.
    case learner, title, country, awardingBody, dateOfIssuing, learningOutcomes, workload, level, assessment,
        participation, qualityAssurance
    // Optional elements.
    case prerequisites, supervision, grade, stackability, furtherInformation

    /// Whether Annex I lists the element as mandatory.
    public var isMandatory: Bool {
        switch self {
        case .prerequisites, .supervision, .grade, .stackability, .furtherInformation: return false
        default: return true
        }
    }

    /// Whether the element is mandatory only where it applies: Annex I asks for the level (EQF,
    /// QF-EHEA) "if applicable", so a credential without one is reported but not failed.
    public var isConditional: Bool { self == .level }

    /// The element's name as a message, for pages.
    public var message: Message { Message("schema.annexI.\(rawValue)") }

    /// The element's name in `language`.
    public func name(_ language: Language) -> String { message.text(language) }
}

/// Which Annex I elements a micro-credential states and which it lacks.
public struct AnnexIReport: Sendable, Hashable {
    /// The elements found, in Annex I order.
    public var present: [AnnexIElement]
    /// Mandatory elements not found.
    public var missingMandatory: [AnnexIElement]
    /// Elements mandatory only where they apply (the level), not found; they do not fail a credential.
    public var missingIfApplicable: [AnnexIElement]
    /// Optional elements not found.
    public var missingOptional: [AnnexIElement]

    /// Whether every mandatory element is there.
    public var isComplete: Bool { missingMandatory.isEmpty }
}

extension SchemaCheck {
    /// The Annex I elements of a micro-credential: a credential whose subject's achievement has
    /// `achievementType` `MicroCredential`; `nil` for any other credential.
    ///
    /// Elements are read from OB 3.0 fields and from the terms of Mochila's inline context
    /// (`workloadHours`, `participationForm`, `qualityAssurance`…), on the achievement or else on
    /// the credential subject:
    ///
    /// - (a) learner: `credentialSubject.id`, `identifier` or `name`
    /// - (b) title: `achievement.name`
    /// - (c) country: `issuer.address.addressCountryCode` or `addressCountry`
    /// - (d) awarding body: `issuer` with an `id` and a `name`
    /// - (e) date of issuing: `validFrom`, `awardedDate` or `issuanceDate`
    /// - (f) learning outcomes: `learningOutcome`, `criteria.narrative` or `resultDescription`
    /// - (g) workload: `workloadHours`, `credit` or `creditsAvailable`
    /// - (h) level: `eqfLevel`, an `alignment` to the EQF, or `nationalLevel`
    /// - (i)–(k): `assessmentType`, `participationForm`, `qualityAssurance`
    /// - optional: `prerequisites`, `supervision`, grade (`credentialSubject.result`),
    ///   `stackability`, `furtherInformation`
    public static func annexI(_ credential: JSONObject) -> AnnexIReport? {
        let subjects = credential["credentialSubject"]?.asArray ?? []
        guard let subject = subjects.first(where: AnnexIReader.isMicroCredentialSubject) else { return nil }
        let reader = AnnexIReader(credential: credential, subject: subject)
        var report = AnnexIReport(present: [], missingMandatory: [], missingIfApplicable: [], missingOptional: [])
        for element in AnnexIElement.allCases {
            if reader.states(element) {
                report.present.append(element)
            } else if element.isConditional {
                report.missingIfApplicable.append(element)
            } else if element.isMandatory {
                report.missingMandatory.append(element)
            } else {
                report.missingOptional.append(element)
            }
        }
        return report
    }
}

/// Finds the Annex I elements in a credential's JSON.
struct AnnexIReader {
    let credential: JSONObject
    let subject: JSONValue
    var achievement: JSONValue { subject["achievement"] ?? .null }
    var issuer: JSONValue { credential["issuer"] ?? .null }

    static func isMicroCredentialSubject(_ subject: JSONValue) -> Bool {
        subject["achievement"]?["achievementType"]?.asArray.contains("MicroCredential") == true
    }

    /// A term of Mochila's context: on the achievement, else on the subject.
    func term(_ name: String) -> JSONValue? {
        achievement[name] ?? subject[name]
    }

    func states(_ element: AnnexIElement) -> Bool {
        let has = AnnexIReader.hasContent
        switch element {
        case .learner: return has(subject["id"]) || has(subject["identifier"]) || has(subject["name"])
        case .title: return has(achievement["name"])
        case .country:
            let address = issuer["address"]
            return has(address?["addressCountryCode"]) || has(address?["addressCountry"])
        case .awardingBody: return has(issuer["id"]) && has(issuer["name"])
        case .dateOfIssuing:
            return has(credential["validFrom"]) || has(credential["awardedDate"]) || has(credential["issuanceDate"])
        case .learningOutcomes:
            return has(achievement["learningOutcome"]) || has(achievement["criteria"]?["narrative"])
                || has(achievement["resultDescription"])
        case .workload: return has(term("workloadHours")) || has(term("credit")) || has(achievement["creditsAvailable"])
        case .level:
            let alignsToEQF = (achievement["alignment"]?.asArray ?? []).contains { alignment in
                guard let framework = alignment["targetFramework"]?.stringValue else { return false }
                // The standard library's search: Foundation's, once per alignment (50 ESCO skills),
                // was 1 % of a verification.
                return framework.utf8.firstRange(of: "EQF".utf8) != nil
                    || framework.lowercased().utf8.firstRange(of: "european qualifications framework".utf8) != nil
            }
            return has(term("eqfLevel")) || alignsToEQF || has(term("nationalLevel"))
        case .assessment: return has(term("assessmentType"))
        case .participation: return has(term("participationForm"))
        case .qualityAssurance: return has(term("qualityAssurance"))
        case .prerequisites: return has(term("prerequisites"))
        case .supervision: return has(term("supervision"))
        case .grade: return has(subject["result"])
        case .stackability: return has(term("stackability"))
        case .furtherInformation: return has(term("furtherInformation"))
        }
    }

    /// Whether a value states something: not absent, `null`, blank, or empty all the way down.
    static func hasContent(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: return false
        case .bool?, .number?: return true
        case .string(let text)?: return !text.allSatisfy(\.isWhitespace)
        case .array(let items)?: return items.contains { hasContent($0) }
        case .object(let object)?: return object.contains { hasContent($0.value) }
        }
    }
}
