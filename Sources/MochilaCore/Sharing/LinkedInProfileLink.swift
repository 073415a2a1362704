import Foundation

/// LinkedIn's "Add to Profile" link for a certification: opening it, a signed-in member gets the
/// certification form of their profile filled in with the credential's name, the issuing
/// organisation, the dates, and the credential's public page as its URL (where anyone who
/// clicks it sees the live verification report).
///
/// The parameters are those of LinkedIn's Add to Profile generator
/// (`https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&…`). LinkedIn takes an
/// organisation either as its LinkedIn id or by name; Mochila knows only the name.
public struct LinkedInProfileLink: Sendable, Equatable {
    public var name: String
    public var organizationName: String
    public var issuedAt: Date
    public var expiresAt: Date?
    /// The credential's public page.
    public var certificationURL: String
    /// What LinkedIn shows as the credential ID.
    public var certificationID: String

    public init(name: String, organizationName: String, issuedAt: Date, expiresAt: Date?, certificationURL: String, certificationID: String) {
        self.name = name
        self.organizationName = organizationName
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.certificationURL = certificationURL
        self.certificationID = certificationID
    }

    /// The link, every value percent-encoded.
    public var url: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var items: [(String, String)] = [
            ("startTask", "CERTIFICATION_NAME"), ("name", name), ("organizationName", organizationName),
            ("issueYear", String(calendar.component(.year, from: issuedAt))),
            ("issueMonth", String(calendar.component(.month, from: issuedAt))),
        ]
        if let expiresAt {
            items.append(("expirationYear", String(calendar.component(.year, from: expiresAt))))
            items.append(("expirationMonth", String(calendar.component(.month, from: expiresAt))))
        }
        items.append(("certUrl", certificationURL))
        items.append(("certId", certificationID))
        return "https://www.linkedin.com/profile/add?" + items.map { "\($0)=\(Self.encode($1))" }.joined(separator: "&")
    }

    /// RFC 3986 percent-encoding of a query value: everything but the unreserved characters.
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
