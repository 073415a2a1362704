import Credentials
import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import MochilaCore
import MochilaStore
import Testing

@testable import MochilaServer

/// The life of a credential on a node: status lists, revocation, suspension, renewal, batches,
/// did:web with key rotation, and the audit log.
@Suite struct LifecycleTests {
    func issue(_ client: any TestClientProtocol, token: String, specID: String, name: String = "Rosa") async throws -> JSONValue {
        let issued = try await client.execute(
            uri: "/api/v1/awards", method: .post, headers: bearer(token),
            body: body(["specId": .string(specID), "learner": ["givenName": .string(name), "familyName": "Tzoc Xicará"]]))
        #expect(issued.status == .created, "\(text(issued))")
        return try json(issued)
    }

    func verify(_ client: any TestClientProtocol, _ credential: JSONValue) async throws -> JSONValue {
        try json(
            try await client.execute(
                uri: "/credentials/verify", method: .post, headers: [.contentType: "application/json"],
                body: body(["verifiableCredential": credential])))
    }

    func status(_ report: JSONValue) -> String? {
        report["checks"]?.asArray.first { $0["check"] == "status" }?["status"]?.stringValue
    }

    @Test func revokeSuspendReinstateAndRenew() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await createInstitution(client, slug: "uni-ciclo")
            let specID = try await createSpec(client, token: token)
            let award = try await issue(client, token: token, specID: specID)
            let id = award["id"]!.stringValue!
            let credential = award["credential"]!
            #expect(credential["credentialStatus"]?["statusPurpose"] == "revocation")
            #expect(credential["suspensionStatus"]?["statusPurpose"] == "suspension")
            #expect(status(try await verify(client, credential)) == "passed")

