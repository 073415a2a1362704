import Crypto
import Foundation
import LinkedData
import Testing

@testable import Credentials

/// The W3C `eddsa-jcs-2022` vector (vc-di-eddsa, appendix A), reproduced byte for byte.
@Suite struct EdDSAJCS2022Tests {
    let base = "vc-di-eddsa/TestVectors/"

    func key() throws -> SigningKey {
        let pair = try Fixtures.json(base + "keyPair.json")
        let key = try SigningKey(multibase: pair["privateKeyMultibase"]!.stringValue!)
        #expect(key.publicKey.multibase == pair["publicKeyMultibase"]!.stringValue!)
        return key
    }

    @Test func reproducesCanonicalFormsHashesAndSignature() throws {
        let unsigned = try Fixtures.json(base + "unsigned.json").objectValue!
        let options = try Fixtures.json(base + "eddsa-jcs-2022/proofConfigJCS.json").objectValue!
        let suite = EdDSAJCS2022()

        let canonicalDocument = try suite.transform(unsigned)
        #expect(String(decoding: canonicalDocument, as: UTF8.self) == (try Fixtures.line(base + "eddsa-jcs-2022/canonDocJCS.txt")))
        #expect(Hex.encode(SHA256.hash(data: canonicalDocument)) == (try Fixtures.line(base + "eddsa-jcs-2022/docHashJCS.txt")))

        let canonicalProof = try suite.configure(options)
        #expect(String(decoding: canonicalProof, as: UTF8.self) == (try Fixtures.line(base + "eddsa-jcs-2022/proofCanonJCS.txt")))
        #expect(Hex.encode(SHA256.hash(data: canonicalProof)) == (try Fixtures.line(base + "eddsa-jcs-2022/proofHashJCS.txt")))

        let hashData = suite.hash(transformed: canonicalDocument, configuration: canonicalProof)
        #expect(Hex.encode(hashData) == (try Fixtures.line(base + "eddsa-jcs-2022/combinedHashJCS.txt")))

        let signature = try key().signature(for: hashData)
        #expect(Hex.encode(signature) == (try Fixtures.line(base + "eddsa-jcs-2022/sigHexJCS.txt")))
        #expect(Multibase.encode(signature) == (try Fixtures.line(base + "eddsa-jcs-2022/sigBTC58JCS.txt")))
    }

    @Test func signingTheUnsignedDocumentGivesTheSignedVector() throws {
        let unsigned = try Fixtures.json(base + "unsigned.json").objectValue!
        let signed = try Fixtures.json(base + "eddsa-jcs-2022/signedJCS.json")
        let options = ProofOptions(
            verificationMethod: signed["proof"]!["verificationMethod"]!.stringValue!,
            created: "2023-02-24T23:36:38Z")
        let secured = try DataIntegrity.addProof(to: unsigned, suite: EdDSAJCS2022(), key: try key(), options: options)
        #expect(JSONValue.object(secured) == signed)
        #expect(secured["proof"]!["proofValue"] == signed["proof"]!["proofValue"])
    }

    @Test func signedVectorVerifiesAndTamperingIsCaught() throws {
        let signed = try Fixtures.json(base + "eddsa-jcs-2022/signedJCS.json").objectValue!
        let publicKey = try key().publicKey
        let proof = DataIntegrityProof(json: signed["proof"]!.objectValue!)
        #expect(DataIntegrity.checkSignature(of: proof, in: signed, publicKey: publicKey) == .valid)

        var changedClaim = signed
        changedClaim["credentialSubject"]!["alumniOf"] = "The School of Forgeries"
        if case .valid = DataIntegrity.checkSignature(of: proof, in: changedClaim, publicKey: publicKey) {
            Issue.record("a changed claim verified")
        }

        var changedProof = signed["proof"]!.objectValue!
        changedProof["created"] = "2023-02-24T23:36:39Z"
        var withChangedProof = signed
        withChangedProof["proof"] = .object(changedProof)
        if case .valid = DataIntegrity.checkSignature(
            of: DataIntegrityProof(json: changedProof), in: withChangedProof, publicKey: publicKey)
        {
            Issue.record("a changed proof creation date verified")
        }

        let otherKey = SigningKey.generate(.ed25519).publicKey
        if case .valid = DataIntegrity.checkSignature(of: proof, in: signed, publicKey: otherKey) {
            Issue.record("another key verified the signature")
        }
    }

    @Test func refusesAKeyOfTheWrongType() throws {
        let unsigned = try Fixtures.json(base + "unsigned.json").objectValue!
        let p256 = SigningKey.generate(.p256)
        #expect(throws: CredentialsError.self) {
            try DataIntegrity.addProof(
                to: unsigned, suite: EdDSAJCS2022(), key: p256, options: ProofOptions(verificationMethod: "did:example:1#k"))
        }
    }

    @Test func proofSetsAddAProofOverTheDocumentWithoutProofs() throws {
        let unsigned = try Fixtures.json(base + "unsigned.json").objectValue!
        let first = SigningKey.generate(.ed25519)
        let second = SigningKey.generate(.ed25519)
        let one = try DataIntegrity.addProof(
            to: unsigned, suite: EdDSAJCS2022(), key: first,
            options: ProofOptions(verificationMethod: Multikey(didKeyFor: first).id, id: "urn:uuid:1"))
        let two = try DataIntegrity.addProof(
            to: one, suite: EdDSAJCS2022(), key: second,
            options: ProofOptions(verificationMethod: Multikey(didKeyFor: second).id, previousProof: ["urn:uuid:1"]))
        let proofs = two["proof"]!.arrayValue!
        #expect(proofs.count == 2)
        #expect(DataIntegrity.checkSignature(
            of: DataIntegrityProof(json: proofs[0].objectValue!), in: two, publicKey: first.publicKey) == .valid)
        #expect(DataIntegrity.checkSignature(
            of: DataIntegrityProof(json: proofs[1].objectValue!), in: two, publicKey: second.publicKey) == .valid)
    }
}
