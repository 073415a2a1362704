import Credentials
import Foundation
import LinkedData
import MochilaCore
import MochilaStore

/// Recognition between institutions: a receiving institution's published, versioned rules; a
/// learner's request with the credentials of their backpack, verified and evaluated into a
/// proposal; and the officer's decision, issued as a credential of the receiving institution
/// into the learner's backpack.
extension Node {
    // MARK: Rules

    /// Publishes a new rule (version 1). - Throws: ``ValidationError`` naming the fields to fix.
    public func createRule(_ input: RecognitionRuleInput, for institution: Institution) async throws -> RecognitionRule {
        try await storeRule(input, id: UUID(), version: 1, for: institution)
    }

    /// Publishes the next version of one of the institution's rules; decisions name the version
    /// they applied. - Throws: 404 when the rule is not the institution's.
    public func addRuleVersion(_ input: RecognitionRuleInput, ruleID: UUID, for institution: Institution) async throws -> RecognitionRule {
        guard let latest = try await rule(ruleID, version: nil), latest.institutionID == institution.id else {
            throw APIError.notFound("rule \(ruleID)")
        }
        return try await storeRule(input, id: ruleID, version: latest.version + 1, for: institution)
    }

    func storeRule(_ input: RecognitionRuleInput, id: UUID, version: Int, for institution: Institution) async throws -> RecognitionRule {
        let rule = try input.validated(id: id, version: version, institutionID: institution.id, createdAt: clock(), reference: reference)
        let body = String(decoding: try JSONEncoder().encode(rule), as: UTF8.self)
        try await store.addRecognitionRule(
            VersionedDocument(id: id, version: version, institutionID: institution.id, json: body, createdAt: rule.createdAt))
        return rule
    }

    /// One version of a rule, or its latest.
    public func rule(_ id: UUID, version: Int?) async throws -> RecognitionRule? {
        try await store.recognitionRule(id: id, version: version).map(Node.decodeRule)
    }

    /// The latest version of each rule, of one institution or of every institution on the node.
    public func rules(of institutionID: UUID?) async throws -> [RecognitionRule] {
        try await store.recognitionRules(institutionID: institutionID).map(Node.decodeRule)
    }

    static func decodeRule(_ stored: VersionedDocument) throws -> RecognitionRule {
        try JSONDecoder().decode(RecognitionRule.self, from: Data(stored.json.utf8))
    }

    // MARK: Requests

    /// What a request keeps of each credential submitted: the item, and the facts read from the
    /// credential as verified when the learner asked.
    struct Submitted: Codable {
        var item: UUID
        var facts: RecognitionFacts
        /// The name the credential gives its subject, which the decision is addressed to.
        var subjectName: String?
    }

    /// A learner asks an institution to recognise credentials of their backpack under a rule.
    /// Each credential is verified now (with the network's registry) and the rule evaluated into
    /// a proposal, which waits for a recognition officer.
    /// - Throws: 404 for an unknown rule or an item not in the backpack; ``ValidationError`` for
    ///   no credentials, more than 20, or one that is not a verifiable credential in JSON.
    public func requestRecognition(rule ruleID: UUID, items itemIDs: [UUID], of learner: LearnerAccount) async throws -> RecognitionRequest {
        guard let rule = try await rule(ruleID, version: nil) else { throw APIError.notFound("rule \(ruleID)") }
        let itemIDs = Array(NSOrderedSet(array: itemIDs)) as? [UUID] ?? itemIDs
        guard (1...20).contains(itemIDs.count) else { throw ValidationError(field: "item", "choose from 1 to 20 credentials") }
        var submitted: [Submitted] = []
        for id in itemIDs {
            let item = try await backpackItem(id, of: learner)
            guard item.format == .vcJSON || item.format == .vcJWT else {
                throw ValidationError(field: "item", "\(Backpack.summary(item).name) is not a verifiable credential: it cannot be assessed")
            }
            let report = await verify(item)
            let credential = report.credential ?? (try? JSONValue(parsing: item.credential, limits: .credential)) ?? .object([:])
            submitted.append(
                Submitted(
                    item: item.id,
                    facts: RecognitionFacts.read(credential, bytes: item.credential, verified: report.verified, trustedForScope: report.trusted),
                    subjectName: credential["credentialSubject"]?.asArray.first?["name"]?.stringValue))
        }
        let proposal = RecognitionProposal.evaluate(rule, facts: submitted.map(\.facts), at: clock(), reference: reference)
        let request = RecognitionRequest(
            learnerID: learner.id, institutionID: rule.institutionID, ruleID: rule.id, ruleVersion: rule.version,
            submitted: String(decoding: try JSONEncoder().encode(submitted), as: UTF8.self),
            proposal: String(decoding: try JSONEncoder().encode(proposal), as: UTF8.self), createdAt: clock())
        try await store.addRecognitionRequest(request)
        return request
    }

