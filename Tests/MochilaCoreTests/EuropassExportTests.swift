import Credentials
import Foundation
import LinkedData
import Testing

@testable import MochilaCore

@Suite struct EuropassExportTests {
    let now = XSDDateTime("2026-03-10T15:30:00Z")!.date
    let escoSkill = "http://data.europa.eu/esco/skill/4c0fd4b2-6a5b-4a1d-a6a6-2b6b7f44ef3c"

    func institution() -> Institution {
        Institution(
            id: UUID(uuidString: "0b8f6c3e-5d1a-4f7e-9a51-6f1c2d3e4a5b")!, slug: "uni",
            name: LocalizedText(es: "Universidad Andina", en: "Andean University"), country: "PE",
            did: "did:web:uni.example", url: "https://uni.example", qualityAssuranceAgency: "SINEACE", createdAt: now)
    }

    func specInput() -> SpecInput {
        var input = SpecInput()
        input.title = LocalizedText(es: "Gestión de proyectos ágiles", en: "Agile project management")
        input.description = LocalizedText(es: "Planifica y conduce proyectos con Scrum.")
        input.learningOutcomes = [
            LearningOutcome(
                text: LocalizedText(es: "Planifica un sprint.", en: "Plans a sprint."),
                skills: [SkillReference(uri: escoSkill, label: LocalizedText(es: "planificar", en: "plan"))]),
            LearningOutcome(text: LocalizedText(es: "Conduce una retrospectiva.")),
        ]
        input.workloadHours = 50
        input.credits = [CreditValue(system: "SCT-Chile", value: 2), CreditValue(system: "ECTS", value: 2)]
        input.eqfLevel = 6
        input.nationalLevel = "Nivel 6 del MNC"
        input.iscedField = "0413"
        input.assessment = Assessment(type: .project, description: LocalizedText(es: "Proyecto final evaluado con rúbrica."))
        input.participation = .online
        input.qualityAssurance = LocalizedText(es: "Revisión del consejo académico.")
        input.formality = .formal
        input.validityMonths = 24
        input.languages = ["es", "en"]
        input.prerequisites = LocalizedText(es: "Ninguno.")
        input.supervision = .supervisedOnline
        input.gradingScheme = LocalizedText(es: "Escala vigesimal; se aprueba con 11.")
        input.stackability = Stackability(kind: .stackable, description: LocalizedText(es: "Suma al diploma en gestión."))
        input.furtherInformation = LocalizedText(es: "https://uni.example/agil")
        return input
    }

    func award(spec: MicroCredentialSpec, grade: String? = "18/20", validUntil: Date? = nil) -> Award {
        Award(
            id: UUID(uuidString: "7d2c1a9e-3b4f-4c5d-8e6f-0a1b2c3d4e5f")!, institutionID: spec.institutionID,
            specID: spec.id, specVersion: spec.version,
            learner: Learner(givenName: "Lucía", familyName: "Quispe Mamani", email: "lucia@correo.example"), grade: grade,
            credentialID: "urn:uuid:ob", issuedAt: now, validUntil: validUntil ?? XSDDateTime("2028-03-10T15:30:00Z")!.date,
            credential: [])
    }

    func export(_ input: SpecInput? = nil, grade: String? = "18/20") throws -> (EuropassCredential, JSONObject) {
        let institution = institution()
        let spec = try (input ?? specInput()).validated(
            institutionID: institution.id, id: UUID(uuidString: "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d")!, version: 2,
            createdAt: now)
        let europass = EuropassCredential(institution: institution, spec: spec, award: award(spec: spec, grade: grade))
        return (europass, europass.document())
    }

    /// The document as RDF, by Mochila's processor in safe mode: any term the VC 1.1 and ELM
    /// contexts do not define, or any IRI that is not absolute, fails the conversion.
    func quads(_ document: JSONObject) throws -> [RDFQuad] {
        try JSONLDProcessor(options: .credential).toRDF(.object(document)).quads
    }

