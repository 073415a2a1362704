import Credentials
import Foundation
import Testing

@testable import MochilaCore

@Suite struct ESCOCatalogTests {
    let catalog = ESCOCatalog.bundled
    static let installPhotovoltaic = "http://data.europa.eu/esco/skill/18d3f89a-6ac5-4ca6-bf93-0baec4e13bcd"

    @Test func theBundledCatalogHoldsEverySkillAndOccupation() {
        #expect(catalog.concepts.count == 13_896 + 3_039)
        #expect(catalog.concepts.filter { $0.kind == .occupation }.count == 3_039)
        #expect(catalog.concepts.filter { $0.kind == .knowledge }.count == 3_059)
    }

    @Test func aConceptIsFoundByURI() throws {
        let concept = try #require(catalog.concept(uri: Self.installPhotovoltaic))
        #expect(concept.kind == .skill)
        #expect(concept.preferredLabel[.en] == "install photovoltaic systems")
        #expect(concept.preferredLabel[.es] == "instalar sistemas de energía fotovoltaica")
        #expect(concept.preferredLabel[.pt] == nil)
        #expect(concept.alternativeLabels[.es]?.contains("instalar sistemas de energía solar") == true)
        #expect(concept.alternativeLabels[.en]?.contains("install photovoltaic systems") == false, "the preferred label is not repeated")
        #expect(concept.skillType == "skill/competence")
        #expect(concept.reuseLevel == .occupationSpecific)
        #expect(concept.description[.en]?.hasPrefix("Install systems which generate electrical energy") == true)
        #expect(catalog.concept(uri: "http://data.europa.eu/esco/skill/does-not-exist") == nil)

        let occupation = try #require(catalog.concept(uri: "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34"))
        #expect(occupation.kind == .occupation)
        #expect(occupation.iscoGroup == "2654")
        #expect(occupation.code == "2654.1.7")
        #expect(occupation.preferredLabel[.pt] == "Diretor técnico/Diretora técnica")
        #expect(occupation.description[.es]?.hasPrefix("Los directores técnicos") == true)
    }

    @Test func aSkillReferenceCarriesTheLabelsESCOHas() throws {
        let reference = try #require(catalog.concept(uri: Self.installPhotovoltaic)).skillReference
        #expect(reference.uri == Self.installPhotovoltaic)
        #expect(reference.framework == "ESCO")
        #expect(reference.label.values == ["en": "install photovoltaic systems", "es": "instalar sistemas de energía fotovoltaica"])
    }

    @Test func spanishWithoutAccentsFindsSolarEnergy() throws {
        let matches = catalog.search("energia solar", language: .es)
        let first = try #require(matches.first)
        #expect(first.label == "energía solar")
        #expect(first.language == .es)
        #expect(first.rank == .exactPreferred)
        #expect(first.concept.kind == .knowledge)
        #expect(matches.count >= 10)
        for match in matches {
            let words = SearchText.normalized(match.matchedLabel).split(separator: " ")
            #expect(words.contains { $0.hasPrefix("energia") } && words.contains { $0.hasPrefix("solar") }, "\(match.matchedLabel)")
        }
        #expect(matches.contains { $0.label == "diseñar sistemas de energía solar" })
    }

    @Test func caseAndAccentsDoNotMatter() {
        let plain = catalog.search("enfermeria", language: .es, limit: 50)
        #expect(catalog.search("ENFERMERÍA", language: .es, limit: 50) == plain)
        #expect(catalog.search("  Enfermería!! ", language: .es, limit: 50) == plain)
    }

    @Test func enfermeriaFindsNursingOccupationsAndSkills() {
        let matches = catalog.search("enfermeria", language: .es, limit: 100)
        #expect(matches.contains { $0.concept.kind == .occupation && $0.label == "auxiliar de enfermería" })
        #expect(matches.contains { $0.concept.kind == .knowledge && $0.label == "liderazgo en enfermería" })
        #expect(matches.allSatisfy { $0.language == .es })
    }

    @Test func englishFindsTheSkillBehindItsSpanishLabel() throws {
        let first = try #require(catalog.search("install photovoltaic", language: .en).first)
        #expect(first.concept.uri == Self.installPhotovoltaic)
        #expect(first.label == "install photovoltaic systems")
        #expect(first.rank == .preferredPrefix)
        #expect(first.concept.preferredLabel[.es] == "instalar sistemas de energía fotovoltaica")
        // The same concept in Spanish, through an alternative label.
        let spanish = catalog.search("energia solar instalar", language: .es)
        #expect(spanish.contains { $0.concept.uri == Self.installPhotovoltaic && $0.matchedLabel == "instalar sistemas de energía solar" })
    }

