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

    static func award(_ award: Award) -> JSONObject {
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
        object["links"] = ["credential": .string("/api/v1/credentials/\(id)"), "page": .string("/credentials/\(id)")]
        return object
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
