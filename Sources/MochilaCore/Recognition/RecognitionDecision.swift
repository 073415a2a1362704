import Credentials
import Foundation
import LinkedData

/// An officer's decision on a recognition request, issued by the receiving institution as an
/// Open Badges 3.0 credential (``credential(credentialID:issuerProfile:baseContext:language:)``)
/// that binds, by digest, the credentials it recognises.
public struct RecognitionDecision: Sendable, Hashable, Codable {
    /// What the officer did with the node's ``RecognitionProposal``.
    public enum Decision: String, Sendable, Hashable, Codable {
        case approved, modified, refused

        public func label(_ language: Language) -> String {
            switch (self, language) {
            case (.approved, .es): return "aprobada"
            case (.approved, .pt): return "aprovada"
            case (.approved, .en): return "approved"
            case (.modified, .es), (.modified, .pt): return "modificada"
            case (.modified, .en): return "modified"
            case (.refused, .es): return "rechazada"
            case (.refused, .pt): return "recusada"
            case (.refused, .en): return "refused"
            }
        }
    }

    /// The receiving institution: its DID and name.
    public struct Party: Sendable, Hashable, Codable {
        public var did: String
        public var name: LocalizedText

        public init(did: String, name: LocalizedText) {
            self.did = did
            self.name = name
        }
    }

    public var id: UUID
    public var ruleID: UUID
    public var ruleVersion: Int
    public var ruleName: LocalizedText
    /// The rule's criteria in words (``RecognitionRule/Criteria/narrative``), for the credential's criteria.
    public var criteria: LocalizedText
    public var institution: Party
    public var learnerName: String
    public var learnerDID: String?
    /// The credentials submitted, as verified and read.
    public var sources: [RecognitionFacts]
    public var outcome: Decision
    /// Credits granted in ``creditSystem``; the credential states 0 for a refusal whatever this says.
    public var credits: Double
    public var creditSystem: String
    public var courseEquivalence: LocalizedText?
    /// The officer's reason.
    public var reason: String
    public var legalBasis: LocalizedText
    public var appealRoute: LocalizedText
    public var decidedAt: Date

    public init(
        id: UUID, ruleID: UUID, ruleVersion: Int, ruleName: LocalizedText, criteria: LocalizedText, institution: Party,
        learnerName: String, learnerDID: String?, sources: [RecognitionFacts], outcome: Decision, credits: Double,
        creditSystem: String, courseEquivalence: LocalizedText?, reason: String, legalBasis: LocalizedText,
        appealRoute: LocalizedText, decidedAt: Date
    ) {
        self.id = id
        self.ruleID = ruleID
        self.ruleVersion = ruleVersion
        self.ruleName = ruleName
        self.criteria = criteria
        self.institution = institution
        self.learnerName = learnerName
        self.learnerDID = learnerDID
        self.sources = sources
        self.outcome = outcome
        self.credits = credits
        self.creditSystem = creditSystem
        self.courseEquivalence = courseEquivalence
        self.reason = reason
        self.legalBasis = legalBasis
        self.appealRoute = appealRoute
        self.decidedAt = decidedAt
    }

    /// A decision under `rule`: its id, version, name, criteria, system, course, legal basis and
    /// appeal route are copied, so the decision stays readable when the rule changes. A refusal grants 0 credits.
    public init(
        id: UUID, rule: RecognitionRule, institution: Party, learnerName: String, learnerDID: String?,
        sources: [RecognitionFacts], outcome: Decision, credits: Double, reason: String, decidedAt: Date
    ) {
        self.init(
            id: id, ruleID: rule.id, ruleVersion: rule.version, ruleName: rule.name, criteria: rule.criteria.narrative,
            institution: institution, learnerName: learnerName, learnerDID: learnerDID, sources: sources, outcome: outcome,
            credits: outcome == .refused ? 0 : credits, creditSystem: rule.outcome.creditSystem,
            courseEquivalence: rule.outcome.courseEquivalence, reason: reason, legalBasis: rule.legalBasis,
            appealRoute: rule.appealRoute, decidedAt: decidedAt)
    }

    /// The terms a decision credential adds to ``MochilaContext/inline``, in the same vocabulary
    /// and, like it, without type coercion of numbers. `creditSystem` and the schema validator
    /// type are repeated, identically, so the object also works after the published contexts alone.
    public static let recognitionContext: JSONValue = {
        var object = JSONObject()
        object["mc"] = .string(MochilaContext.vocabulary)
        for term in ["recognition", "decision", "credits", "courseEquivalence", "legalBasis", "appealRoute", "creditSystem"] {
            object[term] = .string("mc:" + term)
        }
        object["reason"] = "mc:decisionReason"
        // The rule's `version` lives only inside `rule`, so it cannot clash with OB's Achievement `version`.
        object["rule"] = ["@id": "mc:recognitionRule", "@context": ["version": "mc:ruleVersion"]]
        object["1EdTechJsonSchemaValidator2019"] =
            "https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019"
        return .object(object)
    }()

