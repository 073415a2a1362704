import Foundation
import LinkedData

/// What verifying a presentation found: the presentation's own checks (format, the holder's proof
/// and the holder's binding to the credentials) and a report for each credential it carries.
public struct PresentationReport: Sendable {
    public var checks: [CheckResult]
    public var credentials: [VerificationReport]
    /// The presentation as read, when it could be read.
    public var presentation: JSONValue?

    public init(checks: [CheckResult], credentials: [VerificationReport], presentation: JSONValue? = nil) {
        self.checks = checks
        self.credentials = credentials
        self.presentation = presentation
    }

    /// Whether the presentation verified: its checks passed or were skipped, its proof passed,
    /// and every credential in it verified.
    public var verified: Bool {
        checks.allSatisfy { $0.status == .passed || $0.status == .skipped }
            && checks.contains { $0.check == .proof && $0.status == .passed }
            && credentials.allSatisfy(\.verified)
    }

    /// Whether every credential's issuer is trusted; `nil` when no registry was consulted.
    public var trusted: Bool? {
        let values = credentials.map(\.trusted)
        if values.contains(where: { $0 == nil }) || values.isEmpty { return values.isEmpty ? nil : nil }
        return values.allSatisfy { $0 == true }
    }

    public func result(_ check: CheckName) -> CheckResult? { checks.first { $0.check == check } }

    /// The report as the command line and the API print it: the presentation's checks, and under
    /// `credentials` one report per credential.
    public func json(input: String?, language: Language = .en) -> JSONValue {
        var object = JSONObject()
        if let input { object["input"] = .string(input) }
        object["verified"] = .bool(verified)
        object["trusted"] = trusted.map { .bool($0) } ?? .null
        object["checks"] = VerificationReport(checks: checks).json(input: nil, language: language)["checks"]
        object["credentials"] = .array(credentials.map { $0.json(input: nil, language: language) })
        return .object(object)
    }
}

/// A credential or a presentation, verified.
public enum VerificationOutcome: Sendable {
    case credential(VerificationReport)
    case presentation(PresentationReport)

    public var verified: Bool {
        switch self {
        case .credential(let report): return report.verified
        case .presentation(let report): return report.verified
        }
    }

    public func json(input: String?, language: Language = .en) -> JSONValue {
        switch self {
        case .credential(let report): return report.json(input: input, language: language)
        case .presentation(let report): return report.json(input: input, language: language)
        }
    }
}

extension CredentialVerifier {
    /// Verifies what a holder or an issuer handed over: a credential or a presentation, as JSON
    /// or as a compact JWT.
    /// - Parameters:
    ///   - challenge, domain: what the verifier asked a presentation's proof to carry.
    public func verifyAny(bytes: [UInt8], challenge: String? = nil, domain: String? = nil, at now: Date) async -> VerificationOutcome {
        if CredentialVerifier.looksLikeJWT(bytes) {
            let token = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let jwt = await VCJWT.verify(token, methods: methods, now: now)
            if jwt.form == .presentation {
                return .presentation(await verifyPresentationJWT(jwt, challenge: challenge, domain: domain, at: now))
            }
            return .credential(await verifyJWT(jwt, at: now))
        }
        if let json = try? JSONValue(parsing: bytes, limits: limits), json["type"]?.asArray.contains("VerifiablePresentation") == true {
            return .presentation(await verifyPresentation(json, challenge: challenge, domain: domain, at: now))
        }
        return .credential(await verify(bytes: bytes, at: now))
    }

    /// Verifies a presentation (VC Data Model 2.0, section 4.13; Data Integrity `authentication`
    /// proofs): its form, its holder's proof with the expected challenge and domain, the holder's
    /// binding to each credential that names its subject, and each credential.
    public func verifyPresentation(
        _ presentation: JSONValue, challenge: String? = nil, domain: String? = nil, at now: Date
    ) async -> PresentationReport {
        guard let document = presentation.objectValue else {
            return PresentationReport(checks: [CheckResult(.format, .failed, Message("format.notObject"))], credentials: [])
        }
        let expectation = ProofExpectation(purpose: "authentication", challenge: challenge, domain: domain)
        let (proof, signers) = await checkProofs(document, expecting: expectation, at: now)
        return await presentationReport(document, proof: proof, signers: signers, at: now)
    }