    /// The proposal and the facts of a request.
    public func details(of request: RecognitionRequest) throws -> (proposal: RecognitionProposal, facts: [RecognitionFacts]) {
        let proposal = try JSONDecoder().decode(RecognitionProposal.self, from: Data(request.proposal.utf8))
        return (proposal, try Node.submitted(request).map(\.facts))
    }

    static func submitted(_ request: RecognitionRequest) throws -> [Submitted] {
        try JSONDecoder().decode([Submitted].self, from: Data(request.submitted.utf8))
    }

    /// An institution's request. - Throws: 404 when it is another institution's.
    public func recognitionRequest(_ id: UUID, of institution: Institution) async throws -> RecognitionRequest {
        guard let request = try await store.recognitionRequest(id: id), request.institutionID == institution.id else {
            throw APIError.notFound("recognition request \(id)")
        }
        return request
    }

    /// A recognition officer decides a pending request: approves the proposal, modifies the
    /// credits, or refuses, always with a reason. The decision is issued as a credential of the
    /// institution (`eddsa-rdfc-2022`) that binds the source credentials (id and `digestSRI`), the
    /// rule and its version, the credits, the legal basis and the appeal route, and it lands in
    /// the learner's backpack.
    /// - Throws: ``ValidationError`` for a missing reason or bad credits; 409 when already decided.
    public func decide(
        _ requestID: UUID, decision: RecognitionDecision.Decision, credits: Double?, reason: String, of institution: Institution, actor: String
    ) async throws -> RecognitionRequest {
        let request = try await recognitionRequest(requestID, of: institution)
        guard request.status == .pending else { throw APIError(.conflict, "decided", "the request was already decided") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 2000 else { throw ValidationError(field: "reason", "is required (at most 2000 characters)") }
        guard let rule = try await rule(request.ruleID, version: request.ruleVersion) else { throw APIError.notFound("rule \(request.ruleID)") }
        let (proposal, facts) = try details(of: request)
        var granted = proposal.credits
        if decision == .modified {
            guard let credits, credits >= 0, credits <= 1000 else { throw ValidationError(field: "credits", "give the credits granted (0 to 1000)") }
            granted = credits
        }
        guard let learner = try await store.learner(id: request.learnerID) else { throw APIError.notFound("learner") }
        let now = clock()
        // Addressed as the first submitted credential names its subject, else by the backpack's name.
        let subjectName =
            try Node.submitted(request).lazy.compactMap { $0.subjectName?.nilIfEmpty }.first
            ?? (learner.displayName.isEmpty ? "—" : learner.displayName)
        let outcome = RecognitionDecision(
            id: request.id, rule: rule, institution: .init(did: institution.did, name: institution.name),
            learnerName: subjectName, learnerDID: learner.isDeleted ? nil : learner.holderDID, sources: facts, outcome: decision,
            credits: granted, reason: reason, decidedAt: now)
        let (key, method) = try await signingKey(for: institution)
        let issuerProfile = OpenBadgeCredential.issuerProfile(institution, language: .es, reference: reference)
        let signed = try CredentialIssuer.sign(
            outcome.credential(
                credentialID: "urn:uuid:" + request.id.uuidString.lowercased(), issuerProfile: issuerProfile,
                baseContext: MochilaContext.credentialContext.asArray),
            key: key, verificationMethod: method, at: now)
        let credential = JSONValue.object(signed).serialized(.pretty)
        let record: JSONValue = [
            "decision": .string(decision.rawValue), "credits": .number(decision == .refused ? 0 : granted), "reason": .string(reason),
        ]
        let audit = AuditEntry(
            at: now, institutionID: institution.id, actor: actor, action: "recognition.decide", subject: "urn:uuid:" + request.id.uuidString.lowercased(),
            details: record.serializedString())
        guard try await store.decideRecognitionRequest(id: request.id, decision: record.serializedString(), by: actor, at: now, credential: credential, audit: audit)
        else { throw APIError(.conflict, "decided", "the request was already decided") }
        // Into the learner's backpack, verified as any credential is.
        if !learner.isDeleted {
            let report = await verify(bytes: credential)
            let item = BackpackItem(
                learnerID: learner.id, credential: credential, format: .vcJSON, source: .recognition,
                report: Node.withSummary(report.json(input: nil), of: report.credential).serializedString(), addedAt: now)
            let held = try await store.backpackItems(learnerID: learner.id)
            if Node.item(with: credential, in: held) == nil, held.count < Node.backpackCapacity { try await store.addBackpackItem(item) }
        }
        return try await recognitionRequest(request.id, of: institution)
    }
}
