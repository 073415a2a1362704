import Credentials
import Foundation
import LinkedData
import Testing

@testable import MochilaCore

/// The network's trust registry: member input, the coordinator's signed `TrustRegistryCredential`,
/// its import, and the ``TrustRegistry`` the verifier's trust check consults.
@Suite struct TrustRegistryCredentialTests {
    let now = XSDDateTime("2026-06-01T00:00:00Z")!.date
    let coordinatorKey = SigningKey.generate(.ed25519)
    let chileKey = SigningKey.generate(.ed25519)
    let mexicoKey = SigningKey.generate(.ed25519)
    let guatemalaKey = SigningKey.generate(.ed25519)

    var coordinator: String { DIDKey.did(for: coordinatorKey.publicKey) }

    static func date(_ text: String) -> Date { RegistryMemberInput.parseDate(text)! }

    /// Chile accredited for ICT (07) at EQF 5-6 since 2025; México for anything; Guatemala a
    /// former member.
    var members: [RegistryMember] {
        [
            RegistryMember(
                did: DIDKey.did(for: chileKey.publicKey), name: "Universidad del Pacífico Sur", country: "CL",
                qualityAssuranceAgency: "CNA Chile", url: "https://upsur.example",
                accreditation: [RegistryMember.Accreditation(fields: ["07"], eqfLevels: [5, 6], validFrom: Self.date("2025-01-01"))],
                memberSince: Self.date("2024-03-01")),
            RegistryMember(
                did: DIDKey.did(for: mexicoKey.publicKey), name: "Universidad Autónoma del Altiplano", country: "MX",
                memberSince: Self.date("2023-08-15T12:00:00Z")),
            RegistryMember(
                did: DIDKey.did(for: guatemalaKey.publicKey), name: "Universidad de Occidente", country: "GT",
                accreditation: [RegistryMember.Accreditation(fields: ["04", "0613"])],
                memberSince: Self.date("2022-01-01"), memberUntil: Self.date("2026-01-01")),
        ]
    }

    func signedRegistry(
        _ members: [RegistryMember]? = nil, key: SigningKey? = nil, validUntil: Date? = nil, issuedAt: Date? = nil
    ) throws -> JSONObject {
        let key = key ?? coordinatorKey
        let unsigned = TrustRegistryDocument.credential(
            coordinatorDID: DIDKey.did(for: key.publicKey), coordinatorName: "Red Mochila", members: members ?? self.members,
            id: "https://red.example/registro", issuedAt: issuedAt ?? Self.date("2026-05-01"),
            validUntil: validUntil ?? Self.date("2027-05-01"))
        return try DataIntegrity.addProof(
            to: unsigned, suite: EdDSARDFC2022(), key: key, options: ProofOptions(verificationMethod: Multikey(didKeyFor: key).id))
    }

    func fields(_ error: ValidationError) -> Set<String> { Set(error.problems.map(\.field)) }

    // MARK: - input

    @Test func validationNamesEachBadField() throws {
        let input = RegistryMemberInput(
            did: "web:uni.example", name: "  ", country: "XX", url: "http://uni.example",
            accreditation: [
                .init(fields: ["07", "70"], eqfLevels: [5, 9], validFrom: "2026-01-01", validUntil: "2025-01-01"),
                .init(validFrom: "el lunes"),
            ],
            memberSince: "2026-02-01", memberUntil: "2025-12-31")
        let error = try #require(throws: ValidationError.self) { try input.validated() }
        #expect(
            fields(error) == [
                "did", "name", "country", "url", "accreditation[0].fields[1]", "accreditation[0].eqfLevels[1]",
                "accreditation[0].validUntil", "accreditation[1].validFrom", "memberUntil",
            ], "\(error)")

        let missing = try #require(throws: ValidationError.self) { try RegistryMemberInput().validated() }
        #expect(fields(missing) == ["did", "name", "country", "memberSince"])

        var long = RegistryMemberInput(
            did: "did:web:" + String(repeating: "a", count: 500), name: String(repeating: "n", count: 301), country: "MX",
            memberSince: "2024-01-01")
        long.accreditation = Array(repeating: .init(fields: ["07"]), count: 51)
        let tooLong = try #require(throws: ValidationError.self) { try long.validated() }
        #expect(fields(tooLong) == ["did", "name", "accreditation"])