    @Test func portugueseFindsOccupationsInPortuguese() throws {
        let matches = catalog.search("enfermeiro", language: .pt, kinds: [.occupation])
        #expect(matches.count >= 4)
        #expect(matches.allSatisfy { $0.language == .pt && $0.concept.kind == .occupation })
        #expect(matches.contains { $0.label == "Enfermeiro especialista/Enfermeira especialista" })
        // A gender form of the preferred label is a preferred match.
        let specialist = try #require(catalog.search("enfermeira especialista", language: .pt).first)
        #expect(specialist.label == "Enfermeiro especialista/Enfermeira especialista")
        #expect(specialist.rank == .exactPreferred)
    }

    @Test func portugueseFallsBackToSpanishForSkills() throws {
        let first = try #require(catalog.search("energia solar", language: .pt, kinds: [.knowledge]).first)
        #expect(first.label == "energía solar")
        #expect(first.language == .es, "ESCO has no Portuguese skill labels")
        // Occupations, which have Portuguese labels, are searched in Portuguese only.
        #expect(catalog.search("enfermero", language: .pt, kinds: [.occupation]).isEmpty)
    }

    @Test func theExactLabelRanksFirstAndRanksNeverImprove() throws {
        let matches = catalog.search("gestion de proyectos", language: .es, limit: 100)
        let first = try #require(matches.first)
        #expect(first.label == "gestión de proyectos")
        #expect(first.rank == .exactPreferred)
        #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.rank <= $1.rank })
        #expect(matches.dropFirst().allSatisfy { $0.rank != .exactPreferred })
        #expect(catalog.search("gestion de proyectos", language: .es, limit: 100) == matches, "deterministic")
    }

    @Test func theKindsFilterIsApplied() {
        for kinds: Set<ESCOConcept.Kind> in [[.occupation], [.skill], [.knowledge], [.skill, .knowledge]] {
            let matches = catalog.search("enfermeria", language: .es, kinds: kinds, limit: 200)
            #expect(!matches.isEmpty)
            #expect(matches.allSatisfy { kinds.contains($0.concept.kind) })
        }
        #expect(catalog.search("enfermeria", language: .es, kinds: []).isEmpty)
    }