            // The status lists are served signed and cacheable.
            let url = credential["suspensionStatus"]!["statusListCredential"]!.stringValue!
            let path = String(url.dropFirst(test.node.publicURL.count))
            let list = try await client.execute(uri: path, method: .get)
            #expect(list.status == .ok)
            #expect(list.headers[.cacheControl] == "public, max-age=300")
            let etag = try #require(list.headers[.eTag])
            let again = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)

            let noReason = try await client.execute(uri: "/api/v1/awards/\(id)/suspend", method: .post, headers: bearer(token), body: body([:]))
            #expect(noReason.status == .badRequest)
            let suspended = try await client.execute(
                uri: "/api/v1/awards/\(id)/suspend", method: .post, headers: bearer(token), body: body(["reason": "Revisión de plagio"]))
            #expect(try json(suspended)["status"] == "suspended")
            #expect(status(try await verify(client, credential)) == "failed")
            // The suspension list changed, so the old copy is no longer current.
            let changed = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag])
            #expect(changed.status == .ok)
            #expect(changed.headers[.eTag] != etag)

            let reinstated = try await client.execute(
                uri: "/api/v1/awards/\(id)/reinstate", method: .post, headers: bearer(token), body: body(["reason": "Sin plagio"]))
            #expect(try json(reinstated)["status"] == "active")
            #expect(status(try await verify(client, credential)) == "passed")

            let renewed = try await client.execute(uri: "/api/v1/awards/\(id)/renew", method: .post, headers: bearer(token))
            #expect(renewed.status == .created)
            let renewal = try json(renewed)
            #expect(renewal["supersedes"]?.stringValue == id)
            #expect(renewal["credential"]?["supersedes"] == award["credentialId"])
            #expect(try await verify(client, renewal["credential"]!)["verified"] == true)

            let revoked = try await client.execute(
                uri: "/api/v1/awards/\(id)/revoke", method: .post, headers: bearer(token), body: body(["reason": "Acta anulada"]))
            #expect(try json(revoked)["status"] == "revoked")
            #expect(status(try await verify(client, credential)) == "failed")
            // A revocation is final.
            let undo = try await client.execute(
                uri: "/api/v1/awards/\(id)/reinstate", method: .post, headers: bearer(token), body: body(["reason": "Error"]))
            #expect(undo.status == .conflict)
            let page = text(try await client.execute(uri: "/credentials/\(id)", method: .get))
            #expect(page.contains("La credencial no pudo verificarse"))

            // Another institution cannot touch it.
            let other = try await createInstitution(client, slug: "uni-ajena", country: "CL")
            let foreign = try await client.execute(
                uri: "/api/v1/awards/\(id)/suspend", method: .post, headers: bearer(other), body: body(["reason": "x"]))
            #expect(foreign.status == .notFound)

            let audit = try json(try await client.execute(uri: "/api/v1/audit", method: .get, headers: bearer(token)))
            let actions = audit.asArray.compactMap { $0["action"]?.stringValue }
            for action in ["award.revoke", "award.renew", "award.reinstate", "award.suspend", "award.issue", "institution.create"] {
                #expect(actions.contains(action), "\(action)")
            }
        }
    }

    @Test func batchesIssueWholeFromJSONOrCSVAndRefuseBadRowsNamingThem() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await createInstitution(client, slug: "uni-lotes")
            let specID = try await createSpec(client, token: token)
            let csv = "\u{FEFF}Nombres;Apellidos;Correo electrónico;Calificación\r\nAna María;López Díaz;ana@correo.example;6,5\r\nJosé;Núñez;jose@correo.example;7,0\r\n"
            var headers = bearer(token)
            headers[.contentType] = "text/csv; charset=utf-8"
            let started = try await client.execute(
                uri: "/api/v1/batches?specId=\(specID)", method: .post, headers: headers, body: ByteBuffer(string: csv))
            #expect(started.status == .accepted, "\(text(started))")
            let batchID = try json(started)["id"]!.stringValue!
            var state = ""
            for _ in 0..<200 {
                state = try json(try await client.execute(uri: "/api/v1/batches/\(batchID)", method: .get, headers: bearer(token)))["state"]?.stringValue ?? ""
                if state == "issued" || state == "failed" { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(state == "issued")
            let awards = try json(try await client.execute(uri: "/api/v1/batches/\(batchID)/awards", method: .get, headers: bearer(token)))
            #expect(awards.asArray.count == 2)
            #expect(Set(awards.asArray.compactMap { $0["grade"]?.stringValue }) == ["6,5", "7,0"])

            // One bad row: nothing is issued, and the row and column are named.
            let bad = "nombres,apellidos,correo\nAna,López,ana@correo.example\nLuis,Paz,no-es-correo\n"
            let refused = try await client.execute(
                uri: "/api/v1/batches?specId=\(specID)", method: .post, headers: headers, body: ByteBuffer(string: bad))
            #expect(refused.status == .badRequest)
            let fields = try json(refused)["error"]?["fields"]?.asArray.compactMap { $0["field"]?.stringValue } ?? []
            #expect(fields.contains { $0.contains("row 3") && $0.contains("correo") }, "\(fields)")
            let json = try await client.execute(
                uri: "/api/v1/batches", method: .post, headers: bearer(token),
                body: body(["specId": .string(specID), "learners": [["givenName": "Eva", "familyName": ""]]]))
            #expect(json.status == .badRequest)
            let all = try await test.node.store.awards(institutionID: nil, limit: 100)
            #expect(all.count == 2)
        }
    }

    /// A batch keeps every core busy while it is signed, and the node answers other requests all
    /// the while: the batch is signed on threads of its own. (Signed on the threads every request
    /// runs on, as it was, it held both of a two-core machine's, and nothing was answered until it
    /// was done.) The test holds each part of a batch before its first credential, as a long
    /// signature would, and asks the node for pages and API answers meanwhile; so it depends on no
    /// timing. Were the parts held on the request threads, nothing would answer until a safety
    /// release 20 s later, and the test would fail, not hang.
    @Test func aNodeSigningABatchStillAnswers() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await createInstitution(client, slug: "uni-atiende")
            let specID = try await createSpec(client, token: token)
            let institution = try #require(try await test.node.store.institution(slug: "uni-atiende"))
            let workers = Node.batchWorkers
            let rows = (0..<(workers * 3)).map {
                BatchRow(row: $0 + 2, learner: Learner(givenName: "Persona \($0)", familyName: "Atendida"), grade: nil)
            }
            let gate = SigningGate()
            test.node.jobs.beforeSigning.withLock { $0 = { gate.hold() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 20) { gate.open(safety: true) }
            let id = try await test.node.startBatch(rows, specID: UUID(uuidString: specID)!, version: nil, for: institution, actor: "test")
            // Every part of the batch is held, on whichever threads sign it …
            #expect(gate.waitUntilHolding(workers, seconds: 20), "the batch's parts did not all start")
            // … and the node answers.
            for _ in 0..<3 {
                #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
                #expect(try await client.execute(uri: "/api/v1/specs/\(specID)", method: .get).status == .ok)
                #expect(try await client.execute(uri: "/api/v1/batches/\(id)", method: .get, headers: bearer(token)).status == .ok)
            }
            #expect(!gate.openedBySafety, "the requests were answered only once the batch was let go")
            gate.open(safety: false)
            var progress = try await test.node.batchProgress(id, of: institution)
            for _ in 0..<400 {
                if case .issued = progress { break }
                if case .failed = progress { break }
                try await Task.sleep(for: .milliseconds(25))
                progress = try await test.node.batchProgress(id, of: institution)
            }
            #expect(progress == .issued(count: rows.count))
        }
    }

    @Test func statusPlacesAreNeverSharedAndAFailedBatchLeavesNothing() async throws {
        let test = try await TestNode()
        try await test.run { client in
            let token = try await createInstitution(client, slug: "uni-lugares")
            let specID = try await createSpec(client, token: token)
            let institution = try #require(try await test.node.store.institution(slug: "uni-lugares"))
            let spec = try #require(try await test.node.store.spec(id: UUID(uuidString: specID)!, version: nil))
            let rows = (0..<300).map { BatchRow(row: $0 + 2, learner: Learner(givenName: "Persona \($0)", familyName: "Prueba Uno"), grade: nil) }
            try await test.node.issueBatch(rows, spec: spec, for: institution, actor: "test")
            let awards = try await test.node.store.awards(institutionID: institution.id, limit: 1000)
            let slots = awards.compactMap(\.statusSlot)
            #expect(slots.count == 300)
            #expect(Set(slots.map { "\($0.listID)-\($0.index)" }).count == 300)
            // A batch whose storing fails (a credential id already taken) stores none of its awards,
            // and its reserved places are not given out again.
            let before = try await test.node.store.awards(institutionID: institution.id, limit: 1000).count
            var duplicate = awards[0]
            duplicate.id = UUID()
            await #expect(throws: (any Error).self) {
                try await test.node.store.addAwards(
                    [awards[0].withNewID(), duplicate],
                    batch: Batch(id: UUID(), institutionID: institution.id, specID: spec.id, specVersion: 1, issuedBy: "test", count: 2, createdAt: Date()),
                    audit: [])
            }
            #expect(try await test.node.store.awards(institutionID: institution.id, limit: 1000).count == before)
            let next = try await test.node.store.reserveStatusSlots(institutionID: institution.id, count: 50, capacity: Node.statusListCapacity, at: Date())
            #expect(Set(next.map { "\($0.listID)-\($0.index)" }).isDisjoint(with: Set(slots.map { "\($0.listID)-\($0.index)" })))
        }
    }

    @Test func didWebInstitutionsRotateKeysAndOldCredentialsStillVerify() async throws {
        let store = SQLiteStore(path: nil)
        try await store.migrate()
        let node = Node(
            store: store, vault: try KeyVault(masterKey: KeyVault.generateMasterKey()), adminToken: TestNode.adminToken,
            publicURL: "https://creditos.uni.example")
        let app = Application(router: buildRouter(node: node, demo: false))
        try await app.test(.router) { client in
            let token = try await createInstitution(client, slug: "uni-web")
            let institution = try json(try await client.execute(uri: "/api/v1/institutions/uni-web", method: .get))
            #expect(institution["did"] == "did:web:creditos.uni.example:institutions:uni-web")
            let specID = try await createSpec(client, token: token)
            let before = try await issue(client, token: token, specID: specID, name: "Antes")
            let firstReport = try await verify(client, before["credential"]!)
            #expect(firstReport["verified"] == true, "\(firstReport)")

            let document = try json(try await client.execute(uri: "/institutions/uni-web/did.json", method: .get))
            #expect(document["id"] == "did:web:creditos.uni.example:institutions:uni-web")
            #expect(document["verificationMethod"]?.asArray.count == 1)

            let rotated = try await client.execute(uri: "/api/v1/institutions/uni-web/keys", method: .post, headers: bearer(token))
            #expect(rotated.status == .created)
            let newKey = try json(rotated)["id"]
            let after = try await issue(client, token: token, specID: specID, name: "Después")
            #expect(after["credential"]?["proof"]?[0]?["verificationMethod"] == newKey)
            let rotatedDocument = try json(try await client.execute(uri: "/institutions/uni-web/did.json", method: .get))
            #expect(rotatedDocument["verificationMethod"]?.asArray.count == 2)
            #expect(try await verify(client, before["credential"]!)["verified"] == true)
            #expect(try await verify(client, after["credential"]!)["verified"] == true)
        }
        try await store.shutdown()
    }
}

extension Award {
    /// The same award under a new id (and so a new credential id), for tests.
    func withNewID() -> Award {
        var copy = self
        copy.id = UUID()
        copy.credentialID = "urn:uuid:" + copy.id.uuidString.lowercased()
        copy.statusSlot = nil
        return copy
    }
}

/// Holds the threads that sign a batch until it is opened (``LifecycleTests``).
final class SigningGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false
    private var holding = 0
    private(set) var openedBySafety = false

    /// Called on a signing thread: waits there until the gate opens.
    func hold() {
        condition.lock()
        holding += 1
        condition.broadcast()
        while !isOpen { condition.wait() }
        condition.unlock()
    }

    /// Waits (blocking this thread, so it works even where no task can run) until `count`
    /// threads are held, or `seconds` pass.
    func waitUntilHolding(_ count: Int, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while holding < count && !isOpen {
            if !condition.wait(until: deadline) { return false }
        }
        return holding >= count
    }

    func open(safety: Bool) {
        condition.lock()
        if !isOpen {
            isOpen = true
            openedBySafety = safety
        }
        condition.broadcast()
        condition.unlock()
    }
}
