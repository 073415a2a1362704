import Credentials
import Hummingbird

/// Remembers the language a reader picks (`?lang=pt`) in a cookie, so every later page, the
/// console included, is in that language without carrying `?lang=` in each link.
struct LanguageCookieMiddleware<Context: RequestContext>: RouterMiddleware {
    static var cookie: String { LanguageCookie.name }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if let requested = request.uri.queryParameters.get("lang"), let language = Language(tag: requested),
            request.cookies[Self.cookie]?.value != language.rawValue
        {
            response.setCookie(
                Cookie(
                    name: Self.cookie, value: language.rawValue, maxAge: 365 * 86400, path: "/", httpOnly: true, sameSite: .lax))
        }
        return response
    }
}

enum LanguageCookie {
    static let name = "mochila_lang"
}
