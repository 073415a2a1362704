import Foundation
import MochilaCore
import SQLKit

/// Staff accounts, sessions, OAuth clients and settings, for any `SQLDatabase`.
extension SQLQueries {
    static let staffColumns = "id, institution_id, email, name, role, password_hash, created_at"

    func staff(from row: any SQLRow) throws -> (StaffMember, String) {
        guard let role = StaffRole(rawValue: try row.decode(column: "role", as: String.self)) else {
            throw StoreError(.corrupt, "a stored staff role is not known")
        }
        let member = StaffMember(
            id: try uuid(try row.decode(column: "id", as: String.self), "staff"),
            institutionID: try uuid(try row.decode(column: "institution_id", as: String.self), "institution"),
            email: try row.decode(column: "email", as: String.self), name: try row.decode(column: "name", as: String.self),
            role: role, createdAt: Date(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
        return (member, try row.decode(column: "password_hash", as: String.self))
    }

    func insertStaff(_ member: StaffMember, passwordHash: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO staff (id, institution_id, email, name, role, password_hash, created_at)
            VALUES (\(bind: member.id.uuidString), \(bind: member.institutionID.uuidString), \(bind: member.email),
                    \(bind: member.name), \(bind: member.role.rawValue), \(bind: passwordHash), \(bind: member.createdAt.milliseconds))
            """
        ).run()
    }

    func staff(where column: String, equals value: String, on db: any SQLDatabase) async throws -> (StaffMember, String)? {
        try await db.raw("SELECT \(unsafeRaw: SQLQueries.staffColumns) FROM staff WHERE \(ident: column) = \(bind: value)")
            .first().map(staff(from:))
    }

    func staff(institutionID: UUID, on db: any SQLDatabase) async throws -> [StaffMember] {
        try await db.raw(
            "SELECT \(unsafeRaw: SQLQueries.staffColumns) FROM staff WHERE institution_id = \(bind: institutionID.uuidString) ORDER BY email"
        ).all().map { try staff(from: $0).0 }
    }

    func insertSession(_ session: StaffSession, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO sessions (token_hash, staff_id, csrf_token, created_at, expires_at)
            VALUES (\(bind: session.tokenHash), \(bind: session.staffID.uuidString), \(bind: session.csrfToken),
                    \(bind: session.createdAt.milliseconds), \(bind: session.expiresAt.milliseconds))
            """
        ).run()
    }

    func session(tokenHash: String, on db: any SQLDatabase) async throws -> StaffSession? {
        try await db.raw(
            "SELECT token_hash, staff_id, csrf_token, created_at, expires_at FROM sessions WHERE token_hash = \(bind: tokenHash)"
        ).first().map { row in
            StaffSession(
                tokenHash: try row.decode(column: "token_hash", as: String.self),
                staffID: try uuid(try row.decode(column: "staff_id", as: String.self), "staff"),
                csrfToken: try row.decode(column: "csrf_token", as: String.self),
                createdAt: Date(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
                expiresAt: Date(milliseconds: try row.decode(column: "expires_at", as: Int64.self)))
        }
    }

    func deleteSession(tokenHash: String, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
    }

    func deleteSessions(expiredBefore date: Date, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM sessions WHERE expires_at < \(bind: date.milliseconds)").run()
    }

    func insertOAuthClient(_ client: OAuthClient, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO oauth_clients (client_id, institution_id, name, scopes, secret_hash, created_at)
            VALUES (\(bind: client.clientID), \(bind: client.institutionID.uuidString), \(bind: client.name),
                    \(bind: client.scopes.joined(separator: " ")), \(bind: client.secretHash), \(bind: client.createdAt.milliseconds))
            """
        ).run()
    }

    func oauthClient(id: String, on db: any SQLDatabase) async throws -> OAuthClient? {
        try await db.raw(
            "SELECT client_id, institution_id, name, scopes, secret_hash, created_at FROM oauth_clients WHERE client_id = \(bind: id)"
        ).first().map { row in
            OAuthClient(
                clientID: try row.decode(column: "client_id", as: String.self),
                institutionID: try uuid(try row.decode(column: "institution_id", as: String.self), "institution"),
                name: try row.decode(column: "name", as: String.self),
                scopes: try row.decode(column: "scopes", as: String.self).split(separator: " ").map(String.init),
                secretHash: try row.decode(column: "secret_hash", as: String.self),
                createdAt: Date(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
        }
    }

    func insertOAuthToken(_ token: OAuthToken, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO oauth_tokens (token_hash, client_id, scopes, expires_at)
            VALUES (\(bind: token.tokenHash), \(bind: token.clientID), \(bind: token.scopes.joined(separator: " ")),
                    \(bind: token.expiresAt.milliseconds))
            """
        ).run()
    }

    func oauthToken(hash: String, on db: any SQLDatabase) async throws -> OAuthToken? {
        try await db.raw("SELECT token_hash, client_id, scopes, expires_at FROM oauth_tokens WHERE token_hash = \(bind: hash)")
            .first().map { row in
                OAuthToken(
                    tokenHash: try row.decode(column: "token_hash", as: String.self),
                    clientID: try row.decode(column: "client_id", as: String.self),
                    scopes: try row.decode(column: "scopes", as: String.self).split(separator: " ").map(String.init),
                    expiresAt: Date(milliseconds: try row.decode(column: "expires_at", as: Int64.self)))
            }
    }

    // MARK: Settings

    func setting(_ key: String, on db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT value FROM settings WHERE key = \(bind: key)").first()?.decode(column: "value", as: String.self)
    }

    func setSetting(_ key: String, _ value: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            "INSERT INTO settings (key, value) VALUES (\(bind: key), \(bind: value)) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        ).run()
    }
}
