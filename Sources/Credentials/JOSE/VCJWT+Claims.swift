import Foundation
import LinkedData

extension VCJWT {
    /// The form a token declares: `typ` `vc+jwt` or `vp+jwt` (VC-JOSE-COSE 3.1.1, 3.1.2), with a
    /// matching `cty` when present; or `JWT` / no `typ` with a `vc` claim (OB 3.0 8.2.2).
    ///
    /// Media type names compare without regard to case, and `application/` may be left out
    /// (RFC 7515 4.1.9). A VC 2.0 payload without `typ` is refused: explicit typing is what keeps
    /// a credential from being taken for another kind of JWT (RFC 8725 3.11).
    static func readForm(header: JSONObject, claims: JSONObject) -> Result<Form, Refusal> {
        func mediaType(_ name: String) -> Result<String?, Refusal> {
            guard let value = header[name] else { return .success(nil) }
            guard let text = value.stringValue else { return .failure(Refusal("jwt.malformed", "\"\(name)\" must be a string")) }
            let lowered = text.lowercased()
            return .success(lowered.hasPrefix("application/") ? String(lowered.dropFirst("application/".count)) : lowered)
        }
        let typ: String?
        switch mediaType("typ") {
        case .success(let value): typ = value
        case .failure(let refusal): return .failure(refusal)
        }
        let form: Form
        switch typ {
        case "vc+jwt": form = .credential
        case "vp+jwt": form = .presentation
        case nil, "jwt":
            guard claims["vc"]?.objectValue != nil else {
                return .failure(Refusal("jwt.type", header["typ"]?.stringValue ?? "—"))
            }
            form = .openBadges
        default:
            return .failure(Refusal("jwt.type", header["typ"]?.stringValue ?? "—"))
        }
        if let expected = form.contentType {
            switch mediaType("cty") {
            case .success(let cty?) where cty != expected:
                return .failure(Refusal("jwt.contentType", header["cty"]?.stringValue ?? "", expected))
            case .failure(let refusal): return .failure(refusal)
            default: break
            }
        }
        return .success(form)
    }

    /// The credential or presentation a token secures, and whose key signed it (`iss`, else
    /// `issuer` or `holder`).
    static func securedDocument(of claims: JSONObject, form: Form) -> Result<(payload: JSONObject, signer: String?), Refusal> {
        var iss: String? = nil
        if let value = claims["iss"] {
            guard let text = value.stringValue else { return .failure(Refusal("jwt.claimMalformed", "iss")) }
            iss = text
        }
        switch form {
        case .credential, .presentation:
            // VC-JOSE-COSE 3.1.3: "The JWT Claim Names vc and vp MUST NOT be present."
            guard claims["vc"] == nil, claims["vp"] == nil else { return .failure(Refusal("jwt.vcClaim")) }
            let expected = form == .credential ? "VerifiableCredential" : "VerifiablePresentation"
            guard types(of: claims).contains(expected) else {
                return .failure(Refusal("jwt.payloadType", form.rawValue, expected))
            }
            // 6.1.2 (iss): iss, if present, MUST match issuer (or issuer.id); likewise for holder.
            let member = form == .credential ? "issuer" : "holder"
            let id = claims[member]?.stringValue ?? claims[member]?["id"]?.stringValue
            if let iss, let id, iss != id {
                return .failure(Refusal(form == .credential ? "jwt.issuerMismatch" : "jwt.holderMismatch", iss, id))
            }
            return .success((claims, iss ?? id))
        case .openBadges:
            return mergeOpenBadgesClaims(claims, iss: iss)
        }
    }

