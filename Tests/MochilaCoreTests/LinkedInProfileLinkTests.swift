import Foundation
import Testing

@testable import MochilaCore

@Suite struct LinkedInProfileLinkTests {
    @Test func theLinkFillsLinkedInsCertificationForm() throws {
        let link = LinkedInProfileLink(
            name: "Soldadura por arco eléctrico & estructuras", organizationName: "Universidad Tecnológica del Valle",
            issuedAt: Date(timeIntervalSince1970: 1_798_675_200),  // 2026-12-31T00:00:00Z
            expiresAt: Date(timeIntervalSince1970: 1_861_833_600),  // 2028-12-31T00:00:00Z
            certificationURL: "https://creditos.utv.example/credentials/3bca1d33-2d3b-4b41-a980-343ffb9a2b0a",
            certificationID: "3bca1d33-2d3b-4b41-a980-343ffb9a2b0a")
        #expect(
            link.url
                == "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
                + "&name=Soldadura%20por%20arco%20el%C3%A9ctrico%20%26%20estructuras"
                + "&organizationName=Universidad%20Tecnol%C3%B3gica%20del%20Valle"
                + "&issueYear=2026&issueMonth=12&expirationYear=2028&expirationMonth=12"
                + "&certUrl=https%3A%2F%2Fcreditos.utv.example%2Fcredentials%2F3bca1d33-2d3b-4b41-a980-343ffb9a2b0a"
                + "&certId=3bca1d33-2d3b-4b41-a980-343ffb9a2b0a")
        // Every value reads back as given.
        let items = try #require(URLComponents(string: link.url)?.queryItems)
        #expect(items.first { $0.name == "name" }?.value == link.name)
        #expect(items.first { $0.name == "certUrl" }?.value == link.certificationURL)
    }

    @Test func aCredentialThatDoesNotExpireHasNoExpiration() {
        let link = LinkedInProfileLink(
            name: "Ñandú", organizationName: "U", issuedAt: Date(timeIntervalSince1970: 0), expiresAt: nil,
            certificationURL: "https://x.example/c/1", certificationID: "1")
        #expect(!link.url.contains("expiration"))
        #expect(link.url.contains("issueYear=1970&issueMonth=1&"))
        #expect(link.url.contains("name=%C3%91and%C3%BA&"))
    }
}
