import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import Testing

@testable import MochilaServer

/// The learner's path through the backpack, as a browser takes it: claim from the public page,
/// keep the backpack, import, share, withdraw, delete.
@Suite struct BackpackTests {
    /// Issues a credential and returns its award id.
    func issue(_ client: any TestClientProtocol, token: String, specID: String, name: String = "Rosa") async throws -> String {
        let issued = try await client.execute(
            uri: "/api/v1/awards", method: .post, headers: bearer(token),
            body: body(["specId": .string(specID), "learner": ["givenName": .string(name), "familyName": "Tzoc Xicará"]]))
        #expect(issued.status == .created, "\(text(issued))")
        return try #require(try json(issued)["id"]?.stringValue)
    }

    /// Claims from the claim link's page, keeping the backpack cookie; returns the item's path.
    func claim(_ client: any TestClientProtocol, _ awardID: String, as learner: inout ConsoleUser) async throws -> String {
        let link = try TestNode.claimLink(awardID)
        let page = text(try await client.execute(uri: link + "&lang=es", method: .get))
        #expect(page.contains("action=\"/mochila/claim/\(awardID)?lang=es\""))
        #expect(page.contains("Guardar en mi Mochila"))
        let token = String(link.split(separator: "=").last!)
        #expect(page.contains("name=\"claim\" value=\"\(token)\""))
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !learner.cookie.isEmpty { headers[.cookie] = learner.cookie }
        let claimed = try await client.execute(
            uri: "/mochila/claim/\(awardID)?lang=es", method: .post, headers: headers, body: ByteBuffer(string: "claim=\(token)"))
        #expect(claimed.status == .seeOther, "\(text(claimed))")
        if let setCookie = claimed.headers[values: .setCookie].first(where: { $0.hasPrefix("mochila_backpack=") }) {
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            #expect(setCookie.contains("Path=/mochila"))
            learner.cookie = String(setCookie.split(separator: ";")[0])
        }
        let location = try #require(claimed.headers[.location])
        #expect(location.hasPrefix("/mochila/items/"))
        return String(location.prefix { $0 != "?" })
    }

    @Test func aLearnerClaimsKeepsSharesAndDeletesTheirBackpack() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-mochila")
            let specID = try await createSpec(client, token: token)
            let awardID = try await issue(client, token: token, specID: specID)

            // Claim: a temporary backpack opens, with the credential in it, verified.
            var learner = ConsoleUser()
            let itemPath = try await claim(client, awardID, as: &learner)
            #expect(!learner.cookie.isEmpty)
            let item = text(try await learner.get(client, itemPath + "?done=added"))
            #expect(item.contains("La credencial está en tu Mochila."))
            #expect(item.contains("Credencial verificada"))
            let home = text(try await learner.get(client, "/mochila"))
            #expect(home.contains("Esta Mochila es temporal"))
            #expect(home.contains("verificada al llegar"))
            // Claiming again keeps one copy.
            #expect(try await claim(client, awardID, as: &learner) == itemPath)
            #expect(text(try await learner.get(client, "/mochila")).components(separatedBy: "/mochila/items/").count == 2)

            // Forms without the session's CSRF token are refused.
            let forged = try await client.execute(
                uri: "/mochila/account", method: .post, headers: [.cookie: learner.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form(["email": "rosa@correo.example", "password": "una contraseña larga"])))
            #expect(forged.status == .forbidden)

            // Kept: an email and a password; signed out and in again, the credential is there.
            let tooShort = try await learner.post(client, "/mochila/account", [("email", "rosa@correo.example"), ("password", "corta")], from: "/mochila")
            #expect(tooShort.status == .badRequest)
            let kept = try await learner.post(
                client, "/mochila/account", [("email", "Rosa@Correo.example"), ("name", "Rosa"), ("password", "una contraseña larga")],
                from: "/mochila")
            #expect(kept.status == .seeOther, "\(text(kept))")
            #expect(text(try await learner.get(client, "/mochila")).contains("Mochila de Rosa"))
            #expect(try await learner.post(client, "/mochila/logout", [], from: "/mochila").status == .seeOther)
            let wrong = try await client.execute(
                uri: "/mochila/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form(["email": "rosa@correo.example", "password": "no es la contraseña"])))
            #expect(wrong.status == .unauthorized)
            var again = ConsoleUser()
            let signedIn = try await client.execute(
                uri: "/mochila/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form(["email": "rosa@correo.example", "password": "una contraseña larga"])))
            #expect(signedIn.status == .seeOther)
            again.cookie = String(try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("mochila_backpack=") }).split(separator: ";")[0])
            #expect(text(try await again.get(client, "/mochila")).contains(itemPath))

            // Share: a link that shows the credential, verified now, to someone signed out.
            let shared = try await again.post(client, itemPath + "/share", [("expires", "30")], from: itemPath)
            #expect(shared.status == .seeOther)
            let withLink = text(try await again.get(client, itemPath))
            let linkStart = try #require(withLink.range(of: "http://mochila.test/c/")).upperBound
            let shareID = String(withLink[linkStart...].prefix { $0 != "<" })
            let open = try await client.execute(uri: "/c/\(shareID)?lang=es", method: .get)
            #expect(open.status == .ok)
            #expect(text(open).contains("Credencial verificada"))
            #expect(text(open).contains("Rosa Tzoc Xicará"))
            #expect(open.headers[.cacheControl] == "no-store")
            // Someone else's backpack sees nothing of it.
            var stranger = ConsoleUser()
            _ = try await claim(client, try await issue(client, token: token, specID: specID, name: "Beto"), as: &stranger)
            #expect(try await stranger.get(client, itemPath).status == .notFound)
            let stolen = try await stranger.post(client, "/mochila/shares/\(shareID)/revoke", [], from: "/mochila")
            #expect(stolen.status == .notFound)
            // Withdrawn: the link is gone.
            let withdrawn = try await again.post(client, "/mochila/shares/\(shareID)/revoke", [("item", "x")], from: itemPath)
            #expect(withdrawn.status == .seeOther)
            let gone = try await client.execute(uri: "/c/\(shareID)?lang=es", method: .get)
            #expect(gone.status == .notFound)
            #expect(text(gone).contains("lo retiró"))

