import Crypto
import Foundation
import LinkedData
import Testing

@testable import Credentials

/// One `eddsa-rdfc-2022` signing vector: its inputs, every intermediate value and the result.
struct RDFCVector: CustomTestStringConvertible, Sendable {
    var name: String
    var key: String
    var input: String
    var proofOptions: String
    var canonicalDocument: String
    var documentHash: String
    var canonicalProof: String
    var proofHash: String
    var hashData: String
    var signature: String
    var proofValue: String
    var signed: String
    /// The suite: eddsa-rdfc-2022, or the legacy Ed25519Signature2020 with the same pipeline.
    var legacy = false

    var testDescription: String { name }
    var suite: any Cryptosuite { legacy ? Ed25519Signature2020() : EdDSARDFC2022() }

    static let w3c = "vc-di-eddsa/TestVectors/"
    static let ob = "openbadges/test-vectors/"

    static let all: [RDFCVector] = [
        RDFCVector(
            name: "W3C eddsa-rdfc-2022 basic", key: w3c + "keyPair.json", input: w3c + "unsigned.json",
            proofOptions: w3c + "eddsa-rdfc-2022/proofConfigDataInt.json",
            canonicalDocument: w3c + "eddsa-rdfc-2022/canonDocDataInt.txt", documentHash: w3c + "eddsa-rdfc-2022/docHashDataInt.txt",
            canonicalProof: w3c + "eddsa-rdfc-2022/proofCanonDataInt.txt", proofHash: w3c + "eddsa-rdfc-2022/proofHashDataInt.txt",
            hashData: w3c + "eddsa-rdfc-2022/combinedHashDataInt.txt", signature: w3c + "eddsa-rdfc-2022/sigHexDataInt.txt",
            proofValue: w3c + "eddsa-rdfc-2022/sigBTC58DataInt.txt", signed: w3c + "eddsa-rdfc-2022/signedDataInt.json"),
        RDFCVector(
            name: "W3C eddsa-rdfc-2022 employment authorization", key: w3c + "keyPair.json", input: w3c + "employmentAuth.json",
            proofOptions: w3c + "eddsa-rdfc-2022/employ/proofConfigDataInt.json",
            canonicalDocument: w3c + "eddsa-rdfc-2022/employ/canonDocDataInt.txt",
            documentHash: w3c + "eddsa-rdfc-2022/employ/docHashDataInt.txt",
            canonicalProof: w3c + "eddsa-rdfc-2022/employ/proofCanonDataInt.txt",
            proofHash: w3c + "eddsa-rdfc-2022/employ/proofHashDataInt.txt",
            hashData: w3c + "eddsa-rdfc-2022/employ/combinedHashDataInt.txt",
            signature: w3c + "eddsa-rdfc-2022/employ/sigHexDataInt.txt", proofValue: w3c + "eddsa-rdfc-2022/employ/sigBTC58DataInt.txt",
            signed: w3c + "eddsa-rdfc-2022/employ/signedDataInt.json"),
        RDFCVector(
            name: "1EdTech Open Badges 3.0", key: ob + "ob-eddsa-rdfc-2022/keyPair.json", input: ob + "ob-eddsa-rdfc-2022/unsigned.json",
            proofOptions: ob + "ob-eddsa-rdfc-2022/proofConfig.json", canonicalDocument: ob + "ob-eddsa-rdfc-2022/canonDoc.txt",
            documentHash: ob + "ob-eddsa-rdfc-2022/docHash.txt", canonicalProof: ob + "ob-eddsa-rdfc-2022/proofCanon.txt",
            proofHash: ob + "ob-eddsa-rdfc-2022/proofHash.txt", hashData: ob + "ob-eddsa-rdfc-2022/combinedHash.txt",
            signature: ob + "ob-eddsa-rdfc-2022/sigHex.txt", proofValue: ob + "ob-eddsa-rdfc-2022/proofValue.txt",
            signed: ob + "ob-eddsa-rdfc-2022/signed.json"),
        RDFCVector(
            name: "1EdTech CLR 2.0", key: ob + "clr-eddsa-rdfc-2022/keyPair.json", input: ob + "clr-eddsa-rdfc-2022/unsigned.json",
            proofOptions: ob + "clr-eddsa-rdfc-2022/proofConfig.json", canonicalDocument: ob + "clr-eddsa-rdfc-2022/canonDoc.txt",
            documentHash: ob + "clr-eddsa-rdfc-2022/docHash.txt", canonicalProof: ob + "clr-eddsa-rdfc-2022/proofCanon.txt",
            proofHash: ob + "clr-eddsa-rdfc-2022/proofHash.txt", hashData: ob + "clr-eddsa-rdfc-2022/combinedHash.txt",
            signature: ob + "clr-eddsa-rdfc-2022/sigHex.txt", proofValue: ob + "clr-eddsa-rdfc-2022/proofValue.txt",
            signed: ob + "clr-eddsa-rdfc-2022/signed.json"),
        RDFCVector(
            name: "W3C Ed25519Signature2020 (legacy)", key: w3c + "keyPair.json", input: w3c + "unsigned.json",
            proofOptions: w3c + "Ed25519Signature2020/proofConfigEdSig.json",
            canonicalDocument: w3c + "Ed25519Signature2020/canonDocEdSig.txt",
            documentHash: w3c + "Ed25519Signature2020/docHashEdSig.txt",
            canonicalProof: w3c + "Ed25519Signature2020/proofCanonEdSig.txt",
            proofHash: w3c + "Ed25519Signature2020/proofHashEdSig.txt",
            hashData: w3c + "Ed25519Signature2020/combinedHashEdSig.txt", signature: w3c + "Ed25519Signature2020/sigHexEdSig.txt",
            proofValue: w3c + "Ed25519Signature2020/sigBTC58EdSig.txt", signed: w3c + "Ed25519Signature2020/signedEdSig.json",
            legacy: true),
    ]