    /// A presentation secured as a JWT (`vp+jwt`): its credentials are enveloped.
    func verifyPresentationJWT(_ jwt: JWTVerification, challenge: String?, domain: String?, at now: Date) async -> PresentationReport {
        guard let payload = jwt.payload else {
            return PresentationReport(checks: [CheckResult(.format, .failed, Message("format.jwt")), jwt.proof], credentials: [])
        }
        var proof = jwt.proof
        // The challenge travels as `nonce`, the domain as `aud`.
        if proof.status == .passed, let challenge, jwt.claims?["nonce"]?.stringValue != challenge {
            proof = CheckResult(.proof, .failed, Message("proof.challenge", challenge))
        }
        if proof.status == .passed, let domain, !(jwt.claims?["aud"]?.asArray.compactMap(\.stringValue).contains(domain) ?? false) {
            proof = CheckResult(.proof, .failed, Message("proof.domain", domain))
        }
        let signers = jwt.method.map { [Signer(method: $0, document: jwt.document)] } ?? []
        return await presentationReport(payload, proof: proof, signers: signers, at: now)
    }

    /// The checks of a presentation once its proof is known: its form, each credential, and the
    /// holder's binding.
    func presentationReport(_ document: JSONObject, proof: CheckResult, signers: [Signer], at now: Date) async -> PresentationReport {
        var checks: [CheckResult] = [checkPresentationFormat(document), proof]
        var credentials: [VerificationReport] = []
        var subjects: [[String]] = []
        for entry in document["verifiableCredential"]?.asArray ?? [] {
            let report: VerificationReport
            if entry["type"]?.asArray.contains("EnvelopedVerifiableCredential") == true {
                if let envelope = entry["id"]?.stringValue.flatMap(EnvelopedCredential.init(dataURL:)),
                    envelope.mediaType == "application/vc+jwt"
                {
                    report = await verify(bytes: Array(envelope.data.utf8), at: now)
                } else {
                    report = VerificationReport(checks: [CheckResult(.format, .unknown, Message("format.envelope"))])
                }
            } else {
                report = await verify(entry, at: now)
            }
            credentials.append(report)
            subjects.append((report.credential?["credentialSubject"]?.asArray ?? []).compactMap { $0["id"]?.stringValue })
        }
        // The holder: whoever signed must be the holder, and the holder the subject of each
        // credential that names one.
        let holder = document["holder"]?.stringValue ?? document["holder"]?["id"]?.stringValue ?? signers.first?.method.controller
        if let holder, !signers.isEmpty {
            var binding = await checkController(
                holder, signers: signers, relationship: \.authentication, check: .holder, mismatch: "holder.mismatch",
                notListed: "holder.notAuthentication", passed: "holder.passed")
            if binding.status == .passed,
                let stranger = subjects.enumerated().first(where: { !$0.element.isEmpty && !$0.element.contains(holder) })
            {
                binding = CheckResult(.holder, .failed, Message("holder.notSubject", String(stranger.offset + 1), holder))
            }
            checks.append(binding)
        } else {
            checks.append(CheckResult(.holder, .unknown, Message("holder.unproven")))
        }
        return PresentationReport(checks: checks, credentials: credentials, presentation: .object(document))
    }

    func checkPresentationFormat(_ document: JSONObject) -> CheckResult {
        if let violation = VCDataModel.violations(ofPresentation: document).first {
            return CheckResult(.format, .failed, violation.message)
        }
        return CheckResult(.format, .passed, Message("format.presentation"))
    }
}
