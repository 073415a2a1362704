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

    var testDescription: String { name }

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
        let suite = EdDSARDFC2022()
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
        let document = try Fixtures.json(vector.input).objectValue!
        let options = try Fixtures.json(vector.proofOptions)
        let signed = try Fixtures.json(vector.signed).objectValue!
        let secured = try DataIntegrity.addProof(
            to: document, suite: EdDSARDFC2022(), key: try vector.signingKey(),
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
