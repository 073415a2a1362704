import Foundation
import MochilaCore
import MochilaStore

extension Node {
    /// Seeds the demo network once per data folder: institutions (with the public demo tokens
    /// `demo-<slug>`), their specs and awards. Seeding again does nothing.
    public func seedDemo() async throws {
        if try await store.setting("demo.seeded") != nil { return try await seedDemoStaff() }
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

    /// The password of every demo console account (public, like the demo tokens).
    public static let demoPassword = "mochila-demo-2026"
}
