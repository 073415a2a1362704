import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import Synchronization
import Testing

@testable import MochilaServer

/// Binding to the holder DID, privacy and the public profile, the whole record as CLR 2.0, and
/// a backup restored into another node.
@Suite struct BackpackRecordsTests {
    let path = BackpackTests()

    func holderDID(_ client: any TestClientProtocol, _ learner: ConsoleUser) async throws -> String {
        let home = text(try await learner.get(client, "/mochila"))
        let start = try #require(home.range(of: "<code id=\"holder-did\">")).upperBound
        return String(home[start...].prefix { $0 != "<" })
    }

    func credential(_ client: any TestClientProtocol, _ learner: ConsoleUser, item itemPath: String) async throws -> JSONValue {
        // The credential as the backpack keeps it: its public page's JSON, through the award.
        let page = text(try await learner.get(client, itemPath))
        let start = try #require(page.range(of: "href=\"/credentials/")).upperBound
        let awardID = String(page[start...].prefix { $0 != "?" && $0 != "\"" })
        return try json(try await client.execute(uri: "/api/v1/credentials/\(awardID)", method: .get))
    }

    @Test func aLearnerBindsAClaimedCredentialToTheirDIDOnce() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-vincula")
            let specID = try await createSpec(client, token: token)
            let awardID = try await path.issue(client, token: token, specID: specID)
            var learner = ConsoleUser()
            let itemPath = try await path.claim(client, awardID, as: &learner)
            let did = try await holderDID(client, learner)
            #expect(did.hasPrefix("did:key:z6Mk"))
            let before = text(try await learner.get(client, itemPath))
            #expect(before.contains("Vincular a mi DID"))
            #expect(before.contains("Privada: solo tú"))

            let bound = try await learner.post(client, itemPath + "/bind", [], from: itemPath)
            #expect(bound.status == .seeOther, "\(text(bound))")
            let boundPath = String(try #require(bound.headers[.location]).prefix { $0 != "?" })
            #expect(boundPath != itemPath)
            let boundPage = text(try await learner.get(client, boundPath + "?done=bound"))
            #expect(boundPage.contains("La institución emitió la credencial vinculada a tu DID"))
            #expect(boundPage.contains("Esta credencial está vinculada a tu identidad digital"))
            #expect(boundPage.contains("Credencial verificada"))
            let boundCredential = try await credential(client, learner, item: boundPath)
            #expect(boundCredential["credentialSubject"]?["id"]?.stringValue == did)
            #expect(boundCredential["credentialSubject"]?["name"] == "Rosa Tzoc Xicará")
            // Binding again answers with the bound copy; both copies are in the backpack.
            let again = try await learner.post(client, itemPath + "/bind", [], from: itemPath)
            #expect(String(try #require(again.headers[.location]).prefix { $0 != "?" }) == boundPath)
            #expect(text(try await learner.get(client, "/mochila")).components(separatedBy: "/mochila/items/").count == 3)

            // The holder proves the bound credential is theirs: presentation and holder check pass.
            let presented = try await learner.post(
                client, "/mochila/present", [("item", path.itemID(boundPath)), ("challenge", "reto-vinculo")], from: "/mochila")
            #expect(presented.status == .ok)
            let page = text(presented)
            let start = try #require(page.range(of: "readonly spellcheck=\"false\">")).upperBound
            let presentation = try JSONValue(parsing: Array(path.unescape(String(page[start...].prefix { $0 != "<" })).utf8))
            let verified = try await client.execute(
                uri: "/presentations/verify", method: .post, headers: [.contentType: "application/json"],
                body: body(["verifiablePresentation": presentation, "options": ["challenge": "reto-vinculo"]]))
            #expect(verified.status == .ok, "\(text(verified))")

            // Another backpack holding the same claim link cannot bind it to its own DID.
            var other = ConsoleUser()
            let otherPath = try await path.claim(client, awardID, as: &other)
            let refused = try await other.post(client, otherPath + "/bind", [], from: otherPath)
            #expect(refused.status == .conflict)
            // An imported credential is not this node's to bind.
            let svg = Array(try await client.execute(uri: "/api/v1/credentials/\(awardID)/badge.svg", method: .get).body.readableBytesView)
            var third = ConsoleUser()
            _ = try await path.claim(client, try await path.issue(client, token: token, specID: specID, name: "Ana"), as: &third)
            let imported = try await path.upload(client, third, file: svg)
            let importedPath = String(try #require(imported.headers[.location]).prefix { $0 != "?" })
            #expect(!text(try await third.get(client, importedPath)).contains("Vincular a mi DID"))
            #expect(try await third.post(client, importedPath + "/bind", [], from: importedPath).status == .badRequest)
            // The audit log says who bound what.
            let audit = try json(try await client.execute(uri: "/api/v1/audit", method: .get, headers: bearer(token)))
            #expect(audit.serializedString().contains("award.bind"))
        }
    }

