import Credentials
import Foundation
import LinkedData

/// The credential an institution issues to a learner who met one of its pathways: an Open Badges
/// 3.0 credential whose achievement is the pathway, and that names the micro-credentials it
/// stacks and binds each by digest (``credential(credentialID:issuerProfile:baseContext:language:reference:)``).
///
/// It states what it is given; the node evaluates the presented credentials first
/// (``PathwayProgress/evaluate(_:facts:at:reference:)``) and issues it only when the progress is met.
public struct StackedCredential: Sendable, Hashable, Codable {
    public var pathway: Pathway
    /// The institution that awards it: its DID and name.
    public var institution: RecognitionDecision.Party
    public var learnerName: String
    public var learnerDID: String?
    /// The credentials that count, as verified and read: ``PathwayProgress/parts(from:)``.
    public var parts: [RecognitionFacts]
    public var issuedAt: Date

    public init(
        pathway: Pathway, institution: RecognitionDecision.Party, learnerName: String, learnerDID: String?,
        parts: [RecognitionFacts], issuedAt: Date
    ) {
        self.pathway = pathway
        self.institution = institution
        self.learnerName = learnerName
        self.learnerDID = learnerDID
        self.parts = parts
        self.issuedAt = issuedAt
    }

    /// The terms a stacked credential adds to ``MochilaContext/inline``, in the same vocabulary and,
    /// like it, without type coercion of numbers. The inline terms the credential uses are repeated,
    /// identically, so the object also works after the published contexts alone.
    ///
    /// The part's terms live only inside `pathway`, so `version` cannot clash with OB's Achievement
    /// `version`, nor `achievement` and `issuer` with the OB and VC terms of the same name.
    public static let pathwayContext: JSONValue = {
        var object = JSONObject()
        object["mc"] = .string(MochilaContext.vocabulary)
        let repeated = ["workloadHours", "creditSystem", "creditValue", "CreditValue", "credit", "eqfLevel"]
        for term in repeated + ["1EdTechJsonSchemaValidator2019"] {
            object[term] = MochilaContext.inline[term]
        }
        object["pathway"] = [
            "@id": "mc:pathway",
            "@context": [
                "version": "mc:pathwayVersion",
                "part": ["@id": "mc:pathwayPart", "@container": "@list"],
                "credential": ["@id": "mc:partCredential", "@type": "@id"],
                "achievement": ["@id": "mc:partAchievement", "@type": "@id"],
                "issuer": ["@id": "mc:partIssuer", "@type": "@id"],
            ],
        ]
        return .object(object)
    }()

    /// The `@context` of a stacked credential with Mochila's usual contexts.
    public static var defaultContext: [JSONValue] { MochilaContext.credentialContext.asArray + [pathwayContext] }

    /// The hours of learning the credential states: the award's, else the parts' added up (each
    /// one's workload, else its credits converted); `nil` when neither gives any.
    public func workloadHours(reference: ReferenceData = .bundled) -> Double? {
        if let hours = pathway.award.workloadHours { return hours }
        let hours = parts.compactMap { CreditConversion.hours(of: $0, preferring: "ECTS", reference: reference)?.hours }
        return hours.isEmpty ? nil : hours.reduce(0, +)
    }

    /// The award's credits in ECTS: as stated, or converted through hours and rounded to hundredths.
    /// Note: OB 3.0 does not say which system `creditsAvailable` counts in; Mochila writes and
    /// reads it as ECTS (``RecognitionFacts/read(_:bytes:verified:trustedForScope:)``).
    public func ectsCredits(reference: ReferenceData = .bundled) -> Double? {
        guard let credits = pathway.award.credits, let system = pathway.award.creditSystem else { return nil }
        if system == "ECTS" { return credits }
        guard let hours = try? CreditConversion.hours(credits: credits, system: system, reference: reference),
            let perCredit = try? CreditConversion.hoursPerCredit("ECTS", reference: reference)
        else { return nil }
        return (hours / perCredit * 100).rounded() / 100
    }