        for bad in ["did:", "did:web", "did:web:", "did:Web:x", "did:web:uni example", "did:web:uni#key-1", "did:web:uni:"] {
            #expect(!RegistryMemberInput.isDID(bad), "\(bad)")
        }
        #expect(RegistryMemberInput.isDID("did:web:uni.example:registro%3A1"))
    }

    @Test func inputDecodesFromJSONAndRoundTrips() throws {
        let json = """
            {"did": "did:web:uni.example", "name": " Universidad de Ejemplo ", "country": "gt",
             "qualityAssuranceAgency": "CCA", "url": "https://uni.example/",
             "accreditation": [{"fields": ["07", "07"], "eqfLevels": [5, 6], "validFrom": "2025-01-01"}],
             "memberSince": "2024-03-01T09:30:00-03:00"}
            """
        let input = try JSONDecoder().decode(RegistryMemberInput.self, from: Data(json.utf8))
        let member = try input.validated()
        #expect(member.name == "Universidad de Ejemplo")
        #expect(member.country == "GT")
        #expect(member.accreditation == [.init(fields: ["07"], eqfLevels: [5, 6], validFrom: Self.date("2025-01-01"))])
        #expect(member.memberSince == Self.date("2024-03-01T12:30:00Z"))
        #expect(try RegistryMemberInput(member).validated() == member)
        #expect(member.json.objectValue?.keys == ["did", "name", "country", "qualityAssuranceAgency", "url", "accreditation", "memberSince"])
        let printed = try JSONDecoder().decode(RegistryMemberInput.self, from: Data(member.json.serialized()))
        #expect(try printed.validated() == member)
    }

    // MARK: - the signed registry

    @Test func aSignedRegistryVerifiesAndReadsBack() async throws {
        let registry = try signedRegistry()
        #expect(registry["credentialSubject"]?["member"]?[0]?["accreditation"]?[0]?["field"] == ["07"])
        let report = await CredentialVerifier().verify(.object(registry), at: now)
        #expect(report.verified, "\(report.json(input: nil).serializedString())")
        #expect(report.result(.proof)?.status == .passed)
        #expect(report.result(.issuer)?.status == .passed)
        #expect(TrustRegistryDocument.coordinator(of: .object(registry)) == coordinator)
        #expect(try TrustRegistryDocument.members(of: .object(registry)) == members)
        let imported = try TrustRegistryDocument.importVerified(
            .object(registry), report: report, expectedCoordinator: coordinator, at: now)
        #expect(imported == members)

        // A verifier that requires trusted issuers does not hold a registry back: its coordinator
        // need not be a member.
        let strict = await CredentialVerifier(registry: TrustRegistry(members: []), requireTrusted: true).verify(.object(registry), at: now)
        #expect(!strict.verified)
        #expect(try TrustRegistryDocument.importVerified(.object(registry), report: strict, expectedCoordinator: coordinator, at: now) == members)
    }

    @Test func importRefusesAnotherCoordinatorATamperedOrAnExpiredRegistry() async throws {
        func refusal(_ registry: JSONObject, report: VerificationReport? = nil) async throws -> Set<String> {
            var verification = report
            if verification == nil { verification = await CredentialVerifier().verify(.object(registry), at: now) }
            let report = verification!
            let error = try #require(throws: ValidationError.self) {
                try TrustRegistryDocument.importVerified(.object(registry), report: report, expectedCoordinator: coordinator, at: now)
            }
            return fields(error)
        }
        // Signed, and verified, but by someone else.
        let impostor = try signedRegistry(key: SigningKey.generate(.ed25519))
        #expect(await CredentialVerifier().verify(.object(impostor), at: now).verified)
        #expect(try await refusal(impostor) == ["issuer"])

        // A country changed after signing.
        var tampered = try signedRegistry()
        tampered["credentialSubject"]?["member"] = .array(
            TrustRegistryDocument.credential(
                coordinatorDID: coordinator, coordinatorName: "", members: [members[0], members[1]].map {
                    var member = $0
                    member.country = "PE"
                    return member
                }, id: "", issuedAt: now, validUntil: nil)["credentialSubject"]!["member"]!.asArray)
        #expect(try await refusal(tampered) == ["proof"])

        let expired = try signedRegistry(validUntil: Self.date("2026-05-15"))
        #expect(try await refusal(expired) == ["validity"])
        // Verified once, imported too late.
        let report = await CredentialVerifier().verify(.object(expired), at: Self.date("2026-05-10"))
        #expect(try await refusal(expired, report: report) == ["validUntil"])

        // A report about another document.
        #expect(try await refusal(try signedRegistry(), report: await CredentialVerifier().verify(.object(impostor), at: now)) == ["report"])

        // Another kind of credential by the coordinator.
        var other = TrustRegistryDocument.credential(
            coordinatorDID: coordinator, coordinatorName: "Red Mochila", members: members, id: "https://red.example/registro",
            issuedAt: Self.date("2026-05-01"), validUntil: nil)
        other["type"] = ["VerifiableCredential"]
        let signedOther = try DataIntegrity.addProof(
            to: other, suite: EdDSARDFC2022(), key: coordinatorKey,
            options: ProofOptions(verificationMethod: Multikey(didKeyFor: coordinatorKey).id))
        #expect(try await refusal(signedOther) == ["type"])
    }

    @Test func malformedMembersAreNamed() throws {
        var registry = TrustRegistryDocument.credential(
            coordinatorDID: coordinator, coordinatorName: "Red Mochila", members: members, id: "https://red.example/registro",
            issuedAt: now, validUntil: nil)
        var list = registry["credentialSubject"]!["member"]!.asArray
        list[1]["country"] = 56
        list[2]["id"] = list[0]["id"]
        var unknownField = list[0]
        unknownField["id"] = "did:web:a.example"
        unknownField["accreditation"] = [["field": ["07", "x"]]]
        var fractionalLevel = list[0]
        fractionalLevel["id"] = "did:web:b.example"
        fractionalLevel["accreditation"] = [["eqfLevel": [5.5]]]
        list += [unknownField, fractionalLevel, "did:web:solo.example"]
        registry["credentialSubject"]?["member"] = .array(list)
        let error = try #require(throws: ValidationError.self) { try TrustRegistryDocument.members(of: .object(registry)) }
        #expect(
            fields(error) == [
                "credentialSubject.member[1].country", "credentialSubject.member[2].id",
                "credentialSubject.member[3].accreditation[0].field[1]", "credentialSubject.member[4].accreditation[0].eqfLevel[0]",
                "credentialSubject.member[5]",
            ], "\(error)")

        registry["credentialSubject"]?["member"] = .array(Array(repeating: list[1], count: TrustRegistryDocument.maximumMembers + 1))
        let tooMany = try #require(throws: ValidationError.self) { try TrustRegistryDocument.members(of: .object(registry)) }
        #expect(fields(tooMany) == ["credentialSubject.member"])
    }

    // MARK: - the verifier's trust check

    /// A micro-credential by `key`'s institution in `field` at `level`, issued at `issuedAt`.
    func badge(_ key: SigningKey, field: String, level: Int, issuedAt: Date) throws -> JSONValue {
        let method = Multikey(didKeyFor: key)
        let institution = Institution(
            slug: "uni", name: LocalizedText(es: "Universidad"), country: "CL", did: method.controller, createdAt: issuedAt)
        var input = SpecInput()
        input.title = LocalizedText(es: "Redes de computadoras")
        input.description = LocalizedText(es: "Configura redes locales.")
        input.learningOutcomes = [LearningOutcome(text: LocalizedText(es: "Configura una red."), skills: [])]
        input.workloadHours = 40
        input.eqfLevel = level
        input.iscedField = field
        input.assessment = Assessment(type: .project)
        input.participation = .online
        input.qualityAssurance = LocalizedText(es: "Revisión académica.")
        input.formality = .formal
        let spec = try input.validated(institutionID: institution.id, id: UUID(), version: 1, createdAt: issuedAt)
        let award = try CredentialIssuer().issue(
            institution: institution, key: key, verificationMethod: method.id, spec: spec,
            learner: Learner(givenName: "Ana", familyName: "Pérez", email: "ana@correo.example", did: nil),
            grade: nil, awardID: UUID(), issuedAt: issuedAt, salt: "sal")
        return try JSONValue(parsing: award.credential, limits: .credential)
    }

    @Test func theVerifierTrustsMembersWithinTheirScope() async throws {
        let verifier = CredentialVerifier(registry: TrustRegistryDocument.trustRegistry(members, at: now))
        func trusted(_ key: SigningKey, _ field: String, _ level: Int, _ issued: String = "2026-03-01") async throws -> Bool? {
            await verifier.verify(try badge(key, field: field, level: level, issuedAt: Self.date(issued)), at: now).trusted
        }
        #expect(try await trusted(chileKey, "0714", 5) == true)
        #expect(try await trusted(chileKey, "0612", 5) == false, "another field")
        #expect(try await trusted(chileKey, "0714", 7) == false, "another EQF level")
        #expect(try await trusted(chileKey, "0714", 6, "2024-06-01") == false, "issued before the accreditation")
        #expect(try await trusted(mexicoKey, "0912", 8) == true, "a member without scopes")
        #expect(try await trusted(guatemalaKey, "0413", 6, "2025-06-01") == false, "a former member")
        #expect(try await trusted(SigningKey.generate(.ed25519), "0714", 5) == false, "not a member")

        let verified = await verifier.verify(try badge(chileKey, field: "0714", level: 5, issuedAt: Self.date("2026-03-01")), at: now)
        #expect(verified.verified && verified.result(.trust)?.status == .passed, "\(verified.json(input: nil).serializedString())")

        let before = TrustRegistryDocument.trustRegistry(members, at: Self.date("2025-06-01"))
        #expect(before.members[members[2].did] != nil)
        #expect(before.members[members[0].did]?.accreditation?.first?.fields == ["07"])
        #expect(before.members[members[1].did]?.accreditation == nil)
    }

    @Test func theExportedListReadsAsTheSameTrustRegistry() throws {
        for date in [now, Self.date("2025-06-01")] {
            let list = TrustRegistryDocument.listJSON(members, at: date)
            let read = try TrustRegistry(json: try JSONValue(parsing: list.serialized(), limits: .credential))
            #expect(read.members == TrustRegistryDocument.trustRegistry(members, at: date).members)
        }
        let all = TrustRegistryDocument.listJSON(members)
        #expect(all["members"]?.asArray.count == 3)
        #expect(all["members"]?[1]?["accreditation"] == nil)
        #expect(all["members"]?[0]?["accreditation"]?[0]?["eqfLevels"] == [5, 6])
    }
}
