import Foundation

/// Paging of `getCredentials` (OB 3.0, section 6.4): the `limit` and `offset` asked for, and the
/// `X-Total-Count` and `Link` headers of the answer.
struct CredentialsPaging: Sendable, Equatable {
    /// A page when `limit` is left out.
    static let defaultLimit = 100
    /// The largest page; a larger `limit` is served as this.
    static let maximumLimit = 1000

    var limit: Int
    var offset: Int
    /// `since` as the client wrote it, repeated in the links.
    var since: String?

    /// The `Link` header (RFC 8288) for a result of `total` credentials: `first` and `last`
    /// always, `prev` when `offset` is past the start, `next` when more follow. Pages are counted
    /// from the start, so `last` begins at the last multiple of `limit` below `total`.
    func linkHeader(url: String, total: Int) -> String {
        var links: [(String, Int)] = []
        if offset + limit < total { links.append(("next", offset + limit)) }
        links.append(("last", total == 0 ? 0 : (total - 1) / limit * limit))
        links.append(("first", 0))
        if offset > 0 { links.append(("prev", max(0, offset - limit))) }
        return links.map { relation, start in "<\(self.url(url, offset: start))>; rel=\"\(relation)\"" }.joined(separator: ", ")
    }

    func url(_ base: String, offset: Int) -> String {
        var query = "limit=\(limit)&offset=\(offset)"
        if let since { query += "&since=" + CredentialsPaging.encode(since) }
        return base + "?" + query
    }

    /// Percent-encodes all but the unreserved characters (RFC 3986, section 2.3), so that a `+`
    /// of a timezone offset survives.
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
