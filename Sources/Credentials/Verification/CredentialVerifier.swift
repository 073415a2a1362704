import Crypto
import Foundation
import LinkedData

/// Verifies credentials and says, check by check, what it found.
///
/// Nothing here reaches for the network or the clock: documents come from the injected
/// ``DocumentResolver`` and "now" is a parameter, so a verification can be replayed offline.
public struct CredentialVerifier: Sendable {
    public static let vc2Context = "https://www.w3.org/ns/credentials/v2"
    public static let vc1Context = "https://www.w3.org/2018/credentials/v1"

    /// Where keys and controller documents come from. A verifier given other ones forgets what it
    /// remembered (``memo``): status lists were verified with the former.
    public var methods: VerificationMethodResolver {
        didSet { memo = VerificationMemo() }
    }
    public var limits: JSONLimits
    /// The registry the trust check consults; without one, trust is skipped and `trusted` is `nil`.
    public var registry: TrustRegistry?
    /// Whether a credential verifies only when its issuer is trusted.
    public var requireTrusted = false
    /// Tolerated clock difference when a proof's `created` lies in the future, in seconds.
    public var clockSkew: Double = 300 {
        didSet { memo = VerificationMemo() }
    }
    /// Whether credentials' status is checked; off for the status lists themselves.
    var checksStatus = true
    /// Outcomes that depend only on content, shared by the copies of this verifier (see
    /// ``VerificationMemo``).
    private(set) var memo = VerificationMemo()

    public init(
        documents: any DocumentResolver = PreloadedDocuments(), limits: JSONLimits = .credential,
        registry: TrustRegistry? = nil, requireTrusted: Bool = false
    ) {
        self.methods = VerificationMethodResolver(documents: documents)
        self.limits = limits
        self.registry = registry
        self.requireTrusted = requireTrusted
    }