    @Test func theLearnerDecidesWhatTheirPublicProfileShows() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-perfil")
            let specID = try await createSpec(client, token: token)
            var learner = ConsoleUser()
            let itemPath = try await path.claim(client, try await path.issue(client, token: token, specID: specID), as: &learner)
            let home = text(try await learner.get(client, "/mochila"))
            #expect(home.contains("Ninguna credencial es pública"))
            let intro = try #require(home.range(of: "aparecen en http://mochila.test/p/")).upperBound
            let profile = "/p/" + String(home[intro...].prefix { $0 != "," && $0 != " " })
            #expect(try await client.execute(uri: profile, method: .get).status == .notFound)

            #expect(try await learner.post(client, itemPath + "/public", [("public", "1")], from: itemPath).status == .seeOther)
            #expect(text(try await learner.get(client, itemPath)).contains("Pública: aparece en tu perfil público."))
            let shown = try await client.execute(uri: profile + "?lang=es", method: .get)
            #expect(shown.status == .ok)
            #expect(text(shown).contains("Credencial verificada"))
            #expect(text(shown).contains("<h2>Soldadura de estructuras</h2>"))
            #expect(text(try await learner.get(client, "/mochila")).contains("id=\"profile-link\""))

            // Another backpack cannot change it.
            var stranger = ConsoleUser()
            _ = try await path.claim(client, try await path.issue(client, token: token, specID: specID, name: "Beto"), as: &stranger)
            #expect(try await stranger.post(client, itemPath + "/public", [("public", "0")], from: "/mochila").status == .notFound)
            #expect(try await client.execute(uri: profile, method: .get).status == .ok)

