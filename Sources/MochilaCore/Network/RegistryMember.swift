import Credentials
import Foundation
import LinkedData

/// A member institution of the network as the coordinator's trust registry lists it: its DID,
/// country, quality-assurance agency and the scope of its accreditation.
///
/// Published in a `TrustRegistryCredential` (``TrustRegistryDocument``) and read by the
/// verifier's trust check as a ``TrustRegistry`` member.
public struct RegistryMember: Sendable, Hashable {
    /// One scope of accreditation: the ISCED-F fields and EQF levels the member is accredited
    /// for, and the dates between which it is.
    public struct Accreditation: Sendable, Hashable {
        /// ISCED-F 2013 codes (broad, narrow or detailed); empty means any field. "07" covers "0713".
        public var fields: [String]
        /// EQF levels, 1 to 8; empty means any level.
        public var eqfLevels: [Int]
        public var validFrom: Date?
        public var validUntil: Date?

        public init(fields: [String] = [], eqfLevels: [Int] = [], validFrom: Date? = nil, validUntil: Date? = nil) {
            self.fields = fields
            self.eqfLevels = eqfLevels
            self.validFrom = validFrom
            self.validUntil = validUntil
        }
    }

    /// The DID the member issues credentials under.
    public var did: String
    public var name: String
    /// ISO 3166-1 alpha-2 code (`MX`), one of ``ReferenceData/countries``.
    public var country: String
    /// The body that assures the quality of its programmes (e.g. `CNA Chile`).
    public var qualityAssuranceAgency: String?
    /// The member's website, `https` only.
    public var url: String?
    /// The scopes of accreditation; empty means the member is trusted for whatever it issues.
    public var accreditation: [Accreditation]
    public var memberSince: Date
    public var memberUntil: Date?

    public init(
        did: String, name: String, country: String, qualityAssuranceAgency: String? = nil, url: String? = nil,
        accreditation: [Accreditation] = [], memberSince: Date, memberUntil: Date? = nil
    ) {
        self.did = did
        self.name = name
        self.country = country
        self.qualityAssuranceAgency = qualityAssuranceAgency
        self.url = url
        self.accreditation = accreditation
        self.memberSince = memberSince
        self.memberUntil = memberUntil
    }

    /// Whether `date` falls within the membership (`memberSince` to `memberUntil`, both included).
    public func isMember(at date: Date) -> Bool {
        memberSince <= date && memberUntil.map { date <= $0 } != false
    }

    /// The member as the API prints it, in the shape ``RegistryMemberInput`` reads, keys in a
    /// fixed order and dates as XSD dateTime in UTC, to the second.
    public var json: JSONValue {
        var object = JSONObject()
        object["did"] = .string(did)
        object["name"] = .string(name)
        object["country"] = .string(country)
        if let qualityAssuranceAgency { object["qualityAssuranceAgency"] = .string(qualityAssuranceAgency) }
        if let url { object["url"] = .string(url) }
        object["accreditation"] = .array(
            accreditation.map { scope in
                var entry = JSONObject()
                entry["fields"] = .array(scope.fields.map { .string($0) })
                entry["eqfLevels"] = .array(scope.eqfLevels.map { .number(Double($0)) })
                if let from = scope.validFrom { entry["validFrom"] = .string(XSDDateTime.format(from)) }
                if let until = scope.validUntil { entry["validUntil"] = .string(XSDDateTime.format(until)) }
                return .object(entry)
            })
        object["memberSince"] = .string(XSDDateTime.format(memberSince))
        if let memberUntil { object["memberUntil"] = .string(XSDDateTime.format(memberUntil)) }
        return .object(object)
    }
}

/// A registry member as the API and the coordinator's form send it (camelCase JSON);
/// ``validated(reference:)`` checks every element and names each field that is wrong.
///
/// Dates are XSD dateTime (`2026-01-31T00:00:00Z`; without a timezone, UTC) or a date alone
/// (`2026-01-31`, read as 00:00 UTC of that day).
public struct RegistryMemberInput: Codable, Sendable {
    public struct AccreditationInput: Codable, Sendable {
        public var fields: [String]?
        public var eqfLevels: [Int]?
        public var validFrom: String?
        public var validUntil: String?

        public init(fields: [String]? = nil, eqfLevels: [Int]? = nil, validFrom: String? = nil, validUntil: String? = nil) {
            self.fields = fields
            self.eqfLevels = eqfLevels
            self.validFrom = validFrom
            self.validUntil = validUntil
        }
    }

    public var did: String?
    public var name: String?
    public var country: String?
    public var qualityAssuranceAgency: String?
    public var url: String?
    public var accreditation: [AccreditationInput]?
    public var memberSince: String?
    public var memberUntil: String?

    public init(
        did: String? = nil, name: String? = nil, country: String? = nil, qualityAssuranceAgency: String? = nil,
        url: String? = nil, accreditation: [AccreditationInput]? = nil, memberSince: String? = nil, memberUntil: String? = nil
    ) {
        self.did = did
        self.name = name
        self.country = country
        self.qualityAssuranceAgency = qualityAssuranceAgency
        self.url = url
        self.accreditation = accreditation
        self.memberSince = memberSince
        self.memberUntil = memberUntil
    }

