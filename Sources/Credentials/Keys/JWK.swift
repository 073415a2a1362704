import LinkedData

/// JSON Web Keys (RFC 7517, RFC 8037) for the key types Mochila handles.
public enum JWK {
    /// Reads an `OKP`/`Ed25519` or `EC`/`P-256` JWK; `d`, when present, is the secret key.
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
        case ("EC", "P-256"):
            let x = try member("x")
            let y = try member("y")
            guard x.count == 32, y.count == 32 else {
                throw CredentialsError(.invalidKey, "a P-256 JWK's x and y must be 32 bytes each")
            }
            let publicKey = try PublicKey(type: .p256, rawRepresentation: [0x04] + x + y)
            let secret = object["d"] != nil ? try SigningKey(type: .p256, secretBytes: try member("d")) : nil
            return (publicKey, secret)
        default:
            throw CredentialsError(
                .unsupportedKeyType, "JWK kty \"\(kty)\" with crv \"\(crv)\" is not supported (expected OKP/Ed25519 or EC/P-256)")
        }
    }
}