    func objects(_ quads: [RDFQuad], _ predicate: String, of subject: String? = nil) -> [RDFTerm] {
        quads.filter { quad in
            quad.predicate == .iri(predicate) && (subject.map { quad.subject == .iri($0) } ?? true)
        }.map(\.object)
    }

    let elm = "http://data.europa.eu/snb/model/elm/"

    @Test func theCredentialIsValidELMJSONLD() throws {
        let (europass, document) = try export()
        let quads = try quads(document)
        let qualification = "urn:uuid:" + UUID(namespace: europass.spec.id, name: "version/2").uuidString.lowercased()

        #expect(document["@context"] == ["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"])
        #expect(objects(quads, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", of: europass.credentialID).contains(.iri(elm + "EuropeanDigitalCredential")))
        #expect(objects(quads, elm + "EQFLevel", of: qualification) == [.iri("http://data.europa.eu/snb/eqf/6")])
        #expect(objects(quads, elm + "ISCEDFCode", of: qualification) == [.iri("http://data.europa.eu/snb/isced-f/0413")])
        #expect(objects(quads, elm + "relatedESCOSkill") == [.iri(escoSkill)])
        #expect(objects(quads, elm + "learningSetting") == [.iri("http://data.europa.eu/snb/learning-setting/6fd4685715")])
        #expect(objects(quads, elm + "mode", of: qualification) == [.iri("http://data.europa.eu/snb/learning-assessment/920fbb3cbe")])
        #expect(objects(quads, elm + "volumeOfLearning") == [.literal(RDFLiteral("PT50H", datatype: "http://www.w3.org/2001/XMLSchema#duration"))])
        #expect(objects(quads, "https://www.w3.org/2018/credentials#expirationDate") == [.literal(RDFLiteral("2028-03-10T15:30:00Z", datatype: "http://www.w3.org/2001/XMLSchema#dateTime"))])

        // The ECTS points, in the EU's ECTS framework concept; the Chilean ones beside them.
        let ects = "urn:uuid:" + UUID(namespace: europass.spec.id, name: "version/2/credit-point/ECTS").uuidString.lowercased()
        #expect(objects(quads, elm + "framework", of: ects) == [.iri("http://data.europa.eu/snb/education-credit/6fcec5c5af")])
        #expect(objects(quads, elm + "point", of: ects) == [.literal(RDFLiteral("2"))])
        #expect(objects(quads, elm + "creditPoint", of: qualification).count == 2)

        // Texts in every language the spec has, as language-tagged strings.
        let titles = objects(quads, "http://purl.org/dc/terms/title", of: qualification)
        #expect(Set(titles) == [
            .literal(RDFLiteral("Gestión de proyectos ágiles", datatype: RDFTerm.rdfLangString, language: "es")),
            .literal(RDFLiteral("Agile project management", datatype: RDFTerm.rdfLangString, language: "en")),
        ])
        #expect(objects(quads, elm + "noteLiteral").contains(.literal(RDFLiteral("18/20", datatype: RDFTerm.rdfLangString, language: "es"))))
    }

    @Test func carriesTheAnnexIElements() throws {
        let (europass, document) = try export()
        let subject = try #require(document["credentialSubject"]?.objectValue)
        #expect(subject["fullName"] == ["es": "Lucía Quispe Mamani"])
        #expect(subject["contactPoint"]?["emailAddress"]?["id"] == "mailto:lucia@correo.example")
        let achievement = try #require(subject["hasClaim"]?.objectValue)
        #expect(achievement["title"] == ["es": "Gestión de proyectos ágiles", "en": "Agile project management"])
        #expect(achievement["awardedBy"]?["awardingBody"]?["id"] == "did:web:uni.example")
        #expect(achievement["awardedBy"]?["awardingBody"]?["location"]?["address"]?["countryCode"]?["id"] == "http://publications.europa.eu/resource/authority/country/PER")
        #expect(achievement["awardedBy"]?["awardingDate"] == "2026-03-10T15:30:00Z")
        #expect(achievement["provenBy"]?["grade"]?["noteLiteral"] == ["es": "18/20"])
        // Supervised online with identity verification has no confirmed EU concept: a label only.
        let verification = try #require(achievement["provenBy"]?["idVerification"]?.objectValue)
        #expect(verification["id"] == nil && verification["prefLabel"]?["es"] == "Supervisada en línea con verificación de identidad")

        let qualification = try #require(achievement["specifiedBy"]?.objectValue)
        #expect(qualification["type"] == "Qualification")
        #expect(qualification["id"]?.stringValue == OpenBadgeCredential(
            institution: europass.institution, spec: europass.spec, learner: europass.award.learner, grade: nil,
            credentialID: "x", issuedAt: now, salt: "s").achievementID)
        #expect(qualification["learningOutcome"]?.asArray.count == 2)
        #expect(qualification["creditPoint"]?[0]?["framework"]?["id"] == "http://data.europa.eu/snb/education-credit/6fcec5c5af")
        #expect(qualification["creditPoint"]?[1]?["framework"]?["notation"] == "SCT-Chile")
        #expect(qualification["nqfLevel"]?["prefLabel"] == ["es": "Nivel 6 del MNC"])
        #expect(qualification["entryRequirement"]?["noteLiteral"] == ["es": "Ninguno."])
        #expect(qualification["isPartialQualification"] == true)
        #expect(qualification["language"]?.asArray.compactMap { $0["id"]?.stringValue } == [
            "http://publications.europa.eu/resource/authority/language/SPA",
            "http://publications.europa.eu/resource/authority/language/ENG",
        ])
        #expect(qualification["supplementaryDocument"]?[0]?["contentURL"] == "https://uni.example/agil")
        let notes = qualification["additionalNote"]?.asArray.compactMap { $0["noteLiteral"]?["es"]?.stringValue } ?? []
        #expect(notes == [
            "Aseguramiento de la calidad: Revisión del consejo académico.",
            "Agencia de aseguramiento de la calidad: SINEACE",
            "Integración y acumulación: Acumulable hacia otra credencial. Suma al diploma en gestión.",
        ])
        let assessment = try #require(qualification["provenBy"]?.objectValue)
        #expect(assessment["title"]?["es"] == "Proyecto")
        #expect(assessment["dcType"]?["prefLabel"]?["en"] == "Project")
        #expect(assessment["gradingScheme"]?["description"] == ["es": "Escala vigesimal; se aprueba con 11."])
        #expect(assessment["additionalNote"]?[0]?["noteLiteral"]?["en"] == "Supervision and identity verification: Supervised online with identity verification")
    }

    @Test func idsAreStableAndDerivedFromTheAward() throws {
        let (europass, document) = try export()
        #expect(document == europass.document())
        #expect(document["id"]?.stringValue == europass.credentialID)
        var other = europass
        other.award.id = UUID()
        #expect(other.document()["id"] != document["id"])
        #expect(other.document()["credentialSubject"]?["hasClaim"]?["specifiedBy"] == document["credentialSubject"]?["hasClaim"]?["specifiedBy"])
        // Every node but the vocabulary concepts without a URI has an id.
        let subjects = Set(try quads(document).compactMap { quad -> String? in
            if case .iri(let iri) = quad.subject { return iri } else { return nil }
        })
        #expect(subjects.allSatisfy { $0.hasPrefix("urn:uuid:") || $0.hasPrefix("did:") || $0.hasPrefix("http://") || $0.hasPrefix("mailto:") })
        #expect(subjects.contains("did:web:uni.example"))
    }

    @Test func optionalElementsAreLeftOutAndUnknownConceptsGetNoURI() throws {
        var input = specInput()
        input.validityMonths = nil
        input.supervision = .unsupervised
        input.formality = .nonFormal
        input.participation = .onsite
        input.languages = ["qu", "es"]
        input.stackability = nil
        input.furtherInformation = LocalizedText(es: "Consulta el sílabo en la web.")
        input.learningOutcomes = [
            LearningOutcome(
                text: LocalizedText(es: "Lidera un equipo."),
                skills: [SkillReference(uri: "https://skills.example/liderazgo", label: LocalizedText(es: "liderazgo"), framework: "Propio")])
        ]
        var (europass, _) = try export(input, grade: nil)
        europass.award.validUntil = nil
        let document = europass.document()
        _ = try quads(document)

        #expect(document["expirationDate"] == nil)
        let achievement = try #require(document["credentialSubject"]?["hasClaim"]?.objectValue)
        #expect(achievement["provenBy"] == nil)
        let qualification = try #require(achievement["specifiedBy"]?.objectValue)
        #expect(qualification["isPartialQualification"] == nil)
        #expect(qualification["learningSetting"]?["id"] == "http://data.europa.eu/snb/learning-setting/e207a81fc7")
        #expect(qualification["mode"]?["id"] == "http://data.europa.eu/snb/learning-assessment/9191af2ed9")
        #expect(qualification["language"]?[0]?["id"] == nil)
        #expect(qualification["language"]?[0]?["notation"] == "qu")
        #expect(qualification["learningOutcome"]?[0]?["relatedESCOSkill"] == nil)
        #expect(qualification["learningOutcome"]?[0]?["relatedSkill"]?[0]?["id"] == "https://skills.example/liderazgo")
        #expect(qualification["supplementaryDocument"] == nil)
        #expect(qualification["additionalNote"]?.asArray.contains { $0["noteLiteral"]?["es"] == "Más información: Consulta el sílabo en la web." } == true)
        // The one supervision concept whose EU URI is known.
        let supervision = qualification["provenBy"]?["additionalNote"]?[0]?["noteLiteral"]?["es"]?.stringValue
        #expect(supervision == "Supervisión y verificación de identidad: Sin supervisión ni verificación de identidad")
        #expect(ELMVocabulary.supervision(.unsupervised)["id"] == "http://data.europa.eu/snb/supervision-verification/c598449d64")
        // The learner's name is tagged with the spec's first language.
        #expect(document["credentialSubject"]?["givenName"] == ["qu": "Lucía"])
    }

    @Test func safeModeRejectsWhatTheELMContextDoesNotDefine() throws {
        var (_, document) = try export()
        _ = try quads(document)
        var subject = try #require(document["credentialSubject"]?.objectValue)
        subject["nickname"] = "Lu"
        document["credentialSubject"] = .object(subject)
        #expect(throws: JSONLDError.self) { try quads(document) }
    }

    @Test func countriesAndLanguagesUseEUAuthorityCodes() {
        let reference = ReferenceData.bundled
        #expect(reference.countries["MX"]?.alpha3 == "MEX")
        #expect(ELMVocabulary.country("MX", reference: reference)["id"] == "http://publications.europa.eu/resource/authority/country/MEX")
        #expect(ELMVocabulary.language("pt", reference: reference)["id"] == "http://publications.europa.eu/resource/authority/language/POR")
        #expect(ELMVocabulary.language("fr", reference: reference)["id"] == "http://publications.europa.eu/resource/authority/language/FRA")
        #expect(reference.languages["gn"]?.alpha3 == "grn")
        #expect(ELMVocabulary.language("gn", reference: reference)["id"] == nil)
        #expect(ELMVocabulary.language("gn", reference: reference)["prefLabel"]?["es"] == "guaraní")
        // Language maps print Spanish first, whatever order the texts came in.
        let map = ELMVocabulary.languageMap(["pt": "c", "qu": "d", "en": "b", "es": "a"])
        #expect(map.objectValue?.keys == ["es", "en", "pt", "qu"])
    }

    @Test func workloadIsAnXSDDuration() {
        #expect(EuropassCredential.duration(hours: 50) == "PT50H")
        #expect(EuropassCredential.duration(hours: 37.5) == "PT37H30M")
        #expect(EuropassCredential.duration(hours: 0.25) == "PT15M")
    }
}
