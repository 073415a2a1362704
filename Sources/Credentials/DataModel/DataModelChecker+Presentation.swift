import LinkedData

/// The rules for a verifiable presentation: VC 2.0 § 4.13, or VC 1.1 § 4.10 (see ``VCDataModel``).
extension DataModelChecker {
    mutating func checkPresentation(_ presentation: JSONObject, at path: String) {
        if Self.isEnveloped(presentation, as: "EnvelopedVerifiablePresentation") {
            checkEnveloped(presentation, at: path, type: "EnvelopedVerifiablePresentation")
            return
        }
        let version = checkContext(of: presentation, at: path)
        checkType(of: presentation, at: path, required: "VerifiablePresentation")
        checkID(presentation["id"], at: Self.member(path, "id"))
        let holderPath = Self.member(path, "holder")
        let holder = presentation["holder"]
        if let holder, Self.urlOrObjectID(holder) == nil { report(.holderURL, at: holderPath) }
        checkTypedObjects("termsOfUse", of: presentation, at: path, rule: .termsOfUseType)
        checkTypedObjects("proof", of: presentation, at: path, rule: .proofType)

        guard let credentials = presentation["verifiableCredential"] else { return }
        let credentialsPath = Self.member(path, "verifiableCredential")
        let entries = Self.items(credentials, at: credentialsPath)
        if entries.isEmpty { report(.verifiableCredentialValue, at: credentialsPath) }
        for (item, itemPath) in entries {
            switch item {
            case .object(let credential):
                checkCredential(credential, at: itemPath)
                if version == .v2, !Self.isEnveloped(credential, as: "EnvelopedVerifiableCredential") {
                    checkSelfAsserted(credential, at: itemPath, holder: holder, holderPath: holderPath)
                }
            case .string where version == .v1:
                // VC 1.1 with VC-JWT puts each credential in the presentation as a compact JWT.
                continue
            default:
                report(.verifiableCredentialValue, at: itemPath)
            }
        }
    }

    /// § 4.13.4, Presentations Including Holder Claims.
    ///
    /// A credential without a proof of its own is secured only by the presentation's proof: it is
    /// the holder's self-asserted credential, so the presentation must name its holder and the
    /// credential's issuer must be that holder. Note: an embedded credential without a proof whose
    /// issuer is someone else is not secured at all (§ 4.13: the credentials "MUST express
    /// information that is secured using a securing mechanism"), which this rule also refuses.
    private mutating func checkSelfAsserted(_ credential: JSONObject, at path: String, holder: JSONValue?, holderPath: String) {
        guard credential["proof"]?.isNull ?? true else { return }
        guard let holder, !holder.isNull else {
            report(.holderRequired, at: holderPath, path)
            return
        }
        guard let holderID = Self.urlOrObjectID(holder) else { return }  // holder-url says why
        let issuer = credential["issuer"]
        let issuerID = issuer?.stringValue ?? issuer?["id"]?.stringValue
        if issuerID != holderID {
            report(.holderIssuerMismatch, at: Self.member(path, "issuer"), holderID, issuerID ?? "—")
        }
    }
}
