import LinkedData

/// What ``VCJWT/verify(_:methods:now:leeway:limits:)`` found in a JWT-secured credential or
/// presentation.
///
/// A token that does not verify is a result, not an error: ``proof`` says why. The ``payload`` is
/// filled whenever the token could be read, so that a report can show what it claims; it is
/// trustworthy only when ``proof`` passed (see ``verifiedPayload``).
public struct JWTVerification: Sendable {
    /// The JOSE Header, when the token could be split and its header read.
    public var header: JSONObject?
    /// The JWT Claims Set as signed, when it could be read.
    public var claims: JSONObject?
    /// How the token secures its document, when its `typ` and claims said so.
    public var form: VCJWT.Form?
    /// The credential or presentation: for ``VCJWT/Form/credential`` and
    /// ``VCJWT/Form/presentation`` the claims themselves; for ``VCJWT/Form/openBadges`` the `vc`
    /// claim with `iss`, `nbf`, `jti`, `sub` and `exp` merged in as VC 1.1's JWT decoding says.
    public var payload: JSONObject?
    /// The securing mechanism's result (check ``CheckName/proof``): `passed` when the signature
    /// holds under a key obtained from the issuer (or holder); `failed` with the reason; `unknown`
    /// when no key could be obtained to check it.
    public var proof: CheckResult
    /// The token's own time claims (check ``CheckName/validity``): `exp` and `nbf` against "now".
    /// `skipped` when the token has neither. The credential's `validFrom`/`validUntil` are the
    /// caller's to check.
    public var validity: CheckResult
    /// The verification method whose key the signature was checked with.
    public var method: VerificationMethod?
    /// The document that lists ``method``, when it was obtained: the caller confirms with it that
    /// the key belongs to the issuer and is authorised for `assertionMethod`.
    public var document: DIDDocument?
    /// For a presentation, the credentials it envelops, in order; each is for the caller to verify.
    public var envelopedCredentials: [EnvelopedCredential]

    public init(
        header: JSONObject? = nil, claims: JSONObject? = nil, form: VCJWT.Form? = nil, payload: JSONObject? = nil,
        proof: CheckResult, validity: CheckResult = CheckResult(.validity, .unknown, Message("jwt.timesUnread")),
        method: VerificationMethod? = nil, document: DIDDocument? = nil, envelopedCredentials: [EnvelopedCredential] = []
    ) {
        self.header = header
        self.claims = claims
        self.form = form
        self.payload = payload
        self.proof = proof
        self.validity = validity
        self.method = method
        self.document = document
        self.envelopedCredentials = envelopedCredentials
    }

    /// The payload when the proof passed, else `nil`: claims without integrity protection are to
    /// be ignored (VC-JOSE-COSE, section 3.1.1).
    public var verifiedPayload: JSONObject? {
        proof.status == .passed ? payload : nil
    }
}

/// A credential enveloped in a presentation (VC Data Model 2.0, section 4.13.1): an
/// `EnvelopedVerifiableCredential` whose `id` is a `data:` URL holding a secured credential.
public struct EnvelopedCredential: Sendable, Hashable {
    /// The media types of secured credentials (VC-JOSE-COSE, sections 3.1.1, 3.2.1 and 3.3.1).
    public static let mediaTypes: Set<String> = ["application/vc+jwt", "application/vc+sd-jwt", "application/vc+cose"]

    /// The media type, lowercased: `application/vc+jwt`, `application/vc+sd-jwt` or `application/vc+cose`.
    public var mediaType: String
    /// The data after the comma: a compact JWS or SD-JWT, or base64 COSE.
    public var data: String

    /// Reads a `data:` URL (RFC 2397) of a secured credential; `nil` for anything else.
    public init?(dataURL: String) {
        guard dataURL.hasPrefix("data:"), let comma = dataURL.firstIndex(of: ",") else { return nil }
        let metadata = dataURL[dataURL.index(dataURL.startIndex, offsetBy: 5)..<comma]
        let parameters = metadata.split(separator: ";", omittingEmptySubsequences: false)
        let mediaType = String(parameters.first ?? "").lowercased()
        let data = String(dataURL[dataURL.index(after: comma)...])
        guard EnvelopedCredential.mediaTypes.contains(mediaType), !data.isEmpty else { return nil }
        self.mediaType = mediaType
        self.data = data
    }
}
