import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import Testing

@testable import MochilaServer

/// The network's activity page, on the demo.
@Suite struct NetworkViewTests {
    @Test func theActivityPageCountsPerInstitutionCountryMonthAndSkill() async throws {
        try await TestNode(demo: true).run { client in
            let response = try await client.execute(uri: "/network?lang=es", method: .get)
            #expect(response.status == .ok)
            let page = text(response)
            for chart in ["chart-institutions", "chart-countries", "chart-months", "chart-skills"] {
                #expect(page.contains("id=\"\(chart)\""), "\(chart)")
            }
            #expect(page.contains("Universidad Tecnológica de Ixtlán del Valle"))
            #expect(page.contains("México") && page.contains("Chile"))
            // The counts add up to the awards the demo issued.
            let awards = try json(try await client.execute(uri: "/api/v1/awards?limit=1000", method: .get, headers: bearer("demo-utiv")))
            let issued = awards.asArray.count
            #expect(page.contains("<td>Universidad Tecnológica de Ixtlán del Valle</td><td>\(issued)</td>"), "\(issued)")
            #expect(!page.contains("@correo.example") && !page.contains("María José"), "no personal data")
        }
    }
}
