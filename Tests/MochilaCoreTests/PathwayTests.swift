import Credentials
import Crypto
import Foundation
import LinkedData
import Testing

@testable import MochilaCore

@Suite struct PathwayTests {
    let now = XSDDateTime("2026-03-10T15:30:00Z")!.date
    let solar = "http://data.europa.eu/esco/skill/install-solar-panels"
    let turbines = "http://data.europa.eu/esco/skill/maintain-wind-turbines"
    let batteries = "http://data.europa.eu/esco/skill/install-battery-storage"
    let pvSpec = UUID(uuidString: "6a0e3c52-1d4b-4c8e-9f27-0b5d7e1a9c31")!
    let windSpec = UUID(uuidString: "b27f4d19-8c63-4a05-a1e8-5c9d2f7b3e64")!
    let storageSpec = UUID(uuidString: "d4c81e07-3f2a-4b96-8e5d-7a1c0b9f2e83")!

    /// A micro-credential issued by Mochila, its bytes, and the facts the node reads from them.
    struct Issued {
        var bytes: [UInt8]
        var facts: RecognitionFacts
    }

    func issued(
        _ title: String, spec: UUID, ects: Double, hours: Double, skills: [String], field: String = "0713", eqf: Int = 5
    ) throws -> Issued {
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let institution = Institution(
            slug: "utn", name: LocalizedText(es: "Universidad Técnica del Norte"), country: "EC", did: multikey.controller,
            createdAt: now)
        var input = SpecInput()
        input.title = LocalizedText(es: title)
        input.description = LocalizedText(es: "Microcredencial de \(title.lowercased()).")
        input.learningOutcomes = [
            LearningOutcome(
                text: LocalizedText(es: "Aplica \(title.lowercased())."),
                skills: skills.map { SkillReference(uri: $0, label: LocalizedText(es: String($0.split(separator: "/").last!))) })
        ]
        input.workloadHours = hours
        input.credits = [CreditValue(system: "ECTS", value: ects)]
        input.eqfLevel = eqf
        input.iscedField = field
        input.assessment = Assessment(type: .practicalDemonstration)
        input.participation = .online
        input.qualityAssurance = LocalizedText(es: "Acreditación institucional.")
        input.formality = .formal
        let spec = try input.validated(institutionID: institution.id, id: spec, version: 1, createdAt: now)
        let award = try CredentialIssuer().issue(
            institution: institution, key: key, verificationMethod: multikey.id, spec: spec,
            learner: Learner(givenName: "Lucía", familyName: "Quispe Mamani"), grade: nil, awardID: UUID(), issuedAt: now, salt: "s")
        let json = try JSONValue(parsing: award.credential)
        let facts = RecognitionFacts.read(json, bytes: award.credential, verified: true, trustedForScope: true)
        return Issued(bytes: award.credential, facts: facts)
    }

    func photovoltaics() throws -> Issued { try issued("Instalación fotovoltaica", spec: pvSpec, ects: 3, hours: 80, skills: [solar]) }
    func wind() throws -> Issued { try issued("Energía eólica", spec: windSpec, ects: 2.5, hours: 70, skills: [turbines, batteries]) }
    func storage() throws -> Issued { try issued("Almacenamiento", spec: storageSpec, ects: 2, hours: 60, skills: [batteries]) }

    func part(_ spec: UUID, _ name: String) -> Pathway.Part {
        Pathway.Part(achievements: [spec.uuidString], name: LocalizedText(es: name))
    }
    var threeParts: [Pathway.Part] {
        [part(pvSpec, "Instalación fotovoltaica"), part(windSpec, "Energía eólica"), part(storageSpec, "Almacenamiento")]
    }

    func pathway(_ requirement: Pathway.Requirement, _ conditions: Pathway.Conditions = .init()) -> Pathway {
        Pathway(
            institutionID: UUID(), name: LocalizedText(es: "Diplomado en energías renovables", en: "Diploma in renewable energy"),
            description: LocalizedText(es: "Instalación y mantenimiento de sistemas de energía renovable."),
            requirement: requirement, conditions: conditions,
            award: .init(creditSystem: "SCT-Chile", credits: 8, eqfLevel: 5, iscedField: "0713"), createdAt: now)
    }

    // MARK: - Input

