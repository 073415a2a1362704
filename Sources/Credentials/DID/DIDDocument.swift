import LinkedData

/// A verification method: a public key, who controls it and its id.
public struct VerificationMethod: Sendable, Hashable {
    public var id: String
    public var type: String
    public var controller: String
    public var publicKey: PublicKey

    public init(id: String, type: String, controller: String, publicKey: PublicKey) {
        self.id = id
        self.type = type
        self.controller = controller
        self.publicKey = publicKey
    }

    /// Reads a verification method: `Multikey`, `Ed25519VerificationKey2020`, or `JsonWebKey(2020)`.
    /// - Parameter base: the document id that relative ids (`#key-1`) are resolved against.
    /// - Throws: ``CredentialsError`` naming what is missing or unsupported.
    public init(json: JSONValue, base: String? = nil) throws {
        guard let object = json.objectValue else {
            throw CredentialsError(.invalidDocument, "a verification method must be an object")
        }
        guard let rawID = object["id"]?.stringValue else {
            throw CredentialsError(.invalidDocument, "a verification method has no id")
        }
        let id = DIDDocument.absolute(rawID, base: base)
        let type = object["type"]?.stringValue ?? ""
        guard let controller = object["controller"]?.stringValue else {
            throw CredentialsError(.invalidDocument, "verification method \(id) has no controller")
        }
        let key: PublicKey
        if let multibase = object["publicKeyMultibase"]?.stringValue {
            key = try PublicKey(multibase: multibase)
        } else if let jwk = object["publicKeyJwk"] {
            key = try JWK.keys(from: jwk).public
        } else {
            throw CredentialsError(
                .invalidDocument, "verification method \(id) has neither publicKeyMultibase nor publicKeyJwk")
        }
        self.init(id: id, type: type, controller: DIDDocument.absolute(controller, base: base), publicKey: key)
    }

    /// The method as JSON, in Multikey form.
    public var json: JSONValue {
        [
            "id": .string(id), "type": .string(type), "controller": .string(controller),
            "publicKeyMultibase": .string(publicKey.multibase),
        ]
    }
}

/// A DID document or, more generally, a controlled identifier document (Controlled Identifiers
/// v1.0): who the subject is and which keys may act for it, for which purposes.
public struct DIDDocument: Sendable, Hashable {
    public var id: String
    public var verificationMethods: [VerificationMethod]
    /// Ids of the methods allowed to issue credentials (`assertionMethod`).
    public var assertionMethod: [String]
    /// Ids of the methods allowed to authenticate (`authentication`).
    public var authentication: [String]

    public init(
        id: String, verificationMethods: [VerificationMethod], assertionMethod: [String], authentication: [String]
    ) {
        self.id = id
        self.verificationMethods = verificationMethods
        self.assertionMethod = assertionMethod
        self.authentication = authentication
    }

    /// Reads a DID document or controlled identifier document.
    ///
    /// Methods listed in `verificationMethod` or embedded in a relationship are collected; a
    /// relationship entry that names a method by id is kept as that id.
    /// - Throws: ``CredentialsError/Code/invalidDocument`` naming the problem.
    public init(json: JSONValue) throws {
        guard let object = json.objectValue, let id = object["id"]?.stringValue else {
            throw CredentialsError(.invalidDocument, "a DID document must be an object with an id")
        }
        var methods: [VerificationMethod] = []
        for entry in object["verificationMethod"]?.asArray ?? [] {
            methods.append(try VerificationMethod(json: entry, base: id))
        }
        func relationship(_ name: String) throws -> [String] {
            var ids: [String] = []
            for entry in object[name]?.asArray ?? [] {
                if let reference = entry.stringValue {
                    ids.append(DIDDocument.absolute(reference, base: id))
                } else if entry.objectValue != nil {
                    let method = try VerificationMethod(json: entry, base: id)
                    methods.append(method)
                    ids.append(method.id)
                } else {
                    throw CredentialsError(.invalidDocument, "\(name) entries must be ids or verification methods")
                }
            }
            return ids
        }
        let assertion = try relationship("assertionMethod")
        let authentication = try relationship("authentication")
        self.init(id: id, verificationMethods: methods, assertionMethod: assertion, authentication: authentication)
    }

    /// The verification method with the given id, if the document lists it.
    public func method(_ id: String) -> VerificationMethod? {
        verificationMethods.first { $0.id == id }
    }

    /// The document as JSON, with the DID and Multikey contexts.
    public var json: JSONValue {
        [
            "@context": ["https://www.w3.org/ns/did/v1", .string(Multikey.context)],
            "id": .string(id),
            "verificationMethod": .array(verificationMethods.map(\.json)),
            "assertionMethod": .array(assertionMethod.map { .string($0) }),
            "authentication": .array(authentication.map { .string($0) }),
        ]
    }

    static func absolute(_ reference: String, base: String?) -> String {
        guard let base, reference.hasPrefix("#") else { return reference }
        return DIDURL.did(of: base) + reference
    }
}
