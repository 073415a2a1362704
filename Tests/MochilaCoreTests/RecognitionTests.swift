import Credentials
import Crypto
import Foundation
import LinkedData
import Testing

@testable import MochilaCore

@Suite struct RecognitionTests {
    let now = XSDDateTime("2026-03-10T15:30:00Z")!.date
    let welding = "http://data.europa.eu/esco/skill/weld-metal"
    let safety = "http://data.europa.eu/esco/skill/workplace-safety"
    let specID = UUID(uuidString: "3f1c2a9e-5b7d-4e10-9a41-2c8f6d0b7e55")!

    /// A welding micro-credential issued by Mochila: 50 h, 2 ECTS, EQF 5, ISCED-F 0715, two ESCO skills.
    func issued(hours: Double = 50, key: SigningKey = .generate(.ed25519)) throws -> (bytes: [UInt8], json: JSONValue) {
        let multikey = Multikey(didKeyFor: key)
        let institution = Institution(
            slug: "its", name: LocalizedText(es: "Instituto Técnico del Sur"), country: "CL", did: multikey.controller, createdAt: now)
        var input = SpecInput()
        input.title = LocalizedText(es: "Soldadura básica")
        input.description = LocalizedText(es: "Suelda uniones simples con seguridad.")
        input.learningOutcomes = [
            LearningOutcome(
                text: LocalizedText(es: "Suelda una unión a tope."),
                skills: [
                    SkillReference(uri: welding, label: LocalizedText(es: "soldar metales")),
                    SkillReference(uri: safety, label: LocalizedText(es: "seguridad laboral")),
                ])
        ]
        input.workloadHours = hours
        input.credits = [CreditValue(system: "ECTS", value: 2)]
        input.eqfLevel = 5
        input.iscedField = "0715"
        input.assessment = Assessment(type: .practicalDemonstration)
        input.participation = .onsite
        input.qualityAssurance = LocalizedText(es: "Acreditación institucional.")
        input.formality = .formal
        let spec = try input.validated(institutionID: institution.id, id: specID, version: 3, createdAt: now)
        let award = try CredentialIssuer().issue(
            institution: institution, key: key, verificationMethod: multikey.id, spec: spec,
            learner: Learner(givenName: "Ana", familyName: "Rojas"), grade: nil, awardID: UUID(), issuedAt: now, salt: "s")
        return (award.credential, try JSONValue(parsing: award.credential))
    }

    func facts(hours: Double = 50) throws -> RecognitionFacts {
        let credential = try issued(hours: hours)
        return RecognitionFacts.read(credential.json, bytes: credential.bytes, verified: true, trustedForScope: true)
    }

    func rule(_ change: (inout RecognitionRule) -> Void = { _ in }) -> RecognitionRule {
        var rule = RecognitionRule(
            institutionID: UUID(), name: LocalizedText(es: "Soldadura I por microcredencial"),
            criteria: .init(skillsAll: [welding], minimumEQFLevel: 4, minimumWorkloadHours: 40, maximumAgeMonths: 24, fields: ["07"]),
            outcome: .init(creditSystem: "SCT-Chile", rounding: .downToHalf, courseEquivalence: LocalizedText(es: "Equivale a SOL-201 Soldadura I")),
            legalBasis: LocalizedText(es: "Reglamento de convalidaciones, art. 12"),
            appealRoute: LocalizedText(es: "Ante la Dirección de Docencia, dentro de 10 días hábiles"), createdAt: now)
        change(&rule)
        return rule
    }

    var later: Date { now.addingTimeInterval(30 * 86_400) }

    // MARK: - Rules