    func signingKey() throws -> SigningKey {
        let pair = try Fixtures.json(key)
        return try SigningKey(multibase: (pair["secretKeyMultibase"] ?? pair["privateKeyMultibase"])!.stringValue!)
    }

    /// The proof options with the document's `@context`, as Data Integrity's proof configuration sets it.
    func options() throws -> JSONObject {
        var options = try Fixtures.json(proofOptions).objectValue!
        if options["@context"] == nil { options["@context"] = try Fixtures.json(input)["@context"] }
        return options
    }
}

@Suite struct EdDSARDFC2022Tests {
    @Test(arguments: RDFCVector.all)
    func reproducesEveryIntermediateValue(vector: RDFCVector) throws {
        let suite = vector.suite
        let document = try Fixtures.json(vector.input).objectValue!
        let canonicalDocument = try suite.transform(document)
        #expect(String(decoding: canonicalDocument, as: UTF8.self) == (try Fixtures.text(vector.canonicalDocument)))
        #expect(Hex.encode(SHA256.hash(data: canonicalDocument)) == (try Fixtures.line(vector.documentHash)))
        let canonicalProof = try suite.configure(try vector.options())
        #expect(String(decoding: canonicalProof, as: UTF8.self) == (try Fixtures.text(vector.canonicalProof)))
        #expect(Hex.encode(SHA256.hash(data: canonicalProof)) == (try Fixtures.line(vector.proofHash)))
        let hashData = suite.hash(transformed: canonicalDocument, configuration: canonicalProof)
        #expect(Hex.encode(hashData) == (try Fixtures.line(vector.hashData)))
        let signature = try vector.signingKey().signature(for: hashData)
        #expect(Hex.encode(signature) == (try Fixtures.line(vector.signature)))
        #expect(Multibase.encode(signature) == (try Fixtures.line(vector.proofValue)))
    }

    @Test(arguments: RDFCVector.all)
    func signsToTheSignedVectorAndVerifiesIt(vector: RDFCVector) throws {
        let options = try Fixtures.json(vector.proofOptions)
        let signed = try Fixtures.json(vector.signed).objectValue!
        // The signed vector without its proof: for the legacy suite it also carries the suite's context.
        var document = signed
        document.removeValue(forKey: "proof")
        let secured = try DataIntegrity.addProof(
            to: document, suite: vector.suite, key: try vector.signingKey(),
            options: ProofOptions(
                verificationMethod: options["verificationMethod"]!.stringValue!, created: options["created"]?.stringValue))
        let expectedProof = signed["proof"]!.asArray.first!
        #expect(secured["proof"]!["proofValue"] == expectedProof["proofValue"])
        #expect(secured["proof"]!["proofValue"]?.stringValue == (try Fixtures.line(vector.proofValue)))

        let publicKey = try vector.signingKey().publicKey
        let proof = DataIntegrityProof(json: expectedProof.objectValue!)
        #expect(DataIntegrity.checkSignature(of: proof, in: signed, publicKey: publicKey) == .valid)
        var changed = signed
        changed["validFrom"] = "2099-01-01T00:00:00Z"
        #expect(DataIntegrity.checkSignature(of: proof, in: changed, publicKey: publicKey) != .valid)
    }

