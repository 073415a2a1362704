import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore
import MochilaStore

/// The VC-API's issuer side: `POST /credentials/issue` signs a credential an institution
/// wrote itself, and `POST /credentials/status` changes the status of one Mochila issued.
extension Routes {
    func registerVCAPIIssuer(on router: Router<BasicRequestContext>) {
        router.post("/credentials/issue") { request, _ in try await issueCredential(request) }
        router.post("/credentials/status") { request, _ in try await updateStatus(request) }
    }

    /// `{"credential": {...}, "options": {...}}` → 201 `{"verifiableCredential": {...}}`, signed
    /// with `eddsa-rdfc-2022` by the institution of the bearer token. The issuer must be the
    /// institution (it is filled in when missing); a credential that breaks the VC data model is
    /// refused, naming the rule. Such credentials are not awards: they have no status entry
    /// unless the caller wrote one, and are not stored (micro-credentials are issued with
    /// `POST /api/v1/awards`).
    func issueCredential(_ request: Request) async throws -> Response {
        let institution = try await authenticate(request)
        let body = try await JSONResponse.json(request)
        guard var credential = body["credential"]?.objectValue else {
            throw APIError.badRequest("is required: the credential to sign, a JSON object", field: "credential")
        }
        switch credential["issuer"] {
        case nil:
            credential["issuer"] = .string(institution.did)
        case .string(let id)? where id == institution.did:
            break
        case .object(let issuer)? where issuer["id"]?.stringValue == institution.did:
            break
        default:
            throw APIError.badRequest("must be the institution's DID, \(institution.did)", field: "credential.issuer")
        }
        if credential["id"] == nil { credential["id"] = .string("urn:uuid:" + UUID().uuidString.lowercased()) }
        if credential["proof"] != nil {
            throw APIError.badRequest("the credential already has a proof; send it unsigned", field: "credential.proof")
        }
        let violations = VCDataModel.violations(of: credential)
        if !violations.isEmpty {
            let language = language(request)
            throw APIError(
                .badRequest, "invalid_credential", "the credential breaks the VC data model, so it is not signed",
                fields: violations.map {
                    ValidationError.Problem(field: "credential" + ($0.path.isEmpty ? "" : "." + $0.path), message: "\($0.rule): \($0.message.text(language))")
                })
        }
        let (key, method) = try await node.signingKey(for: institution)
        let now = node.clock()
        let signed = try DataIntegrity.addProof(
            to: credential, suite: EdDSARDFC2022(), key: key,
            options: ProofOptions(verificationMethod: method, created: XSDDateTime.format(now)))
        try await node.store.appendAudit(
            AuditEntry(
                at: now, institutionID: institution.id, actor: "api", action: "credential.sign",
                subject: credential["id"]?.stringValue))
        return JSONResponse.make(["verifiableCredential": .object(signed)], status: .created)
    }

    /// `{"credentialId": "urn:uuid:…", "credentialStatus": [{"type": "BitstringStatusListCredential",
    /// "status": "revoked" | "suspended" | "active"}], "reason": "…"}`: revokes, suspends or
    /// reinstates one of the institution's credentials. `{"statusPurpose": "revocation",
    /// "status": true}` entries are read too.
    func updateStatus(_ request: Request) async throws -> Response {
        let institution = try await authenticate(request)
        let body = try await JSONResponse.json(request)
        guard let credentialID = body["credentialId"]?.stringValue else {
            throw APIError.badRequest("is required: the id of the credential", field: "credentialId")
        }
        guard let award = try await node.award(reference: credentialID), award.institutionID == institution.id else {
            throw APIError.notFound("credential \(credentialID)")
        }
        guard let entries = body["credentialStatus"]?.asArray, !entries.isEmpty, entries.count <= 2 else {
            throw APIError.badRequest("is required: a list with the status to set", field: "credentialStatus")
        }
        let reason = String((body["reason"]?.stringValue ?? "VC-API status update").prefix(500))
        var changed = award
        for (index, entry) in entries.enumerated() {
            let field = "credentialStatus[\(index)]"
            let wanted: String
            switch (entry["status"], entry["statusPurpose"]?.stringValue) {
            case (.string(let status)?, _): wanted = status
            case (.bool(true)?, "revocation"?): wanted = "revoked"
            case (.bool(true)?, "suspension"?): wanted = "suspended"
            case (.bool(false)?, "suspension"?): wanted = "active"
            default: throw APIError.badRequest("must give \"status\": \"revoked\", \"suspended\" or \"active\"", field: field)
            }
            switch wanted {
            case "revoked": changed = try await node.revoke(award.id, reason: reason, of: institution, actor: "api")
            case "suspended": changed = try await node.suspend(award.id, reason: reason, of: institution, actor: "api")
            case "active", "unsuspended", "reinstated":
                changed = try await node.reinstate(award.id, reason: reason, of: institution, actor: "api")
            default:
                throw APIError.badRequest("\"\(wanted)\" is not a status: \"revoked\", \"suspended\" or \"active\"", field: field + ".status")
            }
        }
        return JSONResponse.make(.object(Representations.award(changed, claim: node.claimLink(for: changed.id))))
    }
}