    @Test func aRuleInputNamesEachBadField() throws {
        let input = RecognitionRuleInput(
            name: LocalizedText(["en": "Welding"]),
            criteria: .init(
                skillsAll: ["https://example.org/skill/1"], minimumEQFLevel: 9, minimumWorkloadHours: -5, maximumAgeMonths: -1,
                fields: ["1234"]),
            outcome: .init(creditSystem: "XYZ", maximumCredits: -2),
            legalBasis: LocalizedText(es: String(repeating: "a", count: 1001)))
        let error = try #require(throws: ValidationError.self) {
            try input.validated(id: UUID(), version: 1, institutionID: UUID(), createdAt: now)
        }
        #expect(Set(error.problems.map(\.field)) == [
            "name.es", "legalBasis.es", "appealRoute", "criteria.skillsAll[0]", "criteria.minimumEQFLevel",
            "criteria.minimumWorkloadHours", "criteria.maximumAgeMonths", "criteria.fields[0]", "outcome.creditSystem",
            "outcome.rounding", "outcome.maximumCredits",
        ])
        // Too many skills; a system without hours per credit; no outcome at all.
        var many = RecognitionRuleInput(rule())
        many.criteria?.skillsAny = (0...50).map { "http://data.europa.eu/esco/skill/\($0)" }
        many.outcome?.creditSystem = "SATCA"
        let second = try #require(throws: ValidationError.self) {
            try many.validated(id: UUID(), version: 1, institutionID: UUID(), createdAt: now)
        }
        #expect(Set(second.problems.map(\.field)) == ["criteria.skillsAll", "outcome.creditSystem"])
        #expect(second.description.contains("SATCA"))
    }

    @Test func aRuleRoundTripsThroughItsInputAndPublishesStableJSON() throws {
        let original = rule { $0.outcome.maximumCredits = 4 }
        let encoded = try JSONEncoder().encode(RecognitionRuleInput(original))
        let decoded = try JSONDecoder().decode(RecognitionRuleInput.self, from: encoded)
        let again = try decoded.validated(
            id: original.id, version: original.version, institutionID: original.institutionID, createdAt: now)
        #expect(again == original)
        let form = #"{"name": "Regla", "legalBasis": "Art. 1", "appealRoute": "Rectoría, 5 días", "criteria": {"fields": ["0715"]}, "outcome": {"creditSystem": "ECTS", "rounding": "nearest-half"}}"#
        let parsed = try JSONDecoder().decode(RecognitionRuleInput.self, from: Data(form.utf8))
            .validated(id: UUID(), version: 1, institutionID: UUID(), createdAt: now)
        #expect(parsed.outcome.rounding == .nearestHalf && parsed.criteria.requireTrustedIssuer && parsed.criteria.fields == ["0715"])

        let json = original.json
        #expect(json.objectValue?.keys == [
            "id", "version", "institutionId", "name", "description", "criteria", "outcome", "legalBasis", "appealRoute", "createdAt",
        ])
        #expect(json["outcome"]?["rounding"] == "down-to-half")
        #expect(json["criteria"]?["minimumEQFLevel"] == 4)
        #expect(json.serializedString() == original.json.serializedString())
        #expect(original.criteria.narrative.text(.es).contains("Nivel MEC 4 o superior."))
    }

    // MARK: - Conversion

    @Test(arguments: [
        // credit_systems.json: ECTS 25–30 h and SCT-Chile 24–31 h (midpoint 27.5 h), Colombia 48 h, Uruguay (Udelar) 15 h.
        ("SCT-Chile", RecognitionRule.Rounding.downToHalf, 1.5), ("SCT-Chile", .nearestHalf, 2), ("SCT-Chile", .downToWhole, 1),
        ("SCT-Chile", .nearestWhole, 2), ("ECTS", .downToHalf, 1.5), ("ECTS", .nearestHalf, 2), ("ECTS", .downToWhole, 1),
        ("ECTS", .nearestWhole, 2), ("CO-credito-academico", .nearestHalf, 1), ("UY-Udelar-credito", .nearestHalf, 3.5),
        ("UY-Udelar-credito", .downToWhole, 3),
    ])
    func fiftyHoursConvert(system: String, rounding: RecognitionRule.Rounding, expected: Double) throws {
        #expect(try CreditConversion.credits(hours: 50, to: system, rounding: rounding).value == expected)
    }

    @Test func conversionExplainsItselfAndRefusesSystemsWithoutHours() throws {
        let (value, explanation) = try CreditConversion.credits(hours: 50, to: "SCT-Chile", rounding: .downToHalf)
        #expect(value == 1.5)
        #expect(explanation.text(.es) == "50 h ÷ 27,5 h por crédito SCT-Chile (punto medio de 24–31 h) = 1,82 → 1,5 (redondeo hacia abajo a medio crédito)")
        #expect(explanation.text(.en) == "50 h ÷ 27.5 h per SCT-Chile credit (midpoint of 24–31 h) = 1.82 → 1.5 (rounded down to half a credit)")
        #expect(explanation.text(.pt).hasSuffix("(arredondamento para baixo a meio crédito)"))
        #expect(try CreditConversion.hours(credits: 2, system: "ECTS") == 55)
        // SATCA counts 16, 20 or 50 h per credit by activity, so the table gives no single figure.
        for system in ["SATCA", "BR-credito", "XYZ"] {
            let error = try #require(throws: ValidationError.self) {
                try CreditConversion.credits(hours: 50, to: system, rounding: .downToHalf)
            }
            #expect(error.problems.first?.field == "creditSystem")
        }
        #expect(RecognitionRule.Rounding.nearestHalf.apply(1.75) == 2)
        #expect(RecognitionRule.Rounding.downToHalf.apply(2.9999999) == 3)
    }

    // MARK: - Facts

    @Test func factsAreReadFromAMochilaCredential() throws {
        let credential = try issued()
        let facts = RecognitionFacts.read(credential.json, bytes: credential.bytes, verified: true, trustedForScope: nil)
        #expect(facts.credentialID == credential.json["id"]?.stringValue)
        #expect(facts.digest == "sha384-" + Data(SHA384.hash(data: credential.bytes)).base64EncodedString())
        #expect(facts.issuerDID.hasPrefix("did:key:z6Mk") && facts.issuerName == "Instituto Técnico del Sur")
        #expect(facts.issuedAt == now && facts.achievementName == "Soldadura básica")
        #expect(facts.achievementID == "urn:uuid:" + UUID(namespace: specID, name: "version/3").uuidString.lowercased())
        #expect(facts.eqfLevel == 5 && facts.iscedField == "0715" && facts.workloadHours == 50)
        #expect(facts.credits == [CreditValue(system: "ECTS", value: 2)])
        #expect(facts.skills == [welding, safety])
        #expect(facts.trustedForScope == nil && facts.verified)
    }

    @Test func factsAreReadFromAnotherOpenBadge() throws {
        let text = #"""
            {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "OpenBadgeCredential"],
             "issuer": {"id": "https://badges.example/issuer", "name": [{"@value": "Escuela X", "@language": "es"}]},
             "validFrom": "2025-01-01T00:00:00Z",
             "credentialSubject": {"achievement": {"id": "https://badges.example/a/1", "name": "Redes",
               "creditsAvailable": 3,
               "alignment": [{"targetUrl": "https://data.europa.eu/esco/skill/net", "targetName": "redes"},
                             {"targetUrl": "http://data.europa.eu/snb/eqf/6", "targetFramework": "EQF"},
                             {"targetUrl": "http://data.europa.eu/esco/isced-f/0612", "targetFramework": "ESCO"}]}}}
            """#
        let facts = RecognitionFacts.read(try JSONValue(parsing: text), bytes: Array(text.utf8), verified: false, trustedForScope: false)
        #expect(facts.credentialID.hasPrefix("ni:///sha-384;"))
        #expect(facts.issuerName == "Escuela X" && facts.achievementName == "Redes")
        #expect(facts.skills == ["http://data.europa.eu/esco/skill/net"])
        #expect(facts.eqfLevel == 6 && facts.iscedField == "0612" && facts.workloadHours == nil)
        #expect(facts.credits == [CreditValue(system: "ECTS", value: 3)])
        #expect(CreditConversion.hours(of: facts, preferring: "SCT-Chile")?.hours == 82.5)
    }

    // MARK: - Evaluation

    @Test func aCredentialMeetingEveryCriterionIsRecognised() throws {
        let proposal = RecognitionProposal.evaluate(rule(), facts: [try facts()], at: later, reference: .bundled)
        #expect(proposal.outcome == .recognised && proposal.credits == 1.5 && proposal.creditSystem == "SCT-Chile")
        #expect(proposal.conversion?.text(.es).hasPrefix("50 h ÷ 27,5 h") == true)
        #expect(proposal.reasons.allSatisfy { !$0.text(.es).contains("no cumple") })
        #expect(proposal.reasons.contains { $0.text(.es).hasSuffix("campo ISCED-F: cumple (0715, se acepta 07)") })
        // A spec id accepts the achievement of any of its versions; another id does not.
        let bySpec = rule { $0.criteria.achievements = [specID.uuidString] }
        #expect(RecognitionProposal.evaluate(bySpec, facts: [try facts()], at: later).outcome == .recognised)
        let other = rule { $0.criteria.achievements = ["https://badges.example/a/1"] }
        #expect(RecognitionProposal.evaluate(other, facts: [try facts()], at: later).outcome == .refused)
    }

    @Test(arguments: ["emisor de confianza", "antigüedad máxima", "nivel MEC", "competencias requeridas", "campo ISCED-F", "verificación"])
    func eachFailedCriterionRefuses(criterion: String) throws {
        var facts = try facts()
        switch criterion {
        case "emisor de confianza": facts.trustedForScope = false
        case "antigüedad máxima": facts.issuedAt = now.addingTimeInterval(-3 * 365 * 86_400)
        case "nivel MEC": facts.eqfLevel = 3
        case "competencias requeridas": facts.skills = [safety]
        case "campo ISCED-F": facts.iscedField = "0413"
        default: facts.verified = false
        }
        // Partial recognition does not rescue a failed credential (only workload and skills may be partial).
        let strict = rule { $0.outcome.partialBelowCriteria = criterion == "competencias requeridas" ? false : true }
        let proposal = RecognitionProposal.evaluate(strict, facts: [facts], at: later)
        #expect(proposal.outcome == .refused && proposal.credits == 0 && proposal.conversion == nil)
        let failed = proposal.reasons.filter { $0.text(.es).contains(": no cumple") }
        #expect(failed.count == 1 && failed[0].text(.es).contains(criterion), "\(failed.map { $0.text(.es) })")
        #expect(failed[0].text(.en).contains("not met") && failed[0].text(.pt).contains("não atende"))
    }

    @Test func missingSkillsOrHoursGivePartialRecognitionWhenTheRuleAllowsIt() throws {
        var skills = rule { $0.criteria.skillsAll = [welding, "http://data.europa.eu/esco/skill/tig"]; $0.outcome.partialBelowCriteria = true }
        // 50 h × 1/2 = 25 h → 0.91 → 0.5 SCT.
        var proposal = RecognitionProposal.evaluate(skills, facts: [try facts()], at: later)
        #expect(proposal.outcome == .partial && proposal.credits == 0.5)
        #expect(proposal.reasons.contains { $0.text(.es) == "reconocimiento parcial: 1 de 2 requisitos de competencias: 50 h × 1/2 = 25 h" })
        skills.outcome.rounding = .downToWhole
        #expect(RecognitionProposal.evaluate(skills, facts: [try facts()], at: later).outcome == .refused)

        let hours = rule { $0.criteria.minimumWorkloadHours = 80; $0.outcome.partialBelowCriteria = true }
        proposal = RecognitionProposal.evaluate(hours, facts: [try facts()], at: later)
        #expect(proposal.outcome == .partial && proposal.credits == 1.5)
        #expect(proposal.reasons.contains { $0.text(.es) == "carga de trabajo mínima: no cumple (50 h < 80 h)" })
        #expect(proposal.reasons.last?.text(.es) == "reconocimiento parcial: se convierten las 50 h presentadas")
    }

    @Test func maximumCreditsCapsTheResult() throws {
        let proposal = RecognitionProposal.evaluate(rule { $0.outcome.maximumCredits = 1 }, facts: [try facts(hours: 200)], at: later)
        #expect(proposal.outcome == .recognised && proposal.credits == 1)
        #expect(proposal.conversion?.text(.es).contains("= 7,27 → 7") == true)
        #expect(proposal.reasons.last?.text(.es) == "tope: la regla reconoce como máximo 1 créditos")
    }

    @Test func twoCredentialsAddUpTheirHours() throws {
        let strict = rule { $0.criteria.minimumWorkloadHours = 50 }
        let first = try facts(hours: 30), second = try facts(hours: 30)
        #expect(RecognitionProposal.evaluate(strict, facts: [first], at: later).outcome == .refused)
        let proposal = RecognitionProposal.evaluate(strict, facts: [first, second], at: later)
        #expect(proposal.outcome == .recognised && proposal.credits == 2)
        #expect(proposal.reasons.contains { $0.text(.es) == "horas sumadas: 30 + 30 = 60 h" })
        #expect(proposal.reasons.contains { $0.text(.es).hasPrefix("[2] «Soldadura básica» (Instituto Técnico del Sur) — horas: 30 h") })
        var unverified = second
        unverified.verified = false
        #expect(RecognitionProposal.evaluate(strict, facts: [first, unverified], at: later).outcome == .refused)
        #expect(RecognitionProposal.evaluate(strict, facts: [], at: later).outcome == .refused)
    }

    // MARK: - Decision credential

    @Test(arguments: [RecognitionDecision.Decision.approved, .refused])
    func theDecisionIsACredentialThatVerifies(outcome: RecognitionDecision.Decision) async throws {
        let source = try issued()
        let facts = RecognitionFacts.read(source.json, bytes: source.bytes, verified: true, trustedForScope: true)
        let rule = rule()
        let proposal = RecognitionProposal.evaluate(rule, facts: [facts], at: later)
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let decision = RecognitionDecision(
            id: UUID(), rule: rule, institution: .init(did: multikey.controller, name: LocalizedText(es: "Universidad del Valle")),
            learnerName: "Ana Rojas", learnerDID: "did:example:ana", sources: [facts], outcome: outcome,
            credits: proposal.credits, reason: "Cumple la regla.", decidedAt: later)
        let profile: JSONObject = ["id": .string(multikey.controller), "type": ["Profile"], "name": "Universidad del Valle"]
        let unsigned = decision.credential(
            credentialID: "urn:uuid:" + decision.id.uuidString.lowercased(), issuerProfile: profile,
            baseContext: MochilaContext.credentialContext.asArray)
        let schema = SchemaCheck().check(unsigned)
        #expect(schema.status == .passed, "\(schema.message)")

        let subject = try #require(unsigned["credentialSubject"])
        #expect(subject["id"] == "did:example:ana" && subject["name"] == "Ana Rojas")
        #expect(subject["achievement"]?["achievementType"] == "ext:RecognitionDecision")
        #expect(subject["achievement"]?["name"] == "Reconocimiento: Soldadura I por microcredencial")
        #expect(subject["creditsEarned"] == .number(outcome == .refused ? 0 : 1.5))
        #expect(subject["recognition"]?["decision"] == .string(outcome.rawValue))
        #expect(subject["recognition"]?["rule"]?["version"] == 1)
        #expect(subject["recognition"]?["legalBasis"] == "Reglamento de convalidaciones, art. 12")
        #expect((subject["recognition"]?["courseEquivalence"] == nil) == (outcome == .refused))
        let related = try #require(unsigned["relatedResource"]?[0])
        #expect(related["id"]?.stringValue == source.json["id"]?.stringValue)
        #expect(related["digestSRI"]?.stringValue == "sha384-" + Data(SHA384.hash(data: source.bytes)).base64EncodedString())

        var signed = try DataIntegrity.addProof(
            to: unsigned, suite: EdDSARDFC2022(), key: key,
            options: ProofOptions(verificationMethod: multikey.id, created: XSDDateTime.format(later)))
        if case .object(let proof)? = signed["proof"] { signed["proof"] = [.object(proof)] }
        let report = await CredentialVerifier().verify(bytes: JSONValue.object(signed).serialized(), at: later)
        #expect(report.result(.proof)?.status == .passed)
        #expect(report.verified, "\(report.json(input: nil).serializedString())")

        // Safe mode: without the recognition context its terms are undefined, and signing refuses.
        var bare = unsigned
        bare["@context"] = MochilaContext.credentialContext
        #expect(throws: (any Error).self) {
            try DataIntegrity.addProof(
                to: bare, suite: EdDSARDFC2022(), key: key,
                options: ProofOptions(verificationMethod: multikey.id, created: XSDDateTime.format(later)))
        }
    }
}
