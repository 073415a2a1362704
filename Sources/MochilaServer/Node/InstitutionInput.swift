import MochilaCore

/// A new institution as the API receives it.
public struct InstitutionInput: Sendable, Codable {
    public var slug: String?
    public var name: LocalizedText?
    public var country: String?
    public var url: String?
    public var qualityAssuranceAgency: String?

    public init(
        slug: String? = nil, name: LocalizedText? = nil, country: String? = nil, url: String? = nil,
        qualityAssuranceAgency: String? = nil
    ) {
        self.slug = slug
        self.name = name
        self.country = country
        self.url = url
        self.qualityAssuranceAgency = qualityAssuranceAgency
    }

    /// Checks every field.
    /// - Throws: ``ValidationError`` naming each problem.
    public func validate(reference: ReferenceData) throws {
        var problems: [ValidationError.Problem] = []
        func fail(_ field: String, _ message: String) { problems.append(.init(field: field, message: message)) }
        if let slug {
            let allowed = slug.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            if !(2...40).contains(slug.count) || !allowed || slug.hasPrefix("-") || slug.hasSuffix("-") || slug.contains("--") {
                fail("slug", "must be 2 to 40 lowercase letters, digits and single hyphens, e.g. \"uni-andina\"")
            }
        } else {
            fail("slug", "is required: a short name for URLs, e.g. \"uni-andina\"")
        }
        if let name, !name.isEmpty {
            for (language, text) in name.values where text.count > 300 { fail("name.\(language)", "is longer than 300 characters") }
        } else {
            fail("name", "is required: {\"es\": \"…\", \"en\": \"…\"}")
        }
        if let country {
            if reference.countries[country] == nil {
                fail("country", "\"\(country)\" is not an ISO 3166-1 alpha-2 code of a country of Latin America and the Caribbean")
            }
        } else {
            fail("country", "is required: an ISO 3166-1 alpha-2 code, e.g. \"MX\"")
        }
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.count > 500 || url.contains(" ") {
            fail("url", "must be an http(s) URL")
        }
        if let agency = qualityAssuranceAgency, agency.count > 300 {
            fail("qualityAssuranceAgency", "is longer than 300 characters")
        }
        if !problems.isEmpty { throw ValidationError(problems) }
    }
}