            #expect(try await learner.post(client, itemPath + "/public", [("public", "0")], from: itemPath).status == .seeOther)
            #expect(try await client.execute(uri: profile, method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/p/not-a-uuid", method: .get).status == .notFound)
        }
    }

    @Test func theWholeBackpackExportsAsASignedCLRThatVerifies() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-clr")
            let specID = try await createSpec(client, token: token)
            var learner = ConsoleUser()
            _ = try await path.claim(client, try await path.issue(client, token: token, specID: specID), as: &learner)
            _ = try await path.claim(client, try await path.issue(client, token: token, specID: specID), as: &learner)
            let did = try await holderDID(client, learner)
            let download = try await learner.get(client, "/mochila/record.json")
            #expect(download.status == .ok, "\(text(download))")
            #expect(download.headers[.contentDisposition]?.contains("attachment") == true)
            let record = try json(download)
            #expect(record["type"]?.asArray.contains("ClrCredential") == true)
            #expect(record["issuer"]?["id"]?.stringValue == did)
            #expect(record["credentialSubject"]?["verifiableCredential"]?.asArray.count == 2)
            let verified = try await client.execute(
                uri: "/credentials/verify", method: .post, headers: [.contentType: "application/json"],
                body: body(["verifiableCredential": record]))
            #expect(verified.status == .ok, "\(text(verified))")
            // Signed out, there is no record to download.
            #expect(try await client.execute(uri: "/mochila/record.json", method: .get).status == .seeOther)
        }
    }

    @Test func aBackupRestoresIntoAnotherNodeWithItsDID() async throws {
        let made = Mutex<(archive: [UInt8], did: String)>(([], ""))
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-copia")
            let specID = try await createSpec(client, token: token)
            var learner = ConsoleUser()
            _ = try await path.claim(client, try await path.issue(client, token: token, specID: specID), as: &learner)
            _ = try await path.claim(client, try await path.issue(client, token: token, specID: specID, name: "Rosa María"), as: &learner)
            let did = try await holderDID(client, learner)
            let short = try await learner.post(client, "/mochila/backup", [("passphrase", "corta")], from: "/mochila")
            #expect(short.status == .badRequest)
            let backup = try await learner.post(client, "/mochila/backup", [("passphrase", "mi frase de paso larga")], from: "/mochila")
            #expect(backup.status == .ok, "\(text(backup))")
            #expect(backup.headers[.contentType] == BackpackArchive.mediaType)
            made.withLock { $0 = (Array(backup.body.readableBytesView), did) }
        }
        let (archive, did) = made.withLock { $0 }
        try await TestNode().run { client in
            var learner = ConsoleUser()
            let token = try await createInstitution(client, slug: "uni-otra")
            let specID = try await createSpec(client, token: token)
            _ = try await path.claim(client, try await path.issue(client, token: token, specID: specID), as: &learner)
            let ownDID = try await holderDID(client, learner)
            #expect(ownDID != did)

            // A wrong passphrase writes nothing.
            let wrong = try await restore(client, learner, archive, passphrase: "no es la frase")
            #expect(wrong.status == .badRequest)
            #expect(text(try await learner.get(client, "/mochila")).components(separatedBy: "/mochila/items/").count == 2)
            // Garbage is refused, naming what is wrong.
            let junk = try await restore(client, learner, Array(#"{"type": "otra cosa"}"#.utf8), passphrase: "")
            #expect(junk.status == .badRequest)

            let restored = try await restore(client, learner, archive, passphrase: "mi frase de paso larga")
            #expect(restored.status == .seeOther, "\(text(restored))")
            let home = text(try await learner.get(client, try #require(restored.headers[.location])))
            #expect(home.contains("Copia restaurada: 2 credenciales nuevas, 0 ya estaban."))
            #expect(home.contains("Esta Mochila usa ahora la identidad digital de la copia"))
            #expect(try await holderDID(client, learner) == did)
            #expect(home.components(separatedBy: "/mochila/items/").count == 4)
            // Restoring again adds nothing.
            let twice = try await restore(client, learner, archive, passphrase: "")
            #expect(text(try await learner.get(client, try #require(twice.headers[.location]))).contains("0 credenciales nuevas, 2 ya estaban"))
            // The DID restored here signs presentations: the old node's key came along.
            let record = try json(try await learner.get(client, "/mochila/record.json"))
            #expect(record["issuer"]?["id"]?.stringValue == did)
        }
    }

    @Test func aShareLinkHasItsQRCodeAndTheCredentialAsReceived() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-enlace")
            let specID = try await createSpec(client, token: token)
            let awardID = try await path.issue(client, token: token, specID: specID)
            var learner = ConsoleUser()
            let itemPath = try await path.claim(client, awardID, as: &learner)
            _ = try await learner.post(client, itemPath + "/share", [("expires", "0")], from: itemPath)
            let withLink = text(try await learner.get(client, itemPath))
            let start = try #require(withLink.range(of: "http://mochila.test/c/")).upperBound
            let shareID = String(withLink[start...].prefix { $0 != "<" })

            let page = text(try await client.execute(uri: "/c/\(shareID)?lang=es", method: .get))
            #expect(page.contains("src=\"/c/\(shareID)/qr.svg\""))
            #expect(page.contains("linkedin.com/profile/add"))
            let svg = try await client.execute(uri: "/c/\(shareID)/qr.svg?lang=es", method: .get)
            #expect(svg.status == .ok)
            #expect(svg.headers[.contentType]?.hasPrefix("image/svg+xml") == true)
            #expect(text(svg).contains("Código QR de este enlace"))
            let png = try await client.execute(uri: "/c/\(shareID)/qr.png", method: .get)
            #expect(Array(png.body.readableBytesView.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            let download = try await client.execute(uri: "/c/\(shareID)/credential", method: .get)
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            let issued = try await client.execute(uri: "/api/v1/credentials/\(awardID)", method: .get)
            #expect(Array(download.body.readableBytesView) == Array(issued.body.readableBytesView))

            // Withdrawn, the link leads nowhere, its QR code and download included.
            _ = try await learner.post(client, "/mochila/shares/\(shareID)/revoke", [], from: itemPath)
            for suffix in ["", "/qr.svg", "/qr.png", "/credential"] {
                #expect(try await client.execute(uri: "/c/\(shareID)\(suffix)", method: .get).status == .notFound, "\(suffix)")
            }
        }
    }

    func restore(_ client: any TestClientProtocol, _ learner: ConsoleUser, _ archive: [UInt8], passphrase: String) async throws -> TestResponse {
        let csrf = try await learner.csrf(client, "/mochila")
        let (type, body) = VerificationRoutesTests().multipart([
            ("csrf", nil, Array(csrf.utf8)), ("file", "mochila.json", archive), ("passphrase", nil, Array(passphrase.utf8)),
        ])
        return try await client.execute(uri: "/mochila/restore?lang=es", method: .post, headers: [.cookie: learner.cookie, .contentType: type], body: body)
    }
}