    /// VC Data Model 1.1 section 6.3.1, "JWT decoding", with OB 3.0's rule (8.2.4.1) that a claim
    /// must match the credential property it stands for: `iss` → `issuer` (`.id`), `jti` → `id`,
    /// `sub` → `credentialSubject.id`, `nbf` → `issuanceDate` and `exp` → `expirationDate` (or
    /// `validFrom` / `validUntil` when the credential is VC 2.0). A missing property is set from
    /// its claim; a present one that differs fails.
    static func mergeOpenBadgesClaims(_ claims: JSONObject, iss: String?) -> Result<(payload: JSONObject, signer: String?), Refusal> {
        var credential = claims["vc"]?.objectValue ?? [:]
        func text(_ claim: String) -> Result<String?, Refusal> {
            guard let value = claims[claim] else { return .success(nil) }
            guard let string = value.stringValue else { return .failure(Refusal("jwt.claimMalformed", claim)) }
            return .success(string)
        }
        func mismatch(_ claim: String, _ value: String, _ property: String, _ found: JSONValue?) -> Refusal {
            Refusal("jwt.claimMismatch", claim, value, property, found?.stringValue ?? found?.serializedString() ?? "—")
        }
        // iss → issuer
        if let iss {
            switch credential["issuer"] {
            case nil: credential["issuer"] = .string(iss)
            case .string(let issuer)? where issuer == iss: break
            case .object(var issuer)?:
                if let id = issuer["id"] {
                    guard id.stringValue == iss else { return .failure(mismatch("iss", iss, "issuer.id", id)) }
                } else {
                    issuer["id"] = .string(iss)
                    credential["issuer"] = .object(issuer)
                }
            case let other: return .failure(mismatch("iss", iss, "issuer", other))
            }
        }
        // jti → id
        switch text("jti") {
        case .failure(let refusal): return .failure(refusal)
        case .success(let jti?):
            if let id = credential["id"] {
                guard id.stringValue == jti else { return .failure(mismatch("jti", jti, "id", id)) }
            } else {
                credential["id"] = .string(jti)
            }
        case .success(nil): break
        }
        // sub → credentialSubject.id
        switch text("sub") {
        case .failure(let refusal): return .failure(refusal)
        case .success(let sub?):
            switch credential["credentialSubject"] {
            case nil: credential["credentialSubject"] = ["id": .string(sub)]
            case .object(var subject)?:
                if let id = subject["id"] {
                    guard id.stringValue == sub else { return .failure(mismatch("sub", sub, "credentialSubject.id", id)) }
                } else {
                    subject["id"] = .string(sub)
                    credential["credentialSubject"] = .object(subject)
                }
            case .array(let subjects)?:
                // Note: with several subjects, `sub` must name one of them; none is rewritten.
                guard subjects.contains(where: { $0["id"]?.stringValue == sub }) else {
                    return .failure(mismatch("sub", sub, "credentialSubject.id", nil))
                }
            case let other: return .failure(mismatch("sub", sub, "credentialSubject", other))
            }
        case .success(nil): break
        }
        // nbf → issuanceDate (validFrom), exp → expirationDate (validUntil)
        let isV2 = credential["@context"]?.asArray.first?.stringValue == vc2Context
        for (claim, property) in [("nbf", isV2 ? "validFrom" : "issuanceDate"), ("exp", isV2 ? "validUntil" : "expirationDate")] {
            guard let value = claims[claim] else { continue }
            guard let seconds = value.numberValue, seconds.isFinite else { return .failure(Refusal("jwt.claimMalformed", claim)) }
            let written = XSDDateTime.format(Date(timeIntervalSince1970: seconds))
            if let existing = credential[property] {
                // Whole seconds compare: a NumericDate often drops the milliseconds of the dateTime.
                guard let date = existing.stringValue.flatMap(XSDDateTime.init),
                    date.secondsSince1970.rounded(.down) == seconds.rounded(.down)
                else { return .failure(mismatch(claim, written, property, existing)) }
            } else {
                credential[property] = .string(written)
            }
        }
        let issuer = credential["issuer"]?.stringValue ?? credential["issuer"]?["id"]?.stringValue
        return .success((credential, issuer))
    }

