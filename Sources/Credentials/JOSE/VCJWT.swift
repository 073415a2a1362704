import Foundation
import LinkedData

/// Credentials and presentations secured as JWTs, in two forms:
///
/// - VC-JOSE-COSE ("Securing Verifiable Credentials using JOSE and COSE", W3C Recommendation
///   2025, section 3.1): the JWT Claims Set *is* the VC 2.0 credential (`typ` `vc+jwt`, `cty` `vc`)
///   or presentation (`vp+jwt`, `vp`), and holds no `vc` or `vp` claim.
/// - Open Badges 3.0's VC-JWT ("JSON Web Token Proof Format", OB 3.0 section 8.2, after VC Data
///   Model 1.1 section 6.3.1): the credential is the `vc` claim, beside `iss`, `nbf`, `jti`, `sub`
///   and `exp`; `typ`, when present, is `JWT`.
///
/// Verification never takes the key from the token: `jwk`, `x5c`, `jku` and `x5u` headers are
/// ignored, and `kid` is looked up through the issuer's (or holder's) DID or controller document
/// (see ``discoverKeys(header:signer:algorithm:form:methods:)``). `alg: none`, HMAC and any
/// algorithm that does not match the key's type are refused (RFC 8725 sections 2.1 and 3.1).
public enum VCJWT {
    /// How a token secures its document.
    public enum Form: String, Sendable, Hashable, CaseIterable {
        /// A VC 2.0 credential as the JWT Claims Set (`typ` `vc+jwt`).
        case credential = "vc+jwt"
        /// A VC 2.0 presentation as the JWT Claims Set (`typ` `vp+jwt`).
        case presentation = "vp+jwt"
        /// Open Badges 3.0 / VC 1.1: the credential in the `vc` claim (`typ` `JWT`, or none).
        case openBadges = "JWT"

        /// The `cty` the form's tokens carry (`vc`, `vp`), or `nil` for the Open Badges form.
        var contentType: String? {
            switch self {
            case .credential: return "vc"
            case .presentation: return "vp"
            case .openBadges: return nil
            }
        }
    }

    static let vc2Context = "https://www.w3.org/ns/credentials/v2"

    // MARK: - signing

    /// Secures a credential or presentation as a compact JWS.
    ///
    /// For ``Form/credential`` and ``Form/presentation`` the header is `{"alg", "kid", "typ",
    /// "cty"}` and the payload is the document itself (with `iat`/`exp` when given); for
    /// ``Form/openBadges`` the header is `{"alg", "kid", "typ": "JWT"}` and the payload is `vc`
    /// with `iss`, `nbf`, `jti`, `sub` and `exp` taken from the credential (OB 3.0 section 8.2.3).
    /// The algorithm follows the key: `EdDSA`, `ES256`, `ES384`, `ES512` or `RS256`.
    /// - Parameters:
    ///   - document: the unsecured credential or presentation.
    ///   - keyID: the `kid`: the absolute URL of the verification method (a DID URL such as
    ///     `did:web:uni.example#key-1`), as VC-JOSE-COSE section 6.3 requires when `iss` is absent.
    ///   - form: the form; by default ``Form/presentation`` when the document's `type` includes
    ///     `VerifiablePresentation`, else ``Form/credential``.
    ///   - issuedAt: when set, the `iat` claim (the time of the signature, not of the credential).
    ///   - expires: when set, the `exp` claim (the signature's expiry; VC 2.0 forms only).
    /// - Throws: ``CredentialsError/Code/proofGeneration`` when the document cannot be secured in
    ///   that form (a VC 1.1 context in a `vc+jwt`, a `vc` member, a relative `kid`…).
    public static func sign(
        _ document: JSONObject, key: SigningKey, keyID: String, form: Form? = nil, issuedAt: Date? = nil,
        expires: Date? = nil
    ) throws -> String {
        guard isAbsoluteURL(keyID) else {
            throw CredentialsError(.proofGeneration, "the kid must be the absolute URL of a verification method, not \"\(keyID)\"")
        }
        let types = VCJWT.types(of: document)
        let form = form ?? (types.contains("VerifiablePresentation") ? .presentation : .credential)
        var header: JSONObject = ["kid": .string(keyID), "typ": .string(form.rawValue)]
        var claims: JSONObject
        switch form {
        case .credential, .presentation:
            guard document["@context"]?.asArray.first?.stringValue == vc2Context else {
                throw CredentialsError(
                    .proofGeneration, "\(form.rawValue) secures VC 2.0 documents: the first @context must be \(vc2Context)")
            }
            guard document["vc"] == nil, document["vp"] == nil else {
                throw CredentialsError(.proofGeneration, "a \(form.rawValue) payload must not have \"vc\" or \"vp\" members")
            }
            let expected = form == .credential ? "VerifiableCredential" : "VerifiablePresentation"
            guard types.contains(expected) else {
                throw CredentialsError(.proofGeneration, "a \(form.rawValue) payload's type must include \(expected)")
            }
            header["cty"] = form.contentType.map { .string($0) }
            claims = document
            if let expires { claims["exp"] = numericDate(expires) }
        case .openBadges:
            guard expires == nil else {
                throw CredentialsError(
                    .proofGeneration, "an Open Badges JWT expires with its credential (exp comes from expirationDate or validUntil)")
            }
            claims = try openBadgesClaims(for: document)
        }
        if let issuedAt { claims["iat"] = numericDate(issuedAt) }
        return try CompactJWS.sign(
            header: header, payload: JSONValue.object(claims).serialized(), algorithm: JOSEAlgorithm(keyType: key.type),
            key: key)
    }

