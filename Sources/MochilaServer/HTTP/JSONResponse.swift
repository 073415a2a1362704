import Foundation
import Hummingbird
import LinkedData

/// JSON in and out of the API, through Mochila's own strict parser (sizes, depth and duplicate
/// keys bounded) and serializer.
enum JSONResponse {
    /// The largest request body the API reads.
    static let maxBodyBytes = 1 << 20

    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8") -> Response {
        bytes(value.serialized(.pretty), status: status, contentType: contentType)
    }

    static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, contentType: String) -> Response {
        Response(
            status: status, headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func encodable<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return bytes(Array(try encoder.encode(value)), status: status, contentType: "application/json; charset=utf-8")
    }

    /// The request body, at most `maxBytes` (``maxBodyBytes`` unless a route allows more).
    static func body(_ request: Request, maxBytes: Int = maxBodyBytes) async throws -> [UInt8] {
        do {
            let buffer = try await request.body.collect(upTo: maxBytes)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "too_large", "the request body is larger than \(maxBytes) bytes")
        }
    }

    /// The request body as JSON.
    static func json(_ request: Request) async throws -> JSONValue {
        let bytes = try await body(request)
        if bytes.isEmpty { throw APIError.badRequest("the request has no body; send a JSON object") }
        return try JSONValue(parsing: bytes)
    }

    /// The request body decoded as `T`, after Mochila's strict parse (limits, duplicate keys).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let value = try await json(request)
        guard value.objectValue != nil else { throw APIError.badRequest("the request body must be a JSON object") }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(value.serialized()))
    }
}
