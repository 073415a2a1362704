import Foundation
import Testing

@testable import MochilaCore

@Suite struct DemoNetworkTests {
    @Test func fourInstitutionsInMexicoDominicanRepublicChileAndGuatemala() {
        let institutions = DemoNetwork.institutions
        #expect(institutions.count == 4)
        #expect(Set(institutions.map(\.country)) == ["MX", "DO", "CL", "GT"])
        #expect(Set(institutions.map(\.slug)).count == institutions.count)
        for institution in institutions {
            #expect(!institution.slug.isEmpty)
            #expect(institution.slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
            #expect(institution.url.hasPrefix("https://") && institution.url.hasSuffix(".example"))
            #expect(institution.name.values["es"] != nil && institution.name.values["en"] != nil)
            #expect(!institution.qualityAssuranceAgency.isEmpty)
        }
    }

    @Test func everySpecValidates() {
        #expect(DemoNetwork.specs.count == 6)
        for (index, seed) in DemoNetwork.specs.enumerated() {
            #expect(throws: Never.self, "spec \(index)") {
                _ = try seed.input.validated(institutionID: UUID(), id: UUID(), version: 1, createdAt: Date())
            }
        }
    }

    @Test func everySpecBelongsToAnInstitutionAndIsBilingual() {
        let slugs = Set(DemoNetwork.institutions.map(\.slug))
        for seed in DemoNetwork.specs {
            #expect(slugs.contains(seed.institution))
            #expect(seed.input.title?.values["es"] != nil)
            #expect(seed.input.title?.values["en"] != nil)
            #expect(seed.input.description?.values["en"] != nil)
        }
        // Every institution designs at least one spec.
        #expect(Set(DemoNetwork.specs.map(\.institution)) == slugs)
    }

    @Test func everyAwardNamesAnExistingSpecOfItsInstitution() {
        let specs = DemoNetwork.specs
        #expect((10...12).contains(DemoNetwork.awards.count))
        for award in DemoNetwork.awards {
            #expect(specs.indices.contains(award.spec))
            guard specs.indices.contains(award.spec) else { continue }
            #expect(award.institution == specs[award.spec].institution)
            #expect(award.daysAgo >= 0)
        }
    }

    @Test func everySkillIsAnEscoSkill() {
        let skills = DemoNetwork.specs.flatMap { $0.input.learningOutcomes ?? [] }.flatMap(\.skills)
        #expect(!skills.isEmpty)
        for skill in skills {
            #expect(skill.uri.hasPrefix("http://data.europa.eu/esco/skill/"))
            #expect(skill.label.values["es"] != nil && skill.label.values["en"] != nil)
        }
    }

    @Test func learnersHaveAccentedNames() {
        let names = DemoNetwork.awards.map(\.learner.fullName)
        #expect(names.contains { name in name.unicodeScalars.contains { !$0.isASCII && $0.properties.isAlphabetic } })
    }
}