    /// The JWT Claims Set of an Open Badges VC-JWT (OB 3.0 section 8.2.3): `vc` with `iss`, `nbf`,
    /// `jti`, `sub` and `exp` from the credential.
    /// - Throws: ``CredentialsError/Code/proofGeneration`` when the credential has no issuer id, or
    ///   a date that is not a `dateTime`.
    static func openBadgesClaims(for credential: JSONObject) throws -> JSONObject {
        guard let issuer = credential["issuer"]?.stringValue ?? credential["issuer"]?["id"]?.stringValue else {
            throw CredentialsError(.proofGeneration, "an Open Badges JWT needs the credential's issuer id for iss")
        }
        var claims: JSONObject = ["vc": .object(credential), "iss": .string(issuer)]
        let isV2 = credential["@context"]?.asArray.first?.stringValue == vc2Context
        for (claim, property) in [("nbf", isV2 ? "validFrom" : "issuanceDate"), ("exp", isV2 ? "validUntil" : "expirationDate")] {
            guard let value = credential[property] else { continue }
            guard let date = value.stringValue.flatMap(XSDDateTime.init) else {
                throw CredentialsError(.proofGeneration, "\(property) is not a dateTime")
            }
            claims[claim] = .number(date.secondsSince1970.rounded(.down))
        }
        if let id = credential["id"]?.stringValue { claims["jti"] = .string(id) }
        if let subject = credential["credentialSubject"]?.asArray.first?["id"]?.stringValue,
            credential["credentialSubject"]?.asArray.count == 1
        {
            claims["sub"] = .string(subject)
        }
        return claims
    }

    /// RFC 7519 4.1.4 and 4.1.5: the token is not accepted at or after `exp`, nor before `nbf`.
    ///
    /// `iat` is the time the signature was made (VC-JOSE-COSE 3.1.3) and is not checked; the W3C
    /// test suite's tokens even carry it as a dateTime string.
    static func checkTimes(_ claims: JSONObject, now: Date, leeway: TimeInterval) -> CheckResult {
        var times: [String: Double] = [:]
        for claim in ["exp", "nbf"] {
            guard let value = claims[claim] else { continue }
            guard let seconds = value.numberValue, seconds.isFinite else {
                return CheckResult(.validity, .failed, Message("jwt.timeMalformed", claim))
            }
            times[claim] = seconds
        }
        func written(_ seconds: Double) -> String { XSDDateTime.format(Date(timeIntervalSince1970: seconds)) }
        let instant = now.timeIntervalSince1970
        if let nbf = times["nbf"], instant + leeway < nbf {
            return CheckResult(.validity, .failed, Message("jwt.notYet", written(nbf)))
        }
        if let exp = times["exp"], instant - leeway >= exp {
            return CheckResult(.validity, .failed, Message("jwt.expired", written(exp)))
        }
        if let exp = times["exp"] {
            return CheckResult(.validity, .passed, Message("jwt.timely", written(exp)))
        }
        if times["nbf"] != nil {
            return CheckResult(.validity, .passed, Message("jwt.timelyNoExpiry"))
        }
        return CheckResult(.validity, .skipped, Message("jwt.noTimes"))
    }

    /// VC-JOSE-COSE 3.1.2: credentials in a presentation MUST be secured and MUST use the
    /// `EnvelopedVerifiableCredential` type. Each entry is checked for that shape (a `data:` URL of
    /// a secured media type); verifying each enveloped credential is the caller's next step.
    static func envelopedCredentials(of presentation: JSONObject) -> Result<[EnvelopedCredential], Refusal> {
        var found: [EnvelopedCredential] = []
        for (index, entry) in (presentation["verifiableCredential"]?.asArray ?? []).enumerated() {
            guard let object = entry.objectValue, types(of: object).contains("EnvelopedVerifiableCredential"),
                let id = object["id"]?.stringValue, let credential = EnvelopedCredential(dataURL: id)
            else { return .failure(Refusal("jwt.enveloped", String(index + 1))) }
            found.append(credential)
        }
        return .success(found)
    }
}