    @Test func emptyAndOversizedQueriesFindNothingQuickly() {
        let start = ContinuousClock.now
        #expect(catalog.search("", language: .es).isEmpty)
        #expect(catalog.search("   ", language: .es).isEmpty)
        #expect(catalog.search("¿?¡!—…", language: .es).isEmpty)
        #expect(catalog.search(String(repeating: "energia ", count: 1_000), language: .es).isEmpty)
        #expect(catalog.search(String(repeating: "ñ", count: 100_000), language: .es).isEmpty)
        #expect(catalog.search("zzzqqq", language: .es).isEmpty)
        #expect(catalog.search("energia", language: .es, limit: 0).isEmpty)
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test func theLimitIsRespected() {
        #expect(catalog.search("a", language: .es, limit: 7).count == 7)
        #expect(catalog.search("a", language: .en, limit: 100_000).count == ESCOCatalog.maxResults)
    }

    @Test func theNoticesAreInEveryLanguage() {
        #expect(ESCOCatalog.notice[.en] == "This service uses the ESCO classification of the European Commission.")
        #expect(ESCOCatalog.notice[.es] == "Este servicio utiliza la clasificación ESCO de la Comisión Europea.")
        #expect(ESCOCatalog.notice[.pt] == "Este serviço utiliza a classificação ESCO da Comissão Europeia.")
        for language in Language.allCases { #expect(ESCOCatalog.modificationNotice[language] != nil) }
    }
}

/// Ranking, fallback and normalization on a catalogue small enough to reason about.
@Suite struct ESCOSearchTests {
    static func skill(_ id: String, es: String?, en: String, esAlternatives: [String] = []) -> ESCOConcept {
        var labels: [Language: String] = [.en: en]
        if let es { labels[.es] = es }
        return ESCOConcept(
            uri: "http://example.org/skill/\(id)", kind: .skill, preferredLabel: labels,
            alternativeLabels: esAlternatives.isEmpty ? [:] : [.es: esAlternatives])
    }

    let catalog = ESCOCatalog(concepts: [
        skill("a", es: "energía solar térmica", en: "solar thermal energy"),
        skill("b", es: "energía solar", en: "solar energy"),
        skill("c", es: "diseñar sistemas de energía solar", en: "design solar energy systems"),
        skill("d", es: "fotovoltaica", en: "photovoltaics", esAlternatives: ["energía solar"]),
        skill("e", es: "instalar paneles", en: "install panels", esAlternatives: ["montar paneles de energía solar"]),
        skill("f", es: "energía solar pasiva", en: "passive solar energy"),
        skill("g", es: nil, en: "solar cooking"),
    ])

    @Test func theRankingOrdersExactThenPrefixThenWordsThenAlternatives() {
        let matches = catalog.search("energia solar", language: .es)
        #expect(matches.map(\.concept.uri.last) == ["b", "f", "a", "c", "d", "e"])
        #expect(matches.map(\.rank) == [.exactPreferred, .preferredPrefix, .preferredPrefix, .preferredWords, .exactAlternative, .alternativeWords])
        #expect(matches[4].label == "fotovoltaica")
        #expect(matches[4].matchedLabel == "energía solar")
    }

    @Test func theLastWordIsAPrefixAndOrderMattersOnlyForRank() {
        #expect(catalog.search("energ sol", language: .es).count == 6)
        let reversed = catalog.search("solar energia", language: .es)
        #expect(reversed.count == 6)
        #expect(reversed.allSatisfy { $0.rank == .preferredWords || $0.rank == .alternativeWords })
    }

    @Test func conceptsWithoutLabelsInTheReadersLanguageFallBack() throws {
        let cooking = try #require(catalog.search("solar cook", language: .es).first)
        #expect(cooking.label == "solar cooking")
        #expect(cooking.language == .en)
        // A concept with a Spanish label is not searched in English for a Spanish reader.
        #expect(catalog.search("photovoltaics", language: .es).isEmpty)
        #expect(catalog.search("photovoltaics", language: .en).first?.label == "photovoltaics")
        #expect(catalog.search("fotovoltaica", language: .pt).first?.language == .es)
    }

    @Test func normalizationUsesUnicodeDecomposition() {
        #expect(SearchText.normalized("Energía Solar—Fotovoltaica, ÑANDÚ; façade, pingüino") == "energia solar fotovoltaica nandu facade pinguino")
        #expect(SearchText.normalized("Ｃｏｍｐｕｔａｄｏｒａ ﬁnal, Ångström") == "computadora final angstrom")
        #expect(SearchText.normalized("C++ / TCP-IP 2.0") == "c tcp ip 2 0")
        #expect(SearchText.normalized(" \t—") == "")
    }
}

/// The reader of the JSON Lines files.
@Suite struct ESCOJSONLinesTests {
    func read(_ text: String, occupations: Bool = false) throws -> [ESCOConcept] {
        try ESCOCatalog.concepts(jsonLines: Array(text.utf8), occupations: occupations)
    }

    @Test func fieldsEscapesAndUnknownMembersAreRead() throws {
        let concepts = try read(
            #"""
            {"uri":"u:1","skillType":"knowledge","reuseLevel":null,"label":{"en":"a \"quoted\" \\ label","es":"caf\u00e9 \ud83d\ude00","fr":"ignoré"},"altLabels":{"en":["a \"quoted\" \\ label","other"]},"extra":{"n":[1,-2.5e3,true,false,null]},"broader":["g:1"]}

            {"uri":"u:2","iscoGroup":"2221","code":"2221.1","label":{"pt":"Enfermeiro/Enfermeira"},"description":{"pt":"linha\nnova"}}
            """#)
        #expect(concepts.count == 2)
        #expect(concepts[0].kind == .knowledge)
        #expect(concepts[0].reuseLevel == nil)
        #expect(concepts[0].preferredLabel == [.en: #"a "quoted" \ label"#, .es: "café 😀"])
        #expect(concepts[0].alternativeLabels == [.en: ["other"]], "the preferred label is dropped from the alternatives")
        #expect(try read(#"{"uri":"u:2","label":{"en":"x"}}"#, occupations: true)[0].kind == .occupation)
        #expect(concepts[1].kind == .skill)
        #expect(concepts[1].iscoGroup == "2221")
        #expect(concepts[1].description[.pt] == "linha\nnova")
    }

    @Test func malformedLinesNameTheLine() {
        for text in [
            "{\"uri\":\"u:1\",\"label\":{\"en\":\"x\"}}\n{\"uri\":\"u:2\"}",  // no label
            "{\"uri\":\"u:1\",\"label\":{\"en\":\"x\"}}\n{\"label\":{\"en\":\"x\"}}",  // no uri
            "{\"uri\":\"u:1\",\"label\":{\"en\":\"x\"}}\n{\"uri\":\"u:2\",\"label\":{\"en\":\"x\"}",  // not closed
            "{\"uri\":\"u:1\",\"label\":{\"en\":\"x\"}}\n{\"uri\":\"u:2\",\"label\":{\"en\":\"\\ud83d\"}}",  // lone surrogate
            "{\"uri\":\"u:1\",\"label\":{\"en\":\"x\"}}\n{\"uri\":\"u:2\",\"label\":{\"en\":\"x\"}} {}",  // two values
            "{\"uri\":\"u:1\",\"label\":{\"en\":\"x\"}}\n{\"uri\":\"u:2\",\"label\":{\"en\":[\"x\"]}}",  // wrong type
        ] {
            let error = #expect(throws: ESCOCatalog.LineError.self) { try read(text) }
            #expect(error?.line == 2, "\(text)")
        }
        let invalidUTF8 = Array(#"{"uri":"u:1","label":{"en":""#.utf8) + [0xFF] + Array(#""}}"#.utf8)
        #expect(throws: ESCOCatalog.LineError.self) { try ESCOCatalog.concepts(jsonLines: invalidUTF8, occupations: false) }
    }
}
