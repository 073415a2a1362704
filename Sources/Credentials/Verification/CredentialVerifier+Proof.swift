import Crypto
import Foundation
import LinkedData

extension CredentialVerifier {
    /// A proof's verification method and its controller document, when they were obtained.
    struct Signer {
        var method: VerificationMethod
        var document: DIDDocument?
    }

    /// What a proof must be made for: `assertionMethod` for credentials, `authentication` (with
    /// the verifier's challenge and domain) for presentations.
    struct ProofExpectation {
        var purpose = "assertionMethod"
        var challenge: String? = nil
        var domain: String? = nil

        static let credential = ProofExpectation()
    }

    /// Checks every Data Integrity proof of a document: each proof of a set must hold.
    /// - Parameter digest: the document's ``VerificationMemo/digest(_:prefix:)``, when known.
    func checkProofs(
        _ document: JSONObject, expecting expectation: ProofExpectation = .credential, at now: Date,
        digest: SHA256Digest? = nil
    ) async -> (CheckResult, [Signer]) {
        guard let proofValue = document["proof"], !proofValue.asArray.isEmpty else {
            return (CheckResult(.proof, .failed, Message("proof.missing")), [])
        }
        var results: [CheckResult] = []
        var signers: [Signer] = []
        // A proof set holds each proof once; a repeated proof is someone padding the set.
        if Set(proofValue.asArray).count != proofValue.asArray.count {
            return (CheckResult(.proof, .failed, Message("proof.duplicate")), [])
        }
        let digest = digest ?? VerificationMemo.digest(.object(document))
        for entry in proofValue.asArray {
            guard let object = entry.objectValue else {
                results.append(CheckResult(.proof, .failed, Message("proof.malformed", "a proof must be an object")))
                continue
            }
            let (result, signer) = await checkProof(
                DataIntegrityProof(json: object), in: document, expecting: expectation, at: now,
                digest: digest)
            results.append(result)
            if let signer { signers.append(signer) }
        }
        // Report the first failure, else the first unknown.
        if let failed = results.first(where: { $0.status == .failed }) { return (failed, signers) }
        if let unknown = results.first(where: { $0.status == .unknown }) { return (unknown, signers) }
        return (results[0], signers)
    }

    func checkProof(
        _ proof: DataIntegrityProof, in document: JSONObject, expecting expectation: ProofExpectation, at now: Date,
        digest: SHA256Digest
    ) async -> (CheckResult, Signer?) {
        guard let methodID = proof.verificationMethod else {
            return (CheckResult(.proof, .failed, Message("proof.malformed", "the proof has no verificationMethod")), nil)
        }
        guard proof.proofPurpose == expectation.purpose else {
            return (CheckResult(.proof, .failed, Message("proof.purposeExpected", proof.proofPurpose ?? "", expectation.purpose)), nil)
        }
        if let challenge = expectation.challenge, proof.challenge != challenge {
            return (CheckResult(.proof, .failed, Message("proof.challenge", challenge)), nil)
        }
        if let domain = expectation.domain, !proof.domain.contains(domain) {
            return (CheckResult(.proof, .failed, Message("proof.domain", domain)), nil)
        }
        if let created = proof.created {
            guard let date = XSDDateTime(created) else {
                return (CheckResult(.proof, .failed, Message("proof.malformed", "created is not a dateTime: \(created)")), nil)
            }
            if date.secondsSince1970 > now.timeIntervalSince1970 + clockSkew {
                return (CheckResult(.proof, .failed, Message("proof.future", created)), nil)
            }
        }
        if let expires = proof.expires {
            guard let date = XSDDateTime(expires) else {
                return (CheckResult(.proof, .failed, Message("proof.malformed", "expires is not a dateTime: \(expires)")), nil)
            }
            if date.secondsSince1970 < now.timeIntervalSince1970 {
                return (CheckResult(.proof, .failed, Message("proof.expired", expires)), nil)
            }
        }
        let resolved: (method: VerificationMethod, document: DIDDocument?)?
        do {
            resolved = try await methods.verificationMethod(methodID)
        } catch let error as CredentialsError where error.code == .retrieval {
            // Could not be fetched: the key is unknown, not wrong.
            return (CheckResult(.proof, .unknown, Message("proof.resolution", methodID, error.message)), nil)
        } catch {
            return (CheckResult(.proof, .failed, Message("proof.resolution", methodID, "\(error)")), nil)
        }
        guard let resolved else {
            return (CheckResult(.proof, .unknown, Message("proof.unresolved", methodID)), nil)
        }
        let signer = Signer(method: resolved.method, document: resolved.document)
        // A signature that verified is remembered by the document, the proof and the key (see
        // VerificationMemo); everything above is checked on every verification.
        let key = VerificationMemo.signatureKey(document: digest, proof: proof.json, publicKey: resolved.method.publicKey)
        let signature = memo.signatures.value(
            for: key, orCompute: { DataIntegrity.checkSignature(of: proof, in: document, publicKey: resolved.method.publicKey) },
            keepIf: { $0 == .valid })
        switch signature {
        case .valid:
            return (CheckResult(.proof, .passed, Message("proof.passed", proof.cryptosuite ?? proof.type ?? "", methodID)), signer)
        case .invalid(let reason):
            return (CheckResult(.proof, .failed, reason), signer)
        case .unsupported(let reason):
            return (CheckResult(.proof, .unknown, reason), signer)
        }
    }

    /// Whether the signers' keys belong to `controller` and are listed for `relationship`.
    func checkController(
        _ controller: String, signers: [Signer], relationship: KeyPath<DIDDocument, [String]>, check: CheckName,
        mismatch: String, notListed: String, passed: String
    ) async -> CheckResult {
        guard !signers.isEmpty else { return CheckResult(check, .unknown, Message("issuer.noProof")) }
        for signer in signers {
            let owner = signer.method.controller
            guard owner == controller else { return CheckResult(check, .failed, Message(mismatch, owner, controller)) }
            var document = signer.document
            if document?.id != owner { document = try? await methods.controllerDocument(owner) }
            guard let document else { return CheckResult(check, .unknown, Message("issuer.unknown", controller)) }
            guard document[keyPath: relationship].contains(signer.method.id) else {
                return CheckResult(check, .failed, Message(notListed, controller, signer.method.id))
            }
        }
        return CheckResult(check, .passed, Message(passed, controller))
    }
}
