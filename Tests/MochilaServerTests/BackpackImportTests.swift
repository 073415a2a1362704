import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import Synchronization
import Testing

@testable import MochilaServer

/// Every format a learner imports, each with a credential another implementation made, through
/// the backpack's import form: verified on arrival where its issuer can be reached, kept with
/// the reason where it cannot.
@Suite struct BackpackImportTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(name)")))
    }

    static func document(_ name: String) throws -> JSONValue { try JSONValue(parsing: try fixture(name)) }

    /// 1EdTech's issuer of `simple.json`, as a controller document listing its key.
    static func issuerOfSimple() throws -> (String, JSONValue) {
        let issuer = "https://example.com/issuers/876543"
        let key = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
        let method = VerificationMethod(id: issuer + "#" + key, type: "Multikey", controller: issuer, publicKey: try PublicKey(multibase: key))
        return (issuer, DIDDocument(id: issuer, verificationMethods: [method], assertionMethod: [method.id], authentication: []).json)
    }

    /// Imports `file` into a new backpack on a node that reaches `documents`; returns the
    /// item's page and the item as stored.
    func imported(_ file: [UInt8], documents: [String: JSONValue] = [:]) async throws -> (page: String, item: BackpackItem) {
        let test = try await TestNode(documents: PreloadedDocuments(documents))
        let (learner, token, _) = try await test.node.openBackpack()
        let visitor = ConsoleUser(cookie: "\(Backpack.cookie)=\(token)")
        let result = Mutex<(String, BackpackItem)?>(nil)
        try await test.run { client in
            let response = try await BackpackTests().upload(client, visitor, file: file)
            #expect(response.status == .seeOther, "\(text(response))")
            let location = String(try #require(response.headers[.location]).prefix { $0 != "?" })
            let item = try #require(try await test.node.backpack(of: learner).first)
            let page = text(try await visitor.get(client, location + "?lang=es"))
            result.withLock { $0 = (page, item) }
        }
        return try #require(result.withLock { $0 })
    }

    @Test func openBadges3WithDataIntegrity() async throws {
        let (issuer, document) = try Self.issuerOfSimple()
        let (page, item) = try await imported(try Self.fixture("import/ob30-simple.json"), documents: [issuer: document])
        #expect(item.format == .vcJSON)
        #expect(page.contains("Credencial verificada"), "\(page)")
        // Unreachable issuer: kept, and the backpack says it could not verify.
        let (offline, _) = try await imported(try Self.fixture("import/ob30-simple.json"))
        #expect(!offline.contains("Credencial verificada"))
        #expect(offline.contains("No se pudo obtener la clave"))
    }

    @Test func openBadges3BakedIntoAPNGByPillow() async throws {
        let (issuer, document) = try Self.issuerOfSimple()
        let (page, item) = try await imported(try Self.fixture("import/ob30-simple-pillow.png"), documents: [issuer: document])
        #expect(item.format == .vcJSON)
        #expect(item.credential == (try Self.fixture("import/ob30-simple.json")))
        #expect(page.contains("Credencial verificada"), "\(page)")
    }

    @Test func vcJWTAndAJWTBakedIntoAnSVG() async throws {
        // 1EdTech does not publish the key: read, kept, and not verified.
        let (page, item) = try await imported(try Self.fixture("import/ob30-simple.jwt"))
        #expect(item.format == .vcJWT)
        #expect(page.contains("falta el documento de https://example.edu/issuers/565049"))
        #expect(!page.contains("Credencial verificada"))
        #expect(Backpack.summary(item).name == "Example University Degree")
        #expect(Backpack.summary(item).issuer == "Example University")
        // The JWT baked into 1EdTech's SVG has no `typ`, which the VC-JOSE-COSE test suite
        // refuses: kept all the same, with the reason.
        let (baked, bakedItem) = try await imported(try Self.fixture("import/simple-jwt.svg"))
        #expect(bakedItem.format == .vcJWT)
        #expect(baked.contains("(typ)"))
        #expect(!baked.contains("Credencial verificada"))
        #expect(Backpack.summary(bakedItem).name == "Teamwork Badge")
        #expect(Backpack.summary(bakedItem).issuer == "Example Corp")
    }

    @Test func openBadges2HostedAssertion() async throws {
        var web: [String: JSONValue] = [:]
        for name in ["2_0_basic_assertion", "2_0_basic_badgeclass", "2_0_basic_issuer"] {
            let document = try Self.document("openbadges2/\(name).json")
            web[document["id"]!.stringValue!] = document
        }
        for upload in [try Self.fixture("openbadges2/2_0_basic_assertion.json"), Array("https://example.org/beths-robotics-badge.json".utf8)] {
            let (page, item) = try await imported(upload, documents: web)
            #expect(item.format == .openBadges2)
            #expect(page.contains("Awesome Robotics Badge"))
            #expect(page.contains("Credencial verificada"), "\(page)")
        }
    }

    @Test func openBadges2SignedAssertion() async throws {
        var web: [String: JSONValue] = [:]
        for name in ["openbadges2/2_0_basic_badgeclass.json", "import/ob2-signed/issuer.json", "import/ob2-signed/key1.json", "import/ob2-signed/revocation-list.json"] {
            let document = try Self.document(name)
            web[document["id"]!.stringValue!] = document
        }
        let (page, item) = try await imported(try Self.fixture("import/ob2-signed/assertion-rs256.jws"), documents: web)
        #expect(item.format == .openBadges2)
        #expect(page.contains("Credencial verificada"), "\(page)")
    }

    @Test func europassEDCIsCheckedAsFarAsItsSealAllows() async throws {
        let (page, item) = try await imported(try Self.fixture("import/edc-signed.json"))
        #expect(item.format == .europass)
        #expect(item.credential == (try Self.fixture("import/edc-signed.json")))
        let report = try JSONValue(parsing: Array(item.report.utf8))
        let checks = Dictionary(uniqueKeysWithValues: (report["checks"]?.asArray ?? []).compactMap { check in
            check["check"]?.stringValue.map { ($0, check["status"]?.stringValue ?? "") }
        })
        #expect(checks["format"] == "passed", "\(item.report)")
        #expect(checks["proof"] == "passed")
        #expect(checks["issuer"] == "unknown")
        // The issuer behind an eIDAS seal is not checked here: never "verified", and the page says why.
        #expect(!page.contains("Credencial verificada"))
        #expect(page.contains("no se comprueba en las Listas de Confianza de la UE (eIDAS)"), "\(page)")
        #expect(Backpack.summary(item).name != "—")
        // The /verify page reads it the same way, with the names of its language maps.
        let test = try await TestNode()
        try await test.run { client in
            let (type, form) = VerificationRoutesTests().multipart([("credential", nil, []), ("file", "edc.json", try Self.fixture("import/edc-signed.json"))])
            let verify = text(try await client.execute(uri: "/verify?lang=es", method: .post, headers: [.contentType: type], body: form))
            #expect(verify.contains("<strong>\(Backpack.summary(item).name)</strong>"), "\(verify)")
            #expect(!verify.contains("Credencial verificada"))
        }
    }
}
