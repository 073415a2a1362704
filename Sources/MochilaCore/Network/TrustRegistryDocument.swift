import Credentials
import Foundation
import LinkedData

/// The network's trust registry as a W3C VC 2.0 credential the coordinator signs
/// (`TrustRegistryCredential`), and as the ``TrustRegistry`` the verifier's trust check consults.
///
/// ```json
/// {"@context": ["https://www.w3.org/ns/credentials/v2", {…TrustRegistryDocument.context…}],
///  "type": ["VerifiableCredential", "TrustRegistryCredential"],
///  "issuer": {"id": "did:web:red.example", "name": "Red Mochila"}, "validFrom": "…",
///  "credentialSubject": {"id": "https://red.example/registro", "type": "TrustRegistry",
///    "member": [{"id": "did:web:uni.example", "type": "RegistryMember", "name": "…", "country": "MX",
///                "memberSince": "…", "accreditation": [{"type": "Accreditation", "field": ["07"], "eqfLevel": [5, 6]}]}]}}
/// ```
///
/// A node imports a registry only through ``importVerified(_:report:expectedCoordinator:at:)``:
/// its proof verified and its issuer the coordinator the node was configured with.
public enum TrustRegistryDocument {
    public static let credentialType = "TrustRegistryCredential"

    /// The most members a registry may list.
    public static let maximumMembers = 10_000

    /// The inline JSON-LD context of the registry's terms, in Mochila's vocabulary.
    ///
    /// `id`, `type` and `name` come from the VC 2.0 context, which protects them. The
    /// accreditation's dates and levels have terms of their own: `mc:eqfLevel` holds an EU
    /// vocabulary IRI in micro-credentials, and the credential's `validFrom` is the VC's.
    public static let context: JSONValue = {
        let dateTime = "http://www.w3.org/2001/XMLSchema#dateTime"
        var object = JSONObject()
        object["mc"] = .string(MochilaContext.vocabulary)
        for term in ["TrustRegistryCredential", "TrustRegistry", "RegistryMember", "Accreditation", "country", "qualityAssuranceAgency"] {
            object[term] = .string("mc:" + term)
        }
        object["url"] = ["@id": "mc:url", "@type": "@id"]
        object["member"] = ["@id": "mc:member", "@type": "@id", "@container": "@set"]
        object["memberSince"] = ["@id": "mc:memberSince", "@type": .string(dateTime)]
        object["memberUntil"] = ["@id": "mc:memberUntil", "@type": .string(dateTime)]
        object["accreditation"] = ["@id": "mc:accreditation", "@type": "@id", "@container": "@set"]
        object["field"] = ["@id": "mc:accreditedField", "@container": "@set"]
        object["eqfLevel"] = ["@id": "mc:accreditedEqfLevel", "@container": "@set"]
        // On the credential itself the VC 2.0 context's `validFrom` and `validUntil` apply (its
        // type-scoped definitions replace these); on an accreditation these do.
        object["validFrom"] = ["@id": "mc:validFrom", "@type": .string(dateTime)]
        object["validUntil"] = ["@id": "mc:validUntil", "@type": .string(dateTime)]
        return .object(object)
    }()

    /// The unsigned registry credential; sign it with `DataIntegrity.addProof` and the
    /// coordinator's key (proof purpose `assertionMethod`).
    ///
    /// - Parameters:
    ///   - coordinatorDID: the coordinator's DID, the credential's issuer.
    ///   - id: the registry's id, a URI (the subject's `id`, e.g. `https://red.example/registro`).
    ///   - issuedAt: the credential's `validFrom`.
    ///   - validUntil: when nodes should stop accepting this edition of the registry.
    /// - Returns: the credential, members in the order given; dates to the second, in UTC.
    public static func credential(
        coordinatorDID: String, coordinatorName: String, members: [RegistryMember], id: String, issuedAt: Date,
        validUntil: Date?
    ) -> JSONObject {
        var credential = JSONObject()
        credential["@context"] = [.string(MochilaContext.vc2), context]
        credential["type"] = ["VerifiableCredential", .string(credentialType)]
        credential["issuer"] = ["id": .string(coordinatorDID), "name": .string(coordinatorName)]
        credential["validFrom"] = .string(XSDDateTime.format(issuedAt))
        if let validUntil { credential["validUntil"] = .string(XSDDateTime.format(validUntil)) }
        credential["credentialSubject"] = [
            "id": .string(id), "type": "TrustRegistry", "member": .array(members.map(entry)),
        ]
        return credential
    }

