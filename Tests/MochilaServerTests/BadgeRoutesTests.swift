import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import Testing

@testable import MochilaServer

/// Badge images with the credential baked in, as a learner downloads them from the public page.
@Suite struct BadgeRoutesTests {
    @Test func theSVGBadgeCarriesTheCredentialAsIssuedAndItVerifies() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-insignia")
            let specID = try await createSpec(client, token: token)
            let issued = try await client.execute(
                uri: "/api/v1/awards", method: .post, headers: bearer(token),
                body: body(["specId": .string(specID), "learner": ["givenName": "Rosa", "familyName": "Tzoc Xicará"]]))
            #expect(issued.status == .created, "\(text(issued))")
            let id = try #require(try json(issued)["id"]?.stringValue)

            let page = text(try await client.execute(uri: "/credentials/\(id)?lang=es", method: .get))
            #expect(page.contains("/api/v1/credentials/\(id)/badge.svg"))
            #expect(page.contains("Insignia con la credencial (SVG)"))
            // LinkedIn's Add to Profile, pointing back at this page.
            #expect(page.contains("Añadir a mi perfil de LinkedIn"))
            #expect(page.contains("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&amp;name="))
            #expect(page.contains("&amp;certId=\(id)"))

            let badge = try await client.execute(uri: "/api/v1/credentials/\(id)/badge.svg?lang=es", method: .get)
            #expect(badge.status == .ok)
            #expect(badge.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(badge.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(badge.headers[.contentDisposition]?.contains("insignia-\(id).svg") == true)
            let svg = Array(badge.body.readableBytesView)
            let stored = try await client.execute(uri: "/api/v1/credentials/\(id)", method: .get)
            // Byte for byte the credential the node stored, so its proof still holds.
            #expect(try BakedBadge.extract(from: svg) == String(decoding: stored.body.readableBytesView, as: UTF8.self))
            let unbaked = try JSONValue(parsing: Array(try #require(try BakedBadge.extract(from: svg)).utf8))
            let report = try json(
                try await client.execute(
                    uri: "/credentials/verify", method: .post, headers: [.contentType: "application/json"],
                    body: body(["verifiableCredential": unbaked])))
            #expect(report["verified"] == true, "\(report)")

            // The PNG badge: the QR code of the public page, with the credential baked in.
            let png = try await client.execute(uri: "/api/v1/credentials/\(id)/badge.png", method: .get)
            #expect(png.status == .ok)
            #expect(png.headers[.contentType] == "image/png")
            #expect(
                try BakedBadge.extract(from: Array(png.body.readableBytesView), inflate: { try ZLib.inflate($0) })
                    == String(decoding: stored.body.readableBytesView, as: UTF8.self))

            // The QR code of the page, shown on it.
            #expect(page.contains("<img src=\"/api/v1/credentials/\(id)/qr.svg\""))
            let qr = try await client.execute(uri: "/api/v1/credentials/\(id)/qr.svg?lang=es", method: .get)
            #expect(qr.status == .ok)
            let qrText = text(qr)
            #expect(qrText.contains("aria-label=\"Código QR de esta página\""))
            let expected = try QRCode("http://mochila.test/credentials/\(id)").svg(moduleSize: 8, quietZone: 4, label: "Código QR de esta página")
            #expect(qrText == expected)
            let qrPNG = try await client.execute(uri: "/api/v1/credentials/\(id)/qr.png", method: .get)
            #expect(Array(qrPNG.body.readableBytesView) == (try QRCode("http://mochila.test/credentials/\(id)").png(moduleSize: 8, quietZone: 4)))

            // Printed: a PDF with the page's link.
            #expect(page.contains("/api/v1/credentials/\(id)/credential.pdf?lang=es"))
            let pdf = try await client.execute(uri: "/api/v1/credentials/\(id)/credential.pdf?lang=es", method: .get)
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentType] == "application/pdf")
            let pdfBytes = Array(pdf.body.readableBytesView)
            #expect(pdfBytes.starts(with: Array("%PDF-1.7".utf8)))
            #expect(String(decoding: pdfBytes, as: UTF8.self).contains("/URI (http://mochila.test/credentials/\(id))"))

            // Revoked: no longer handed out.
            let revoked = try await client.execute(
                uri: "/api/v1/awards/\(id)/revoke", method: .post, headers: bearer(token), body: body(["reason": "Acta anulada"]))
            #expect(revoked.status == .ok)
            let refused = try await client.execute(uri: "/api/v1/credentials/\(id)/badge.svg", method: .get)
            #expect(refused.status == .conflict)
            #expect(try await client.execute(uri: "/api/v1/credentials/\(id)/credential.pdf", method: .get).status == .conflict)
            #expect(try await client.execute(uri: "/api/v1/credentials/\(id)/badge.png", method: .get).status == .conflict)
            #expect(!text(try await client.execute(uri: "/credentials/\(id)?lang=es", method: .get)).contains("linkedin.com"))
            #expect(try json(refused)["error"]?["code"]?.stringValue == "revoked")
            #expect(try await client.execute(uri: "/api/v1/credentials/\(UUID())/badge.svg", method: .get).status == .notFound)
        }
    }
}
