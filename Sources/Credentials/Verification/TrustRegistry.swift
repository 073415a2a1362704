import LinkedData

/// The members a verifier trusts: the network's registry of institutions.
///
/// This reads the plain form: a JSON list of member DIDs, or of objects with a `did` (or `id`),
/// optionally under `members`. The signed registry credential and accreditation scope (fields,
/// levels, dates) build on this.
public struct TrustRegistry: Sendable {
    public var members: Set<String>

    public init(members: Set<String>) {
        self.members = members
    }

    /// Reads a registry document.
    /// - Throws: ``CredentialsError/Code/invalidDocument`` naming what is wrong.
    public init(json: JSONValue) throws {
        let list = json["members"] ?? json
        guard let entries = list.arrayValue else {
            throw CredentialsError(.invalidDocument, "a registry must be a JSON list of member DIDs (or {\"members\": [...]})")
        }
        var members = Set<String>()
        for (index, entry) in entries.enumerated() {
            if let did = entry.stringValue ?? entry["did"]?.stringValue ?? entry["id"]?.stringValue {
                members.insert(did)
            } else {
                throw CredentialsError(.invalidDocument, "registry entry \(index) has no DID (a string, or an object with \"did\")")
            }
        }
        self.init(members: members)
    }

    /// The trust check for a credential's issuer.
    func check(issuer: String?) -> CheckResult {
        guard let issuer else { return CheckResult(.trust, .unknown, Message("issuer.noProof")) }
        return members.contains(issuer)
            ? CheckResult(.trust, .passed, Message("trust.member", issuer))
            : CheckResult(.trust, .failed, Message("trust.notMember", issuer))
    }
}