    /// Proof sets (each proof signs the document without proofs) and proof chains (a proof with
    /// `previousProof` signs the document holding the proofs it names).
    @Test(arguments: ["signedProofSet1.json", "signedProofSet2.json", "signedProofChain1.json", "signedProofChain2.json"])
    func verifiesProofSetsAndChains(file: String) throws {
        let signed = try Fixtures.json("vc-di-eddsa/TestVectors/proof-set-chain/" + file).objectValue!
        let proofs = signed["proof"]!.asArray
        #expect(!proofs.isEmpty)
        for entry in proofs {
            let proof = DataIntegrityProof(json: entry.objectValue!)
            let key = try DIDKey.publicKey(of: proof.verificationMethod!)
            #expect(DataIntegrity.checkSignature(of: proof, in: signed, publicKey: key) == .valid, "\(file) \(proof.id ?? "last")")
        }
    }

    @Test func reproducesTheProofChainFromItsConfiguration() throws {
        let base = "vc-di-eddsa/TestVectors/proof-set-chain/"
        let pairs = try Fixtures.json(base + "multiKeyPairs.json")
        let key = try SigningKey(multibase: pairs["keyPair4"]!["privateKeyMultibase"]!.stringValue!)
        let chain1 = try Fixtures.json(base + "signedProofChain1.json").objectValue!
        let config = try Fixtures.json(base + "proofChainConfig2.json")
        let secured = try DataIntegrity.addProof(
            to: chain1, suite: EdDSARDFC2022(), key: key,
            options: ProofOptions(
                verificationMethod: config["verificationMethod"]!.stringValue!, created: config["created"]?.stringValue,
                previousProof: [config["previousProof"]!.stringValue!]))
        let expected = try Fixtures.json(base + "signedProofChain2.json")
        #expect(secured["proof"]?.asArray.last?["proofValue"] == expected["proof"]?.asArray.last?["proofValue"])
    }

    @Test func anUndefinedTermIsAnErrorNotASilentOmission() throws {
        var document = try Fixtures.json("vc-di-eddsa/TestVectors/unsigned.json").objectValue!
        document["@context"] = ["https://www.w3.org/2018/credentials/v1"]
        document["undefinedTerm"] = "dropped by JSON-LD expansion"
        #expect(throws: (any Error).self) { try EdDSARDFC2022().transform(document) }
    }
}

/// The ECDSA suites (Data Integrity ECDSA Cryptosuites v1.0) with P-256 and P-384 keys.
@Suite struct ECDSATests {
    @Test(arguments: [KeyType.p256, .p384], ["ecdsa-rdfc-2019", "ecdsa-jcs-2019"])
    func signsAndVerifies(type: KeyType, suiteName: String) async throws {
        let key = SigningKey.generate(type)
        let suite = try DataIntegrity.cryptosuite(suiteName)
        let multikey = Multikey(didKeyFor: key)
        let document = try Fixtures.json("vc-di-eddsa/TestVectors/unsigned.json").objectValue!
        var credential = document
        credential["issuer"] = .string(multikey.controller)
        let secured = try DataIntegrity.addProof(to: credential, suite: suite, key: key, options: ProofOptions(verificationMethod: multikey.id))
        let report = await CredentialVerifier().verify(.object(secured), at: XSDDateTime("2026-06-01T00:00:00Z")!.date)
        #expect(report.result(.proof)?.status == .passed, "\(report.json(input: nil).serializedString())")
        #expect(report.result(.issuer)?.status == .passed)
        var changed = secured
        changed["name"] = "Otra"
        #expect(await CredentialVerifier().verify(.object(changed), at: Date()).result(.proof)?.status == .failed)
    }

    @Test func anEd25519KeyCannotSignWithECDSA() throws {
        #expect(throws: CredentialsError.self) {
            try DataIntegrity.addProof(
                to: ["@context": ["https://www.w3.org/ns/credentials/v2"]], suite: ECDSARDFC2019(), key: SigningKey.generate(.ed25519),
                options: ProofOptions(verificationMethod: "did:example:1#k"))
        }
    }
}
