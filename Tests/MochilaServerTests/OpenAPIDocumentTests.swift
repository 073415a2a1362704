import Foundation
import Hummingbird
import HummingbirdTesting
import LinkedData
import Testing

@testable import MochilaServer

/// The OpenAPI document served at `/openapi.json` describes the routes the node really has.
@Suite struct OpenAPIDocumentTests {
    /// One documented operation.
    struct Operation: Hashable, CustomStringConvertible {
        var method: String
        var path: String
        var description: String { "\(method.uppercased()) \(path)" }
    }

    static let methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

    static func document() throws -> JSONValue {
        // Mochila's strict parser: duplicate keys (easy to write by hand in a big document) fail.
        try JSONValue(parsing: OpenAPI.document)
    }

    static func operations(_ document: JSONValue) throws -> [Operation] {
        let paths = try #require(document["paths"]?.objectValue)
        return paths.flatMap { path, item in
            (item.objectValue?.keys ?? []).filter { methods.contains($0) }.map { Operation(method: $0, path: path) }
        }
    }

    /// Whether a response is Hummingbird's answer to a request no route matched: 404 (or 405)
    /// with no body. The node's own "not found" answers always have one: a JSON error for the API
    /// (`{"error": {"code": "not_found", …}}`), an `Imsx_StatusInfo` for the Open Badges API, a
    /// page for the pages.
    static func isUnrouted(_ response: TestResponse) -> Bool {
        (response.status == .notFound || response.status == .methodNotAllowed) && response.body.readableBytes == 0
    }

    /// `/api/v1/awards/{id}` with `values["id"]` for `{id}`.
    static func fill(_ path: String, _ values: [String: String]) throws -> String {
        var filled = path
        for (name, value) in values { filled = filled.replacingOccurrences(of: "{\(name)}", with: value) }
        #expect(!filled.contains("{"), "no example value for a parameter of \(path)")
        return filled
    }

    /// The pages (HTML for people, not API: the public pages, the console, the backpack and its
    /// share links and public profiles): left out of the document on purpose.
    static func isPage(_ path: String) -> Bool {
        path == "/" || path == "/verify" || path == "/console" || path.hasPrefix("/console/") || path == "/mochila"
            || path.hasPrefix("/mochila/") || path.hasPrefix("/c/") || path.hasPrefix("/p/") || path == "/registry"
            || path.hasPrefix("/recognition/") || path == "/catalogue" || path == "/network" || path.hasPrefix("/pathways/")
    }

    @Test func isAnOpenAPI3DocumentWhoseReferencesResolve() throws {
        // Standard JSON too, not only for Mochila's parser.
        #expect(try JSONSerialization.jsonObject(with: Data(OpenAPI.document)) is [String: Any])
        let document = try Self.document()
        let version = try #require(document["openapi"]?.stringValue)
        #expect(version.hasPrefix("3."), "openapi is \(version)")
        #expect(document["info"]?["title"]?.stringValue?.isEmpty == false)
        #expect(document["info"]?["version"]?.stringValue?.isEmpty == false)

        let operations = try Self.operations(document)
        #expect(operations.count >= 30)
        for operation in operations {
            let object = try #require(document["paths"]?[operation.path]?[operation.method])
            #expect(object["summary"]?.stringValue?.isEmpty == false, "\(operation) has no summary")
            #expect(object["responses"]?.objectValue?.isEmpty == false, "\(operation) has no responses")
            // Every {parameter} of the path is declared, in the path.
            let declared = Set(
                (object["parameters"]?.arrayValue ?? []).filter { $0["in"] == "path" }.compactMap { $0["name"]?.stringValue })
            let templated = Set(operation.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
            #expect(declared == templated, "\(operation) declares path parameters \(declared.sorted()), not \(templated.sorted())")
            // Operations that need a token say so.
            for scheme in object["security"]?.arrayValue ?? [] {
                for name in scheme.objectValue?.keys ?? [] {
                    #expect(document["components"]?["securitySchemes"]?[name] != nil, "\(operation) uses an unknown security scheme \(name)")
                }
            }
        }

        // Every local $ref names something in the document.
        var references: [String] = []
        func collect(_ value: JSONValue) {
            if let object = value.objectValue {
                for (key, member) in object {
                    if key == "$ref", let reference = member.stringValue { references.append(reference) } else { collect(member) }
                }
            } else if let array = value.arrayValue {
                array.forEach(collect)
            }
        }
        collect(document)
        #expect(!references.isEmpty)
        for reference in references where reference.hasPrefix("#/") {
            var target: JSONValue? = document
            for part in reference.dropFirst(2).split(separator: "/") { target = target?[String(part)] }
            #expect(target != nil, "\(reference) names nothing")
        }
    }

    @Test func everyDocumentedOperationIsRouted() async throws {
        let operations = try Self.operations(try Self.document())
        try await TestNode().run { client in
            let token = try await createInstitution(client, slug: "uni-openapi")

            // What an unrouted request looks like, and that a missing resource looks different.
            let nowhere = try await client.execute(uri: "/api/v1/no-such-route", method: .get)
            #expect(Self.isUnrouted(nowhere), "\(nowhere.status) \(text(nowhere))")
            let wrongMethod = try await client.execute(uri: "/api/v1/institutions", method: .delete)
            #expect(Self.isUnrouted(wrongMethod), "\(wrongMethod.status) \(text(wrongMethod))")
            let missing = try await client.execute(uri: "/api/v1/institutions/no-such-institution", method: .get)
            #expect(missing.status == .notFound)
            #expect(!Self.isUnrouted(missing))
            #expect(try json(missing)["error"]?["code"] == "not_found")

            // Example values: the institution just created, ids that exist nowhere.
            let values = [
                "slug": "uni-openapi", "id": UUID().uuidString.lowercased(), "number": "0", "purpose": "revocation",
            ]
            for operation in operations {
                let uri = try Self.fill(operation.path, values)
                let method = HTTPRequest.Method(operation.method.uppercased())!
                let hasBody = ["post", "put", "patch"].contains(operation.method)
                let response = try await client.execute(
                    uri: uri, method: method, headers: bearer(token), body: hasBody ? ByteBuffer(string: "{}") : nil)
                #expect(!Self.isUnrouted(response), "\(operation) is documented but not routed (\(uri) answered \(response.status))")
            }
        }
    }

    @Test func theDocumentAndTheRouterAgree() async throws {
        let documented = Set(try Self.operations(try Self.document()))
        let test = try await TestNode()
        let routes = buildRouter(node: test.node, demo: false).routes
        try await test.store.shutdown()
        let registered = Set(routes.map { Operation(method: $0.method.rawValue.lowercased(), path: $0.path.description) })
        #expect(!registered.isEmpty)

        let undocumented = registered.filter { !Self.isPage($0.path) }.subtracting(documented)
        #expect(undocumented.isEmpty, "registered but not in openapi.json: \(undocumented.map(\.description).sorted())")
        let unregistered = documented.subtracting(registered)
        #expect(unregistered.isEmpty, "in openapi.json but not registered: \(unregistered.map(\.description).sorted())")
        let documentedPages = documented.filter { Self.isPage($0.path) }
        #expect(documentedPages.isEmpty, "pages are not API: \(documentedPages.map(\.description).sorted())")
    }
}
