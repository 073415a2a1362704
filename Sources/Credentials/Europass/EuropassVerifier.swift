import Foundation
import LinkedData

/// Verifies Europass European Digital Credentials (ELM 3) as far as their seal allows.
///
/// An EDC issued through Europass is sealed with a JAdES signature (ETSI TS 119 182-1) whose
/// certificate is meant to be a qualified electronic seal listed in the EU Trusted Lists (eIDAS).
/// Mochila checks what it can without them:
///
/// - format: the input is an EDC, unsigned or in a JWS JSON serialization it reads
///   (see ``EuropassInput``);
/// - proof: the signature matches the first `x5c` certificate, whose thumbprint and validity at
///   the signing time (`sigT`) agree; an unsigned EDC has no proof (`unknown`);
/// - issuer: always `unknown`, because the certificate is not checked against the EU Trusted
///   Lists, so nothing says it belongs to the issuer the credential names;
/// - validity: `validFrom` to `validUntil` (or `expirationDate`) around the given date;
/// - status: a `credentialStatus` is not checked (`unknown`); without one the check is skipped;
/// - trust: `unknown`, as Europass issuers are not in Mochila's trust registries.
///
/// Because the issuer check is never `passed`, ``VerificationReport/verified`` is never true for
/// an EDC: the report shows what holds without claiming the credential verified. Nothing here
/// reaches for the network or the clock.
public struct EuropassVerifier: Sendable {
    /// Tolerated clock difference when the signing time lies in the future, in seconds.
    public var clockSkew: Double = 300

    public init() {}

    /// Verifies what a learner uploads: an EDC, unsigned or sealed.
    ///
    /// The report's `credential` is the EDC (the payload of a sealed one) once it could be read.
    public func verify(bytes: [UInt8], at date: Date) -> VerificationReport {
        let seal: EuropassSeal?
        let document: JSONValue
        switch EuropassInput.read(bytes) {
        case .failure(let reason):
            return VerificationReport(checks: [CheckResult(.format, .failed, reason)])
        case .success(.unsigned(let value)):
            seal = nil
            document = value
        case .success(.sealed(let sealed)):
            guard let payload = sealed.document else {
                return VerificationReport(checks: [CheckResult(.format, .failed, Message("europass.format.payload"))])
            }
            seal = sealed
            document = payload
        }
        guard EuropassInput.isEDC(document), let edc = document.objectValue else {
            return VerificationReport(checks: [CheckResult(.format, .failed, Message("europass.format.notEDC"))])
        }
        var checks = [CheckResult(.format, .passed, Message("europass.format.passed"))]
        if let seal {
            let (proof, certificate) = checkProof(seal, at: date)
            checks.append(proof)
            if let certificate {
                let issuer = certificate.issuerCommonName ?? "?"
                let message = Message("europass.issuer.notTrustListed", certificate.subjectName, issuer)
                checks.append(CheckResult(.issuer, .unknown, message))
            } else {
                checks.append(CheckResult(.issuer, .unknown, Message("issuer.noProof")))
            }
        } else {
            checks.append(CheckResult(.proof, .unknown, Message("europass.proof.unsigned")))
            checks.append(CheckResult(.issuer, .unknown, Message("europass.issuer.unsigned")))
        }
        checks.append(checkValidity(edc, at: date))
        checks.append(checkStatus(edc))
        checks.append(CheckResult(.trust, .unknown, Message("europass.trust.notInRegistry")))
        return VerificationReport(checks: checks, credential: document)
    }

    /// `validFrom` (or, without it, `issuanceDate` or `issued`) not after `date`, and `validUntil`
    /// (or `expirationDate`) not before it.
    func checkValidity(_ edc: JSONObject, at date: Date) -> CheckResult {
        func read(_ names: [String]) -> Result<(String, Date)?, Message> {
            guard let name = names.first(where: { edc[$0].map { !$0.isNull } ?? false }) else {
                return .success(nil)
            }
            guard let text = edc[name]?.stringValue, let value = XSDDateTime(text) else {
                let shown = edc[name]?.stringValue ?? edc[name]!.serializedString()
                return .failure(Message("europass.validity.unreadable", name, String(shown.prefix(64))))
            }
            return .success((text, value.date))
        }
        let start: (String, Date)?
        let end: (String, Date)?
        switch (read(["validFrom", "issuanceDate", "issued"]), read(["validUntil", "expirationDate"])) {
        case (.failure(let reason), _), (_, .failure(let reason)):
            return CheckResult(.validity, .unknown, reason)
        case (.success(let from), .success(let until)):
            start = from
            end = until
        }
        guard let (startText, startDate) = start else {
            return CheckResult(.validity, .unknown, Message("europass.validity.noStart"))
        }
        if date < startDate {
            return CheckResult(.validity, .failed, Message("validity.notYet", startText))
        }
        guard let (endText, endDate) = end else {
            return CheckResult(.validity, .passed, Message("validity.since", startText))
        }
        if date >= endDate {
            return CheckResult(.validity, .failed, Message("validity.expired", endText))
        }
        return CheckResult(.validity, .passed, Message("validity.window", startText, endText))
    }

    /// A `credentialStatus` is named but not checked; without one there is nothing to check.
    func checkStatus(_ edc: JSONObject) -> CheckResult {
        guard let status = edc["credentialStatus"], !status.isNull else {
            return CheckResult(.status, .skipped, Message("status.none"))
        }
        let types = status.asArray.flatMap { ($0["type"]?.asArray ?? []).compactMap(\.stringValue) }
        let named = types.isEmpty ? "?" : types.joined(separator: ", ")
        return CheckResult(.status, .unknown, Message("europass.status.notChecked", String(named.prefix(120))))
    }
}
