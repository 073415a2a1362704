import Foundation
import LinkedData

/// Verifies credentials and says, check by check, what it found.
///
/// Nothing here reaches for the network or the clock: documents come from the injected
/// ``DocumentResolver`` and "now" is a parameter, so a verification can be replayed offline.
public struct CredentialVerifier: Sendable {
    public static let vc2Context = "https://www.w3.org/ns/credentials/v2"
    public static let vc1Context = "https://www.w3.org/2018/credentials/v1"

    public var methods: VerificationMethodResolver
    public var limits: JSONLimits
    /// The registry the trust check consults; without one, trust is skipped and `trusted` is `nil`.
    public var registry: TrustRegistry?
    /// Whether a credential verifies only when its issuer is trusted.
    public var requireTrusted = false
    /// Tolerated clock difference when a proof's `created` lies in the future, in seconds.
    public var clockSkew: Double = 300

    public init(
        documents: any DocumentResolver = PreloadedDocuments(), limits: JSONLimits = .credential,
        registry: TrustRegistry? = nil, requireTrusted: Bool = false
    ) {
        self.methods = VerificationMethodResolver(documents: documents)
        self.limits = limits
        self.registry = registry
        self.requireTrusted = requireTrusted
    }

    /// Verifies a credential given as bytes: JSON, or a compact JWT.
    public func verify(bytes: [UInt8], at now: Date) async -> VerificationReport {
        let text = bytes.prefix(2048)
        if let first = text.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first != UInt8(ascii: "{"),
            first != UInt8(ascii: "["), CredentialVerifier.looksLikeJWT(bytes)
        {
            return VerificationReport(
                checks: [CheckResult(.format, .unknown, Message("format.jwtUnsupported"))], requireTrusted: requireTrusted)
        }
        do {
            let json = try JSONValue(parsing: bytes, limits: limits)
            return await verify(json, at: now)
        } catch {
            return VerificationReport(
                checks: [CheckResult(.format, .failed, Message("format.unreadable", "\(error)"))], requireTrusted: requireTrusted)
        }
    }

