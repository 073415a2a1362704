import Foundation
import MochilaCore
import SQLKit

/// The store's SQL, written once for any `SQLDatabase` (binds adapt to the dialect).
struct SQLQueries: Sendable {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()

    func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try SQLQueries.encoder.encode(value), as: UTF8.self)
    }

    func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String, _ what: String) throws -> T {
        do {
            return try SQLQueries.decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.corrupt, "stored \(what) could not be read", underlying: error)
        }
    }

    func uuid(_ text: String, _ what: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw StoreError(.corrupt, "stored \(what) id \(text) is not a UUID") }
        return id
    }

    // MARK: Institutions

    func insertInstitution(_ institution: Institution, tokenHash: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO institutions (id, slug, name_json, country, did, url, qa_agency, token_hash, created_at)
            VALUES (\(bind: institution.id.uuidString), \(bind: institution.slug), \(bind: try json(institution.name)),
                    \(bind: institution.country), \(bind: institution.did), \(bind: institution.url),
                    \(bind: institution.qualityAssuranceAgency), \(bind: tokenHash), \(bind: institution.createdAt.milliseconds))
            """
        ).run()
    }

    func insertKey(_ key: InstitutionKey, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO institution_keys (id, institution_id, type, public_key_multibase, sealed_secret, created_at, active)
            VALUES (\(bind: key.id), \(bind: key.institutionID.uuidString), \(bind: key.type), \(bind: key.publicKeyMultibase),
                    \(bind: Data(key.sealedSecretKey).base64EncodedString()), \(bind: key.createdAt.milliseconds), \(bind: key.active ? 1 : 0))
            """
        ).run()
    }

    static let institutionColumns = "id, slug, name_json, country, did, url, qa_agency, created_at"

    func institution(from row: any SQLRow) throws -> Institution {
        Institution(
            id: try uuid(try row.decode(column: "id", as: String.self), "institution"),
            slug: try row.decode(column: "slug", as: String.self),
            name: try decodeJSON(LocalizedText.self, try row.decode(column: "name_json", as: String.self), "institution name"),
            country: try row.decode(column: "country", as: String.self),
            did: try row.decode(column: "did", as: String.self),
            url: try row.decode(column: "url", as: String?.self),
            qualityAssuranceAgency: try row.decode(column: "qa_agency", as: String?.self),
            createdAt: Date(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
    }

    func institution(where column: String, equals value: String, on db: any SQLDatabase) async throws -> Institution? {
        let row = try await db.raw(
            "SELECT \(unsafeRaw: SQLQueries.institutionColumns) FROM institutions WHERE \(ident: column) = \(bind: value)"
        ).first()
        return try row.map(institution(from:))
    }

    func institutions(on db: any SQLDatabase) async throws -> [Institution] {
        try await db.raw("SELECT \(unsafeRaw: SQLQueries.institutionColumns) FROM institutions ORDER BY slug").all()
            .map(institution(from:))
    }

    func activeKey(institutionID: UUID, on db: any SQLDatabase) async throws -> InstitutionKey? {
        try await db.raw(
            """
            SELECT id, institution_id, type, public_key_multibase, sealed_secret, created_at, active FROM institution_keys
            WHERE institution_id = \(bind: institutionID.uuidString) AND active = 1 ORDER BY created_at DESC LIMIT 1
            """
        ).first().map { try key(from: $0, institutionID: institutionID) }
    }

    func key(from row: any SQLRow, institutionID: UUID) throws -> InstitutionKey {
        guard let sealed = Data(base64Encoded: try row.decode(column: "sealed_secret", as: String.self)) else {
            throw StoreError(.corrupt, "a stored sealed key is not base64")
        }
        return InstitutionKey(
            id: try row.decode(column: "id", as: String.self), institutionID: institutionID,
            type: try row.decode(column: "type", as: String.self),
            publicKeyMultibase: try row.decode(column: "public_key_multibase", as: String.self),
            sealedSecretKey: Array(sealed), createdAt: Date(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
            active: try row.decode(column: "active", as: Int.self) == 1)
    }

    // MARK: Specs

    func latestVersion(specID: UUID, on db: any SQLDatabase) async throws -> Int? {
        try await db.raw("SELECT MAX(version) AS latest FROM specs WHERE id = \(bind: specID.uuidString)").first()?
            .decode(column: "latest", as: Int?.self)
    }

    func insertSpec(_ spec: MicroCredentialSpec, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO specs (id, version, institution_id, title, body, created_at)
            VALUES (\(bind: spec.id.uuidString), \(bind: spec.version), \(bind: spec.institutionID.uuidString),
                    \(bind: spec.title.text(.es)), \(bind: try json(spec)), \(bind: spec.createdAt.milliseconds))
            """
        ).run()
    }

    func spec(id: UUID, version: Int?, on db: any SQLDatabase) async throws -> MicroCredentialSpec? {
        let row: (any SQLRow)?
        if let version {
            row = try await db.raw("SELECT body FROM specs WHERE id = \(bind: id.uuidString) AND version = \(bind: version)").first()
        } else {
            row = try await db.raw(
                "SELECT body FROM specs WHERE id = \(bind: id.uuidString) ORDER BY version DESC LIMIT 1"
            ).first()
        }
        return try row.map { try decodeJSON(MicroCredentialSpec.self, try $0.decode(column: "body", as: String.self), "spec") }
    }

    func latestSpecs(institutionID: UUID?, on db: any SQLDatabase) async throws -> [MicroCredentialSpec] {
        let rows: [any SQLRow]
        let latest = "SELECT s.body FROM specs s WHERE s.version = (SELECT MAX(version) FROM specs t WHERE t.id = s.id)"
        if let institutionID {
            rows = try await db.raw(
                "\(unsafeRaw: latest) AND s.institution_id = \(bind: institutionID.uuidString) ORDER BY s.title"
            ).all()
        } else {
            rows = try await db.raw("\(unsafeRaw: latest) ORDER BY s.title").all()
        }
        return try rows.map { try decodeJSON(MicroCredentialSpec.self, try $0.decode(column: "body", as: String.self), "spec") }
    }

    // MARK: Awards

    func insertAward(_ award: Award, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO awards (id, institution_id, spec_id, spec_version, credential_id, learner_json, learner_name, grade,
                                issued_at, valid_until, credential, status_list_id, status_index, batch_id, supersedes)
            VALUES (\(bind: award.id.uuidString), \(bind: award.institutionID.uuidString), \(bind: award.specID.uuidString),
                    \(bind: award.specVersion), \(bind: award.credentialID), \(bind: try json(award.learner)),
                    \(bind: award.learner.fullName), \(bind: award.grade), \(bind: award.issuedAt.milliseconds),
                    \(bind: award.validUntil?.milliseconds), \(bind: String(decoding: award.credential, as: UTF8.self)),
                    \(bind: award.statusSlot?.listID.uuidString), \(bind: award.statusSlot?.index),
                    \(bind: award.batchID?.uuidString), \(bind: award.supersedes?.uuidString))
            """
        ).run()
    }

    static let awardColumns = """
        a.id, a.institution_id, a.spec_id, a.spec_version, a.credential_id, a.learner_json, a.grade, a.issued_at, a.valid_until,
        a.credential, a.status_list_id, a.status_index, l.number AS status_list_number, a.revoked_at, a.revocation_reason,
        a.suspended_at, a.suspension_reason, a.batch_id, a.supersedes
        """
    /// The awards table with its status list, for the columns above.
    static let awardTables = "awards a LEFT JOIN status_lists l ON l.id = a.status_list_id"

    func award(from row: any SQLRow) throws -> Award {
        Award(
            id: try uuid(try row.decode(column: "id", as: String.self), "award"),
            institutionID: try uuid(try row.decode(column: "institution_id", as: String.self), "institution"),
            specID: try uuid(try row.decode(column: "spec_id", as: String.self), "spec"),
            specVersion: try row.decode(column: "spec_version", as: Int.self),
            learner: try decodeJSON(Learner.self, try row.decode(column: "learner_json", as: String.self), "learner"),
            grade: try row.decode(column: "grade", as: String?.self),
            credentialID: try row.decode(column: "credential_id", as: String.self),
            issuedAt: Date(milliseconds: try row.decode(column: "issued_at", as: Int64.self)),
            validUntil: try row.decode(column: "valid_until", as: Int64?.self).map(Date.init(milliseconds:)),
            credential: Array(try row.decode(column: "credential", as: String.self).utf8),
            statusSlot: try statusSlot(from: row),
            revocation: try change(row, "revoked_at", "revocation_reason"),
            suspension: try change(row, "suspended_at", "suspension_reason"),
            batchID: try row.decode(column: "batch_id", as: String?.self).map { try uuid($0, "batch") },
            supersedes: try row.decode(column: "supersedes", as: String?.self).map { try uuid($0, "award") })
    }

    func statusSlot(from row: any SQLRow) throws -> StatusSlot? {
        guard let list = try row.decode(column: "status_list_id", as: String?.self),
            let index = try row.decode(column: "status_index", as: Int?.self),
            let number = try row.decode(column: "status_list_number", as: Int?.self)
        else { return nil }
        return StatusSlot(listID: try uuid(list, "status list"), number: number, index: index)
    }

    func change(_ row: any SQLRow, _ at: String, _ reason: String) throws -> StatusChange? {
        guard let milliseconds = try row.decode(column: at, as: Int64?.self) else { return nil }
        return StatusChange(at: Date(milliseconds: milliseconds), reason: try row.decode(column: reason, as: String?.self) ?? "")
    }

    func award(where column: String, equals value: String, on db: any SQLDatabase) async throws -> Award? {
        try await db.raw(
            "SELECT \(unsafeRaw: SQLQueries.awardColumns) FROM \(unsafeRaw: SQLQueries.awardTables) WHERE a.\(ident: column) = \(bind: value)"
        ).first().map(award(from:))
    }

    func awards(institutionID: UUID?, limit: Int, on db: any SQLDatabase) async throws -> [Award] {
        let rows: [any SQLRow]
        if let institutionID {
            rows = try await db.raw(
                """
                SELECT \(unsafeRaw: SQLQueries.awardColumns) FROM \(unsafeRaw: SQLQueries.awardTables)
                WHERE a.institution_id = \(bind: institutionID.uuidString) ORDER BY a.issued_at DESC LIMIT \(bind: limit)
                """
            ).all()
        } else {
            rows = try await db.raw(
                "SELECT \(unsafeRaw: SQLQueries.awardColumns) FROM \(unsafeRaw: SQLQueries.awardTables) ORDER BY a.issued_at DESC LIMIT \(bind: limit)"
            ).all()
        }
        return try rows.map(award(from:))
    }

    func awards(superseding id: UUID, on db: any SQLDatabase) async throws -> [Award] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: SQLQueries.awardColumns) FROM \(unsafeRaw: SQLQueries.awardTables)
            WHERE a.supersedes = \(bind: id.uuidString) ORDER BY a.issued_at, a.id
            """
        ).all().map(award(from:))
    }

    func awards(batchID: UUID, on db: any SQLDatabase) async throws -> [Award] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: SQLQueries.awardColumns) FROM \(unsafeRaw: SQLQueries.awardTables)
            WHERE a.batch_id = \(bind: batchID.uuidString) ORDER BY a.issued_at, a.id
            """
        ).all().map(award(from:))
    }
}
