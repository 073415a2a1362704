import Crypto
import LinkedData
import _CryptoExtras

/// JSON Web Keys (RFC 7517, RFC 7518 section 6, RFC 8037) for the key types Mochila handles.
public enum JWK {
    /// Reads an `OKP`/`Ed25519`, `EC`/`P-256`, `EC`/`P-384`, `EC`/`P-521` or `RSA` JWK; `d`
    /// (with `p` and `q` for RSA), when present, is the secret key.
    /// - Throws: ``CredentialsError`` naming an unsupported `kty`/`crv` or a malformed member.
    public static func keys(from json: JSONValue) throws -> (public: PublicKey, secret: SigningKey?) {
        guard let object = json.objectValue else {
            throw CredentialsError(.invalidKey, "a JWK must be a JSON object")
        }
        func member(_ name: String) throws -> [UInt8] {
            guard let text = object[name]?.stringValue else {
                throw CredentialsError(.invalidKey, "the JWK has no \"\(name)\" member")
            }
            return try Base64URL.decode(text)
        }
        let kty = object["kty"]?.stringValue ?? ""
        let crv = object["crv"]?.stringValue ?? ""
        switch (kty, crv) {
        case ("OKP", "Ed25519"):
            let publicKey = try PublicKey(type: .ed25519, rawRepresentation: try member("x"))
            let secret = object["d"] != nil ? try SigningKey(type: .ed25519, secretBytes: try member("d")) : nil
            return (publicKey, secret)
        case ("EC", "P-256"), ("EC", "P-384"), ("EC", "P-521"):
            let type = KeyType(rawValue: crv)!
            let size = coordinateSize(type)
            let x = try member("x")
            let y = try member("y")
            guard x.count == size, y.count == size else {
                throw CredentialsError(.invalidKey, "a \(crv) JWK's x and y must be \(size) bytes each")
            }
            let publicKey = try PublicKey(type: type, rawRepresentation: [0x04] + x + y)
            let secret = object["d"] != nil ? try SigningKey(type: type, secretBytes: try member("d")) : nil
            return (publicKey, secret)
        case ("RSA", _):
            let n = try member("n")
            let e = try member("e")
            guard let key = try? _RSA.Signing.PublicKey(n: n, e: e) else {
                throw CredentialsError(.invalidKey, "the RSA JWK is not a valid public key of 2048 bits or more")
            }
            let publicKey = try PublicKey(type: .rsa, rawRepresentation: Array(key.pkcs1DERRepresentation))
            var secret: SigningKey? = nil
            if object["d"] != nil {
                guard let privateKey = try? _RSA.Signing.PrivateKey(n: n, e: e, d: try member("d"), p: try member("p"), q: try member("q"))
                else {
                    throw CredentialsError(.invalidKey, "the RSA JWK's d, p and q are not a valid private key")
                }
                secret = try SigningKey(type: .rsa, secretBytes: Array(privateKey.derRepresentation))
            }
            return (publicKey, secret)
        default:
            throw CredentialsError(
                .unsupportedKeyType,
                "JWK kty \"\(kty)\" with crv \"\(crv)\" is not supported (expected OKP/Ed25519, EC/P-256, EC/P-384, EC/P-521 or RSA)")
        }
    }

    /// The public JWK of a key, with only the members RFC 7638 requires, in lexicographic order:
    /// `crv`, `kty`, `x` (and `y`) for the curves; `e`, `kty`, `n` for RSA.
    public static func json(for key: PublicKey) -> JSONObject {
        switch key.type {
        case .ed25519:
            return ["crv": "Ed25519", "kty": "OKP", "x": .string(Base64URL.encode(key.rawRepresentation))]
        case .p256, .p384, .p521:
            let point = uncompressedPoint(key)
            let size = coordinateSize(key.type)
            return [
                "crv": .string(key.type.rawValue), "kty": "EC",
                "x": .string(Base64URL.encode(point[1..<(1 + size)])),
                "y": .string(Base64URL.encode(point[(1 + size)...])),
            ]
        case .rsa:
            // The key was checked when it was made, so its primitives can be read.
            let primitives = try! _RSA.Signing.PublicKey(derRepresentation: key.rawRepresentation).getKeyPrimitives()
            return [
                "e": .string(Base64URL.encode(primitives.publicExponent)), "kty": "RSA",
                "n": .string(Base64URL.encode(primitives.modulus)),
            ]
        }
    }

    /// The key's JWK Thumbprint (RFC 7638): base64url(SHA-256(the required members in canonical
    /// JSON)), as JOSE issuers often use for `kid`.
    public static func thumbprint(of key: PublicKey) -> String {
        // RFC 7638 section 3.2: the members sorted, no whitespace; the values are base64url and
        // fixed names, so JCS (RFC 8785) writes exactly that form.
        Base64URL.encode(Array(SHA256.hash(data: JCS.canonicalize(.object(json(for: key))))))
    }

    /// The byte length of one coordinate (and of the secret scalar) of a NIST curve key.
    static func coordinateSize(_ type: KeyType) -> Int {
        switch type {
        case .p384: return 48
        case .p521: return 66
        default: return 32
        }
    }

    /// The SEC 1 uncompressed point 0x04 ‖ x ‖ y of a NIST curve key.
    static func uncompressedPoint(_ key: PublicKey) -> [UInt8] {
        // The key was checked when it was made, so it decompresses.
        switch key.type {
        case .p384: return Array(try! P384.Signing.PublicKey(compressedRepresentation: key.rawRepresentation).x963Representation)
        case .p521: return Array(try! P521.Signing.PublicKey(compressedRepresentation: key.rawRepresentation).x963Representation)
        default: return Array(try! P256.Signing.PublicKey(compressedRepresentation: key.rawRepresentation).x963Representation)
        }
    }
}
