import LinkedData

/// Europass European Digital Credentials (ELM 3) as learners bring them: unsigned JSON-LD, or
/// sealed with a JAdES signature in the JWS JSON serialization (RFC 7515 section 7.2).
///
/// The European Commission's signed samples (European-Learning-Model, `Credentials/JSON-LD
/// Examples (ELM v3)/`) are JWS JSON general serializations with an unencoded payload (RFC 7797):
/// `{"payload": "<the EDC as a string>", "signatures": [{"protected", "header", "signature"}]}`.
/// The flattened serialization (`protected`, `header` and `signature` beside `payload`) is read
/// too. The compact form with a detached payload (`protected..signature`) is not: it carries no
/// credential to show.
public enum EuropassInput {
    /// The largest input read, in bytes: an EDC with its images and its seal's certificates.
    public static let maxBytes = 8 << 20
    /// Limits on the JSON of the input and of the payload it wraps.
    static let limits = JSONLimits(maxBytes: maxBytes, maxDepth: 64, maxStringBytes: maxBytes)
    /// The JSON-LD context of the EDC application profile.
    static let context = "http://data.europa.eu/snb/model/context/edc-ap"

    /// Whether the bytes are a European Digital Credential, unsigned or sealed.
    ///
    /// True for a JSON object whose `type` includes `EuropeanDigitalCredential` or whose
    /// `@context` includes the EDC context, and for a JWS in the JSON serialization whose payload
    /// is such an object. Input over ``maxBytes`` is refused without being parsed.
    public static func isEuropass(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= maxBytes, let value = try? JSONValue(parsing: bytes, limits: limits) else { return false }
        // Any JWS JSON form: the verifier, not detection, says which forms it reads.
        if let payload = value["payload"]?.stringValue, value["signatures"] != nil || value["signature"] != nil {
            return EuropassSeal.decode(payload).0.map(isEDC) ?? false
        }
        return isEDC(value)
    }

    /// What the input holds once read as JSON.
    enum Envelope {
        /// A JSON object without a seal: an EDC, or not.
        case unsigned(JSONValue)
        /// A JWS in the JSON serialization, read but not verified.
        case sealed(EuropassSeal)
    }

    /// Reads the input as JSON and tells a JWS from a plain document.
    /// - Returns: the envelope, or the reason the format check fails.
    static func read(_ bytes: [UInt8]) -> Result<Envelope, Message> {
        guard bytes.count <= maxBytes else {
            return .failure(Message("europass.format.tooLarge", "\(bytes.count)", "\(maxBytes)"))
        }
        if CredentialVerifier.looksLikeJWT(bytes) {
            return .failure(Message("europass.format.compact"))
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes, limits: limits)
        } catch {
            return .failure(Message("europass.format.notJSON", "\(error)"))
        }
        guard let object = value.objectValue else { return .failure(Message("europass.format.notEDC")) }
        guard object["payload"] != nil else { return .success(.unsigned(value)) }
        return EuropassSeal.read(object).map { .sealed($0) }
    }

    /// Whether a document declares itself an EDC, by its `type` or its `@context`.
    public static func isEDC(_ document: JSONValue) -> Bool {
        guard document.objectValue != nil else { return false }
        if document["type"]?.asArray.contains(.string("EuropeanDigitalCredential")) == true { return true }
        return (document["@context"]?.asArray ?? []).contains {
            guard let url = $0.stringValue else { return false }
            return url == context || url == "https" + context.dropFirst(4)
        }
    }
}

/// A JAdES seal in the JWS JSON serialization (RFC 7515 section 7.2), read but not verified.
///
/// The members are kept as given: the signing input is `ASCII(protected) ‖ '.' ‖ payload` both
/// when the payload is unencoded (RFC 7797, `"b64": false`) and when it is base64url, because the
/// JSON serialization carries the payload exactly as it is signed.
struct EuropassSeal {
    /// The `payload` member, as signed.
    let payload: String
    /// The `protected` member: base64url of the protected header's JSON.
    let protected: String
    /// The unprotected `header` member (JAdES puts `etsiU` there).
    let header: JSONObject
    /// The `signature` member, base64url.
    let signature: String
    /// The EDC the payload holds, when it is JSON.
    let document: JSONValue?
    /// Whether ``document`` was read from base64url (`b64` true) rather than from the text as is.
    let payloadEncoded: Bool

    /// `ASCII(BASE64URL(protected)) ‖ '.' ‖ payload` (RFC 7515 section 5.1, step 5; RFC 7797 section 3).
    var signingInput: [UInt8] { Array(protected.utf8) + [UInt8(ascii: ".")] + Array(payload.utf8) }

    /// Reads the general serialization with one signature, or the flattened one.
    /// - Returns: the seal, or why the form is not one Mochila reads (a format failure).
    static func read(_ jws: JSONObject) -> Result<EuropassSeal, Message> {
        guard let payload = jws["payload"]?.stringValue else {
            return .failure(Message("europass.format.jwsForm", "payload is not a string"))
        }
        let entry: JSONObject
        switch (jws["signatures"], jws["signature"]) {
        case (.array(let signatures)?, nil):
            // 7.2.1: one signature per entry; a seal is one signature.
            guard signatures.count == 1, let only = signatures[0].objectValue else {
                return .failure(Message("europass.format.jwsForm", "\(signatures.count) signatures instead of one"))
            }
            guard jws["protected"] == nil, jws["header"] == nil else {
                return .failure(Message("europass.format.jwsForm", "general and flattened members mixed"))
            }
            entry = only
        case (nil, .string?):
            entry = jws  // 7.2.2: the flattened serialization.
        default:
            return .failure(Message("europass.format.jwsForm", "neither one signatures array nor one signature"))
        }
        guard let protected = entry["protected"]?.stringValue, let signature = entry["signature"]?.stringValue else {
            return .failure(Message("europass.format.jwsForm", "protected and signature must be strings"))
        }
        var header = JSONObject()
        if let value = entry["header"] {
            guard let object = value.objectValue else {
                return .failure(Message("europass.format.jwsForm", "header is not an object"))
            }
            header = object
        }
        let (document, encoded) = decode(payload)
        return .success(
            EuropassSeal(
                payload: payload, protected: protected, header: header, signature: signature, document: document,
                payloadEncoded: encoded))
    }

    /// The payload as JSON: the text itself when unencoded, else its base64url decoding.
    static func decode(_ payload: String) -> (JSONValue?, Bool) {
        if let value = try? JSONValue(parsing: Array(payload.utf8), limits: EuropassInput.limits) {
            return (value, false)
        }
        let bytes = Array(payload.utf8)
        guard let decoded = try? CompactJWS.decodePart(bytes[...], name: "payload"),
            let value = try? JSONValue(parsing: decoded, limits: EuropassInput.limits)
        else { return (nil, false) }
        return (value, true)
    }
}
