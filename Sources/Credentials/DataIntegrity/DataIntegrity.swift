import LinkedData

/// Adding and checking Data Integrity proofs (VC Data Integrity 1.0, section 4), shared by all
/// cryptosuites: proof sets, proof chains and the `@context` of proof configurations.
public enum DataIntegrity {
    /// The cryptosuites Mochila implements, by name.
    public static let cryptosuites: [String: any Cryptosuite] = [
        EdDSARDFC2022.identifier: EdDSARDFC2022(),
        EdDSAJCS2022.identifier: EdDSAJCS2022(),
        ECDSARDFC2019.identifier: ECDSARDFC2019(),
        ECDSAJCS2019.identifier: ECDSAJCS2019(),
    ]

    /// Proof types older than `DataIntegrityProof` that name their suite by type, still in the
    /// wild (Open Badges 3.0 issuers of the VC 1.1 era).
    public static let legacyProofTypes: [String: any Cryptosuite] = [
        Ed25519Signature2020.identifier: Ed25519Signature2020()
    ]

    /// The cryptosuite named `identifier`.
    /// - Throws: ``CredentialsError/Code/unsupportedCryptosuite`` for an unknown name.
    public static func cryptosuite(_ identifier: String) throws -> any Cryptosuite {
        guard let suite = cryptosuites[identifier] else {
            let known = cryptosuites.keys.sorted().joined(separator: ", ")
            throw CredentialsError(.unsupportedCryptosuite, "cryptosuite \"\(identifier)\" is not supported (supported: \(known))")
        }
        return suite
    }

    /// Adds a proof to `document` (4.2 Add Proof; 4.3 Add Proof Set/Chain when the document
    /// already has proofs).
    ///
    /// - Returns: the secured document: the input with the new proof appended to `proof`.
    /// - Throws: ``CredentialsError`` when the key does not fit the suite, or `previousProof` names a
    ///   proof the document does not have.
    public static func addProof(
        to document: JSONObject, suite: any Cryptosuite, key: SigningKey, options: ProofOptions
    ) throws -> JSONObject {
        guard suite.supports(key.type) else {
            throw CredentialsError(
                .proofGeneration, "cryptosuite \(suite.identifier) signs with \(suite.keyType.rawValue) keys, not \(key.type.rawValue)")
        }
        let existing = document["proof"]?.asArray ?? []
        var unsecured = document
        unsecured.removeValue(forKey: "proof")
        if !options.previousProof.isEmpty {
            unsecured["proof"] = try previousProofs(options.previousProof, in: existing, asList: options.previousProof.count > 1)
        }
        var proof = JSONObject()
        if let id = options.id { proof["id"] = .string(id) }
        if suite is Ed25519Signature2020 {
            proof["type"] = .string(Ed25519Signature2020.identifier)
        } else {
            proof["type"] = .string(DataIntegrityProof.type)
            proof["cryptosuite"] = .string(suite.identifier)
        }
        if let created = options.created {
            guard XSDDateTime(created) != nil else {
                throw CredentialsError(.proofGeneration, "created \"\(created)\" is not an XML Schema dateTimeStamp")
            }
            proof["created"] = .string(created)
        }
        proof["verificationMethod"] = .string(options.verificationMethod)
        proof["proofPurpose"] = .string(options.proofPurpose)
        if let challenge = options.challenge { proof["challenge"] = .string(challenge) }
        if let domain = options.domain { proof["domain"] = .string(domain) }
        if options.previousProof.count == 1 {
            proof["previousProof"] = .string(options.previousProof[0])
        } else if options.previousProof.count > 1 {
            proof["previousProof"] = .array(options.previousProof.map { .string($0) })
        }
        let context = document["@context"]
        var configuration = proof
        if let context { configuration["@context"] = context }
        if suite.proofCarriesContext { proof = configuration }
        let hashData = suite.hash(
            transformed: try suite.transform(unsecured), configuration: try suite.configure(configuration), keyType: key.type)
        proof["proofValue"] = .string(Multibase.encode(try key.signature(for: hashData)))
        var secured = document
        secured["proof"] = existing.isEmpty ? .object(proof) : .array(existing + [.object(proof)])
        return secured
    }

    /// The outcome of checking one proof's signature.
    public enum SignatureResult: Sendable, Equatable {
        case valid
        case invalid(Message)
        /// The proof uses something Mochila cannot check (an unknown proof type or suite).
        case unsupported(Message)
    }

    /// Checks one proof of `document` with `publicKey` (4.4 Verify Proof, 4.5 Verify Proof
    /// Sets and Chains).
    ///
    /// Whether the key may be used for the proof's purpose is the caller's check.
    public static func checkSignature(
        of proof: DataIntegrityProof, in document: JSONObject, publicKey: PublicKey
    ) -> SignatureResult {
        let suite: any Cryptosuite
        let suiteName: String
        if let legacy = proof.type.flatMap({ legacyProofTypes[$0] }) {
            suite = legacy
            suiteName = legacy.identifier
        } else {
            guard proof.type == DataIntegrityProof.type else {
                return .unsupported(Message("signature.proofType", proof.type ?? "—"))
            }
            guard let name = proof.cryptosuite else { return .invalid(Message("signature.missing", "cryptosuite")) }
            guard let known = cryptosuites[name] else { return .unsupported(Message("signature.suite", name)) }
            suite = known
            suiteName = name
        }
        guard suite.supports(publicKey.type) else {
            return .invalid(Message("signature.keyType", suiteName, suite.keyType.rawValue, publicKey.type.rawValue))
        }
        guard let proofValue = proof.proofValue else { return .invalid(Message("signature.missing", "proofValue")) }
        guard proofValue.hasPrefix("z"), let signature = try? Multibase.decode(proofValue) else {
            return .invalid(Message("signature.encoding"))
        }
        var unsecured = document
        let allProofs = document["proof"]?.asArray ?? []
        unsecured.removeValue(forKey: "proof")
        if let previous = proof.json["previousProof"] {
            let ids = previous.asArray.compactMap(\.stringValue)
            guard let proofs = try? previousProofs(ids, in: allProofs, asList: previous.arrayValue != nil) else {
                return .invalid(Message("signature.previousProof"))
            }
            unsecured["proof"] = proofs
        }
        var options = proof.options
        if let proofContext = options["@context"] {
            // 3.3.2 (4): the document's @context must start with the proof's, in order.
            let documentContext = document["@context"]?.asArray ?? []
            let expected = proofContext.asArray
            guard documentContext.count >= expected.count, Array(documentContext.prefix(expected.count)) == expected else {
                return .invalid(Message("signature.context"))
            }
            unsecured["@context"] = proofContext
        } else if let context = document["@context"] {
            options["@context"] = context
        }
        do {
            let hashData = suite.hash(
                transformed: try suite.transform(unsecured), configuration: try suite.configure(options), keyType: publicKey.type)
            return publicKey.isValidSignature(signature, for: hashData) ? .valid : .invalid(Message("signature.mismatch"))
        } catch {
            return .invalid(Message("signature.transform", "\(error)"))
        }
    }

    static func previousProofs(_ ids: [String], in proofs: [JSONValue], asList: Bool) throws -> JSONValue {
        var matching: [JSONValue] = []
        for id in ids {
            guard let match = proofs.first(where: { $0["id"]?.stringValue == id }) else {
                throw CredentialsError(.proofGeneration, "previousProof \(id) is not a proof of the document")
            }
            matching.append(match)
        }
        return asList ? .array(matching) : matching[0]
    }
}
