import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore
import MochilaStore

/// Status lists, DID documents, the lifecycle of awards, batches and the audit log.
extension Routes {
    func registerLifecycle(on router: Router<BasicRequestContext>) {
        router.get("/status/:slug/:number/:purpose") { request, context in try await statusList(request, context) }
        router.get("/institutions/:slug/did.json") { _, context in
            let slug = try context.parameters.require("slug")
            guard let document = try await node.didDocument(slug: slug) else { throw APIError.notFound("DID document of \(slug)") }
            var response = JSONResponse.make(document.json, contentType: "application/did+json")
            response.headers[.cacheControl] = "public, max-age=300"
            return response
        }

        let api = router.group("api/v1")
        for (action, path) in [("revoke", "revoke"), ("suspend", "suspend"), ("reinstate", "reinstate")] {
            api.post("/awards/:id/\(path)") { request, context in
                let institution = try await authenticate(request)
                let id = try uuid(context.parameters.require("id"), "award id")
                let body = try await JSONResponse.json(request)
                let reason = body["reason"]?.stringValue ?? ""
                let award: Award
                switch action {
                case "revoke": award = try await node.revoke(id, reason: reason, of: institution, actor: "api")
                case "suspend": award = try await node.suspend(id, reason: reason, of: institution, actor: "api")
                default: award = try await node.reinstate(id, reason: reason, of: institution, actor: "api")
                }
                return JSONResponse.make(.object(Representations.award(award, claim: node.claimLink(for: award.id))))
            }
        }
        api.post("/awards/:id/renew") { request, context in
            let institution = try await authenticate(request)
            let id = try uuid(context.parameters.require("id"), "award id")
            let award = try await node.renew(id, of: institution, actor: "api")
            var body = Representations.award(award, claim: node.claimLink(for: award.id))
            body["credential"] = try JSONValue(parsing: award.credential)
            return JSONResponse.make(.object(body), status: .created)
        }
        api.post("/institutions/:slug/keys") { request, context in
            let institution = try await authenticate(request)
            guard try context.parameters.require("slug") == institution.slug else { throw APIError.notFound("institution") }
            let key = try await node.rotateKey(of: institution, actor: "api")
            return JSONResponse.make(["id": .string(key.id), "publicKeyMultibase": .string(key.publicKeyMultibase)], status: .created)
        }
        api.get("/audit") { request, _ in
            let institution = try await authenticate(request)
            let limit = min(Int(request.uri.queryParameters.get("limit") ?? "") ?? 100, 1000)
            let entries = try await node.store.audit(institutionID: institution.id, limit: limit)
            return JSONResponse.make(.array(entries.map(Representations.audit)))
        }
        api.post("/batches") { request, _ in try await startBatch(request) }
        api.get("/batches/:id") { request, context in
            let institution = try await authenticate(request)
            let id = try uuid(context.parameters.require("id"), "batch id")
            guard let progress = try await node.batchProgress(id, of: institution) else { throw APIError.notFound("batch \(id)") }
            return JSONResponse.make(Representations.progress(id, progress))
        }
        api.get("/batches/:id/awards") { request, context in
            let institution = try await authenticate(request)
            let id = try uuid(context.parameters.require("id"), "batch id")
            guard let batch = try await node.store.batch(id: id), batch.institutionID == institution.id else {
                throw APIError.notFound("batch \(id)")
            }
            let awards = try await node.store.awards(batchID: id)
            return JSONResponse.make(.array(awards.map { award in
                var object = Representations.award(award, claim: node.claimLink(for: award.id))
                object["links"]?["page"] = .string(node.publicURL + "/credentials/" + award.id.uuidString.lowercased())
                return .object(object)
            }))
        }
    }

    /// `GET /status/{slug}/{number}/{purpose}`: a signed Bitstring Status List credential,
    /// cacheable: an ETag, `Cache-Control`, and 304 for a copy that is still current.
    func statusList(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        guard let number = Int(try context.parameters.require("number")),
            let purpose = StatusPurpose(rawValue: try context.parameters.require("purpose")),
            let list = try await node.statusList(slug: slug, number: number, purpose: purpose)
        else { throw APIError.notFound("status list") }
        var headers: HTTPFields = [.eTag: list.etag, .cacheControl: "public, max-age=300"]
        if request.headers[.ifNoneMatch]?.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == list.etag }) == true {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = "application/vc"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: list.credential)))
    }

    /// `POST /api/v1/batches`: a spreadsheet saved as CSV (`Content-Type: text/csv`, the spec in
    /// `?specId=`), or JSON `{"specId", "specVersion"?, "learners": [{"givenName", "familyName",
    /// "email"?, "did"?, "grade"?}]}`. Every row is checked first; with a problem, nothing is
    /// issued and every problem is named with its row and column. Answers 202 with the progress.
    func startBatch(_ request: Request) async throws -> Response {
        let institution = try await authenticate(request)
        let rows: [BatchRow]
        let specText: String?
        let version: Int?
        if request.headers[.contentType]?.lowercased().hasPrefix("text/csv") == true {
            specText = request.uri.queryParameters.get("specId")
            version = request.uri.queryParameters.get("specVersion").flatMap { Int($0) }
            switch BatchImport.learners(from: try await JSONResponse.body(request, maxBytes: CSVLimits.default.maxBytes)) {
            case .success(let learners): rows = learners
            case .failure(let error):
                let language = Language.negotiate(acceptLanguage: request.headers[.acceptLanguage])
                let problems = error.problems.map { problem in
                    ValidationError.Problem(
                        field: [problem.row.map { "row \($0)" }, problem.column].compactMap { $0 }.joined(separator: ", "),
                        message: problem.message.text(language))
                }
                throw APIError(
                    .badRequest, "invalid_rows",
                    "the file has \(error.problems.count + error.unreportedCount) problems; nothing was issued", fields: problems)
            }
        } else {
            let body = try await JSONResponse.json(request)
            specText = body["specId"]?.stringValue
            version = body["specVersion"]?.numberValue.map { Int($0) }
            guard let learners = body["learners"]?.arrayValue, !learners.isEmpty else {
                throw APIError.badRequest("is required: the learners, a non-empty list", field: "learners")
            }
            var valid: [BatchRow] = []
            var problems: [ValidationError.Problem] = []
            for (offset, entry) in learners.enumerated() {
                let input = AwardInput(
                    learner: .init(
                        givenName: entry["givenName"]?.stringValue, familyName: entry["familyName"]?.stringValue,
                        email: entry["email"]?.stringValue, did: entry["did"]?.stringValue),
                    grade: entry["grade"]?.stringValue)
                do {
                    valid.append(BatchRow(row: offset + 1, learner: try input.validatedLearner(), grade: input.grade))
                } catch let error as ValidationError {
                    problems += error.problems.map {
                        .init(field: "learners[\(offset)].\($0.field.replacingOccurrences(of: "learner.", with: ""))", message: $0.message)
                    }
                }
            }
            if !problems.isEmpty { throw ValidationError(problems) }
            rows = valid
        }
        guard let specText, let specID = UUID(uuidString: specText) else {
            throw APIError.badRequest("is required: the id of the spec to award", field: "specId")
        }
        let id = try await node.startBatch(rows, specID: specID, version: version, for: institution, actor: "api")
        let progress = try await node.batchProgress(id, of: institution) ?? .signing(done: 0, total: rows.count)
        return JSONResponse.make(Representations.progress(id, progress), status: .accepted)
    }
}