    /// Verifies a credential given as bytes: JSON, or a compact JWT (VC-JOSE or Open Badges 3.0's VC-JWT).
    public func verify(bytes: [UInt8], at now: Date) async -> VerificationReport {
        if CredentialVerifier.looksLikeJWT(bytes) {
            let token = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return await verifyJWT(await VCJWT.verify(token, methods: methods, now: now), at: now)
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

    /// Verifies a credential given as JSON, secured with Data Integrity proofs.
    public func verify(_ credential: JSONValue, at now: Date) async -> VerificationReport {
        guard let document = credential.objectValue else {
            return VerificationReport(
                checks: [CheckResult(.format, .failed, Message("format.notObject"))], requireTrusted: requireTrusted)
        }
        if document["type"]?.asArray.contains("VerifiablePresentation") == true {
            return VerificationReport(
                checks: [CheckResult(.format, .failed, Message("format.isPresentation"))], credential: credential,
                requireTrusted: requireTrusted)
        }
        let digest = VerificationMemo.digest(credential)
        // The proof's canonicalization and the data model check expand the same credential: once
        // (in the caller's scratch, if it bound one).
        return await ExpansionScratch.$current.withValue(ExpansionScratch.current ?? ExpansionScratch()) {
            let (proof, signers) = await checkProofs(document, at: now, digest: digest)
            return await report(
                document, format: checkFormat(document, digest: digest), proof: proof, signers: signers, tokenValidity: nil,
                at: now, digest: digest)
        }
    }

    /// The report of a credential secured as a JWT.
    func verifyJWT(_ jwt: JWTVerification, at now: Date) async -> VerificationReport {
        guard let payload = jwt.payload else {
            // Not a credential JWT at all: its proof check says why.
            return VerificationReport(
                checks: [CheckResult(.format, .failed, Message("format.jwt")), jwt.proof], requireTrusted: requireTrusted)
        }
        if jwt.form == .presentation {
            return VerificationReport(
                checks: [CheckResult(.format, .failed, Message("format.isPresentation"))], credential: .object(payload),
                requireTrusted: requireTrusted)
        }
        let signers = jwt.method.map { [Signer(method: $0, document: jwt.document)] } ?? []
        let digest = VerificationMemo.digest(.object(payload))
        return await report(
            payload, format: checkFormat(payload, digest: digest), proof: jwt.proof, signers: signers,
            tokenValidity: jwt.validity, at: now, digest: digest)
    }

    /// The checks every credential goes through once its proof is known.
    func report(
        _ document: JSONObject, format: CheckResult, proof: CheckResult, signers: [Signer], tokenValidity: CheckResult?,
        at now: Date, digest: SHA256Digest
    ) async -> VerificationReport {
        var checks: [CheckResult] = [format, proof]
        checks.append(await checkIssuer(document, signers: signers))
        var validity = checkValidity(document, at: now)
        // A JWT's own exp/nbf bound the credential too.
        if let tokenValidity, tokenValidity.status != .passed, validity.status == .passed { validity = tokenValidity }
        checks.append(validity)
        checks.append(await checkStatus(document, at: now))
        var trusted: Bool? = nil
        if let registry {
            let trust = registry.check(document)
            checks.append(trust)
            trusted = trust.status == .passed
        } else {
            checks.append(CheckResult(.trust, .skipped, Message("trust.noRegistry")))
        }
        checks.append(checkSchema(document, digest: digest))
        return VerificationReport(checks: checks, trusted: trusted, credential: .object(document), requireTrusted: requireTrusted)
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

    /// The data model check (VC Data Model 2.0, or 1.1 for older credentials): the first rule a
    /// credential breaks, named; JSON-LD terms are checked with the bundled contexts only.
    /// - Parameter digest: the document's ``VerificationMemo/digest(_:prefix:)``: the outcome is
    ///   remembered by it (it depends on the document alone).
    func checkFormat(_ document: JSONObject, digest: SHA256Digest) -> CheckResult {
        memo.formats.value(for: digest, orCompute: { computeFormat(document) })
    }

    func computeFormat(_ document: JSONObject) -> CheckResult {
        if let violation = VCDataModel.violations(of: document).first {
            return CheckResult(.format, .failed, violation.message)
        }
        let types = document["type"]?.asArray.compactMap(\.stringValue) ?? []
        let isV2 = VCDataModel.version(of: document) == .v2
        let kind = types.contains("OpenBadgeCredential") || types.contains("AchievementCredential")
            ? (isV2 ? "VC 2.0 / Open Badges 3.0" : "VC 1.1 / Open Badges 3.0")
            : (isV2 ? "VC 2.0" : "VC 1.1")
        return CheckResult(.format, .passed, Message("format.passed", kind))
    }

    // MARK: - issuer

    func checkIssuer(_ document: JSONObject, signers: [Signer]) async -> CheckResult {
        guard let issuer = CredentialVerifier.issuerID(of: document) else {
            return CheckResult(.issuer, .unknown, Message("issuer.noProof"))
        }
        return await checkController(
            issuer, signers: signers, relationship: \.assertionMethod, check: .issuer, mismatch: "issuer.mismatch",
            notListed: "issuer.notAssertion", passed: "issuer.passed")
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

    /// The status check (Bitstring Status List, 1EdTech revocation list): the list is fetched
    /// through the injected resolver and verified like any credential, without its own status.
    func checkStatus(_ document: JSONObject, at now: Date) async -> CheckResult {
        guard checksStatus else { return CheckResult(.status, .skipped, Message("status.notChecked")) }
        var copy = self
        copy.checksStatus = false
        copy.registry = nil
        copy.requireTrusted = false
        let listVerifier = copy
        var checker = StatusChecker(documents: methods.documents) { list in
            if case .string(let token) = list { return await listVerifier.verify(bytes: Array(token.utf8), at: now) }
            return await listVerifier.verify(list, at: StatusChecker.listInstant(list, now: now))
        }
        checker.memo = memo
        // Mochila's credentials carry a suspension entry in `suspensionStatus` (Open Badges 3.0
        // allows one credentialStatus); it is checked with the others.
        var entries = document
        if let suspension = document["suspensionStatus"], suspension["type"]?.stringValue == "BitstringStatusListEntry" {
            entries["credentialStatus"] = .array((document["credentialStatus"]?.asArray ?? []) + [suspension])
        }
        return await checker.check(entries, at: now)
    }

    // MARK: - schema

    /// The schema check: OB 3.0 / CLR 2.0 JSON Schemas and, for micro-credentials, the elements
    /// of Annex I of the EU Council Recommendation.
    func checkSchema(_ document: JSONObject, digest: SHA256Digest) -> CheckResult {
        memo.schemas.value(for: digest, orCompute: { SchemaCheck().check(document) })
    }
}
