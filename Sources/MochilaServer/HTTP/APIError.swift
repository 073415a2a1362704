import Foundation
import Hummingbird
import LinkedData
import MochilaCore
import MochilaStore

/// An error the API reports to its client: a status, a stable code, a message, and for invalid
/// input, the fields at fault. Anything else a handler throws becomes a bare 500 (the details
/// go to the log, never to the client).
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var fields: [ValidationError.Problem]

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, fields: [ValidationError.Problem] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
    }

    static func notFound(_ what: String) -> APIError {
        APIError(.notFound, "not_found", "\(what) was not found")
    }

    static let unauthorized = APIError(
        .unauthorized, "unauthorized", "this request needs an institution's bearer token (Authorization: Bearer …)")

    static func badRequest(_ message: String, field: String? = nil) -> APIError {
        APIError(
            .badRequest, "invalid_request", message,
            fields: field.map { [ValidationError.Problem(field: $0, message: message)] } ?? [])
    }

    /// The JSON body: `{"error": {"code", "message", "fields": [{"field", "message"}]}}`.
    var json: JSONValue {
        var error: JSONObject = ["code": .string(code), "message": .string(message)]
        if !fields.isEmpty {
            error["fields"] = .array(fields.map { ["field": .string($0.field), "message": .string($0.message)] })
        }
        return ["error": .object(error)]
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(json, status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }

    /// Translates the errors of lower layers into API errors, once, at the edge.
    static func translate(_ error: any Error) -> (any Error) {
        switch error {
        case let error as APIError: return error
        case let error as ValidationError:
            let message = error.problems.count == 1
                ? "\(error.problems[0].field) \(error.problems[0].message)"
                : "the request has \(error.problems.count) invalid fields"
            return APIError(.badRequest, "invalid_request", message, fields: error.problems)
        case let error as JSONParseError: return APIError(.badRequest, "invalid_json", error.description)
        case let error as DecodingError: return APIError.decoding(error)
        case let error as StoreError where error.code == .conflict:
            return APIError(.conflict, "conflict", error.message)
        case let error as StoreError where error.code == .full:
            return APIError(.init(code: 507, reasonPhrase: "Insufficient Storage"), "storage_full", error.message + "; try again once the operator has freed space")
        case let error as StoreError where error.code == .unavailable:
            return APIError(.serviceUnavailable, "store_unavailable", error.message + "; try again shortly")
        case let error as HTTPError: return error
        default: return error
        }
    }

    /// A decoding error as a message naming the field.
    static func decoding(_ error: DecodingError) -> APIError {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            var text = ""
            for key in codingPath + (last.map { [$0] } ?? []) {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
            return text.isEmpty ? "body" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .badRequest("is required", field: path(context.codingPath, key))
        case .typeMismatch(let type, let context):
            return .badRequest("must be \(describe(type))", field: path(context.codingPath))
        case .valueNotFound(let type, let context):
            return .badRequest("must be \(describe(type)), not null", field: path(context.codingPath))
        case .dataCorrupted(let context):
            return .badRequest(context.debugDescription, field: path(context.codingPath))
        @unknown default:
            return .badRequest("the request body could not be read")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is UUID.Type: return "a UUID"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object"
        }
    }
}

/// Turns every error a route throws into an ``APIError`` where one applies.
struct ErrorTranslationMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let translated = APIError.translate(error)
            if !(translated is any HTTPResponseError) {
                context.logger.error("request failed: \(String(reflecting: error))")
            }
            throw translated
        }
    }
}