    /// A member as the credential lists it.
    static func entry(_ member: RegistryMember) -> JSONValue {
        var object = JSONObject()
        object["id"] = .string(member.did)
        object["type"] = "RegistryMember"
        object["name"] = .string(member.name)
        object["country"] = .string(member.country)
        if let agency = member.qualityAssuranceAgency { object["qualityAssuranceAgency"] = .string(agency) }
        if let url = member.url { object["url"] = .string(url) }
        object["memberSince"] = .string(XSDDateTime.format(member.memberSince))
        if let until = member.memberUntil { object["memberUntil"] = .string(XSDDateTime.format(until)) }
        object["accreditation"] = .array(
            member.accreditation.map { scope in
                var entry = JSONObject()
                entry["type"] = "Accreditation"
                entry["field"] = .array(scope.fields.map { .string($0) })
                entry["eqfLevel"] = .array(scope.eqfLevels.map { .number(Double($0)) })
                if let from = scope.validFrom { entry["validFrom"] = .string(XSDDateTime.format(from)) }
                if let until = scope.validUntil { entry["validUntil"] = .string(XSDDateTime.format(until)) }
                return .object(entry)
            })
        return .object(object)
    }

    /// The members a registry credential lists, each checked as ``RegistryMemberInput`` is.
    ///
    /// This reads; it does not verify. Import through ``importVerified(_:report:expectedCoordinator:at:)``.
    /// - Throws: ``ValidationError`` naming each malformed element (`credentialSubject.member[2].country`),
    ///   a DID listed twice, or more than ``maximumMembers`` members.
    public static func members(of credential: JSONValue, reference: ReferenceData = .bundled) throws -> [RegistryMember] {
        guard credential.objectValue != nil else { throw ValidationError(field: "credential", "is not a JSON object") }
        guard credential["type"]?.asArray.contains(.string(credentialType)) == true else {
            throw ValidationError(field: "type", "is not a \(credentialType)")
        }
        guard let subject = credential["credentialSubject"], subject.objectValue != nil else {
            throw ValidationError(field: "credentialSubject", "must be one object, the registry")
        }
        let entries = subject["member"]?.asArray ?? []
        guard entries.count <= maximumMembers else {
            throw ValidationError(field: "credentialSubject.member", "lists more than \(maximumMembers) members")
        }
        var problems: [ValidationError.Problem] = []
        var members: [RegistryMember] = []
        var seen: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let path = "credentialSubject.member[\(index)]"
            do {
                let member = try input(entry, path: path).validated(reference: reference)
                if let first = seen[member.did] {
                    problems.append(.init(field: path + ".id", message: "repeats the DID of member[\(first)]"))
                }
                seen[member.did] = seen[member.did] ?? index
                members.append(member)
            } catch let error as ValidationError {
                problems += error.problems.map {
                    .init(field: $0.field.isEmpty ? path : path + "." + credentialName($0.field), message: $0.message)
                }
            }
        }
        if !problems.isEmpty { throw ValidationError(problems) }
        return members
    }

    /// The coordinator that issued a registry credential (its `issuer`).
    public static func coordinator(of credential: JSONValue) -> String? {
        credential.objectValue.flatMap(CredentialVerifier.issuerID(of:))
    }

    /// The registry the verifier's trust check consults: the members of the network at `date`
    /// (members before `memberSince` or after `memberUntil` are left out), each trusted within
    /// its scopes of accreditation, or for everything when it has none.
    public static func trustRegistry(_ members: [RegistryMember], at date: Date) -> TrustRegistry {
        TrustRegistry(members: members.filter { $0.isMember(at: date) }.map(trustMember))
    }

    static func trustMember(_ member: RegistryMember) -> TrustRegistry.Member {
        func instant(_ date: Date?) -> XSDDateTime? { date.flatMap { XSDDateTime(XSDDateTime.format($0)) } }
        let scopes = member.accreditation.map {
            TrustRegistry.Accreditation(
                fields: $0.fields, eqfLevels: $0.eqfLevels, validFrom: instant($0.validFrom), validUntil: instant($0.validUntil))
        }
        return TrustRegistry.Member(did: member.did, name: member.name, accreditation: scopes.isEmpty ? nil : scopes)
    }

    /// The plain `{"members": [...]}` list that `TrustRegistry(json:)` reads (`mochila verify --registry FILE`).
    ///
    /// `TrustRegistry(json:)` knows nothing of membership dates, so the list holds whom to trust
    /// at one moment: give `date` to leave out those not members then, as ``trustRegistry(_:at:)``
    /// does; without it every member is listed. A member without scopes is listed without
    /// `accreditation` (an empty list there would trust it for nothing).
    public static func listJSON(_ members: [RegistryMember], at date: Date? = nil) -> JSONValue {
        let listed = date.map { date in members.filter { $0.isMember(at: date) } } ?? members
        return [
            "members": .array(
                listed.map { member in
                    guard member.accreditation.isEmpty, case .object(var object) = member.json else { return member.json }
                    object.removeValue(forKey: "accreditation")
                    return .object(object)
                })
        ]
    }

    /// The members of a registry credential a node may import: verified, a `TrustRegistryCredential`,
    /// and issued by exactly `expectedCoordinator`.
    ///
    /// - Parameters:
    ///   - report: `CredentialVerifier().verify(credential, at: date)` of this very credential. Its
    ///     proof, issuer and validity checks must have passed, the others passed or been skipped;
    ///     its trust check and `requireTrusted` are ignored (the coordinator need not be a member).
    ///   - expectedCoordinator: the coordinator's DID the node is configured with.
    ///   - date: now; the credential must be valid then.
    /// - Throws: ``ValidationError`` naming the reason: `report` (about another document), `proof`,
    ///   `issuer`, `validFrom`/`validUntil`, the failed check, `type`, `issuer` (another coordinator),
    ///   or a malformed member.
    public static func importVerified(
        _ credential: JSONValue, report: VerificationReport, expectedCoordinator: String, at date: Date
    ) throws -> [RegistryMember] {
        guard let object = credential.objectValue else { throw ValidationError(field: "credential", "is not a JSON object") }
        guard report.credential == credential else {
            throw ValidationError(field: "report", "the verification report is about another document than this registry")
        }
        for check in [CheckName.proof, .issuer, .validity] {
            guard let result = report.result(check), result.status == .passed else {
                let reason = report.result(check).map { "\($0.status.rawValue): \($0.message.text(.en))" } ?? "not checked"
                throw ValidationError(field: check.rawValue, "the registry's \(check.rawValue) check did not pass (\(reason))")
            }
        }
        if let from = object["validFrom"]?.stringValue.flatMap(XSDDateTime.init), from.date > date {
            throw ValidationError(field: "validFrom", "the registry is not valid yet (from \(XSDDateTime.format(from.date)))")
        }
        if let until = object["validUntil"]?.stringValue.flatMap(XSDDateTime.init), until.date < date {
            throw ValidationError(field: "validUntil", "the registry expired on \(XSDDateTime.format(until.date))")
        }
        // The other checks (format, status, schema) as `verified` counts them; trust is not
        // required: the expected coordinator is what anchors a registry.
        if let failed = report.checks.first(where: { $0.check != .trust && $0.status != .passed && $0.status != .skipped }) {
            throw ValidationError(
                field: failed.check.rawValue,
                "the registry did not verify (\(failed.check.rawValue) \(failed.status.rawValue): \(failed.message.text(.en)))")
        }
        guard object["type"]?.asArray.contains(.string(credentialType)) == true else {
            throw ValidationError(field: "type", "is not a \(credentialType)")
        }
        let issuer = CredentialVerifier.issuerID(of: object) ?? ""
        guard issuer == expectedCoordinator else {
            throw ValidationError(
                field: "issuer", "the registry is signed by \(issuer), not by the expected coordinator \(expectedCoordinator)")
        }
        return try members(of: credential)
    }

    // MARK: - reading

    /// A member of the credential as input, every value of the JSON type it must have.
    static func input(_ entry: JSONValue, path: String) throws -> RegistryMemberInput {
        guard entry.objectValue != nil else { throw ValidationError(field: "", "is not an object") }
        var v = Validator()
        func string(_ value: JSONValue?, _ field: String) -> String? {
            guard let value else { return nil }
            guard let text = value.stringValue else {
                v.fail(field, "must be a string, not a \(value.typeName)")
                return nil
            }
            return text
        }
        var input = RegistryMemberInput(
            did: string(entry["id"], "id"), name: string(entry["name"], "name"), country: string(entry["country"], "country"),
            qualityAssuranceAgency: string(entry["qualityAssuranceAgency"], "qualityAssuranceAgency"),
            url: string(entry["url"], "url"), memberSince: string(entry["memberSince"], "memberSince"),
            memberUntil: string(entry["memberUntil"], "memberUntil"))
        let scopes = entry["accreditation"]?.asArray ?? []
        if scopes.count > RegistryMemberInput.maximumScopes {
            v.fail("accreditation", "lists more than \(RegistryMemberInput.maximumScopes) scopes")
        } else {
            input.accreditation = scopes.enumerated().map { index, scope in
                let field = "accreditation[\(index)]"
                if scope.objectValue == nil { v.fail(field, "is not an object") }
                let codes = (scope["field"]?.asArray ?? []).enumerated().compactMap { string($1, "\(field).field[\($0)]") }
                let levels = (scope["eqfLevel"]?.asArray ?? []).enumerated().compactMap { offset, level -> Int? in
                    guard let number = level.numberValue, number == number.rounded(), abs(number) <= 100 else {
                        v.fail("\(field).eqfLevel[\(offset)]", "must be an EQF level from 1 to 8")
                        return nil
                    }
                    return Int(number)
                }
                return RegistryMemberInput.AccreditationInput(
                    fields: codes, eqfLevels: levels, validFrom: string(scope["validFrom"], field + ".validFrom"),
                    validUntil: string(scope["validUntil"], field + ".validUntil"))
            }
        }
        try v.check()
        return input
    }

    /// The credential's name of an input field: `did` is `id`, `fields` is `field`, `eqfLevels` is `eqfLevel`.
    static func credentialName(_ field: String) -> String {
        if field == "did" { return "id" }
        return field.replacingOccurrences(of: ".fields", with: ".field").replacingOccurrences(of: ".eqfLevels", with: ".eqfLevel")
    }
}
