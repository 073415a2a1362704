import LinkedData

/// A key pair in the Multikey format of Controlled Identifiers v1.0 (section 2.2.2), with the
/// verification method id and controller it is published under.
public struct Multikey: Sendable {
    public static let context = "https://w3id.org/security/multikey/v1"

    /// The verification method id, e.g. `did:key:z6Mk…#z6Mk…`.
    public var id: String
    /// Who controls the key, e.g. the `did:key` DID or an institution's `did:web`.
    public var controller: String
    /// The public key.
    public var publicKey: PublicKey
    /// The secret key, when this is a key pair and not only a public key.
    public var secretKey: SigningKey?

    public init(id: String, controller: String, publicKey: PublicKey, secretKey: SigningKey? = nil) {
        self.id = id
        self.controller = controller
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// A key pair published under its own `did:key`.
    public init(didKeyFor key: SigningKey) {
        let did = DIDKey.did(for: key.publicKey)
        self.init(id: did + "#" + key.publicKey.multibase, controller: did, publicKey: key.publicKey, secretKey: key)
    }

    /// The Multikey JSON document; the secret is included only when `includeSecret` is set.
    public func json(includeSecret: Bool) -> JSONValue {
        var object: JSONObject = [
            "@context": .string(Multikey.context),
            "id": .string(id),
            "type": "Multikey",
            "controller": .string(controller),
            "publicKeyMultibase": .string(publicKey.multibase),
        ]
        if includeSecret, let secretKey { object["secretKeyMultibase"] = .string(secretKey.multibase) }
        return .object(object)
    }

    /// Reads a key file: a Multikey document, or the `publicKeyMultibase` / `privateKeyMultibase`
    /// pair the W3C test vectors use, or a JWK (`OKP` Ed25519, `EC` P-256/P-384/P-521 or `RSA`, with
    /// `d` for the secret; see ``JWK``).
    ///
    /// When the file names no `id`, the key is published under its own `did:key`.
    /// - Throws: ``CredentialsError`` naming what is missing or inconsistent.
    public init(json: JSONValue) throws {
        guard let object = json.objectValue else {
            throw CredentialsError(.invalidKey, "a key file must hold a JSON object, found \(json.typeName)")
        }
        if let type = object["type"]?.stringValue, type != "Multikey", object["publicKeyJwk"] == nil,
            object["kty"] == nil, object["secretKeyJwk"] == nil, type != "JsonWebKey", type != "JsonWebKey2020",
            type != "Ed25519VerificationKey2020"
        {
            throw CredentialsError(.unsupportedKeyType, "key type \"\(type)\" is not supported (expected Multikey or a JWK)")
        }
        var secret: SigningKey? = nil
        var publicKey: PublicKey? = nil
        if let value = object["secretKeyMultibase"] ?? object["privateKeyMultibase"] {
            guard let text = value.stringValue else {
                throw CredentialsError(.invalidKey, "secretKeyMultibase must be a string")
            }
            secret = try SigningKey(multibase: text)
        }
        if let value = object["publicKeyMultibase"] {
            guard let text = value.stringValue else {
                throw CredentialsError(.invalidKey, "publicKeyMultibase must be a string")
            }
            publicKey = try PublicKey(multibase: text)
        }
        let jwk = object["secretKeyJwk"] ?? object["publicKeyJwk"] ?? (object["kty"] != nil ? json : nil)
        if let jwk, secret == nil, publicKey == nil {
            let parsed = try JWK.keys(from: jwk)
            secret = parsed.secret
            publicKey = parsed.public
        }
        if let secret, let publicKey, secret.publicKey != publicKey {
            throw CredentialsError(.invalidKey, "the public key in the key file does not match its secret key")
        }
        guard let key = publicKey ?? secret?.publicKey else {
            throw CredentialsError(
                .invalidKey, "the key file has neither publicKeyMultibase nor secretKeyMultibase (nor a JWK)")
        }
        let controller = object["controller"]?.stringValue ?? DIDKey.did(for: key)
        var id = object["id"]?.stringValue ?? (DIDKey.did(for: key) + "#" + key.multibase)
        if id.hasPrefix("#") { id = controller + id }
        self.init(id: id, controller: controller, publicKey: key, secretKey: secret)
    }
}
