import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import MochilaStore
import Testing

@testable import MochilaServer

/// A person in the console, as a browser would be: a session cookie and the CSRF token of the
/// last page.
struct ConsoleUser {
    var cookie = ""

    /// Signs in and keeps the session cookie.
    mutating func signIn(_ client: any TestClientProtocol, email: String, password: String) async throws {
        let response = try await client.execute(
            uri: "/console/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: form(["email": email, "password": password])))
        #expect(response.status == .seeOther, "\(text(response))")
        let setCookie = try #require(response.headers[.setCookie])
        cookie = String(setCookie.split(separator: ";")[0])
    }

    func get(_ client: any TestClientProtocol, _ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: [.cookie: cookie])
    }

    /// Posts a form, with the CSRF token read from the page at `from`.
    func post(
        _ client: any TestClientProtocol, _ path: String, _ fields: [(String, String)], from page: String? = nil
    ) async throws -> TestResponse {
        let token = try await csrf(client, page ?? "/console")
        let body = ([("csrf", token)] + fields).map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
        return try await client.execute(
            uri: path, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    func csrf(_ client: any TestClientProtocol, _ page: String) async throws -> String {
        let html = text(try await get(client, page))
        let marker = "name=\"csrf\" value=\""
        let start = try #require(html.range(of: marker)).upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }
}

func form(_ fields: [String: String]) -> String {
    fields.sorted { $0.key < $1.key }.map { "\(escape($0.key))=\(escape($0.value))" }.joined(separator: "&")
}

func escape(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed)!
}

/// A designer form with every required element filled in.
let designerFields: [(String, String)] = [
    ("outcomes", "1"), ("title.es", "Soldadura por arco"), ("description.es", "Uniones soldadas por arco eléctrico."),
    ("languages", "es"), ("o0.es", "Suelda uniones a tope con arco eléctrico."), ("workloadHours", "40"),
    ("credit.system", "ECTS"), ("credit.value", "1,5"), ("credit.system", ""), ("credit.value", ""),
    ("eqfLevel", "4"), ("iscedField", "0715"), ("assessmentType", "practical-demonstration"), ("participation", "onsite"),
    ("qualityAssurance.es", "Comité académico."), ("formality", "non-formal"), ("validityMonths", "24"),
]

let arcWelding = "http://data.europa.eu/esco/skill/27d26fd6-5795-4f0a-884e-112df7c68314"

/// Creates an institution and an administrator for it; returns the institution's token.
func institutionWithAdmin(_ client: any TestClientProtocol, slug: String, email: String, role: String = "admin") async throws -> String {
    let token = try await createInstitution(client, slug: slug)
    let created = try await client.execute(
        uri: "/api/v1/staff", method: .post, headers: bearer(token),
        body: body(["email": .string(email), "name": "Ana Pérez", "role": .string(role), "password": "una clave bien larga"]))
    #expect(created.status == .created, "\(text(created))")
    return token
}

@Suite struct ConsoleTests {
    @Test func signInWithSessionCookieAndSignOut() async throws {
        try await TestNode().run { client in
            _ = try await institutionWithAdmin(client, slug: "uni-consola", email: "ana@uni.example")
            let anonymous = try await client.execute(uri: "/console/specs", method: .get)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/console/login?next=%2Fconsole%2Fspecs")

            let wrong = try await client.execute(
                uri: "/console/login?lang=es", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form(["email": "ana@uni.example", "password": "no es la clave"])))
            #expect(wrong.status == .unauthorized)
            #expect(text(wrong).contains("Correo o contraseña incorrectos."))

            let response = try await client.execute(
                uri: "/console/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form(["email": "ANA@uni.example", "password": "una clave bien larga", "next": "/console/audit"])))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/console/audit")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("mochila_session=mch_"))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/console"))
            #expect(!cookie.contains("Secure"), "http public URL: the cookie must still reach the node")

            var user = ConsoleUser()
            user.cookie = String(cookie.split(separator: ";")[0])
            let dashboard = try await user.get(client, "/console?lang=es")
            #expect(dashboard.status == .ok)
            #expect(text(dashboard).contains("Panel de Universidad uni-consola"))
            #expect(dashboard.headers[.contentSecurityPolicy] != nil)

            // An open redirect is refused: after signing in, only console pages.
            let outside = try await client.execute(
                uri: "/console/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form(["email": "ana@uni.example", "password": "una clave bien larga", "next": "//evil.example/"])))
            #expect(outside.headers[.location] == "/console")

            let out = try await user.post(client, "/console/logout", [])
            #expect(out.status == .seeOther)
            #expect(try await user.get(client, "/console").status == .seeOther, "the session ends with sign-out")
        }
    }

    @Test func formsNeedTheSessionsCSRFTokenAndTheRightRole() async throws {
        try await TestNode().run { client in
            _ = try await institutionWithAdmin(client, slug: "uni-csrf", email: "lector@uni.example", role: "viewer")
            var user = ConsoleUser()
            try await user.signIn(client, email: "lector@uni.example", password: "una clave bien larga")
            let forged = try await client.execute(
                uri: "/console/specs/new", method: .post,
                headers: [.cookie: user.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=guess&action=save"))
            #expect(forged.status == .forbidden)
            let viewer = try await user.post(client, "/console/specs/new", designerFields + [("action", "save")])
            #expect(viewer.status == .forbidden, "a viewer may not design")
            #expect(text(viewer).contains("Consulta"))
        }
    }

    @Test func passwordGuessingIsThrottled() async throws {
        try await TestNode().run { client in
            _ = try await institutionWithAdmin(client, slug: "uni-fuerza", email: "ana@fuerza.example")
            for _ in 0..<LoginThrottle.maxFailures {
                let response = try await client.execute(
                    uri: "/console/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: form(["email": "ana@fuerza.example", "password": "adivinanza-123"])))
                #expect(response.status == .unauthorized)
            }
            let blocked = try await client.execute(
                uri: "/console/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form(["email": "ana@fuerza.example", "password": "una clave bien larga"])))
            #expect(blocked.status == .tooManyRequests, "even the right password waits")
        }
    }

    @Test func designsASpecWithAnESCOSkillWithoutJavaScript() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await institutionWithAdmin(client, slug: "uni-diseno", email: "ana@diseno.example")
            var user = ConsoleUser()
            try await user.signIn(client, email: "ana@diseno.example", password: "una clave bien larga")

            // Missing elements come back named, in Spanish, with what was typed kept.
            let incomplete = try await user.post(
                client, "/console/specs/new", [("outcomes", "1"), ("title.es", "Soldadura <b>"), ("action", "save")],
                from: "/console/specs/new?lang=es")
            #expect(incomplete.status == .unprocessableContent)
            let page = text(incomplete)
            #expect(page.contains("<strong>Descripción</strong>: es obligatorio"))
            #expect(page.contains("<strong>Campo de estudio ISCED-F 2013</strong>: es obligatorio"))
            #expect(page.contains("value=\"Soldadura &lt;b&gt;\""), "typed text is kept, escaped")

            // Search ESCO without accents, attach the skill, save.
            let search = try await user.post(
                client, "/console/specs/new", designerFields + [("o0.q", "tecnicas soldadura por ARCO"), ("o0.kind", "skill"), ("action", "search:0")])
            #expect(search.status == .ok)
            #expect(text(search).contains("aplicar técnicas de soldadura por arco"))
            #expect(text(search).contains("value=\"attach:0:\(arcWelding)\""))
            let attached = try await user.post(client, "/console/specs/new", designerFields + [("action", "attach:0:\(arcWelding)")])
            let hidden = text(attached)
            #expect(hidden.contains("name=\"o0.skill\""))
            // The attached skill travels in the form as JSON, as a browser would send it back.
            let start = try #require(hidden.range(of: "name=\"o0.skill\" value=\"")).upperBound
            let skillJSON = String(hidden[start...].prefix { $0 != "\"" }).replacingOccurrences(of: "&quot;", with: "\"")
            #expect(skillJSON.contains(arcWelding.replacingOccurrences(of: "/", with: "\\/")) || skillJSON.contains(arcWelding))

            let preview = try await user.post(client, "/console/specs/new", designerFields + [("o0.skill", skillJSON), ("action", "preview")])
            #expect(preview.status == .ok)
            #expect(text(preview).contains("Vista previa"))
            #expect(text(preview).contains("María José Pérez Núñez"))

            let saved = try await user.post(client, "/console/specs/new", designerFields + [("o0.skill", skillJSON), ("action", "save")])
            #expect(saved.status == .seeOther, "\(text(saved))")
            let location = try #require(saved.headers[.location])
            let specID = String(location.dropFirst("/console/specs/".count).prefix(36))
            let spec = try json(try await client.execute(uri: "/api/v1/specs/\(specID)", method: .get, headers: bearer(token)))
            #expect(spec["learningOutcomes"]?[0]?["skills"]?[0]?["uri"]?.stringValue == arcWelding)
            #expect(spec["credits"]?[0]?["value"] == 1.5, "a decimal comma is read")
            #expect(spec["validityMonths"] == 24)
            let specPage = try await user.get(client, location)
            #expect(text(specPage).contains("Microcredencial guardada (versión 1)."))

            // The audit log names who designed it.
            let audit = text(try await user.get(client, "/console/audit"))
            #expect(audit.contains("spec.create"))
            #expect(audit.contains("ana@diseno.example"))
        }
    }

    @Test func issuesOneAndABatchThenRevokesAndThePublicPageSaysSo() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await institutionWithAdmin(client, slug: "uni-emite", email: "ana@emite.example")
            let specID = try await createSpec(client, token: token)
            var user = ConsoleUser()
            try await user.signIn(client, email: "ana@emite.example", password: "una clave bien larga")
            let specPath = "/console/specs/\(specID)"

            // One learner.
            let issued = try await user.post(
                client, "\(specPath)/issue", [("givenName", "Rosa"), ("familyName", "Tzoc Xicará"), ("email", "rosa@correo.example")],
                from: specPath)
            #expect(issued.status == .seeOther, "\(text(issued))")
            let awardPath = try #require(issued.headers[.location]).split(separator: "?")[0]
            #expect(text(try await user.get(client, String(awardPath) + "?done=issued")).contains("Rosa Tzoc Xicará"))
            let invalid = try await user.post(client, "\(specPath)/issue", [("givenName", ""), ("familyName", "Tzoc")], from: specPath)
            #expect(invalid.status == .unprocessableContent)
            #expect(text(invalid).contains("<strong>Nombres</strong>"))

            // A batch with a bad row issues nothing and names row and column.
            let csrf = try await user.csrf(client, specPath)
            let bad = try await client.execute(
                uri: "\(specPath)/batch", method: .post, headers: multipartHeaders(user.cookie),
                body: multipart(csrf: csrf, csv: "nombres;apellidos;correo\nLuis;Pérez;luis@correo.example\nMarta;;marta@correo\n"))
            #expect(bad.status == .unprocessableContent)
            #expect(text(bad).contains("<td>3</td>"), "the row, as the spreadsheet numbers it")
            #expect(try await test.store.awards(institutionID: nil, limit: 100).count == 1, "nothing of a bad batch is issued")

            let good = try await client.execute(
                uri: "\(specPath)/batch", method: .post, headers: multipartHeaders(user.cookie),
                body: multipart(csrf: csrf, csv: "\u{FEFF}nombres;apellidos;correo\nLuis;Pérez;luis@correo.example\nMarta;Quispe;marta@correo.example\n"))
            #expect(good.status == .seeOther, "\(text(good))")
            let batchPath = try #require(good.headers[.location])
            var page = ""
            for _ in 0..<100 {
                let response = try await user.get(client, batchPath)
                page = text(response)
                if response.headers[.init("Refresh")!] == nil { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(page.contains("Lote emitido: 2 credenciales firmadas."), "\(page)")
            #expect(page.contains("http://mochila.test/credentials/"))
            let links = text(try await user.get(client, batchPath + "/links.csv"))
            #expect(links.hasPrefix("given_name,family_name,email,credential_id,claim_link\r\n"))
            #expect(links.contains("Marta,Quispe,marta@correo.example,urn:uuid:"))

            // Revoke the first one; its public page says so, and Europass no longer exports it.
            let awardID = String(awardPath.dropFirst("/console/awards/".count))
            #expect(try await client.execute(uri: "/api/v1/credentials/\(awardID)/europass", method: .get).status == .ok)
            let noReason = try await user.post(client, "\(awardPath)/revoke", [("reason", "")], from: String(awardPath))
            #expect(noReason.status == .unprocessableContent)
            let revoked = try await user.post(client, "\(awardPath)/revoke", [("reason", "Error en la nómina")], from: String(awardPath))
            #expect(revoked.status == .seeOther)
            let publicPage = text(try await client.execute(uri: "/credentials/\(awardID)?lang=es", method: .get))
            #expect(publicPage.contains("Revocada por la institución"))
            #expect(publicPage.contains("Error en la nómina"))
            #expect(publicPage.contains("La credencial no pudo verificarse"))
            #expect(try await client.execute(uri: "/api/v1/credentials/\(awardID)/europass", method: .get).status == .conflict)
            let audit = text(try await user.get(client, "/console/audit"))
            #expect(audit.contains("award.revoke"))
        }
    }

    @Test func staffOfOneInstitutionSeeNothingOfAnother() async throws {
        try await TestNode().run { client in
            let tokenA = try await institutionWithAdmin(client, slug: "uni-a", email: "ana@a.example")
            _ = try await institutionWithAdmin(client, slug: "uni-b", email: "beto@b.example")
            let specA = try await createSpec(client, token: tokenA)
            let award = try json(
                try await client.execute(
                    uri: "/api/v1/awards", method: .post, headers: bearer(tokenA),
                    body: body(["specId": .string(specA), "learner": ["givenName": "Rosa", "familyName": "Tzoc"]])))
            var beto = ConsoleUser()
            try await beto.signIn(client, email: "beto@b.example", password: "una clave bien larga")
            let id = award["id"]!.stringValue!
            #expect(try await beto.get(client, "/console/awards/\(id)").status == .notFound)
            #expect(try await beto.get(client, "/console/specs/\(specA)").status == .notFound)
            let revoke = try await beto.post(client, "/console/awards/\(id)/revoke", [("reason", "ajeno")])
            #expect(revoke.status == .notFound)
        }
    }

    @Test func adminsAddStaffAndEscoSearchAnswersJSON() async throws {
        try await TestNode().run { client in
            _ = try await institutionWithAdmin(client, slug: "uni-personal", email: "ana@personal.example")
            var user = ConsoleUser()
            try await user.signIn(client, email: "ana@personal.example", password: "una clave bien larga")
            let short = try await user.post(
                client, "/console/staff", [("name", "Luis"), ("email", "luis@personal.example"), ("role", "issuer"), ("password", "corta")])
            #expect(short.status == .unprocessableContent)
            let added = try await user.post(
                client, "/console/staff",
                [("name", "Luis"), ("email", "luis@personal.example"), ("role", "issuer"), ("password", "otra clave muy larga")])
            #expect(added.status == .ok)
            #expect(text(added).contains("luis@personal.example"))
            var luis = ConsoleUser()
            try await luis.signIn(client, email: "luis@personal.example", password: "otra clave muy larga")
            let notAdmin = try await luis.post(
                client, "/console/staff", [("name", "X"), ("email", "x@personal.example"), ("role", "admin"), ("password", "otra clave muy larga")])
            #expect(notAdmin.status == .forbidden)

            let search = try json(try await client.execute(uri: "/api/v1/esco/search?q=soldadura%20arco&lang=es&kind=skill", method: .get))
            #expect(search["results"]?.asArray.contains { $0["uri"]?.stringValue == arcWelding } == true)
        }
    }

    @Test func demoNodeHasConsoleAccounts() async throws {
        try await TestNode(demo: true).run { client in
            var user = ConsoleUser()
            try await user.signIn(client, email: "admin@utiv.example", password: Node.demoPassword)
            let specs = try await user.get(client, "/console/specs?lang=es")
            #expect(specs.status == .ok)
            #expect(text(specs).contains("Versión 1"))
        }
    }
}

func multipartHeaders(_ cookie: String) -> HTTPFields {
    [.cookie: cookie, .contentType: "multipart/form-data; boundary=----mochila-test"]
}

func multipart(csrf: String, csv: String) -> ByteBuffer {
    let text = """
        ------mochila-test\r
        Content-Disposition: form-data; name="csrf"\r
        \r
        \(csrf)\r
        ------mochila-test\r
        Content-Disposition: form-data; name="file"; filename="lote.csv"\r
        Content-Type: text/csv\r
        \r
        \(csv)\r
        ------mochila-test--\r

        """
    return ByteBuffer(string: text)
}

/// The VC-API issuer side: signing a credential an institution wrote, and changing a status.
@Suite struct VCAPIIssuerTests {
    @Test func signsACredentialAsTheInstitutionAndRefusesAnother() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await createInstitution(client, slug: "uni-vcapi")
            let did = try json(try await client.execute(uri: "/api/v1/institutions/uni-vcapi", method: .get))["did"]!.stringValue!
            let credential: JSONValue = [
                "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
                "credentialSubject": ["id": "did:example:rosa", "name": "Rosa Tzoc"],
            ]
            let issued = try await client.execute(
                uri: "/credentials/issue", method: .post, headers: bearer(token), body: body(["credential": credential]))
            #expect(issued.status == .created, "\(text(issued))")
            let signed = try json(issued)["verifiableCredential"]!
            #expect(signed["issuer"]?.stringValue == did)
            #expect(signed["proof"]?["cryptosuite"] == "eddsa-rdfc-2022")
            let report = try json(
                try await client.execute(
                    uri: "/credentials/verify", method: .post, headers: [.contentType: "application/json"],
                    body: body(["verifiableCredential": signed])))
            #expect(report["verified"] == true, "\(report)")

            var foreign = credential.objectValue!
            foreign["issuer"] = "did:example:otra"
            let refused = try await client.execute(
                uri: "/credentials/issue", method: .post, headers: bearer(token), body: body(["credential": .object(foreign)]))
            #expect(refused.status == .badRequest)
            #expect(text(refused).contains("credential.issuer"))
            var broken = credential.objectValue!
            broken["type"] = ["Diploma"]
            let invalid = try await client.execute(
                uri: "/credentials/issue", method: .post, headers: bearer(token), body: body(["credential": .object(broken)]))
            #expect(invalid.status == .badRequest)
            #expect(try await client.execute(uri: "/credentials/issue", method: .post, body: body(["credential": credential])).status == .unauthorized)
        }
    }

    @Test func changesTheStatusOfAnAward() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await createInstitution(client, slug: "uni-estado")
            let specID = try await createSpec(client, token: token)
            let award = try json(
                try await client.execute(
                    uri: "/api/v1/awards", method: .post, headers: bearer(token),
                    body: body(["specId": .string(specID), "learner": ["givenName": "Rosa", "familyName": "Tzoc"]])))
            let credentialID = award["credentialId"]!.stringValue!
            let suspended = try await client.execute(
                uri: "/credentials/status", method: .post, headers: bearer(token),
                body: body([
                    "credentialId": .string(credentialID),
                    "credentialStatus": [["type": "BitstringStatusListCredential", "status": "suspended"]],
                ]))
            #expect(try json(suspended)["status"] == "suspended", "\(text(suspended))")
            let reinstated = try await client.execute(
                uri: "/credentials/status", method: .post, headers: bearer(token),
                body: body(["credentialId": .string(credentialID), "credentialStatus": [["statusPurpose": "suspension", "status": false]]]))
            #expect(try json(reinstated)["status"] == "active")
            let other = try await createInstitution(client, slug: "uni-ajena")
            let foreign = try await client.execute(
                uri: "/credentials/status", method: .post, headers: bearer(other),
                body: body(["credentialId": .string(credentialID), "credentialStatus": [["status": "revoked"]]]))
            #expect(foreign.status == .notFound)
        }
    }
}
