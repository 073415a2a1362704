import Foundation
import MochilaCore
import MochilaStore

extension Node {
    /// Seeds the demo network once per data folder: institutions (with the public demo tokens
    /// `demo-<slug>`), their specs and awards. Seeding again does nothing.
    public func seedDemo() async throws {
        if try await store.setting("demo.seeded") != nil {
            try await seedDemoStaff()
            return try await seedDemoNetwork()
        }
        var institutions: [String: Institution] = [:]
        for seed in DemoNetwork.institutions {
            if let existing = try await store.institution(slug: seed.slug) {
                institutions[seed.slug] = existing
                continue
            }
            let input = InstitutionInput(
                slug: seed.slug, name: seed.name, country: seed.country, url: seed.url,
                qualityAssuranceAgency: seed.qualityAssuranceAgency)
            institutions[seed.slug] = try await createInstitution(input, token: seed.demoToken).0
        }
        var specs: [MicroCredentialSpec] = []
        for seed in DemoNetwork.specs {
            guard let institution = institutions[seed.institution] else {
                throw ValidationError(field: "demo", "spec of unknown institution \(seed.institution)")
            }
            specs.append(try await createSpec(seed.input, for: institution))
        }
        let now = clock()
        for seed in DemoNetwork.awards {
            guard let institution = institutions[seed.institution], specs.indices.contains(seed.spec) else {
                throw ValidationError(field: "demo", "award of unknown institution or spec")
            }
            let input = AwardInput(
                specId: specs[seed.spec].id, learner: .init(
                    givenName: seed.learner.givenName, familyName: seed.learner.familyName, email: seed.learner.email,
                    did: seed.learner.did), grade: seed.grade)
            let issuedAt = Date(milliseconds: now.addingTimeInterval(-Double(seed.daysAgo) * 86400).milliseconds)
            _ = try await issue(input, for: institution, issuedAt: issuedAt)
        }
        try await store.setSetting("demo.seeded", "1")
        try await seedDemoStaff()
        try await seedDemoNetwork()
        logger.info("seeded the demo network: \(institutions.count) institutions, \(specs.count) specs, \(DemoNetwork.awards.count) awards")
    }

    /// The demo's console accounts: for each demo institution, `admin@<slug>.example`
    /// (administrator) and `emision@<slug>.example` (issuer), with the public password
    /// ``demoPassword``. Demo data only: never on a node with real institutions.
    func seedDemoStaff() async throws {
        if try await store.setting("demo.staff") != nil { return }
        for seed in DemoNetwork.institutions {
            guard let institution = try await store.institution(slug: seed.slug) else { continue }
            for (user, name, role) in [("admin", "Administración", StaffRole.admin), ("emision", "Unidad de microcredenciales", .issuer)] {
                let email = "\(user)@\(seed.slug).example"
                if try await store.staff(email: email) != nil { continue }
                _ = try await createStaff(
                    email: email, name: "\(name) \(seed.slug.uppercased())", role: role, password: Node.demoPassword, for: institution,
                    actor: "demo")
            }
        }
        try await store.setSetting("demo.staff", "1")
    }

    /// The demo's network: its four institutions in the trust registry (accredited for EQF 4 to 7
    /// in any field), and a recognition rule of the Chilean university for engineering
    /// micro-credentials of accredited members, in SCT-Chile credits.
    func seedDemoNetwork() async throws {
        if try await store.setting("demo.network") != nil { return }
        var institutions: [String: Institution] = [:]
        for seed in DemoNetwork.institutions {
            guard let institution = try await store.institution(slug: seed.slug) else { continue }
            institutions[seed.slug] = institution
            _ = try await putRegistryMember(
                RegistryMemberInput(
                    did: institution.did, name: institution.name.text(.es), country: institution.country,
                    qualityAssuranceAgency: seed.qualityAssuranceAgency, url: seed.url,
                    accreditation: [.init(eqfLevels: [4, 5, 6, 7])], memberSince: "2024-01-01"))
        }
        if let receiving = institutions["utve"] {
            let rule = RecognitionRuleInput(
                name: LocalizedText(
                    es: "Microcredenciales de ingeniería y energía de instituciones de la red",
                    en: "Engineering and energy micro-credentials from network institutions",
                    pt: "Microcredenciais de engenharia e energia de instituições da rede"),
                description: LocalizedText(
                    es: "Reconoce como créditos SCT-Chile de libre elección las microcredenciales de ingeniería (ISCED-F 07), nivel EQF 4 o superior, emitidas en los últimos cinco años por instituciones acreditadas de la red.",
                    en: "Recognises as elective SCT-Chile credits the engineering micro-credentials (ISCED-F 07), EQF level 4 or above, issued in the last five years by accredited network institutions.",
                    pt: "Reconhece como créditos SCT-Chile de livre escolha as microcredenciais de engenharia (ISCED-F 07), nível EQF 4 ou superior, emitidas nos últimos cinco anos por instituições acreditadas da rede."),
                criteria: .init(requireTrustedIssuer: true, minimumEQFLevel: 4, maximumAgeMonths: 60, fields: ["07"]),
                outcome: .init(
                    creditSystem: "SCT-Chile", rounding: .downToHalf, maximumCredits: 6,
                    courseEquivalence: LocalizedText(
                        es: "Se imputan como créditos de libre elección del plan de estudios.",
                        en: "They count as elective credits of the study plan.", pt: "Contam como créditos de livre escolha do plano de estudos."),
                    partialBelowCriteria: false),
                legalBasis: LocalizedText(
                    es: "Reglamento de reconocimiento de aprendizajes previos, art. 12 (demostración)",
                    en: "Regulation on the recognition of prior learning, art. 12 (demo)",
                    pt: "Regulamento de reconhecimento de aprendizagens prévias, art. 12 (demonstração)"),
                appealRoute: LocalizedText(
                    es: "Recurso de reposición ante la Dirección de Docencia dentro de 10 días hábiles desde la notificación.",
                    en: "Appeal to the Teaching Directorate within 10 working days of notification.",
                    pt: "Recurso à Direção de Ensino em até 10 dias úteis a partir da notificação."))
            _ = try await createRule(rule, for: receiving)
            let pathway = PathwayInput(
                name: LocalizedText(
                    es: "Diplomado en tecnologías para la transición energética",
                    en: "Diploma in technologies for the energy transition",
                    pt: "Diploma em tecnologias para a transição energética"),
                description: LocalizedText(
                    es: "Se obtiene reuniendo al menos 6 créditos ECTS de microcredenciales de ingeniería (ISCED-F 07) de instituciones acreditadas de la red, de los últimos cinco años.",
                    en: "Earned by stacking at least 6 ECTS credits of engineering micro-credentials (ISCED-F 07) from accredited network institutions, from the last five years.",
                    pt: "Obtido reunindo pelo menos 6 créditos ECTS de microcredenciais de engenharia (ISCED-F 07) de instituições acreditadas da rede, dos últimos cinco anos."),
                requirement: .init(
                    kind: "credits", minimum: 6, system: "ECTS",
                    parts: [.init(fields: ["07"], name: LocalizedText(es: "Ingeniería", en: "Engineering", pt: "Engenharia"))]),
                conditions: .init(maximumAgeMonths: 60, minimumEQFLevel: 4, requireTrustedIssuer: true),
                award: .init(creditSystem: "SCT-Chile", credits: 10, eqfLevel: 5, iscedField: "0713"))
            _ = try await createPathway(pathway, for: receiving)
        }
        try await store.setSetting("demo.network", "1")
    }

    /// The password of every demo console account (public, like the demo tokens).
    public static let demoPassword = "mochila-demo-2026"
}