    func problems(_ requirement: PathwayInput.RequirementInput?, change: (inout PathwayInput) -> Void = { _ in }) -> Set<String> {
        var input = PathwayInput(
            name: LocalizedText(es: "Diplomado"), description: LocalizedText(es: "Tres microcredenciales."),
            requirement: requirement, award: .init(iscedField: "0713"))
        change(&input)
        do {
            _ = try input.validated(id: UUID(), version: 1, institutionID: UUID(), createdAt: now)
            return []
        } catch let error as ValidationError {
            return Set(error.problems.map(\.field))
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func aPathwayInputNamesEachBadField() throws {
        let parts: [PathwayInput.PartInput] = [
            .init(fields: ["1234"], name: LocalizedText(["en": "Solar"])), .init(name: LocalizedText(es: "Eólica")),
        ]
        #expect(problems(.init(kind: "nOf", n: 3, parts: parts)) {
            $0.name = LocalizedText(["en": "Renewables"])
            $0.description = nil
            $0.conditions = .init(maximumAgeMonths: 0, minimumEQFLevel: 9)
            $0.award = .init(creditSystem: "XYZ", credits: 10, eqfLevel: 0, iscedField: "12345")
        } == [
            "name.es", "description", "requirement.n", "requirement.parts[0].name.es", "requirement.parts[0].fields[0]",
            "requirement.parts[1]", "conditions.maximumAgeMonths", "conditions.minimumEQFLevel", "award.creditSystem",
            "award.eqfLevel", "award.iscedField",
        ])
        #expect(problems(.init(kind: "allOf", parts: [])) == ["requirement.parts"])
        let energy = PathwayInput.PartInput(fields: ["07"], name: LocalizedText(es: "Energía"))
        #expect(problems(.init(kind: "allOf", n: 2, parts: [energy])) == ["requirement.n"])
        #expect(problems(.init(kind: "credits", minimum: 0, system: "SATCA")) == ["requirement.minimum", "requirement.system"])
        #expect(problems(.init(kind: "credits", minimum: 5, system: "XYZ")) == ["requirement.system"])
        let many = (0...50).map { "http://data.europa.eu/esco/skill/\($0)" } + ["https://example.org/skill"]
        #expect(problems(.init(kind: "skills", skills: many)) == ["requirement.skills", "requirement.skills[51]"])
        let fiftyOne = (0...50).map { PathwayInput.PartInput(fields: ["07"], name: LocalizedText(es: "Parte \($0)")) }
        #expect(problems(.init(kind: "nOf", n: 2, parts: fiftyOne)) == ["requirement.parts"])
        #expect(problems(.init(kind: "anyOf")) == ["requirement.kind"])
        #expect(problems(nil) == ["requirement"])
        #expect(problems(.init(kind: "skills", skills: [solar])) { $0.award = nil } == ["award"])
    }

