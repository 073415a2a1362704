import AsyncHTTPClient
import Foundation
import LinkedData

/// A request from the command line to a node's HTTP API, and how its refusals read.
enum NodeRequest {
    /// Sends `request`; the status and the body read as JSON (`null` when it is not JSON).
    /// - Throws: ``CLIError`` when the node at `base` cannot be reached.
    static func send(_ request: HTTPClientRequest, client: HTTPClient = .shared, base: String) async throws -> (UInt, JSONValue) {
        do {
            let response = try await client.execute(request, timeout: .seconds(60))
            let body = try await response.body.collect(upTo: 64 << 20)
            let json = (try? JSONValue(parsing: Array(body.readableBytesView), limits: JSONLimits(maxBytes: 64 << 20, maxDepth: 32))) ?? .null
            return (response.status.code, json)
        } catch {
            throw CLIError("the node at \(base) could not be reached: \(error)")
        }
    }

    /// The node's refusal of `what` ("the batch"), with each field it names.
    static func refusal(_ status: UInt, _ body: JSONValue, of what: String) -> CLIError {
        var lines = ["the node refused \(what) (HTTP \(status)): \(body["error"]?["message"]?.stringValue ?? "")"]
        for field in body["error"]?["fields"]?.asArray ?? [] {
            lines.append("  - \(field["field"]?.stringValue ?? ""): \(field["message"]?.stringValue ?? "")")
        }
        return CLIError(lines.joined(separator: "\n"))
    }
}
