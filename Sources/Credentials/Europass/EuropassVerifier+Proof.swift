import Foundation
import LinkedData

extension EuropassVerifier {
    /// The names `crit` may list: Mochila processes each of them (RFC 7515 section 4.1.11).
    ///
    /// `b64` decides how the payload is read (RFC 7797), `sigT` is checked against the
    /// certificate's validity, and `adoTst` (JAdES archive timestamps) adds evidence without
    /// changing what the signature covers. Any other name, such as JAdES `sigD` (which signs
    /// detached documents instead of the payload), makes the seal unacceptable.
    static let understoodCritical: Set<String> = ["b64", "sigT", "adoTst"]
    /// The header parameters RFC 7515 section 4.1 defines, which `crit` must not list.
    static let registeredHeaders: Set<String> = [
        "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
    ]
    /// Limits on the protected header's JSON: certificates and timestamp tokens, nothing larger.
    static let headerLimits = JSONLimits(maxBytes: 512 << 10, maxDepth: 12, maxStringBytes: 64 << 10)

    /// The proof check: the seal's signature under the key of its first `x5c` certificate.
    ///
    /// Follows RFC 7515 section 5.2 for the JSON serialization, with RFC 7797 for `b64` and
    /// JAdES (ETSI TS 119 182-1) for `sigT`. The certificate comes from the seal itself, so a
    /// passing proof says only that the credential is unaltered since someone holding that
    /// certificate's key sealed it; who that is, is the issuer check's question.
    /// - Returns: the check, and the certificate when the signature matched it.
    func checkProof(_ seal: EuropassSeal, at date: Date) -> (CheckResult, EuropassCertificate?) {
        func failed(_ key: String, _ arguments: String...) -> (CheckResult, EuropassCertificate?) {
            (CheckResult(.proof, .failed, Message(key: key, arguments: arguments)), nil)
        }
        // 5.2 (2)-(4): the protected header is base64url of a JSON object.
        let header: JSONObject
        do {
            header = try Self.protectedHeader(seal.protected)
        } catch {
            return failed("europass.proof.header", "\(error)")
        }
        // 7.2.1: a name may not be both protected and unprotected.
        if let name = header.keys.first(where: { seal.header[$0] != nil }) {
            return failed("europass.proof.header", "\(name) is both protected and unprotected")
        }
        if seal.header["crit"] != nil || seal.header["b64"] != nil || seal.header["sigT"] != nil {
            return failed("europass.proof.header", "crit, b64 and sigT must be protected")
        }
        // 4.1.11: every name crit lists must be understood and present.
        var critical: [String] = []
        if let value = header["crit"] {
            let names = value.arrayValue?.compactMap(\.stringValue) ?? []
            guard !names.isEmpty, names.count == value.arrayValue?.count, Set(names).count == names.count else {
                return failed("europass.proof.header", "crit must be a non-empty list of distinct names")
            }
            let refused = names.first { !Self.understoodCritical.contains($0) || Self.registeredHeaders.contains($0) }
            if let name = refused {
                return failed("europass.proof.crit", name)
            }
            if let name = names.first(where: { header[$0] == nil }) {
                return failed("europass.proof.header", "crit lists \(name), which the header lacks")
            }
            critical = names
        }
        // RFC 7797 3 and 6: b64 is a protected Boolean; false must be listed in crit.
        var encoded = true
        if let value = header["b64"] {
            guard let flag = value.boolValue else {
                return failed("europass.proof.header", "b64 must be true or false")
            }
            guard flag || critical.contains("b64") else {
                return failed("europass.proof.header", "b64 false is not in crit")
            }
            encoded = flag
        }
        guard encoded == seal.payloadEncoded else {
            let reason = encoded ? "b64 is true but the payload is JSON" : "b64 is false but the payload is base64url"
            return failed("europass.proof.header", reason)
        }
        let algorithmName = header["alg"]?.stringValue ?? ""
        guard let algorithm = EuropassAlgorithm(rawValue: algorithmName) else {
            return failed("europass.proof.algorithm", algorithmName)
        }
        // 4.1.6: the certificate chain, leaf first, each standard base64 DER.
        guard let chainValue = header["x5c"] else {
            return (CheckResult(.proof, .unknown, Message("europass.proof.noCertificate")), nil)
        }
        let chain = chainValue.arrayValue?.compactMap(\.stringValue) ?? []
        let maxText = (EuropassCertificate.maxBytes + 2) / 3 * 4
        let maxCount = EuropassCertificate.maxCertificates
        guard !chain.isEmpty, chain.count == chainValue.arrayValue?.count, chain.count <= maxCount,
            chain.allSatisfy({ $0.utf8.count <= maxText })
        else {
            return failed("europass.proof.certificates", "\(maxCount)", "\(EuropassCertificate.maxBytes)")
        }
        let certificate: EuropassCertificate
        do {
            certificate = try EuropassCertificate(der: try Base64URL.decode(chain[0]))
        } catch {
            return failed("europass.proof.certificate", "\(error)")
        }
        // 4.1.8: a thumbprint, when given, must be the certificate's.
        if let thumbprint = header["x5t#S256"] ?? seal.header["x5t#S256"] {
            guard let text = thumbprint.stringValue, certificate.hasThumbprint(text) else {
                return failed("europass.proof.thumbprint")
            }
        }
        guard certificate.publicKey.type == algorithm.keyType else {
            return failed("europass.proof.keyType", algorithm.rawValue, certificate.publicKey.type.rawValue)
        }
        // 5.2 (7)-(8): the signature over ASCII(protected) ‖ '.' ‖ payload.
        guard let signature = try? CompactJWS.decodePart(Array(seal.signature.utf8)[...], name: "signature"),
            algorithm.isValidSignature(signature, for: seal.signingInput, key: certificate.publicKey)
        else {
            return failed("europass.proof.signature", algorithm.rawValue, certificate.subjectName)
        }
        // JAdES sigT: the claimed signing time, within the certificate's validity.
        guard let sigT = header["sigT"]?.stringValue else { return failed("europass.proof.noSigningTime") }
        guard let signed = XSDDateTime(sigT), signed.hasTimezone else {
            return failed("europass.proof.signingTime", sigT)
        }
        guard certificate.isValid(at: signed.date) else {
            let (from, until) = (Self.text(certificate.notBefore), Self.text(certificate.notAfter))
            return failed("europass.proof.outsideValidity", sigT, from, until)
        }
        guard signed.date.timeIntervalSince(date) <= clockSkew else {
            return failed("europass.proof.future", sigT)
        }
        let message = Message("europass.proof.passed", algorithm.rawValue, certificate.subjectName)
        return (CheckResult(.proof, .passed, message), certificate)
    }

    /// Decodes the `protected` member: unpadded base64url of a JSON object, within ``headerLimits``.
    /// - Throws: ``CredentialsError/Code/malformedProof`` naming the problem.
    static func protectedHeader(_ text: String) throws -> JSONObject {
        let bytes = Array(text.utf8)
        guard bytes.count <= (headerLimits.maxBytes + 2) / 3 * 4 else {
            throw CredentialsError(
                .malformedProof, "the protected header is longer than \(headerLimits.maxBytes) bytes")
        }
        let decoded = try CompactJWS.decodePart(bytes[...], name: "protected header")
        let value: JSONValue
        do {
            value = try JSONValue(parsing: decoded, limits: headerLimits)
        } catch {
            throw CredentialsError(.malformedProof, "the protected header is not valid JSON: \(error)")
        }
        guard let object = value.objectValue else {
            throw CredentialsError(.malformedProof, "the protected header is not a JSON object")
        }
        return object
    }

    /// A date as the messages show it: `2024-01-01T00:00:00Z`.
    static func text(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
