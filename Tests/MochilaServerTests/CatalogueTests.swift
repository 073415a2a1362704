import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import Synchronization
import Testing

@testable import MochilaServer

/// The catalogue: a node's feed, federation with another node, and search.
@Suite struct CatalogueTests {
    func page(of response: TestResponse) -> String { text(response) }

    @Test func twoNodesShareTheirCataloguesAndPeopleSearchBoth() async throws {
        // Node A: the demo; its feed is what node B pulls.
        let feed = Mutex<JSONValue?>(nil)
        try await TestNode(demo: true).run { client in
            let served = try json(try await client.execute(uri: "/catalogue.json", method: .get))
            #expect(served["type"] == "MochilaCatalogue")
            #expect((served["entries"]?.asArray.count ?? 0) >= 4)
            feed.withLock { $0 = served }
        }
        let published = try #require(feed.withLock { $0 })
        let url = "https://red-a.example/catalogue.json"
        let test = try await TestNode(documents: PreloadedDocuments([url: published]))
        try await test.run { client in
            let token = try await createInstitution(client, slug: "uni-b", country: "PE")
            _ = try await createSpec(client, token: token)
            #expect(try await client.execute(uri: "/api/v1/catalogue/sources", method: .post, headers: bearer(token), body: body(["url": .string(url)])).status == .unauthorized)
            let bad = try await client.execute(
                uri: "/api/v1/catalogue/sources", method: .post, headers: bearer(TestNode.adminToken), body: body(["url": "https://nada.example/x.json"]))
            #expect(bad.status == .badRequest)
            let federated = try await client.execute(
                uri: "/api/v1/catalogue/sources", method: .post, headers: bearer(TestNode.adminToken), body: body(["url": .string(url)]))
            #expect(federated.status == .created, "\(text(federated))")

            func count(_ query: String) async throws -> String {
                let page = text(try await client.execute(uri: "/catalogue?lang=es&\(query)", method: .get))
                let start = try #require(page.range(of: "id=\"catalogue-count\">")).upperBound
                return String(page[start...].prefix { $0 != "<" })
            }
            let all = try await count("")
            #expect(all.hasSuffix("de \(published["entries"]!.asArray.count + 1) microcredenciales"), "\(all)")
            // Words in any language, without accents or case; the local spec and the federated ones.
            #expect((try await count("q=SOLDADURA")).hasPrefix("1 de"), "q=SOLDADURA")
            #expect((try await count("q=fotovoltaicos")).hasPrefix("1 de"), "q=fotovoltaicos")
            let nursing = try await count("q=enfermeria")
            #expect(nursing.hasPrefix("2 de"), "\(nursing)")
            #expect((try await count("q=photovoltaic")).hasPrefix("1 de"), "q=photovoltaic")
            #expect((try await count("country=PE")).hasPrefix("1 de"), "country=PE")
            #expect((try await count("country=MX&q=solar")).hasPrefix("1 de"), "country=MX&q=solar")
            #expect((try await count("q=xyzzy")).hasPrefix("0 de"), "q=xyzzy")
            // By ESCO skill, chosen from the skills the catalogue certifies.
            let skill = try #require(published["entries"]?.asArray.lazy.compactMap { $0["skills"]?.asArray.first?["id"]?.stringValue }.first)
            #expect(page(of: try await client.execute(uri: "/catalogue?lang=es", method: .get)).contains("<option value=\"\(skill)\">"))
            #expect(!(try await count("skill=\(skill.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")).hasPrefix("0 de"))
            #expect((try await count("skill=http%3A%2F%2Fdata.europa.eu%2Fesco%2Fskill%2Fnada")).hasPrefix("0 de"))
            let page = text(try await client.execute(uri: "/catalogue?lang=es&q=fotovoltaicos", method: .get))
            #expect(page.contains("Universidad Tecnológica de Ixtlán del Valle"))
        }
    }
}
