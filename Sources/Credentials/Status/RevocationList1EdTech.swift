import LinkedData

/// The 1EdTech Revocation List Status Method ([VCRL 1.0](https://www.imsglobal.org/spec/vcrl/v1p0/)),
/// which Open Badges 3.0 and CLR 2.0 credentials may name as `credentialStatus`:
/// `{"id": URL, "type": "1EdTechRevocationList"}`.
///
/// The verifier fetches the list at the entry's `id`, a JSON document
/// `{"id", "issuer", "revokedCredentials": [{"id", "revoked"?, "revocationReason"?}]}`; the
/// credential is revoked when its `id` is listed and `revoked` is `true` or absent (OB 3.0
/// section "Verification", step "Check the status"; 1EdTech's validator `RevocationListProbe`).
///
/// The list is not signed: it is only as trustworthy as the resolver it came from (an HTTPS fetch
/// from the issuer at the edge). The list is published by the issuer and never bundled, so offline,
/// without a resolver that has it, the status is `unknown`.
enum RevocationList1EdTech {
    static let type = "1EdTechRevocationList"

    static func check(_ entry: JSONObject, of credential: JSONObject, documents: any DocumentResolver) async -> CheckResult {
        func result(_ status: CheckStatus, _ key: String, _ arguments: String...) -> CheckResult {
            CheckResult(.status, status, Message(key: key, arguments: arguments))
        }
        guard let url = entry["id"]?.stringValue, CredentialVerifier.isURL(url) else {
            return result(.unknown, "statusList.rl.noURL")
        }
        guard let credentialID = credential["id"]?.stringValue else {
            return result(.unknown, "statusList.rl.noCredentialID", url)
        }
        let document: JSONValue?
        do {
            document = try await documents.document(at: url)
        } catch {
            return result(.unknown, "statusList.rl.retrieval", url, "\(error)")
        }
        guard let document else { return result(.unknown, "statusList.rl.unavailable", url) }
        guard let list = document.objectValue, let revoked = list["revokedCredentials"]?.arrayValue else {
            return result(.unknown, "statusList.rl.malformed", url, "the list has no revokedCredentials array")
        }
        // Note: VCRL does not require `issuer`; when the list names one, it must be the credential's.
        if let listIssuer = list["issuer"].map({ $0.stringValue ?? $0["id"]?.stringValue ?? "?" }) {
            let issuer = CredentialVerifier.issuerID(of: credential) ?? "?"
            guard listIssuer == issuer else { return result(.unknown, "statusList.rl.issuerMismatch", url, listIssuer, issuer) }
        }
        for item in revoked {
            guard let object = item.objectValue, let id = object["id"]?.stringValue else {
                return result(.unknown, "statusList.rl.malformed", url, "each revoked credential must be an object with an id")
            }
            guard id == credentialID else { continue }
            // `revoked` is true when absent; some lists write it as the string "true".
            switch object["revoked"] {
            case nil, .bool(true)?, .string("true")?:
                if let reason = object["revocationReason"]?.stringValue, !reason.isEmpty {
                    return result(.failed, "statusList.rl.revokedReason", url, reason)
                }
                return result(.failed, "statusList.rl.revoked", url)
            case .bool(false)?, .string("false")?:
                continue
            default:
                return result(.unknown, "statusList.rl.malformed", url, "revoked must be true or false")
            }
        }
        return result(.passed, "statusList.rl.notRevoked", url)
    }
}
