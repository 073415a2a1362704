import Credentials
import Foundation
import LinkedData
import MochilaCore

/// How the API writes the domain's values as JSON.
enum Representations {
    static func institution(_ institution: Institution) -> JSONObject {
        var object: JSONObject = [
            "id": .string(institution.id.uuidString.lowercased()),
            "slug": .string(institution.slug),
            "name": localized(institution.name),
            "country": .string(institution.country),
            "did": .string(institution.did),
        ]
        if let url = institution.url { object["url"] = .string(url) }
        if let agency = institution.qualityAssuranceAgency { object["qualityAssuranceAgency"] = .string(agency) }
        object["createdAt"] = .string(XSDDateTime.format(institution.createdAt))
        return object
    }

    /// An award for its institution; `claim` is its claim link (``Node/claimLink(for:)``), for
    /// the institution to send to the learner.
    static func award(_ award: Award, claim: String) -> JSONObject {
        let id = award.id.uuidString.lowercased()
        var object: JSONObject = [
            "id": .string(id),
            "credentialId": .string(award.credentialID),
            "specId": .string(award.specID.uuidString.lowercased()),
            "specVersion": .number(Double(award.specVersion)),
            "learner": learner(award.learner),
            "issuedAt": .string(XSDDateTime.format(award.issuedAt)),
        ]
        if let grade = award.grade { object["grade"] = .string(grade) }
        if let validUntil = award.validUntil { object["validUntil"] = .string(XSDDateTime.format(validUntil)) }
        object["status"] = .string(award.revocation != nil ? "revoked" : award.suspension != nil ? "suspended" : "active")
        if let revocation = award.revocation { object["revocation"] = change(revocation) }
        if let suspension = award.suspension { object["suspension"] = change(suspension) }
        if let batch = award.batchID { object["batchId"] = .string(batch.uuidString.lowercased()) }
        if let previous = award.supersedes { object["supersedes"] = .string(previous.uuidString.lowercased()) }
        object["links"] = ["credential": .string("/api/v1/credentials/\(id)"), "page": .string("/credentials/\(id)"), "claim": .string(claim)]
        return object
    }

    static func change(_ change: StatusChange) -> JSONValue {
        ["at": .string(XSDDateTime.format(change.at)), "reason": .string(change.reason)]
    }

    static func audit(_ entry: AuditEntry) -> JSONValue {
        var object: JSONObject = [
            "at": .string(XSDDateTime.format(entry.at)), "actor": .string(entry.actor), "action": .string(entry.action),
        ]
        if let subject = entry.subject { object["subject"] = .string(subject) }
        object["details"] = (try? JSONValue(parsing: entry.details)) ?? .string(entry.details)
        return .object(object)
    }

    static func progress(_ id: UUID, _ progress: BatchProgress) -> JSONValue {
        var object: JSONObject = ["id": .string(id.uuidString.lowercased())]
        switch progress {
        case .signing(let done, let total):
            object["state"] = "signing"
            object["done"] = .number(Double(done))
            object["total"] = .number(Double(total))
        case .storing(let total):
            object["state"] = "storing"
            object["done"] = .number(Double(total))
            object["total"] = .number(Double(total))
        case .issued(let count):
            object["state"] = "issued"
            object["done"] = .number(Double(count))
            object["total"] = .number(Double(count))
        case .failed(let message):
            object["state"] = "failed"
            object["error"] = .string(message)
        }
        object["links"] = ["awards": .string("/api/v1/batches/\(id.uuidString.lowercased())/awards")]
        return .object(object)
    }

    static func learner(_ learner: Learner) -> JSONValue {
        var object: JSONObject = ["givenName": .string(learner.givenName), "familyName": .string(learner.familyName)]
        if let email = learner.email { object["email"] = .string(email) }
        if let did = learner.did { object["did"] = .string(did) }
        return .object(object)
    }

    static func localized(_ text: LocalizedText) -> JSONValue {
        var object = JSONObject()
        for key in text.values.keys.sorted() { object[key] = .string(text.values[key]!) }
        return .object(object)
    }

    /// A spec, as Codable writes it (ISO dates, sorted keys).
    static func spec(_ spec: MicroCredentialSpec) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(XSDDateTime.format(date))
        }
        return try JSONValue(parsing: Array(try encoder.encode(spec)))
    }
}