    @Test func aPathwayRoundTripsThroughItsInputAndPublishesStableJSON() throws {
        let original = pathway(
            .credits(minimum: 5, system: "SCT-Chile", from: [Pathway.Part(fields: ["071"], name: LocalizedText(es: "Ingeniería"))]),
            .init(maximumAgeMonths: 36, minimumEQFLevel: 4))
        let encoded = try JSONEncoder().encode(PathwayInput(original))
        let again = try JSONDecoder().decode(PathwayInput.self, from: encoded)
            .validated(id: original.id, version: original.version, institutionID: original.institutionID, createdAt: now)
        #expect(again == original)
        // The public JSON is itself a valid input, and the stored Codable form keeps the kind.
        let fromJSON = try JSONDecoder().decode(PathwayInput.self, from: Data(original.json.serialized()))
            .validated(id: original.id, version: original.version, institutionID: original.institutionID, createdAt: now)
        #expect(fromJSON == original)
        let stored = try JSONEncoder().encode(original)
        #expect(try JSONDecoder().decode(Pathway.self, from: stored) == original)
        #expect(try JSONValue(parsing: Array(stored))["requirement"]?["kind"] == "credits")

        let json = original.json
        #expect(json.objectValue?.keys == [
            "id", "version", "institutionId", "name", "description", "requirement", "conditions", "award", "createdAt",
        ])
        #expect(json["requirement"]?.objectValue?.keys == ["kind", "minimum", "system", "parts"])
        #expect(json["conditions"]?["requireTrustedIssuer"] == true && json["award"]?["credits"] == 8)
        #expect(json.serializedString() == original.json.serializedString())
        #expect(original.narrative.text(.es).hasPrefix(
            "- Sumar al menos 5 créditos SCT-Chile con microcredenciales de:\n  - Ingeniería\n"))
        #expect(original.narrative.text(.en).contains("- EQF level 4 or higher."))
    }

    // MARK: - Progress

    @Test func allOfIsMetWhenEveryPartHasItsOwnCredential() throws {
        let pv = try photovoltaics().facts, wind = try wind().facts, storage = try storage().facts
        // The broad part comes first and matches every credential; each part still gets its own.
        let parts = [Pathway.Part(fields: ["071"], name: LocalizedText(es: "Cualquier ingeniería"))] + threeParts.prefix(2)
        let missing = PathwayProgress.evaluate(pathway(.allOf(parts)), facts: [pv, wind], at: now)
        #expect(!missing.met && missing.fraction == 2.0 / 3 && missing.lines.map(\.met) == [false, true, true])
        #expect(missing.summary.text(.es) == "Pendiente. 2 de 3 partes cumplidas; se requieren todas.")
        #expect(missing.summary.text(.en) == "Not yet met. 2 of 3 parts met; all are required.")

        let progress = PathwayProgress.evaluate(pathway(.allOf(parts)), facts: [pv, wind, storage, pv], at: now)
        #expect(progress.met && progress.fraction == 1)
        #expect(progress.used == [storage.credentialID, pv.credentialID, wind.credentialID])
        #expect(progress.lines.map(\.by) == [[storage.credentialID], [pv.credentialID], [wind.credentialID]])
        #expect(progress.lines[1].note?.text(.es) == "«Instalación fotovoltaica» (Universidad Técnica del Norte)")
        #expect(progress.parts(from: [pv, wind, storage]).map(\.credentialID) == progress.used)
    }

    @Test func nOfNeedsTwoOfThree() throws {
        let pv = try photovoltaics().facts, storage = try storage().facts
        let rule = pathway(.nOf(n: 2, threeParts))
        let one = PathwayProgress.evaluate(rule, facts: [pv], at: now)
        #expect(!one.met && one.fraction == 0.5 && one.used == [pv.credentialID])
        #expect(one.summary.text(.es) == "Pendiente. 1 de 3 partes cumplidas; se requieren 2.")
        let two = PathwayProgress.evaluate(rule, facts: [storage, pv], at: now)
        #expect(two.met && two.used == [pv.credentialID, storage.credentialID] && two.lines.map(\.met) == [true, false, true])
        #expect(two.summary.text(.es) == "Cumplido. 2 de 3 partes cumplidas; se requieren 2.")
        #expect(two.summary.text(.pt) == "Cumprido. 2 de 3 partes cumpridas; exigem-se 2.")
    }

    @Test func creditsAddUpAndConvert() throws {
        let pv = try photovoltaics().facts, wind = try wind().facts
        let other = try issued("Contabilidad", spec: UUID(), ects: 6, hours: 150, skills: [solar], field: "0411").facts
        let engineering = [Pathway.Part(fields: ["07"], name: LocalizedText(es: "Ingeniería"))]
        let ects = PathwayProgress.evaluate(
            pathway(.credits(minimum: 5, system: "ECTS", from: engineering)), facts: [pv, other, wind], at: now)
        #expect(ects.met && ects.used == [pv.credentialID, wind.credentialID] && ects.lines.count == 2)
        #expect(ects.summary.text(.es) == "Cumplido. 3 + 2,5 = 5,5 créditos ECTS de los 5 requeridos.")
        #expect(ects.summary.text(.en) == "Met. 3 + 2.5 = 5.5 ECTS credits of the 5 required.")
        #expect(ects.lines[0].note?.text(.es) == "3 ECTS")

        let one = PathwayProgress.evaluate(pathway(.credits(minimum: 5, system: "ECTS", from: engineering)), facts: [pv], at: now)
        #expect(!one.met && one.fraction == 0.6 && one.summary.text(.es) == "Pendiente. 3 créditos ECTS de los 5 requeridos.")

        // ECTS and SCT-Chile both count 27.5 h per credit at the midpoint of their ranges.
        let chile = PathwayProgress.evaluate(pathway(.credits(minimum: 5, system: "SCT-Chile", from: [])), facts: [pv, wind], at: now)
        #expect(chile.met && chile.used.count == 2)
        #expect(chile.summary.text(.es) == "Cumplido. 3 + 2,5 = 5,5 créditos SCT-Chile de los 5 requeridos. "
            + "Conversión por horas de aprendizaje, con el punto medio de cada sistema: "
            + "3 ECTS = 82,5 h = 3 SCT-Chile; 2,5 ECTS = 68,75 h = 2,5 SCT-Chile.")
        // Colombia counts 48 h per credit: 151.25 h = 3.15 credits.
        let colombia = PathwayProgress.evaluate(
            pathway(.credits(minimum: 4, system: "CO-credito-academico", from: [])), facts: [pv, wind], at: now)
        #expect(!colombia.met && colombia.summary.text(.es).contains("= 3,15 créditos CO-credito-academico de los 4 requeridos"))
    }

    @Test func skillsAreCoveredAcrossCredentials() throws {
        let pv = try photovoltaics().facts, wind = try wind().facts, storage = try storage().facts
        let rule = pathway(.skills([solar, turbines, batteries]))
        let both = PathwayProgress.evaluate(rule, facts: [pv, wind], at: now)
        #expect(both.met && both.used == [pv.credentialID, wind.credentialID])
        #expect(both.lines.map(\.by) == [[pv.credentialID], [wind.credentialID], [wind.credentialID]])
        #expect(both.summary.text(.es) == "Cumplido. 3 de 3 competencias cubiertas.")
        let partial = PathwayProgress.evaluate(rule, facts: [pv, storage], at: now)
        #expect(!partial.met && partial.fraction == 2.0 / 3 && partial.used == [pv.credentialID, storage.credentialID])
        #expect(partial.summary.text(.es) == "Pendiente. 2 de 3 competencias cubiertas; faltan: \(turbines).")
        #expect(partial.summary.text(.en).hasSuffix("missing: \(turbines)."))
    }

    @Test(arguments: ["antigüedad", "nivel MEC", "registro de confianza", "verificada"])
    func conditionsExcludeACredentialAndSayWhy(condition: String) throws {
        let good = try wind().facts
        var bad = try photovoltaics().facts
        let reason: String
        switch condition {
        case "antigüedad":
            bad.issuedAt = XSDDateTime("2023-01-15T00:00:00Z")!.date
            reason = "emitida el 2023-01-15, hace 37 meses (máximo 24)"
        case "nivel MEC":
            bad.eqfLevel = 4
            reason = "nivel MEC 4, se requiere 5 o superior"
        case "registro de confianza":
            bad.trustedForScope = false
            reason = "el emisor \(bad.issuerDID) no está en el registro de confianza o no está acreditado para su campo y nivel"
        default:
            bad.verified = false
            reason = "no está verificada"
        }
        let conditions = Pathway.Conditions(maximumAgeMonths: 24, minimumEQFLevel: 5)
        let requirements: [Pathway.Requirement] = [
            .allOf(Array(threeParts.prefix(2))), .credits(minimum: 5, system: "ECTS", from: []), .skills([solar]),
        ]
        for requirement in requirements {
            let progress = PathwayProgress.evaluate(pathway(requirement, conditions), facts: [bad, good], at: now)
            #expect(!progress.met && !progress.used.contains(bad.credentialID))
            let line = try #require(progress.lines.first { !$0.met })
            #expect(line.by.isEmpty)
            #expect(line.note?.text(.es) == "«Instalación fotovoltaica» (Universidad Técnica del Norte) no cuenta: \(reason).")
            #expect(line.note?.text(.en).contains("does not count") == true && line.note?.text(.pt).contains("não conta") == true)
            #expect(progress.summary.text(.es).hasSuffix(" 1 credencial no cuenta por las condiciones del itinerario."))
        }
        // Without the condition the same credential counts.
        let loose = Pathway.Conditions(requireTrustedIssuer: condition != "registro de confianza")
        let progress = PathwayProgress.evaluate(pathway(.skills([solar]), loose), facts: [bad], at: now)
        #expect(progress.met == (condition != "verificada"))
    }

    // MARK: - Stacked credential

    @Test func theStackedCredentialNamesItsPartsAndVerifies() async throws {
        let sources = [try photovoltaics(), try wind(), try storage()]
        let rule = pathway(.allOf(threeParts))
        let progress = PathwayProgress.evaluate(rule, facts: sources.map(\.facts), at: now)
        try #require(progress.met)
        let key = SigningKey.generate(.ed25519)
        let multikey = Multikey(didKeyFor: key)
        let stacked = StackedCredential(
            pathway: rule, institution: .init(did: multikey.controller, name: LocalizedText(es: "Universidad de Cuenca")),
            learnerName: "Lucía Quispe Mamani", learnerDID: "did:example:lucia", parts: progress.parts(from: sources.map(\.facts)),
            issuedAt: now)
        let profile: JSONObject = ["id": .string(multikey.controller), "type": ["Profile"], "name": "Universidad de Cuenca"]
        let unsigned = stacked.credential(
            credentialID: "urn:uuid:" + UUID().uuidString.lowercased(), issuerProfile: profile,
            baseContext: MochilaContext.credentialContext.asArray)
        let schema = SchemaCheck().check(unsigned)
        #expect(schema.status == .passed, "\(schema.message)")

        let subject = try #require(unsigned["credentialSubject"])
        let achievement = try #require(subject["achievement"])
        #expect(achievement["achievementType"] == "Diploma" && achievement["id"]?.stringValue == rule.achievementID)
        #expect(achievement["name"] == "Diplomado en energías renovables")
        #expect(achievement["criteria"]?["narrative"]?.stringValue?.contains("  - Energía eólica") == true)
        // 8 SCT-Chile at 27.5 h are 8 ECTS; the workload is the parts' 80 + 70 + 60 h.
        #expect(achievement["creditsAvailable"] == 8 && subject["creditsEarned"] == 8)
        #expect(achievement["credit"]?[0]?["creditSystem"] == "SCT-Chile" && achievement["workloadHours"] == 210)
        let parts = try #require(subject["pathway"]?["part"]?.arrayValue)
        #expect(subject["pathway"]?["version"] == 1)
        #expect(parts.map { $0["name"]?.stringValue } == ["Instalación fotovoltaica", "Energía eólica", "Almacenamiento"])
        #expect(parts.map { $0["achievement"]?.stringValue } == sources.map(\.facts.achievementID))
        #expect(parts[0]["issuer"]?["name"] == "Universidad Técnica del Norte")
        let related = try #require(unsigned["relatedResource"]?.arrayValue)
        #expect(related.map { $0["id"]?.stringValue } == sources.map(\.facts.credentialID))
        let digests = sources.map { "sha384-" + Data(SHA384.hash(data: $0.bytes)).base64EncodedString() }
        #expect(related.map { $0["digestSRI"]?.stringValue } == digests)

        var signed = try DataIntegrity.addProof(
            to: unsigned, suite: EdDSARDFC2022(), key: key,
            options: ProofOptions(verificationMethod: multikey.id, created: XSDDateTime.format(now)))
        if case .object(let proof)? = signed["proof"] { signed["proof"] = [.object(proof)] }
        let bytes = JSONValue.object(signed).serialized()
        let report = await CredentialVerifier().verify(bytes: bytes, at: now)
        #expect(report.result(.proof)?.status == .passed)
        #expect(report.verified, "\(report.json(input: nil).serializedString())")

        // The stacked credential can itself be presented, for recognition or another pathway.
        let facts = RecognitionFacts.read(.object(signed), bytes: bytes, verified: true, trustedForScope: true)
        #expect(facts.achievementID == rule.achievementID && facts.eqfLevel == 5 && facts.iscedField == "0713")
        #expect(facts.credits == [CreditValue(system: "SCT-Chile", value: 8), CreditValue(system: "ECTS", value: 8)])

        // Safe mode: without the pathway context its terms are undefined, and signing refuses.
        var bare = unsigned
        bare["@context"] = MochilaContext.credentialContext
        #expect(throws: (any Error).self) {
            try DataIntegrity.addProof(
                to: bare, suite: EdDSARDFC2022(), key: key,
                options: ProofOptions(verificationMethod: multikey.id, created: XSDDateTime.format(now)))
        }
    }
}
