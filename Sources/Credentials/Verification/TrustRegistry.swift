import Foundation
import LinkedData

/// The members a verifier trusts: the network's registry of institutions, each with the scope of
/// its accreditation (ISCED-F fields, EQF levels, dates).
///
/// Read from JSON: a list of member DIDs, or of member objects, optionally under `members`:
///
/// ```json
/// {"members": [{"did": "did:web:uni.example", "name": "…", "country": "MX",
///               "accreditation": [{"fields": ["07"], "eqfLevels": [5, 6],
///                                  "validFrom": "2024-01-01T00:00:00Z", "validUntil": "2029-01-01T00:00:00Z"}]}]}
/// ```
///
/// A member without `accreditation` is trusted for everything it issues; one with it only within
/// the scope: a field matches when an accredited code is a prefix of the credential's ISCED-F code
/// ("07" covers "0713"), and the credential's issue date must fall within the accreditation's dates.
public struct TrustRegistry: Sendable {
    public struct Accreditation: Sendable, Hashable {
        /// ISCED-F 2013 codes (broad, narrow or detailed); empty means any field.
        public var fields: [String]
        /// EQF levels; empty means any level.
        public var eqfLevels: [Int]
        public var validFrom: XSDDateTime?
        public var validUntil: XSDDateTime?

        public init(fields: [String] = [], eqfLevels: [Int] = [], validFrom: XSDDateTime? = nil, validUntil: XSDDateTime? = nil) {
            self.fields = fields
            self.eqfLevels = eqfLevels
            self.validFrom = validFrom
            self.validUntil = validUntil
        }
    }

    public struct Member: Sendable, Hashable {
        public var did: String
        public var name: String?
        /// `nil`: trusted without a scope.
        public var accreditation: [Accreditation]?

        public init(did: String, name: String? = nil, accreditation: [Accreditation]? = nil) {
            self.did = did
            self.name = name
            self.accreditation = accreditation
        }
    }

    public var members: [String: Member]

    public init(members: [Member]) {
        self.members = Dictionary(members.map { ($0.did, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads a registry document.
    /// - Throws: ``CredentialsError/Code/invalidDocument`` naming what is wrong.
    public init(json: JSONValue) throws {
        let list = json["members"] ?? json
        guard let entries = list.arrayValue else {
            throw CredentialsError(.invalidDocument, "a registry must be a JSON list of members (or {\"members\": [...]})")
        }
        var members: [Member] = []
        for (index, entry) in entries.enumerated() {
            if let did = entry.stringValue {
                members.append(Member(did: did))
                continue
            }
            guard let did = entry["did"]?.stringValue ?? entry["id"]?.stringValue else {
                throw CredentialsError(.invalidDocument, "registry entry \(index) has no DID (a string, or an object with \"did\")")
            }
            var accreditation: [Accreditation]? = nil
            if let scopes = entry["accreditation"] {
                accreditation = try scopes.asArray.enumerated().map { offset, scope in
                    func date(_ name: String) throws -> XSDDateTime? {
                        guard let value = scope[name] else { return nil }
                        guard let text = value.stringValue, let date = XSDDateTime(text) else {
                            throw CredentialsError(.invalidDocument, "registry entry \(index), accreditation \(offset): \(name) is not a dateTime")
                        }
                        return date
                    }
                    let fields = scope["fields"]?.asArray.compactMap(\.stringValue) ?? []
                    let levels = scope["eqfLevels"]?.asArray.compactMap { $0.numberValue.map(Int.init) } ?? []
                    return Accreditation(fields: fields, eqfLevels: levels, validFrom: try date("validFrom"), validUntil: try date("validUntil"))
                }
            }
            let name = entry["name"]?.stringValue ?? entry["name"]?["es"]?.stringValue ?? entry["name"]?["en"]?.stringValue
            members.append(Member(did: did, name: name, accreditation: accreditation))
        }
        self.init(members: members)
    }

    /// The trust check for a credential: is its issuer a member, accredited for what it certifies?
    func check(_ credential: JSONObject) -> CheckResult {
        guard let issuer = CredentialVerifier.issuerID(of: credential) else {
            return CheckResult(.trust, .unknown, Message("issuer.noProof"))
        }
        guard let member = members[issuer] else { return CheckResult(.trust, .failed, Message("trust.notMember", issuer)) }
        guard let scopes = member.accreditation else { return CheckResult(.trust, .passed, Message("trust.member", issuer)) }
        let scope = TrustRegistry.scope(of: credential)
        let issued = (credential["validFrom"] ?? credential["issuanceDate"])?.stringValue.flatMap(XSDDateTime.init)
        var reason = Message("trust.notAccredited", issuer, scope.description)
        for accreditation in scopes {
            if let field = scope.field, !accreditation.fields.isEmpty, !accreditation.fields.contains(where: { field.hasPrefix($0) }) {
                continue
            }
            if let level = scope.eqfLevel, !accreditation.eqfLevels.isEmpty, !accreditation.eqfLevels.contains(level) {
                continue
            }
            if let issued {
                if let from = accreditation.validFrom, issued < from {
                    reason = Message("trust.accreditationNotYet", issuer)
                    continue
                }
                if let until = accreditation.validUntil, until < issued {
                    reason = Message("trust.accreditationEnded", issuer)
                    continue
                }
            } else if accreditation.validFrom != nil || accreditation.validUntil != nil {
                reason = Message("trust.noIssueDate", issuer)
                continue
            }
            return CheckResult(.trust, .passed, Message("trust.accredited", issuer, scope.description))
        }
        return CheckResult(.trust, .failed, reason)
    }

    /// What a credential certifies, as far as accreditation goes: its ISCED-F field and EQF level.
    struct Scope: CustomStringConvertible {
        var field: String?
        var eqfLevel: Int?

        var description: String {
            [field.map { "ISCED-F \($0)" }, eqfLevel.map { "EQF \($0)" }].compactMap { $0 }.joined(separator: ", ")
        }
    }

    static func scope(of credential: JSONObject) -> Scope {
        var scope = Scope()
        for subject in credential["credentialSubject"]?.asArray ?? [] {
            let achievement = subject["achievement"]
            for alignment in achievement?["alignment"]?.asArray ?? [] {
                let framework = alignment["targetFramework"]?.stringValue ?? ""
                let code = alignment["targetCode"]?.stringValue
                if framework.hasPrefix("ISCED-F") { scope.field = scope.field ?? code }
                if framework.contains("EQF") || framework.hasPrefix("European Qualifications Framework") {
                    scope.eqfLevel = scope.eqfLevel ?? code.flatMap { Int($0) }
                }
            }
            if scope.eqfLevel == nil, let uri = achievement?["eqfLevel"]?.stringValue, let last = uri.split(separator: "/").last {
                scope.eqfLevel = Int(last)
            }
        }
        return scope
    }
}