    /// The `@context` of a decision credential with Mochila's usual contexts.
    public static var defaultContext: [JSONValue] { MochilaContext.credentialContext.asArray + [recognitionContext] }

    /// The id of the recognition achievement: one per rule version, like a spec version's achievement.
    public var achievementID: String {
        "urn:uuid:" + UUID(namespace: ruleID, name: "recognition/version/\(ruleVersion)").uuidString.lowercased()
    }

    /// The unsigned Open Badges 3.0 credential of the decision, for the institution to sign.
    ///
    /// The subject's achievement is the recognition itself (`achievementType`
    /// `ext:RecognitionDecision`), `creditsEarned` the credits granted (0 for a refusal), and
    /// `recognition` the decision, rule, credits, reason, legal basis and appeal route. Each source
    /// credential is bound by VCDM 2.0 §5.3 `relatedResource` with the `digestSRI` of its bytes.
    /// - Parameters:
    ///   - issuerProfile: the institution's OB `Profile` (`id`, `type`, `name`…).
    ///   - baseContext: the contexts before ``recognitionContext``, normally ``MochilaContext/credentialContext``.
    ///   - language: the language of the texts.
    public func credential(
        credentialID: String, issuerProfile: JSONObject, baseContext: [JSONValue], language: Language = .es
    ) -> JSONObject {
        let granted = outcome == .refused ? 0 : credits
        let name: String
        let description: String
        let ruleName = self.ruleName.text(language)
        let label = outcome.label(language)
        switch language {
        case .es:
            name = "Reconocimiento: " + ruleName
            description = "Decisión de reconocimiento según la regla «\(ruleName)», versión \(ruleVersion): \(label)."
        case .pt:
            name = "Reconhecimento: " + ruleName
            description = "Decisão de reconhecimento segundo a regra «\(ruleName)», versão \(ruleVersion): \(label)."
        case .en:
            name = "Recognition: " + ruleName
            description = "Recognition decision under the rule \"\(ruleName)\", version \(ruleVersion): \(label)."
        }
        let equivalence = outcome == .refused ? nil : courseEquivalence?.text(language)

        var achievement: JSONObject = [
            "id": .string(achievementID),
            "type": ["Achievement"],
            "achievementType": "ext:RecognitionDecision",
            "name": .string(name),
            "description": .string(equivalence.map { description + " " + $0 } ?? description),
            "criteria": ["narrative": .string(criteria.text(language))],
            "creditsAvailable": .number(granted),
            "inLanguage": .string(language.rawValue),
            "creator": .object(issuerProfile),
        ]
        achievement["version"] = .string(String(ruleVersion))

        var recognition: JSONObject = [
            "decision": .string(outcome.rawValue),
            "rule": ["id": .string("urn:uuid:" + ruleID.uuidString.lowercased()), "version": .number(Double(ruleVersion))],
            "creditSystem": .string(creditSystem),
            "credits": .number(granted),
        ]
        if let equivalence { recognition["courseEquivalence"] = .string(equivalence) }
        recognition["reason"] = .string(reason)
        recognition["legalBasis"] = .string(legalBasis.text(language))
        recognition["appealRoute"] = .string(appealRoute.text(language))

        var subject: JSONObject = ["type": ["AchievementSubject"]]
        if let learnerDID { subject["id"] = .string(learnerDID) }
        subject["name"] = .string(learnerName)
        subject["achievement"] = .object(achievement)
        subject["creditsEarned"] = .number(granted)
        subject["recognition"] = .object(recognition)

        // VCDM 2.0 §5.3: one entry per resource id.
        var seen: Set<String> = []
        let related: [JSONValue] = sources.compactMap { source in
            guard seen.insert(source.credentialID).inserted else { return nil }
            return ["id": .string(source.credentialID), "digestSRI": .string(source.digest)]
        }

        var credential: JSONObject = [
            "@context": .array(baseContext + [RecognitionDecision.recognitionContext]),
            "id": .string(credentialID),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": .string(name),
            "issuer": .object(issuerProfile),
            "validFrom": .string(XSDDateTime.format(decidedAt)),
        ]
        credential["awardedDate"] = .string(XSDDateTime.format(decidedAt))
        credential["credentialSubject"] = .object(subject)
        if !related.isEmpty { credential["relatedResource"] = .array(related) }
        credential["credentialSchema"] = [
            ["id": .string(MochilaContext.openBadgesSchema), "type": .string(SchemaCheck.validatorType)]
        ]
        return credential
    }
}
