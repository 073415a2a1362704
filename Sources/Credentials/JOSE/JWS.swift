import LinkedData

/// Limits on what a compact JWS may hold, so that a hostile token fails before it costs much.
public struct JWSLimits: Sendable, Hashable {
    /// The longest token, in bytes.
    public var maxTokenBytes: Int
    /// Limits on the JOSE Header's JSON.
    public var header: JSONLimits
    /// Limits on the payload's JSON (the JWT Claims Set).
    public var payload: JSONLimits

    public init(
        maxTokenBytes: Int = 1_500_000, header: JSONLimits = JSONLimits(maxBytes: 16_384, maxDepth: 8, maxStringBytes: 16_384),
        payload: JSONLimits = .credential
    ) {
        self.maxTokenBytes = maxTokenBytes
        self.header = header
        self.payload = payload
    }

    /// The defaults for a credential: a 1 MiB payload, a 16 KiB header.
    public static let credential = JWSLimits()
}

/// A JWS in the compact serialization (RFC 7515 section 7.1), read but not yet verified.
///
/// Reading is strict: three parts, each unpadded base64url with nothing but the URL-safe alphabet
/// and no stray bits, and a header that is a JSON object with unique member names (RFC 7515
/// section 5.2, steps 1-4). The payload stays bytes; ``VCJWT`` reads it as a JWT Claims Set.
public struct CompactJWS: Sendable {
    /// The JOSE Header (all of it is protected in the compact serialization).
    public let header: JSONObject
    /// The payload, decoded.
    public let payload: [UInt8]
    /// The signature, decoded.
    public let signature: [UInt8]
    /// `ASCII(BASE64URL(header) ‖ '.' ‖ BASE64URL(payload))`: the bytes the signature covers.
    public let signingInput: [UInt8]

    /// Reads a compact JWS.
    /// - Throws: ``CredentialsError/Code/malformedProof`` naming the first problem found.
    public init(parsing text: String, limits: JWSLimits = .credential) throws {
        let bytes = Array(text.utf8)
        guard bytes.count <= limits.maxTokenBytes else {
            throw CredentialsError(
                .malformedProof, "the token is \(bytes.count) bytes, more than the limit of \(limits.maxTokenBytes)")
        }
        // 5.2 (1): three parts separated by two periods.
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw CredentialsError(
                .malformedProof, "a compact JWS has three parts separated by periods, found \(parts.count)")
        }
        // 5.2 (2)-(4): the header is base64url of a UTF-8 JSON object.
        guard parts[0].count <= (limits.header.maxBytes + 2) / 3 * 4 else {
            throw CredentialsError(.malformedProof, "the JOSE Header is longer than \(limits.header.maxBytes) bytes")
        }
        let headerBytes = try CompactJWS.decodePart(parts[0], name: "JOSE Header")
        let headerValue: JSONValue
        do {
            headerValue = try JSONValue(parsing: headerBytes, limits: limits.header)
        } catch {
            throw CredentialsError(.malformedProof, "the JOSE Header is not valid JSON: \(error)")
        }
        guard let header = headerValue.objectValue else {
            throw CredentialsError(.malformedProof, "the JOSE Header is not a JSON object")
        }
        // 5.2 (6)-(7): the payload and the signature.
        guard parts[1].count <= (limits.payload.maxBytes + 2) / 3 * 4 else {
            throw CredentialsError(.malformedProof, "the payload is longer than \(limits.payload.maxBytes) bytes")
        }
        self.header = header
        self.payload = try CompactJWS.decodePart(parts[1], name: "payload")
        self.signature = try CompactJWS.decodePart(parts[2], name: "signature")
        self.signingInput = Array(parts[0]) + [UInt8(ascii: ".")] + Array(parts[1])
    }

    /// The header's `alg`, when it is a string.
    public var algorithmName: String? { header["alg"]?.stringValue }

    /// Signs a header and a payload and writes the compact serialization (RFC 7515 section 5.1).
    ///
    /// The header's `alg` is set from `algorithm`; other members are written in their order.
    /// - Throws: ``CredentialsError/Code/proofGeneration`` when the key cannot sign with `algorithm`.
    public static func sign(
        header: JSONObject, payload: [UInt8], algorithm: JOSEAlgorithm, key: SigningKey
    ) throws -> String {
        var protected: JSONObject = ["alg": .string(algorithm.rawValue)]
        for (name, value) in header where name != "alg" { protected[name] = value }
        // 5.1 (1)-(4): the encoded payload and header; (5): the signature of their ASCII form.
        let encodedHeader = Base64URL.encode(JSONValue.object(protected).serialized())
        let encodedPayload = Base64URL.encode(payload)
        let signingInput = Array((encodedHeader + "." + encodedPayload).utf8)
        let signature = try algorithm.sign(signingInput, with: key)
        // 7.1: BASE64URL(header) ‖ '.' ‖ BASE64URL(payload) ‖ '.' ‖ BASE64URL(signature).
        return encodedHeader + "." + encodedPayload + "." + Base64URL.encode(signature)
    }

    /// Decodes one part: unpadded base64url (RFC 7515 section 2), whose unused trailing bits are zero.
    static func decodePart(_ part: ArraySlice<UInt8>, name: String) throws -> [UInt8] {
        guard part.count % 4 != 1 else {
            throw CredentialsError(.malformedProof, "the \(name) has an impossible base64url length")
        }
        var output: [UInt8] = []
        output.reserveCapacity(part.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for character in part {
            let value: UInt32
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(character - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(character - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(character - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "_"): value = 63
            default:
                throw CredentialsError(
                    .malformedProof, "the \(name) is not unpadded base64url (found '\(Character(Unicode.Scalar(character)))')")
            }
            buffer = buffer << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        guard buffer == 0 else {
            throw CredentialsError(.malformedProof, "the \(name) is not canonical base64url (stray trailing bits)")
        }
        return output
    }
}
