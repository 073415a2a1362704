import Credentials
import Foundation
import LinkedData
import MochilaCore
import MochilaStore

/// Pathways: larger credentials an institution defines by micro-credentials from any member of
/// the network. The learner sees their progress; when it is met they claim it, the node checks
/// the credentials again, and the institution issues the stacked credential, which names its parts.
extension Node {
    /// Publishes a pathway (version 1). - Throws: ``ValidationError`` naming the fields to fix.
    public func createPathway(_ input: PathwayInput, for institution: Institution) async throws -> Pathway {
        try await storePathway(input, id: UUID(), version: 1, for: institution)
    }

    /// Publishes the next version of one of the institution's pathways.
    /// - Throws: 404 when the pathway is not the institution's.
    public func addPathwayVersion(_ input: PathwayInput, pathwayID: UUID, for institution: Institution) async throws -> Pathway {
        guard let latest = try await pathway(pathwayID, version: nil), latest.institutionID == institution.id else {
            throw APIError.notFound("pathway \(pathwayID)")
        }
        return try await storePathway(input, id: pathwayID, version: latest.version + 1, for: institution)
    }

    func storePathway(_ input: PathwayInput, id: UUID, version: Int, for institution: Institution) async throws -> Pathway {
        let pathway = try input.validated(id: id, version: version, institutionID: institution.id, createdAt: clock(), reference: reference)
        try await store.addPathway(
            VersionedDocument(
                id: id, version: version, institutionID: institution.id, json: String(decoding: try JSONEncoder().encode(pathway), as: UTF8.self),
                createdAt: pathway.createdAt))
        return pathway
    }

    public func pathway(_ id: UUID, version: Int?) async throws -> Pathway? {
        try await store.pathway(id: id, version: version).map { try JSONDecoder().decode(Pathway.self, from: Data($0.json.utf8)) }
    }

    public func pathways(of institutionID: UUID?) async throws -> [Pathway] {
        try await store.pathways(institutionID: institutionID).map { try JSONDecoder().decode(Pathway.self, from: Data($0.json.utf8)) }
    }

    /// The learner's progress on every pathway of the node, from the reports kept with their
    /// credentials (claiming checks them again), and the stacked credential when issued.
    public func pathwayProgress(of learner: LearnerAccount) async throws -> [(Pathway, PathwayProgress, PathwayAward?)] {
        let items = try await store.backpackItems(learnerID: learner.id)
        let facts = items.compactMap { item -> RecognitionFacts? in
            guard item.format == .vcJSON || item.format == .vcJWT, item.source != .pathway,
                let credential = Node.readCredential(item)
            else { return nil }
            let report = try? JSONValue(parsing: Array(item.report.utf8))
            return RecognitionFacts.read(
                credential, bytes: item.credential, verified: report?["verified"]?.boolValue ?? false, trustedForScope: report?["trusted"]?.boolValue)
        }
        var progress: [(Pathway, PathwayProgress, PathwayAward?)] = []
        for pathway in try await pathways(of: nil) {
            progress.append(
                (
                    pathway, PathwayProgress.evaluate(pathway, facts: facts, at: clock(), reference: reference),
                    try await store.pathwayAward(pathwayID: pathway.id, learnerID: learner.id)
                ))
        }
        return progress
    }

    /// A backpack item's credential as JSON (a JWT's payload, unverified).
    static func readCredential(_ item: BackpackItem) -> JSONValue? {
        item.format == .vcJWT ? unverifiedPayload(of: item.credential) : try? JSONValue(parsing: item.credential, limits: .credential)
    }

    /// The learner claims a pathway: every credential of the backpack is verified now (with the
    /// network's registry), the pathway evaluated, and when it is met the institution issues the
    /// stacked credential (`eddsa-rdfc-2022`), which names its parts, into the backpack.
    /// - Throws: 404 for an unknown pathway; 409 when it is not met yet (with the reason) or was
    ///   already issued to this learner.
    public func claimPathway(_ pathwayID: UUID, for learner: LearnerAccount) async throws -> BackpackItem {
        guard let pathway = try await pathway(pathwayID, version: nil),
            let institution = try await store.institution(id: pathway.institutionID)
        else { throw APIError.notFound("pathway \(pathwayID)") }
        if try await store.pathwayAward(pathwayID: pathway.id, learnerID: learner.id) != nil {
            throw APIError(.conflict, "issued", "this pathway's credential was already issued to this backpack")
        }
        var facts: [RecognitionFacts] = []
        var names: [String: String] = [:]
        let held = try await store.backpackItems(learnerID: learner.id)
        for item in held where (item.format == .vcJSON || item.format == .vcJWT) && item.source != .pathway {
            let report = await verify(item)
            guard let credential = report.credential ?? Node.readCredential(item) else { continue }
            let fact = RecognitionFacts.read(credential, bytes: item.credential, verified: report.verified, trustedForScope: report.trusted)
            facts.append(fact)
            names[fact.credentialID] = credential["credentialSubject"]?.asArray.first?["name"]?.stringValue
        }
        let progress = PathwayProgress.evaluate(pathway, facts: facts, at: clock(), reference: reference)
        guard progress.met else {
            throw APIError(.conflict, "not_met", "the pathway is not complete yet: \(progress.summary.text(.es))")
        }
        let parts = progress.parts(from: facts)
        let now = clock()
        let stacked = StackedCredential(
            pathway: pathway, institution: .init(did: institution.did, name: institution.name),
            learnerName: parts.lazy.compactMap { names[$0.credentialID] ?? nil }.first ?? (learner.displayName.isEmpty ? "—" : learner.displayName),
            learnerDID: learner.holderDID, parts: parts, issuedAt: now)
        let id = UUID()
        let (key, method) = try await signingKey(for: institution)
        let issuerProfile = OpenBadgeCredential.issuerProfile(institution, language: .es, reference: reference)
        let signed = try CredentialIssuer.sign(
            stacked.credential(
                credentialID: "urn:uuid:" + id.uuidString.lowercased(), issuerProfile: issuerProfile,
                baseContext: MochilaContext.credentialContext.asArray, reference: reference),
            key: key, verificationMethod: method, at: now)
        let credential = JSONValue.object(signed).serialized(.pretty)
        let record = JSONValue.array(parts.map { ["id": .string($0.credentialID), "digestSRI": .string($0.digest)] })
        do {
            try await store.addPathwayAward(
                PathwayAward(
                    id: id, pathwayID: pathway.id, pathwayVersion: pathway.version, learnerID: learner.id, institutionID: institution.id,
                    parts: record.serializedString(), credential: credential, issuedAt: now))
        } catch let error as StoreError where error.code == .conflict {
            throw APIError(.conflict, "issued", "this pathway's credential was already issued to this backpack")
        }
        let report = await verify(bytes: credential)
        let item = BackpackItem(
            learnerID: learner.id, credential: credential, format: .vcJSON, source: .pathway,
            report: Node.withSummary(report.json(input: nil), of: report.credential).serializedString(), addedAt: now)
        try await add(item, holding: held.count)
        return item
    }
}