    /// The input of an existing member, so that `RegistryMemberInput(member).validated()` gives it back.
    public init(_ member: RegistryMember) {
        self.init(
            did: member.did, name: member.name, country: member.country,
            qualityAssuranceAgency: member.qualityAssuranceAgency, url: member.url,
            accreditation: member.accreditation.map {
                AccreditationInput(
                    fields: $0.fields, eqfLevels: $0.eqfLevels, validFrom: $0.validFrom.map(XSDDateTime.format),
                    validUntil: $0.validUntil.map(XSDDateTime.format))
            },
            memberSince: XSDDateTime.format(member.memberSince), memberUntil: member.memberUntil.map(XSDDateTime.format))
    }

    /// The most scopes of accreditation a member may have.
    public static let maximumScopes = 50

    /// The input as a member, after checking every element.
    /// - Throws: ``ValidationError`` listing every problem, each with its field
    ///   (`accreditation[1].fields[0]`).
    public func validated(reference: ReferenceData = .bundled) throws -> RegistryMember {
        var v = Validator()
        let did = self.did?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if did.isEmpty {
            v.fail("did", "is required: the DID the institution issues under, e.g. did:web:uni.example")
        } else {
            v.require(did.count <= 500, "did", "is longer than 500 characters")
            v.require(RegistryMemberInput.isDID(did), "did", "is not a DID: did:<method>:<id>, e.g. did:web:uni.example")
        }
        let name = self.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        v.require(!name.isEmpty, "name", "is required: the institution's name")
        v.require(name.count <= 300, "name", "is longer than 300 characters")
        let country = self.country?.trimmingCharacters(in: .whitespaces).uppercased() ?? ""
        if country.isEmpty {
            v.fail("country", "is required: the ISO 3166-1 alpha-2 code, e.g. \"MX\"")
        } else {
            v.require(reference.countries[country] != nil, "country", "\"\(country)\" is not a country of the reference table (ISO 3166-1 alpha-2, e.g. \"MX\")")
        }
        let agency = optional(qualityAssuranceAgency)
        v.require((agency ?? "").count <= 300, "qualityAssuranceAgency", "is longer than 300 characters")
        let url = optional(self.url)
        if let url {
            let parsed = URL(string: url)
            v.require(
                url.count <= 500 && parsed?.scheme?.lowercased() == "https" && !(parsed?.host ?? "").isEmpty, "url",
                "must be an https URL, e.g. https://uni.example")
        }

        let scopes = accreditation ?? []
        v.require(scopes.count <= RegistryMemberInput.maximumScopes, "accreditation", "lists more than \(RegistryMemberInput.maximumScopes) scopes")
        var accreditation: [RegistryMember.Accreditation] = []
        for (index, scope) in scopes.prefix(RegistryMemberInput.maximumScopes).enumerated() {
            let field = "accreditation[\(index)]"
            let codes = scope.fields ?? []
            v.require(codes.count <= 100, field + ".fields", "lists more than 100 fields")
            for (offset, code) in codes.prefix(100).enumerated() where reference.fields[code] == nil {
                v.fail("\(field).fields[\(offset)]", "\"\(code)\" is not an ISCED-F 2013 code (e.g. \"07\" or \"0713\")")
            }
            let levels = scope.eqfLevels ?? []
            for (offset, level) in levels.enumerated() where !(1...8).contains(level) {
                v.fail("\(field).eqfLevels[\(offset)]", "must be an EQF level from 1 to 8")
            }
            let from = date(scope.validFrom, field + ".validFrom", &v)
            let until = date(scope.validUntil, field + ".validUntil", &v)
            if let from, let until { v.require(from <= until, field + ".validUntil", "is before validFrom") }
            accreditation.append(
                RegistryMember.Accreditation(
                    fields: unique(codes), eqfLevels: unique(levels), validFrom: from, validUntil: until))
        }
        let since = date(memberSince, "memberSince", &v)
        if optional(memberSince) == nil { v.fail("memberSince", "is required: the date the institution joined the network") }
        let until = date(memberUntil, "memberUntil", &v)
        if let since, let until { v.require(since <= until, "memberUntil", "is before memberSince") }
        try v.check()
        return RegistryMember(
            did: did, name: name, country: country, qualityAssuranceAgency: agency, url: url,
            accreditation: accreditation, memberSince: since!, memberUntil: until)
    }

    /// A DID (not a DID URL): `did:`, a method of lowercase letters and digits, and a
    /// method-specific id (DID Core 1.0, 3.1 DID Syntax).
    static func isDID(_ text: String) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "did", !parts[1].isEmpty,
            parts[1].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }), !parts[2].isEmpty, !parts[2].hasSuffix(":")
        else { return false }
        return parts[2].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-_:%".contains($0)) }
    }

    /// An XSD dateTime, or a date alone read as 00:00 UTC.
    static func parseDate(_ text: String) -> Date? {
        if let dateTime = XSDDateTime(text) { return dateTime.date }
        guard text.count == 10 else { return nil }
        return XSDDateTime(text + "T00:00:00Z")?.date
    }

    private func date(_ text: String?, _ field: String, _ v: inout Validator) -> Date? {
        guard let text = optional(text) else { return nil }
        guard let date = RegistryMemberInput.parseDate(text) else {
            v.fail(field, "\"\(text)\" is not a date (2026-01-31) or date and time (2026-01-31T00:00:00Z)")
            return nil
        }
        return date
    }

    private func optional(_ text: String?) -> String? {
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }

    private func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen: Set<T> = []
        return values.filter { seen.insert($0).inserted }
    }
}
