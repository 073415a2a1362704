import Credentials
import Foundation
import LinkedData

/// Issues awards: builds the Open Badges 3.0 credential and signs it with the institution's key.
///
/// Pure: the clock, the ids and the salt come in as arguments, so issuing can be tested and
/// replayed; storing the result is the store's job.
public struct CredentialIssuer: Sendable {
    /// The cryptosuite credentials are signed with: `eddsa-rdfc-2022` unless another is asked for.
    public var suite: any Cryptosuite
    public var reference: ReferenceData

    public init(suite: any Cryptosuite = EdDSARDFC2022(), reference: ReferenceData = .bundled) {
        self.suite = suite
        self.reference = reference
    }

    /// Issues an award of `spec` to `learner`.
    /// - Parameters:
    ///   - key: the institution's signing key; `verificationMethod` is its id in the institution's DID.
    ///   - awardID: the new award's id; the credential id is `urn:uuid:<awardID>`.
    ///   - salt: salt for the hashed email identifier.
    /// - Throws: ``CredentialsError`` when the key cannot sign with the suite.
    ///   - statusSlot, statusBaseURL: where the credential's status is published, when it has one.
    ///   - supersedes: the award this one renews.
    public func issue(
        institution: Institution, key: SigningKey, verificationMethod: String, spec: MicroCredentialSpec,
        learner: Learner, grade: String?, awardID: UUID, issuedAt: Date, salt: String, statusSlot: StatusSlot? = nil,
        statusBaseURL: String? = nil, supersedes: Award? = nil, batchID: UUID? = nil
    ) throws -> Award {
        let credentialID = "urn:uuid:" + awardID.uuidString.lowercased()
        var status: [JSONValue] = []
        if let statusSlot, let statusBaseURL {
            status = OpenBadgeCredential.statusEntries(slot: statusSlot, institutionSlug: institution.slug, baseURL: statusBaseURL)
        }
        let builder = OpenBadgeCredential(
            institution: institution, spec: spec, learner: learner, grade: grade, credentialID: credentialID,
            issuedAt: issuedAt, salt: salt, credentialStatus: status, supersedes: supersedes?.credentialID, reference: reference)
        let signed = try CredentialIssuer.sign(builder.unsigned(), suite: suite, key: key, verificationMethod: verificationMethod, at: issuedAt)
        return Award(
            id: awardID, institutionID: institution.id, specID: spec.id, specVersion: spec.version, learner: learner,
            grade: grade, credentialID: credentialID, issuedAt: issuedAt, validUntil: builder.validUntil,
            credential: JSONValue.object(signed).serialized(.pretty), statusSlot: statusSlot, batchID: batchID,
            supersedes: supersedes?.id)
    }

    /// Signs an Open Badges credential (proof purpose `assertionMethod`, created at `date`), the
    /// proof as a list: 1EdTech's strict OB 3.0 and CLR 2.0 schemas want `proof` as a list; the
    /// proof itself is unchanged.
    public static func sign(
        _ credential: JSONObject, suite: any Cryptosuite = EdDSARDFC2022(), key: SigningKey, verificationMethod: String, at date: Date
    ) throws -> JSONObject {
        var signed = try DataIntegrity.addProof(
            to: credential, suite: suite, key: key, options: ProofOptions(verificationMethod: verificationMethod, created: XSDDateTime.format(date)))
        if case .object(let proof)? = signed["proof"] { signed["proof"] = [.object(proof)] }
        return signed
    }
}