    // MARK: - verification

    /// Verifies a JWT-secured credential or presentation, in either form.
    ///
    /// Follows RFC 7515 section 5.2 and RFC 7519 section 7.2: the token is split and decoded
    /// strictly; `alg` must be one of ``JOSEAlgorithm`` and `crit` absent; `typ` and `cty` must
    /// name the form; the claims must agree with the document (`iss` with `issuer`, and for the
    /// Open Badges form `jti`, `sub`, `nbf` and `exp` too); the key is found from `kid` and the
    /// issuer; and the signature is checked with that key only if its type is the algorithm's.
    /// - Parameters:
    ///   - token: the compact JWS; surrounding whitespace is ignored.
    ///   - methods: where verification methods and controller documents come from.
    ///   - now: the instant `exp` and `nbf` are checked against.
    ///   - leeway: tolerated clock difference for `exp` and `nbf`, in seconds.
    ///   - limits: the largest token, header and payload accepted.
    public static func verify(
        _ token: String, methods: VerificationMethodResolver, now: Date, leeway: TimeInterval = 0,
        limits: JWSLimits = .credential
    ) async -> JWTVerification {
        var result = JWTVerification(proof: CheckResult(.proof, .failed, Message("jwt.malformed", "")))
        func failed(_ message: Message) -> JWTVerification {
            var copy = result
            copy.proof = CheckResult(.proof, .failed, message)
            return copy
        }
        // RFC 7515 5.2 (1)-(7): split and decode.
        let jws: CompactJWS
        do {
            jws = try CompactJWS(parsing: token.trimmingCharacters(in: .whitespacesAndNewlines), limits: limits)
        } catch {
            return failed(Message("jwt.malformed", (error as? CredentialsError)?.message ?? "\(error)"))
        }
        result.header = jws.header
        // 5.2 (5): every header parameter the token relies on must be understood.
        guard let algorithmName = jws.algorithmName else {
            return failed(Message("jwt.malformed", "the JOSE Header has no \"alg\" string"))
        }
        if algorithmName.lowercased() == "none" { return failed(Message("jwt.unsecured")) }
        guard let algorithm = JOSEAlgorithm(headerValue: algorithmName) else {
            return failed(Message("jwt.algorithm", algorithmName))
        }
        if let critical = jws.header["crit"] {
            // Note: Mochila understands no JWS extension (RFC 7515 4.1.11), so any `crit` fails.
            let names = critical.asArray.map { $0.stringValue ?? $0.typeName }.joined(separator: ", ")
            return failed(Message("jwt.critical", names.isEmpty ? "—" : names))
        }
        // RFC 7519 7.2 (10): the payload is the JWT Claims Set, a JSON object.
        let claims: JSONObject
        do {
            guard let object = try JSONValue(parsing: jws.payload, limits: limits.payload).objectValue else {
                return failed(Message("jwt.malformed", "the payload is not a JSON object"))
            }
            claims = object
        } catch {
            return failed(Message("jwt.malformed", "the payload is not valid JSON: \(error)"))
        }
        result.claims = claims
        result.validity = checkTimes(claims, now: now, leeway: leeway)
        // The form (typ, cty), and the document it secures.
        let form: Form
        switch readForm(header: jws.header, claims: claims) {
        case .success(let value): form = value
        case .failure(let reason): return failed(reason.message)
        }
        result.form = form
        let document: (payload: JSONObject, signer: String?)
        switch securedDocument(of: claims, form: form) {
        case .success(let value): document = value
        case .failure(let reason): return failed(reason.message)
        }
        result.payload = document.payload
        if form == .presentation {
            switch envelopedCredentials(of: document.payload) {
            case .success(let credentials): result.envelopedCredentials = credentials
            case .failure(let reason): return failed(reason.message)
            }
        }
        // The key, from the issuer or holder, never from the header; then the signature.
        switch await discoverKeys(header: jws.header, signer: document.signer, algorithm: algorithm, form: form, methods: methods) {
        case .unknown(let message):
            result.proof = CheckResult(.proof, .unknown, message)
            return result
        case .failed(let message, let method, let controller):
            result.method = method
            result.document = controller
            return failed(message)
        case .candidates(let candidates):
            for candidate in candidates
            where algorithm.isValidSignature(jws.signature, for: jws.signingInput, key: candidate.method.publicKey) {
                result.method = candidate.method
                result.document = candidate.document
                result.proof = CheckResult(.proof, .passed, Message("jwt.passed", algorithm.rawValue, candidate.method.id))
                return result
            }
            if candidates.count == 1 {
                result.method = candidates[0].method
                result.document = candidates[0].document
            }
            return failed(Message("jwt.signature"))
        }
    }

    // MARK: - helpers

    /// A reason verification stopped, as an error so that `Result` can carry it.
    struct Refusal: Error {
        var message: Message
        init(_ key: String, _ arguments: String...) { message = Message(key: key, arguments: arguments) }
    }

    /// The `type` values of a document, as strings.
    static func types(of document: JSONObject) -> [String] {
        document["type"]?.asArray.compactMap(\.stringValue) ?? []
    }

    /// A date as a NumericDate (RFC 7519 section 2): whole seconds since 1970, when it has no fraction.
    static func numericDate(_ date: Date) -> JSONValue {
        .number(date.timeIntervalSince1970.rounded(.down))
    }

    /// Whether a text is an absolute URL: a scheme (RFC 3986 section 3.1), a colon, and more.
    static func isAbsoluteURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex
        else { return false }
        let scheme = text[..<colon]
        return scheme.first!.isASCII && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
            && !text.contains(where: \.isWhitespace)
    }
}
