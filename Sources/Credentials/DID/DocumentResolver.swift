import LinkedData

/// Fetches the documents verification needs: DID documents, controller documents, status lists.
///
/// Verification never reaches for the network itself; the caller passes a resolver: preloaded
/// files for offline use, the server's own store, or an HTTP client at the edge.
public protocol DocumentResolver: Sendable {
    /// The document at `url` (a URL or a DID), or `nil` when this resolver does not have it.
    /// - Throws: when the document exists but could not be read or parsed.
    func document(at url: String) async throws -> JSONValue?
}

/// A resolver over documents given up front, as `mochila verify --document URL=FILE` provides.
public struct PreloadedDocuments: DocumentResolver {
    public var documents: [String: JSONValue]

    public init(_ documents: [String: JSONValue] = [:]) {
        self.documents = documents
    }

    public func document(at url: String) async throws -> JSONValue? {
        documents[url] ?? documents[DIDURL.did(of: url)]
    }
}

/// Tries resolvers in order and returns the first document found.
public struct ChainedResolver: DocumentResolver {
    public var resolvers: [any DocumentResolver]

    public init(_ resolvers: [any DocumentResolver]) {
        self.resolvers = resolvers
    }

    public func document(at url: String) async throws -> JSONValue? {
        for resolver in resolvers {
            if let document = try await resolver.document(at: url) { return document }
        }
        return nil
    }
}

/// Dereferences verification methods and controller documents.
///
/// `did:key` resolves locally; any other DID or URL goes to the injected ``DocumentResolver``.
public struct VerificationMethodResolver: Sendable {
    public var documents: any DocumentResolver

    public init(documents: any DocumentResolver) {
        self.documents = documents
    }

    /// The controller document of `id` (a DID or a controller document URL), or `nil` when it
    /// cannot be obtained.
    /// - Throws: when the document was found but is malformed.
    public func controllerDocument(_ id: String) async throws -> DIDDocument? {
        let base = DIDURL.did(of: id)
        if base.hasPrefix("did:key:") { return try DIDKey.document(for: base) }
        var json = try await documents.document(at: base)
        if json == nil, base.hasPrefix("did:web:") {
            // A did:web document lives at an HTTPS URL derived from the DID.
            json = try await documents.document(at: try DIDWeb.documentURL(for: base))
        }
        guard let json else { return nil }
        let document = try DIDDocument(json: json)
        // A document only speaks for the identifier it was fetched for.
        guard document.id == base else {
            throw CredentialsError(.resolution, "the document fetched for \(base) is the document of \(document.id)")
        }
        return document
    }

    /// The verification method `id` and the document that lists it, or `nil` when neither the
    /// method nor its controller document can be obtained.
    /// - Throws: when a document was found but is malformed, or does not list the method.
    public func verificationMethod(_ id: String) async throws -> (method: VerificationMethod, document: DIDDocument?)? {
        if let document = try await controllerDocument(id) {
            if let method = document.method(id) { return (method, document) }
            // Note: a bare `did:key` DID names its one key; 1EdTech's validator and others sign
            // with it as the verification method, so it dereferences to that key.
            if id.hasPrefix("did:key:"), id == document.id, document.verificationMethods.count == 1 {
                return (document.verificationMethods[0], document)
            }
            throw CredentialsError(.resolution, "the document \(document.id) does not list the verification method \(id)")
        }
        // A verification method published on its own (a Multikey document at its own URL).
        if let json = try await documents.document(at: id), json["publicKeyMultibase"] != nil || json["publicKeyJwk"] != nil {
            return (try VerificationMethod(json: json), nil)
        }
        return nil
    }
}
