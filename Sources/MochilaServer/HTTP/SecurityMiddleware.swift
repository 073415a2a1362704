import Foundation
import Hummingbird
import Logging

/// Logs each request without what must not reach a log: the query string (searches carry
/// learners' names, `?next=` carries paths) and the path segments that are identifiers, some of
/// which are bearer capabilities (a credential's claim link `/credentials/{id}`, a share link
/// `/c/{id}`). Headers are never logged (they carry tokens and session cookies).
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let level: Logger.Level

    init(_ level: Logger.Level) { self.level = level }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        context.logger.log(
            level: level, "Request",
            metadata: ["hb.request.path": .string(Self.redacted(request.uri.path)), "hb.request.method": .string(request.method.rawValue)])
        return try await next(request, context)
    }

    /// `path` with every segment that is, or may be, an identifier or a token replaced by `:id`:
    /// what follows `/c/` and `/p/` (share links and profiles), URNs and DIDs, and any segment of
    /// 16 characters or more (no route of the node has a fixed segment that long).
    static func redacted(_ path: String) -> String {
        var previous = ""
        return path.split(separator: "/", omittingEmptySubsequences: false).enumerated().map { index, segment -> String in
            defer { previous = String(segment) }
            let text = String(segment)
            let lowered = text.lowercased()
            if index == 2 && (previous == "c" || previous == "p") && !text.isEmpty { return ":id" }
            if lowered.hasPrefix("urn:") || lowered.hasPrefix("did:") || lowered.hasPrefix("did%3a") || lowered.hasPrefix("urn%3a") { return ":id" }
            if text.count >= 16 { return ":id" }
            return text
        }.joined(separator: "/")
    }
}

/// The headers every response carries, whatever route answers, and those of pages:
///
/// - `X-Content-Type-Options: nosniff` everywhere: a JSON body or an uploaded image is never
///   run as a script;
/// - `Referrer-Policy: same-origin`: links out of a page do not carry its path (a claim or share
///   link) to another site; pages that are capabilities themselves say `no-referrer`;
/// - on HTML pages, `X-Frame-Options: DENY` (older browsers; the pages' CSP says
///   `frame-ancestors 'none'`) and, for the console and the backpack, `Cache-Control: no-store`,
///   so that a shared computer's cache keeps no one's records;
/// - `Strict-Transport-Security` when the node's public URL is https.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let https: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        if response.headers[.init("X-Content-Type-Options")!] == nil { response.headers[.init("X-Content-Type-Options")!] = "nosniff" }
        if response.headers[.init("Referrer-Policy")!] == nil { response.headers[.init("Referrer-Policy")!] = "same-origin" }
        if response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.headers[.init("X-Frame-Options")!] = "DENY"
            let path = request.uri.path
            if path.hasPrefix("/console") || path.hasPrefix("/mochila") { response.headers[.cacheControl] = "no-store" }
        }
        if https { response.headers[.init("Strict-Transport-Security")!] = "max-age=31536000" }
        return response
    }
}
