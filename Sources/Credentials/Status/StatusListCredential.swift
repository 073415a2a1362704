import Foundation
import LinkedData

/// A `BitstringStatusListCredential`: section 2.2 of
/// [Bitstring Status List v1.0](https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistcredential).
///
/// Reading one checks its data model only; its proof, issuer and validity are checked by the
/// credential verifier (see ``StatusChecker``).
public struct BitstringStatusListCredential: Sendable, Hashable {
    public static let type = "BitstringStatusListCredential"
    public static let subjectType = "BitstringStatusList"

    public var id: String?
    /// The issuer's id: the `issuer` string, or the `id` of the `issuer` object.
    public var issuer: String
    /// `credentialSubject.statusPurpose`: one or more purposes the list serves.
    public var statusPurposes: [String]
    /// `credentialSubject.encodedList`, still encoded.
    public var encodedList: String
    /// `credentialSubject.ttl`: milliseconds before a refresh should be attempted; advisory only.
    public var ttl: Double?
    /// `validFrom` (or VC 1.1's `issuanceDate`), as written.
    public var validFrom: String?
    /// `validUntil` (or VC 1.1's `expirationDate`), as written.
    public var validUntil: String?

    /// Reads a status list credential.
    /// - Throws: ``CredentialsError/Code/malformedValue`` naming the first property that breaks a
    ///   MUST of section 2.2.
    public init(json: JSONObject) throws {
        func malformed(_ reason: String) -> CredentialsError { CredentialsError(.malformedValue, reason) }
        guard json["type"]?.asArray.contains(.string(BitstringStatusListCredential.type)) == true else {
            throw malformed("the status list credential's type must include \(BitstringStatusListCredential.type)")
        }
        guard let issuer = CredentialVerifier.issuerID(of: json) else {
            throw malformed("the status list credential has no issuer")
        }
        let subjects = json["credentialSubject"]?.asArray ?? []
        guard subjects.count == 1, let subject = subjects[0].objectValue else {
            throw malformed("the status list credential must have one credentialSubject, the status list")
        }
        guard subject["type"]?.asArray.contains(.string(BitstringStatusListCredential.subjectType)) == true else {
            throw malformed("the type of the credentialSubject must be \(BitstringStatusListCredential.subjectType)")
        }
        let purposes = subject["statusPurpose"]?.asArray.compactMap(\.stringValue) ?? []
        guard !purposes.isEmpty, purposes.count == subject["statusPurpose"]?.asArray.count else {
            throw malformed("statusPurpose must be one or more strings")
        }
        guard let encodedList = subject["encodedList"]?.stringValue else {
            throw malformed("the status list has no encodedList string")
        }
        var ttl: Double? = nil
        if let value = subject["ttl"] {
            guard let number = value.numberValue, number >= 0 else { throw malformed("ttl must be a non-negative number") }
            ttl = number
        }
        let isV1 = json["@context"]?.asArray.first?.stringValue == CredentialVerifier.vc1Context
        let from = isV1 ? "issuanceDate" : "validFrom"
        let until = isV1 ? "expirationDate" : "validUntil"
        for member in [from, until] {
            guard let value = json[member] else { continue }
            guard let text = value.stringValue, XSDDateTime(text) != nil else {
                throw malformed("\(member) of the status list credential is not a date and time")
            }
        }
        self.id = json["id"]?.stringValue
        self.issuer = issuer
        self.statusPurposes = purposes
        self.encodedList = encodedList
        self.ttl = ttl
        self.validFrom = json[from]?.stringValue
        self.validUntil = json[until]?.stringValue
    }

    /// Whether the list's validity period contains `now`: the list itself can be not yet valid or
    /// expired, and then it says nothing about the credentials it lists.
    public func isValid(at now: Date) -> Bool {
        let instant = now.timeIntervalSince1970
        if let validFrom, let date = XSDDateTime(validFrom), date.secondsSince1970 > instant { return false }
        if let validUntil, let date = XSDDateTime(validUntil), date.secondsSince1970 < instant { return false }
        return true
    }

    /// An unsigned `BitstringStatusListCredential` for an issuer to sign and publish at `id`.
    ///
    /// Section 3.1 "Generate Algorithm" (2)-(4): the list's subject is `id#list`.
    /// - Parameters:
    ///   - id: the URL the list is published at, the `statusListCredential` of its entries.
    ///   - issuer: the issuer's id, the same as the credentials' issuer.
    ///   - validFrom, validUntil: the list's validity period; a short one makes verifiers refetch.
    ///   - ttl: milliseconds after which verifiers should refetch, when given.
    ///   - statusPurpose: one purpose, or several when the list serves several.
    public static func unsigned(
        id: String, issuer: String, validFrom: Date, validUntil: Date? = nil, ttl: Int? = nil, statusPurpose: [String],
        list: BitstringStatusList
    ) -> JSONObject {
        var subject: JSONObject = [
            "id": .string(id + "#list"),
            "type": .string(subjectType),
            "statusPurpose": statusPurpose.count == 1 ? .string(statusPurpose[0]) : .array(statusPurpose.map { .string($0) }),
            "encodedList": .string(list.encodedList()),
        ]
        if let ttl { subject["ttl"] = .number(Double(ttl)) }
        var credential: JSONObject = [
            "@context": [.string(CredentialVerifier.vc2Context)],
            "id": .string(id),
            "type": ["VerifiableCredential", .string(type)],
            "issuer": .string(issuer),
            "validFrom": .string(XSDDateTime.format(validFrom)),
        ]
        if let validUntil { credential["validUntil"] = .string(XSDDateTime.format(validUntil)) }
        credential["credentialSubject"] = .object(subject)
        return credential
    }
}