    /// Whether the bytes look like a compact JWS: three base64url parts separated by dots.
    public static func looksLikeJWT(_ bytes: [UInt8]) -> Bool {
        let trimmed = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].hasPrefix("ey") else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
    }

    /// Verifies a credential given as JSON.
    public func verify(_ credential: JSONValue, at now: Date) async -> VerificationReport {
        guard let document = credential.objectValue else {
            return VerificationReport(
                checks: [CheckResult(.format, .failed, Message("format.notObject"))], requireTrusted: requireTrusted)
        }
        if document["type"]?.asArray.contains("VerifiablePresentation") == true {
            return VerificationReport(
                checks: [CheckResult(.format, .unknown, Message("format.presentationUnsupported"))], credential: credential,
                requireTrusted: requireTrusted)
        }
        var checks: [CheckResult] = [checkFormat(document)]
        let (proofResult, signers) = await checkProofs(document, at: now)
        checks.append(proofResult)
        checks.append(await checkIssuer(document, signers: signers))
        checks.append(checkValidity(document, at: now))
        checks.append(checkStatus(document))
        var trusted: Bool? = nil
        if let registry {
            let trust = registry.check(issuer: CredentialVerifier.issuerID(of: document))
            checks.append(trust)
            trusted = trust.status == .passed
        } else {
            checks.append(CheckResult(.trust, .skipped, Message("trust.noRegistry")))
        }
        checks.append(CheckResult(.schema, .skipped, Message("schema.notChecked")))
        return VerificationReport(checks: checks, trusted: trusted, credential: credential, requireTrusted: requireTrusted)
    }

    /// The issuer's id: the `issuer` string or the `id` of the `issuer` object.
    public static func issuerID(of document: JSONObject) -> String? {
        if let issuer = document["issuer"]?.stringValue { return issuer }
        return document["issuer"]?["id"]?.stringValue
    }

    static func isURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        return scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
            && !text.contains(" ")
    }

    // MARK: - format

    func checkFormat(_ document: JSONObject) -> CheckResult {
        let contexts = document["@context"]?.asArray ?? []
        let first = contexts.first?.stringValue
        guard first == CredentialVerifier.vc2Context || first == CredentialVerifier.vc1Context else {
            return CheckResult(.format, .failed, Message("format.context"))
        }
        let isV2 = first == CredentialVerifier.vc2Context
        let types = document["type"]?.asArray.compactMap(\.stringValue) ?? []
        guard types.contains("VerifiableCredential") else {
            return CheckResult(.format, .failed, Message("format.type"))
        }
        if let id = document["id"] {
            guard let text = id.stringValue, CredentialVerifier.isURL(text) else {
                return CheckResult(.format, .failed, Message("format.id"))
            }
        }
        guard let issuer = CredentialVerifier.issuerID(of: document), CredentialVerifier.isURL(issuer) else {
            return CheckResult(.format, .failed, Message("format.issuer"))
        }
        let subjects = document["credentialSubject"]?.asArray ?? []
        guard !subjects.isEmpty, subjects.allSatisfy({ $0.objectValue != nil }) else {
            return CheckResult(.format, .failed, Message("format.subject"))
        }
        let dateMembers = isV2 ? ["validFrom", "validUntil"] : ["issuanceDate", "expirationDate"]
        if !isV2, document["issuanceDate"] == nil {
            return CheckResult(.format, .failed, Message("format.missing", "issuanceDate"))
        }
        for member in dateMembers {
            guard let value = document[member] else { continue }
            guard let text = value.stringValue, let date = XSDDateTime(text), date.hasTimezone || !isV2 else {
                return CheckResult(.format, .failed, Message("format.date", member, value.stringValue ?? value.typeName))
            }
        }
        let kind = types.contains("OpenBadgeCredential") || types.contains("AchievementCredential")
            ? (isV2 ? "VC 2.0 / Open Badges 3.0" : "VC 1.1 / Open Badges 3.0")
            : (isV2 ? "VC 2.0" : "VC 1.1")
        return CheckResult(.format, .passed, Message("format.passed", kind))
    }

    // MARK: - proof

    /// A proof's verification method and its controller document, when they were obtained.
    struct Signer {
        var method: VerificationMethod
        var document: DIDDocument?
    }

    func checkProofs(_ document: JSONObject, at now: Date) async -> (CheckResult, [Signer]) {
        guard let proofValue = document["proof"], !proofValue.asArray.isEmpty else {
            return (CheckResult(.proof, .failed, Message("proof.missing")), [])
        }
        var results: [CheckResult] = []
        var signers: [Signer] = []
        for entry in proofValue.asArray {
            guard let object = entry.objectValue else {
                results.append(CheckResult(.proof, .failed, Message("proof.malformed", "a proof must be an object")))
                continue
            }
            let (result, signer) = await checkProof(DataIntegrityProof(json: object), in: document, at: now)
            results.append(result)
            if let signer { signers.append(signer) }
        }
        // Every proof of a set must hold; report the first failure, else the first unknown.
        if let failed = results.first(where: { $0.status == .failed }) { return (failed, signers) }
        if let unknown = results.first(where: { $0.status == .unknown }) { return (unknown, signers) }
        return (results[0], signers)
    }

    func checkProof(_ proof: DataIntegrityProof, in document: JSONObject, at now: Date) async -> (CheckResult, Signer?) {
        guard let methodID = proof.verificationMethod else {
            return (CheckResult(.proof, .failed, Message("proof.malformed", "the proof has no verificationMethod")), nil)
        }
        guard proof.proofPurpose == "assertionMethod" else {
            return (CheckResult(.proof, .failed, Message("proof.purpose", proof.proofPurpose ?? "")), nil)
        }
        if let created = proof.created {
            guard let date = XSDDateTime(created) else {
                return (CheckResult(.proof, .failed, Message("proof.malformed", "created is not a dateTime: \(created)")), nil)
            }
            if date.secondsSince1970 > now.timeIntervalSince1970 + clockSkew {
                return (CheckResult(.proof, .failed, Message("proof.future", created)), nil)
            }
        }
        if let expires = proof.expires {
            guard let date = XSDDateTime(expires) else {
                return (CheckResult(.proof, .failed, Message("proof.malformed", "expires is not a dateTime: \(expires)")), nil)
            }
            if date.secondsSince1970 < now.timeIntervalSince1970 {
                return (CheckResult(.proof, .failed, Message("proof.expired", expires)), nil)
            }
        }
        let resolved: (method: VerificationMethod, document: DIDDocument?)?
        do {
            resolved = try await methods.verificationMethod(methodID)
        } catch {
            return (CheckResult(.proof, .failed, Message("proof.resolution", methodID, "\(error)")), nil)
        }
        guard let resolved else {
            return (CheckResult(.proof, .unknown, Message("proof.unresolved", methodID)), nil)
        }
        let signer = Signer(method: resolved.method, document: resolved.document)
        switch DataIntegrity.checkSignature(of: proof, in: document, publicKey: resolved.method.publicKey) {
        case .valid:
            return (CheckResult(.proof, .passed, Message("proof.passed", proof.cryptosuite ?? "", methodID)), signer)
        case .invalid(let reason):
            return (CheckResult(.proof, .failed, reason), signer)
        case .unsupported(let reason):
            return (CheckResult(.proof, .unknown, reason), signer)
        }
    }

    // MARK: - issuer

    func checkIssuer(_ document: JSONObject, signers: [Signer]) async -> CheckResult {
        guard let issuer = CredentialVerifier.issuerID(of: document), !signers.isEmpty else {
            return CheckResult(.issuer, .unknown, Message("issuer.noProof"))
        }
        for signer in signers {
            let controller = signer.method.controller
            guard controller == issuer else {
                return CheckResult(.issuer, .failed, Message("issuer.mismatch", controller, issuer))
            }
            // The controller document must authorise the key for issuing (assertionMethod).
            var controllerDocument = signer.document
            if controllerDocument?.id != controller {
                controllerDocument = try? await methods.controllerDocument(controller)
            }
            guard let controllerDocument else {
                return CheckResult(.issuer, .unknown, Message("issuer.unknown", issuer))
            }
            guard controllerDocument.assertionMethod.contains(signer.method.id) else {
                return CheckResult(.issuer, .failed, Message("issuer.notAssertion", issuer, signer.method.id))
            }
        }
        return CheckResult(.issuer, .passed, Message("issuer.passed", issuer))
    }

    // MARK: - validity

    func checkValidity(_ document: JSONObject, at now: Date) -> CheckResult {
        let isV2 = document["@context"]?.asArray.first?.stringValue != CredentialVerifier.vc1Context
        let fromMember = isV2 ? "validFrom" : "issuanceDate"
        let untilMember = isV2 ? "validUntil" : "expirationDate"
        var from: XSDDateTime? = nil
        var until: XSDDateTime? = nil
        if let value = document[fromMember] {
            guard let text = value.stringValue, let date = XSDDateTime(text) else {
                return CheckResult(.validity, .failed, Message("validity.unreadable"))
            }
            from = date
        }
        if let value = document[untilMember] {
            guard let text = value.stringValue, let date = XSDDateTime(text) else {
                return CheckResult(.validity, .failed, Message("validity.unreadable"))
            }
            until = date
        }
        let instant = now.timeIntervalSince1970
        if let from, from.secondsSince1970 > instant {
            return CheckResult(.validity, .failed, Message("validity.notYet", document[fromMember]!.stringValue!))
        }
        if let until, until.secondsSince1970 < instant {
            return CheckResult(.validity, .failed, Message("validity.expired", document[untilMember]!.stringValue!))
        }
        let fromText = document[fromMember]?.stringValue ?? "—"
        if let untilText = document[untilMember]?.stringValue {
            return CheckResult(.validity, .passed, Message("validity.window", fromText, untilText))
        }
        return CheckResult(.validity, .passed, Message("validity.since", fromText))
    }

    // MARK: - status

    func checkStatus(_ document: JSONObject) -> CheckResult {
        guard let status = document["credentialStatus"], !status.asArray.isEmpty else {
            return CheckResult(.status, .skipped, Message("status.none"))
        }
        let types = status.asArray.compactMap { $0["type"]?.stringValue }.joined(separator: ", ")
        return CheckResult(.status, .unknown, Message("status.unsupported", types.isEmpty ? "?" : types))
    }
}