    /// The unsigned Open Badges 3.0 credential, for the institution to sign.
    ///
    /// The subject's achievement is the pathway version (`achievementType` `Diploma`: in OB 3.0,
    /// after CTDL, a credential awarded by an educational institution for completing a course of
    /// study, which a diplomado is), with the requirement in words as its criteria and the award's
    /// credits, level, field and workload. The subject's `pathway` lists the parts in order, and
    /// VCDM 2.0 §5.3 `relatedResource` binds each part credential with the `digestSRI` of its bytes.
    /// - Parameters:
    ///   - issuerProfile: the institution's OB `Profile` (`id`, `type`, `name`…).
    ///   - baseContext: the contexts before ``pathwayContext``, normally ``MochilaContext/credentialContext``.
    ///   - language: the language of the texts.
    public func credential(
        credentialID: String, issuerProfile: JSONObject, baseContext: [JSONValue], language: Language = .es,
        reference: ReferenceData = .bundled
    ) -> JSONObject {
        let name = pathway.name.text(language)
        var achievement: JSONObject = [
            "id": .string(pathway.achievementID),
            "type": ["Achievement"],
            "achievementType": "Diploma",
            "name": .string(name),
            "description": .string(pathway.description.text(language)),
            "criteria": ["narrative": .string(pathway.narrative.text(language))],
        ]
        var alignments: [JSONValue] = []
        if let level = pathway.award.eqfLevel, let eqf = reference.eqfLevels[level] {
            let label: String
            switch language {
            case .es: label = "MEC nivel \(level)"
            case .pt: label = "QEQ nível \(level)"
            case .en: label = "EQF level \(level)"
            }
            alignments.append([
                "type": ["Alignment"], "targetName": .string(label), "targetUrl": .string(eqf.uri),
                "targetFramework": "European Qualifications Framework (EQF)", "targetCode": .string(String(level)),
            ])
        }
        let field = reference.fields[pathway.award.iscedField]
        if let field, let uri = field.uri {
            alignments.append([
                "type": ["Alignment"], "targetName": .string(field.name.text(language)), "targetUrl": .string(uri),
                "targetFramework": "ISCED-F 2013", "targetCode": .string(field.code),
            ])
        }
        if !alignments.isEmpty { achievement["alignment"] = .array(alignments) }
        let ects = ectsCredits(reference: reference)
        if let ects { achievement["creditsAvailable"] = .number(ects) }
        if let field { achievement["fieldOfStudy"] = .string(field.name.text(language)) }
        achievement["inLanguage"] = .string(language.rawValue)
        achievement["version"] = .string(String(pathway.version))
        achievement["creator"] = .object(issuerProfile)
        // Annex I elements (MochilaContext).
        if let hours = workloadHours(reference: reference) { achievement["workloadHours"] = .number(hours) }
        if let credits = pathway.award.credits, let system = pathway.award.creditSystem {
            achievement["credit"] = [["type": "CreditValue", "creditSystem": .string(system), "creditValue": .number(credits)]]
        }
        if let level = pathway.award.eqfLevel, let eqf = reference.eqfLevels[level] { achievement["eqfLevel"] = .string(eqf.uri) }

        // VCDM 2.0 §5.3: one entry per resource id; the parts list follows the same order.
        var seen: Set<String> = []
        let parts = self.parts.filter { seen.insert($0.credentialID).inserted }
        let list: [JSONValue] = parts.map { part in
            var entry: JSONObject = ["credential": .string(part.credentialID)]
            if let id = part.achievementID { entry["achievement"] = .string(id) }
            entry["name"] = .string(part.achievementName)
            var issuer: JSONObject = [:]
            if !part.issuerDID.isEmpty { issuer["id"] = .string(part.issuerDID) }
            issuer["name"] = .string(part.issuerName)
            entry["issuer"] = .object(issuer)
            return .object(entry)
        }

        var subject: JSONObject = ["type": ["AchievementSubject"]]
        if let learnerDID { subject["id"] = .string(learnerDID) }
        subject["name"] = .string(learnerName)
        subject["achievement"] = .object(achievement)
        if let ects { subject["creditsEarned"] = .number(ects) }
        subject["pathway"] = [
            "id": .string("urn:uuid:" + pathway.id.uuidString.lowercased()),
            "version": .number(Double(pathway.version)),
            "part": .array(list),
        ]

        var credential: JSONObject = [
            "@context": .array(baseContext + [StackedCredential.pathwayContext]),
            "id": .string(credentialID),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": .string(name),
            "issuer": .object(issuerProfile),
            "validFrom": .string(XSDDateTime.format(issuedAt)),
        ]
        credential["awardedDate"] = .string(XSDDateTime.format(issuedAt))
        credential["credentialSubject"] = .object(subject)
        if !parts.isEmpty {
            credential["relatedResource"] = .array(parts.map { ["id": .string($0.credentialID), "digestSRI": .string($0.digest)] })
        }
        credential["credentialSchema"] = [
            ["id": .string(MochilaContext.openBadgesSchema), "type": .string(SchemaCheck.validatorType)]
        ]
        return credential
    }
}
