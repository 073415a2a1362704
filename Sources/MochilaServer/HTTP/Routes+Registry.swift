import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// The network's trust registry: its public page and signed credential, and the coordinator's
/// API (the node's administrator token) to keep members and import other coordinators' registries.
extension Routes {
    func registerRegistry(on router: Router<BasicRequestContext>) {
        router.get("/registry.json") { _, _ in
            var response = JSONResponse.make(.object(try await node.registryCredential()), contentType: "application/vc+ld+json")
            response.headers[.cacheControl] = "public, max-age=300"
            return response
        }
        router.get("/registry") { request, _ in try await registryPage(request) }

        let api = router.group("api/v1/registry")
        api.get("/members") { request, _ in
            try requireAdmin(request, "the registry's members")
            return JSONResponse.make(.array(try await node.registryMembers().map(\.json)))
        }
        api.post("/members") { request, _ in
            try requireAdmin(request, "adding a registry member")
            let input = try await JSONResponse.decode(RegistryMemberInput.self, from: request)
            return JSONResponse.make(try await node.putRegistryMember(input).json, status: .created)
        }
        api.delete("/members") { request, _ in
            try requireAdmin(request, "removing a registry member")
            guard let did = request.uri.queryParameters.get("did"), !did.isEmpty else { throw APIError.badRequest("is required", field: "did") }
            try await node.removeRegistryMember(did: did)
            return Response(status: .noContent)
        }
        api.get("/sources") { request, _ in
            try requireAdmin(request, "the imported registries")
            return JSONResponse.make(.array(try await node.store.registrySources().map(Representations.registrySource)))
        }
        api.post("/sources") { request, _ in
            try requireAdmin(request, "importing a registry")
            let input = try await JSONResponse.body(request, maxBytes: 16 << 20)
            let object: JSONValue
            do { object = try JSONValue(parsing: input, limits: JSONLimits(maxBytes: 16 << 20)) } catch {
                throw APIError.badRequest("the body is not JSON: \(error)", field: "body")
            }
            let (source, members) = try await node.importRegistry(
                url: object["url"]?.stringValue, credential: object["credential"].map { Array($0.serialized()) },
                coordinator: object["coordinator"]?.stringValue ?? "")
            var body = Representations.registrySource(source).objectValue ?? [:]
            body["members"] = .number(Double(members.count))
            return JSONResponse.make(.object(body), status: .created)
        }
        api.post("/sources/refresh") { request, _ in
            try requireAdmin(request, "refreshing the imported registries")
            return JSONResponse.make(Representations.refreshed(try await node.refreshRegistries()))
        }
    }

    /// `GET /registry`: the member institutions, for anyone.
    func registryPage(_ request: Request) async throws -> Response {
        let language = language(request)
        let t = { (key: String) in UIText.text(key, language) }
        let registry = try await node.trustRegistry()
        let own = try await node.registryMembers()
        let (_, coordinator) = try await node.coordinator()
        let rows: [HTML] = own.sorted { $0.name < $1.name }.map { member in
            let scopes = member.accreditation.map { scope -> String in
                let fields = scope.fields.isEmpty ? t("registry.anyField") : scope.fields.map { code in
                    node.reference.fields[code].map { "\(code) \($0.name.text(language))" } ?? code
                }.joined(separator: ", ")
                let levels = scope.eqfLevels.isEmpty ? t("registry.anyLevel") : scope.eqfLevels.map(String.init).joined(separator: ", ")
                return "\(fields) · EQF \(levels)"
            }
            let country = node.reference.countries[member.country]?.name.text(language) ?? member.country
            return """
                <tr><td><strong>\(member.name)</strong><br><code>\(member.did)</code></td><td>\(country)</td>\
                <td>\(member.qualityAssuranceAgency ?? "—")</td><td>\(scopes.isEmpty ? t("registry.anyScope") : scopes.joined(separator: "; "))</td>\
                <td>\(String(XSDDateTime.format(member.memberSince).prefix(10)))\(member.memberUntil.map { " – " + String(XSDDateTime.format($0).prefix(10)) } ?? "")</td></tr>
                """
        }
        let body: HTML = """
            <section><h1>\(t("registry.title"))</h1><p>\(t("registry.intro"))</p>
            <p>\(t("registry.coordinator")) <code>\(coordinator)</code> · <a href="/registry.json">registry.json</a> · \
            <a href="/network?lang=\(language.rawValue)">\(t("network.title"))</a> · <a href="/catalogue?lang=\(language.rawValue)">\(t("catalogue.title"))</a></p>
            \(rows.isEmpty ? "<p class=\"muted\">\(t("registry.empty"))</p>" as HTML : """
            <table><thead><tr><th>\(t("registry.member"))</th><th>\(t("registry.country"))</th><th>\(t("registry.agency"))</th>\
            <th>\(t("registry.scope"))</th><th>\(t("registry.since"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
            <p class="muted">\(UIText.text("registry.imported", language, String(max(0, registry.members.count - own.count))))</p>
            </section>
            """
        return html(Layout.page(title: t("registry.title"), language: language, path: "/registry", body: body))
    }
}

extension Representations {
    /// What a refresh of pulled sources (registries, catalogue feeds) did, per URL.
    static func refreshed(_ outcome: [(url: String, problem: String?)]) -> JSONValue {
        .array(outcome.map { url, problem in
            var entry: JSONObject = ["url": .string(url), "refreshed": .bool(problem == nil)]
            if let problem { entry["problem"] = .string(problem) }
            return .object(entry)
        })
    }

    static func registrySource(_ source: RegistrySource) -> JSONValue {
        [
            "url": .string(source.url), "coordinator": .string(source.coordinator),
            "fetchedAt": .string(XSDDateTime.format(source.fetchedAt)),
        ]
    }
}
