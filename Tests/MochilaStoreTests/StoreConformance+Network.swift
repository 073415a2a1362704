import Foundation
import MochilaCore
import Testing

@testable import MochilaStore

/// The trust registry and recognition between institutions.
extension StoreConformance {
    static func registryMembersAndSources(_ store: any SQLStore) async throws {
        #expect(try await store.registryMembers().isEmpty)
        try await store.putRegistryMember(did: "did:web:b.example", body: #"{"name": "B"}"#, at: at)
        try await store.putRegistryMember(did: "did:web:a.example", body: #"{"name": "A"}"#, at: at)
        try await store.putRegistryMember(did: "did:web:b.example", body: #"{"name": "B, renamed"}"#, at: at)
        let members = try await store.registryMembers()
        #expect(members.map(\.did) == ["did:web:a.example", "did:web:b.example"])
        #expect(members.last?.body == #"{"name": "B, renamed"}"#)
        #expect(try await store.deleteRegistryMember(did: "did:web:a.example"))
        #expect(try await store.deleteRegistryMember(did: "did:web:a.example") == false)
        #expect(try await store.registryMembers().map(\.did) == ["did:web:b.example"])

        let source = RegistrySource(url: "https://red.example/registry.json", coordinator: "did:web:red.example", credential: "{}", fetchedAt: at)
        try await store.putRegistrySource(source)
        var refreshed = source
        refreshed.credential = #"{"refreshed": true}"#
        try await store.putRegistrySource(refreshed)
        #expect(try await store.registrySources() == [refreshed])
        #expect(try await store.deleteRegistrySource(url: source.url))
        #expect(try await store.registrySources().isEmpty)

        try await store.putCatalogueSource(url: "https://b.example/catalogue.json", feed: "{}", at: at)
        try await store.putCatalogueSource(url: "https://b.example/catalogue.json", feed: #"{"entries": []}"#, at: at)
        let feeds = try await store.catalogueSources()
        #expect(feeds.count == 1 && feeds.first?.feed == #"{"entries": []}"# && feeds.first?.fetchedAt == at)
        #expect(try await store.deleteCatalogueSource(url: "https://b.example/catalogue.json"))
        #expect(try await store.catalogueSources().isEmpty)
    }

    static func recognitionRulesAreVersionedAndRequestsDecidedOnce(_ store: any SQLStore) async throws {
        let (receiving, _) = try await issuer("receptora", in: store)
        let (other, _) = try await issuer("otra", in: store)
        let ruleID = UUID()
        let first = VersionedDocument(id: ruleID, version: 1, institutionID: receiving.id, json: #"{"v": 1}"#, createdAt: at)
        try await store.addRecognitionRule(first)
        await expectStoreError(.conflict, "a version that is not the next") {
            try await store.addRecognitionRule(VersionedDocument(id: ruleID, version: 3, institutionID: receiving.id, json: "{}", createdAt: at))
        }
        await expectStoreError(.refused, "another institution's rule") {
            try await store.addRecognitionRule(VersionedDocument(id: ruleID, version: 2, institutionID: other.id, json: "{}", createdAt: at))
        }
        let second = VersionedDocument(id: ruleID, version: 2, institutionID: receiving.id, json: #"{"v": 2}"#, createdAt: at)
        try await store.addRecognitionRule(second)
        #expect(try await store.recognitionRule(id: ruleID, version: nil) == second)
        #expect(try await store.recognitionRule(id: ruleID, version: 1) == first)
        #expect(try await store.recognitionRules(institutionID: receiving.id) == [second])
        #expect(try await store.recognitionRules(institutionID: other.id).isEmpty)

        let lucia = learner("Lucía")
        try await store.createLearner(lucia, passwordHash: nil)
        let request = RecognitionRequest(
            learnerID: lucia.id, institutionID: receiving.id, ruleID: ruleID, ruleVersion: 1, submitted: "[]", proposal: "{}", createdAt: at)
        try await store.addRecognitionRequest(request)
        #expect(try await store.recognitionRequest(id: request.id) == request)
        #expect(try await store.recognitionRequests(learnerID: lucia.id) == [request])
        #expect(try await store.recognitionRequests(institutionID: receiving.id) == [request])
        await expectStoreError(.refused, "a request of nobody") {
            var orphan = request
            orphan.id = UUID()
            orphan.learnerID = UUID()
            try await store.addRecognitionRequest(orphan)
        }

        let audit = AuditEntry(
            at: at, institutionID: receiving.id, actor: "oficial@receptora.example", action: "recognition.decide",
            subject: request.id.uuidString, details: "{}")
        let credential: [UInt8] = Array(#"{"decision": "approved", "ñ": true}"#.utf8)
        #expect(try await store.decideRecognitionRequest(id: request.id, decision: #"{"d": 1}"#, by: "oficial", at: at, credential: credential, audit: audit))
        // Decided once: a second decision changes nothing.
        #expect(try await store.decideRecognitionRequest(id: request.id, decision: #"{"d": 2}"#, by: "otro", at: at, credential: [1], audit: audit) == false)
        let decided = try #require(try await store.recognitionRequest(id: request.id))
        #expect(decided.status == .decided)
        #expect(decided.decision == #"{"d": 1}"#)
        #expect(decided.decidedBy == "oficial")
        #expect(decided.credential == credential)
        #expect(try await store.audit(institutionID: receiving.id, limit: 10).contains { $0.action == "recognition.decide" })
    }

    static func pathwaysAreVersionedAndAwardedOnce(_ store: any SQLStore) async throws {
        let (institution, _) = try await issuer("itinerarios", in: store)
        let (other, _) = try await issuer("ajena", in: store)
        let id = UUID()
        let first = VersionedDocument(id: id, version: 1, institutionID: institution.id, json: #"{"v": 1}"#, createdAt: at)
        try await store.addPathway(first)
        await expectStoreError(.conflict, "not the next version") {
            try await store.addPathway(VersionedDocument(id: id, version: 3, institutionID: institution.id, json: "{}", createdAt: at))
        }
        await expectStoreError(.refused, "another institution's pathway") {
            try await store.addPathway(VersionedDocument(id: id, version: 2, institutionID: other.id, json: "{}", createdAt: at))
        }
        let second = VersionedDocument(id: id, version: 2, institutionID: institution.id, json: #"{"v": 2}"#, createdAt: at)
        try await store.addPathway(second)
        #expect(try await store.pathway(id: id, version: nil) == second)
        #expect(try await store.pathway(id: id, version: 1) == first)
        #expect(try await store.pathways(institutionID: institution.id) == [second])
        #expect(try await store.pathways(institutionID: nil) == [second])

        let lucia = learner("Lucía")
        try await store.createLearner(lucia, passwordHash: nil)
        let award = PathwayAward(
            pathwayID: id, pathwayVersion: 2, learnerID: lucia.id, institutionID: institution.id, parts: "[]",
            credential: Array(#"{"ñ": 1}"#.utf8), issuedAt: at)
        try await store.addPathwayAward(award)
        #expect(try await store.pathwayAward(pathwayID: id, learnerID: lucia.id) == award)
        await expectStoreError(.conflict, "a second stacked credential for the same pathway") {
            var again = award
            again.id = UUID()
            try await store.addPathwayAward(again)
        }
    }
}
