import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore
import MochilaStore

/// The JSON API behind the console's work: staff accounts, ESCO search and the Europass export.
extension Routes {
    func registerConsoleAPI(on router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        // Staff accounts: the institution's token creates the first administrator; the
        // console's staff page adds the others.
        api.post("/staff") { request, _ in
            let institution = try await authenticate(request)
            let body = try await JSONResponse.json(request)
            let roleText = body["role"]?.stringValue ?? "issuer"
            guard let role = StaffRole(rawValue: roleText) else {
                throw APIError.badRequest("must be \"admin\", \"issuer\" or \"viewer\"", field: "role")
            }
            let member = try await node.createStaff(
                email: body["email"]?.stringValue ?? "", name: body["name"]?.stringValue ?? "", role: role,
                password: body["password"]?.stringValue ?? "", for: institution, actor: "api")
            return JSONResponse.make(Representations.staff(member), status: .created)
        }
        api.get("/staff") { request, _ in
            let institution = try await authenticate(request)
            return JSONResponse.make(.array(try await node.store.staff(institutionID: institution.id).map(Representations.staff)))
        }
        api.get("/esco/search") { request, _ in escoSearch(request) }
        api.get("/credentials/:id/europass") { _, context in try await europass(context) }
    }

    /// `GET /api/v1/esco/search?q=energia solar&lang=es&kind=skill&limit=20`: ESCO skills and
    /// occupations by label, accent- and case-insensitive.
    func escoSearch(_ request: Request) -> Response {
        let query = request.uri.queryParameters.get("q").map { String($0) } ?? ""
        let language = language(request)
        let kinds: Set<ESCOConcept.Kind>
        switch request.uri.queryParameters.get("kind") {
        case "occupation": kinds = [.occupation]
        case "skill": kinds = Set(ESCOConcept.Kind.allCases).subtracting([.occupation])
        default: kinds = Set(ESCOConcept.Kind.allCases)
        }
        let limit = max(1, min(Int(request.uri.queryParameters.get("limit") ?? "") ?? 20, 100))
        let matches = ESCOCatalog.bundled.search(query, language: language, kinds: kinds, limit: limit)
        let results: [JSONValue] = matches.map { match in
            var entry: JSONObject = [
                "uri": .string(match.concept.uri), "kind": .string(match.concept.kind.rawValue), "label": .string(match.label),
                "language": .string(match.language.rawValue),
            ]
            if match.matchedLabel != match.label { entry["matchedLabel"] = .string(match.matchedLabel) }
            if let type = match.concept.skillType { entry["skillType"] = .string(type) }
            return .object(entry)
        }
        return JSONResponse.make([
            "query": .string(query), "results": .array(results),
            "notice": .string((ESCOCatalog.notice[language] ?? "") + " " + (ESCOCatalog.modificationNotice[language] ?? "")),
        ])
    }

    /// `GET /api/v1/credentials/{id}/europass`: the award as a European Learning Model (ELM 3)
    /// credential in JSON-LD, for the Europass tools to seal. A revoked or suspended credential
    /// is not exported (409).
    func europass(_ context: BasicRequestContext) async throws -> Response {
        let (award, institution, spec) = try await exportableAward(try context.parameters.require("id"), purpose: "exported")
        let document = EuropassCredential(institution: institution, spec: spec, award: award, reference: node.reference).document()
        var response = JSONResponse.bytes(JSONValue.object(document).serialized(.pretty), contentType: "application/ld+json")
        response.headers[.contentDisposition] =
            "attachment; filename=\"europass-\(award.id.uuidString.lowercased()).jsonld\""
        return response
    }
}

extension Representations {
    static func staff(_ member: StaffMember) -> JSONValue {
        [
            "id": .string(member.id.uuidString.lowercased()), "email": .string(member.email), "name": .string(member.name),
            "role": .string(member.role.rawValue), "createdAt": .string(XSDDateTime.format(member.createdAt)),
        ]
    }
}
