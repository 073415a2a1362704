import LinkedData

extension VCJWT {
    /// The keys a signature may be checked with, or why there are none.
    enum KeyDiscovery {
        /// Keys from the issuer's (or holder's) documents, each of the algorithm's key type.
        case candidates([(method: VerificationMethod, document: DIDDocument?)])
        /// No document could be obtained: the signature cannot be checked either way.
        case unknown(Message)
        /// A document was obtained but gives no usable key, or the key is of the wrong type.
        case failed(Message, VerificationMethod?, DIDDocument?)
    }

    /// The most keys tried when a token names none (`kid` absent).
    static let maxCandidates = 8

    /// VC-JOSE-COSE section 6, "Key Discovery", with the key always coming from a resolver.
    ///
    /// - An absolute `kid` (a DID URL, or a URL listed in a controller document) is dereferenced.
    /// - A relative `kid` (`#key-1`) is resolved against the signer (`iss`, `issuer` or `holder`).
    /// - Any other `kid`, such as a JWK Thumbprint (RFC 7638) or a thumbprint URI (RFC 9278),
    ///   names a method of the signer's document: by id, by fragment, or by thumbprint (6.1.2:
    ///   "If kid is also present … it is used to distinguish the specific key used").
    /// - Without `kid`, the signer's methods for the form's purpose (`assertionMethod` for
    ///   credentials, `authentication` for presentations) of the algorithm's key type are tried.
    ///
    /// Note: a `jwk`, `x5c`, `jku` or `x5u` header is never used: a key the token brings along
    /// proves only that someone holds it, not that the issuer does (RFC 8725 3.10).
    static func discoverKeys(
        header: JSONObject, signer: String?, algorithm: JOSEAlgorithm, form: Form, methods: VerificationMethodResolver
    ) async -> KeyDiscovery {
        let thumbprintURI = "urn:ietf:params:oauth:jwk-thumbprint:sha-256:"
        if let value = header["kid"] {
            guard let kid = value.stringValue, !kid.isEmpty else {
                return .failed(Message("jwt.malformed", "\"kid\" must be a non-empty string"), nil, nil)
            }
            if isAbsoluteURL(kid), !kid.hasPrefix(thumbprintURI) {
                return checked(await dereference(kid, methods: methods), algorithm: algorithm)
            }
            guard let signer else { return .failed(Message("jwt.noIssuer"), nil, nil) }
            if kid.hasPrefix("#") {
                return checked(await dereference(DIDURL.did(of: signer) + kid, methods: methods), algorithm: algorithm)
            }
            let controller: DIDDocument
            switch await controllerDocument(signer, methods: methods) {
            case .success(let document): controller = document
            case .failure(let failure): return failure.discovery
            }
            let name = kid.hasPrefix(thumbprintURI) ? String(kid.dropFirst(thumbprintURI.count)) : kid
            guard
                let method = controller.verificationMethods.first(where: {
                    $0.id == kid || fragment(of: $0.id) == kid || JWK.thumbprint(of: $0.publicKey) == name
                })
            else { return .failed(Message("jwt.kidNotListed", controller.id, kid), nil, controller) }
            return checked(.candidates([(method, controller)]), algorithm: algorithm)
        }
        // No kid: the signer's keys for this purpose.
        guard let signer else { return .failed(Message("jwt.noIssuer"), nil, nil) }
        let controller: DIDDocument
        switch await controllerDocument(signer, methods: methods) {
        case .success(let document): controller = document
        case .failure(let failure): return failure.discovery
        }
        let purpose = form == .presentation ? controller.authentication : controller.assertionMethod
        let usable = controller.verificationMethods.filter { purpose.contains($0.id) && $0.publicKey.type == algorithm.keyType }
        guard !usable.isEmpty else {
            return .failed(Message("jwt.noSuitableKey", controller.id, algorithm.rawValue), nil, controller)
        }
        return .candidates(usable.prefix(maxCandidates).map { ($0, controller) })
    }

    /// The verification method `id` and its document, through the resolver.
    static func dereference(_ id: String, methods: VerificationMethodResolver) async -> KeyDiscovery {
        do {
            guard let found = try await methods.verificationMethod(id) else {
                return .unknown(Message("jwt.keyUnknown", id))
            }
            return .candidates([(found.method, found.document)])
        } catch {
            return .failed(Message("jwt.keyResolution", id, (error as? CredentialsError)?.message ?? "\(error)"), nil, nil)
        }
    }

    /// The signer's DID or controller document.
    static func controllerDocument(_ signer: String, methods: VerificationMethodResolver) async -> Result<DIDDocument, KeyDiscoveryFailure> {
        do {
            guard let document = try await methods.controllerDocument(signer) else {
                return .failure(KeyDiscoveryFailure(.unknown(Message("jwt.keyUnknown", signer))))
            }
            return .success(document)
        } catch {
            return .failure(
                KeyDiscoveryFailure(
                    .failed(Message("jwt.keyResolution", signer, (error as? CredentialsError)?.message ?? "\(error)"), nil, nil)))
        }
    }

    /// A discovery that ended without keys, as an error so that `Result` can carry it.
    struct KeyDiscoveryFailure: Error {
        var discovery: KeyDiscovery
        init(_ discovery: KeyDiscovery) { self.discovery = discovery }
    }

    /// Refuses a named key whose type is not the algorithm's (RFC 8725 3.1): an `RS256` token is
    /// never checked with an Ed25519 key, whatever its signature bytes.
    static func checked(_ discovery: KeyDiscovery, algorithm: JOSEAlgorithm) -> KeyDiscovery {
        guard case .candidates(let found) = discovery, let first = found.first else { return discovery }
        guard first.method.publicKey.type == algorithm.keyType else {
            return .failed(
                Message("jwt.keyType", algorithm.rawValue, algorithm.keyType.rawValue, first.method.id, first.method.publicKey.type.rawValue),
                first.method, first.document)
        }
        return discovery
    }

    /// The fragment of a URL, without `#`.
    static func fragment(of url: String) -> String? {
        url.firstIndex(of: "#").map { String(url[url.index(after: $0)...]) }
    }
}