            // Presented: a verifier's challenge and domain, answered with a presentation signed by
            // the backpack's holder key, which the VC-API verifier accepts for that request only.
            let noChallenge = try await again.post(client, "/mochila/present", [("item", itemID(itemPath))], from: "/mochila")
            #expect(noChallenge.status == .badRequest)
            let presented = try await again.post(
                client, "/mochila/present", [("item", itemID(itemPath)), ("challenge", "reto-77"), ("domain", "empleos.example")],
                from: "/mochila")
            #expect(presented.status == .ok)
            let presentedPage = text(presented)
            #expect(presentedPage.contains("Presentación verificable"))
            #expect(presentedPage.contains("class=\"checks\""))
            let start = try #require(presentedPage.range(of: "readonly spellcheck=\"false\">")).upperBound
            let escaped = String(presentedPage[start...].prefix { $0 != "<" })
            let presentation = try JSONValue(parsing: Array(unescape(escaped).utf8))
            #expect(presentation["holder"]?.stringValue?.hasPrefix("did:key:z6Mk") == true)
            #expect(presentation["proof"]?["challenge"] == "reto-77")
            let accepted = try await client.execute(
                uri: "/presentations/verify", method: .post, headers: [.contentType: "application/json"],
                body: body(["verifiablePresentation": presentation, "options": ["challenge": "reto-77", "domain": "empleos.example"]]))
            #expect(accepted.status == .ok, "\(text(accepted))")
            let replayed = try await client.execute(
                uri: "/presentations/verify", method: .post, headers: [.contentType: "application/json"],
                body: body(["verifiablePresentation": presentation, "options": ["challenge": "otro-reto", "domain": "empleos.example"]]))
            #expect(replayed.status == .badRequest)

            // Deleted: the backpack and its data go; the credential the institution issued stays.
            let unconfirmed = try await again.post(client, "/mochila/delete", [("confirm", "no")], from: "/mochila")
            #expect(unconfirmed.status == .badRequest)
            let deleted = try await again.post(client, "/mochila/delete", [("confirm", "borrar")], from: "/mochila")
            #expect(deleted.status == .seeOther)
            #expect(try #require(deleted.headers[values: .setCookie].first { $0.hasPrefix("mochila_backpack=") }).contains("Max-Age=0"))
            #expect(text(try await again.get(client, "/mochila")).contains("Ingresar"))
            let afterDelete = try await client.execute(
                uri: "/mochila/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form(["email": "rosa@correo.example", "password": "una contraseña larga"])))
            #expect(afterDelete.status == .unauthorized)
            #expect(text(try await client.execute(uri: "/credentials/\(awardID)?lang=es", method: .get)).contains("Credencial verificada"))
        }
    }

    @Test func importedCredentialsAreVerifiedOnArrivalAndKeptWithTheirReport() async throws {
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-importa")
            let specID = try await createSpec(client, token: token)
            var learner = ConsoleUser()
            _ = try await claim(client, try await issue(client, token: token, specID: specID), as: &learner)

            // A badge baked by this node (any other OB 3.0 baker's works the same way).
            let other = try await issue(client, token: token, specID: specID, name: "Ana")
            let svg = Array(try await client.execute(uri: "/api/v1/credentials/\(other)/badge.svg", method: .get).body.readableBytesView)
            let imported = try await upload(client, learner, file: svg)
            #expect(imported.status == .seeOther, "\(text(imported))")
            let itemPath = String(try #require(imported.headers[.location]).prefix { $0 != "?" })
            let page = text(try await learner.get(client, itemPath))
            #expect(page.contains("Credencial verificada"))
            #expect(page.contains("importada"))

            // 1EdTech's baked badge: read and kept, but its issuer's key is not reachable here,
            // so it is not verified, and the backpack says so.
            let fixture = Array(try Data(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/simple-json.svg")))
            let foreign = try await upload(client, learner, file: fixture)
            #expect(foreign.status == .seeOther, "\(text(foreign))")
            #expect(text(try await learner.get(client, "/mochila")).contains("no verificada al llegar"))

            // What is not a credential is refused, naming the field.
            for junk in ["hola, esto no es una credencial", #"{"nombre": "no es una credencial"}"#] {
                let refused = try await upload(client, learner, file: Array(junk.utf8))
                #expect(refused.status == .badRequest)
                #expect(text(refused).contains("<code>file</code>"))
            }
        }
    }

    func itemID(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }

    func unescape(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    func upload(_ client: any TestClientProtocol, _ learner: ConsoleUser, file: [UInt8]) async throws -> TestResponse {
        let csrf = try await learner.csrf(client, "/mochila")
        let (type, body) = VerificationRoutesTests().multipart([
            ("csrf", nil, Array(csrf.utf8)), ("file", "insignia.svg", file), ("credential", nil, []),
        ])
        return try await client.execute(uri: "/mochila/import?lang=es", method: .post, headers: [.cookie: learner.cookie, .contentType: type], body: body)
    }
}
