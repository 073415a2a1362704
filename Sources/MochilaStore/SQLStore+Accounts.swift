import Foundation
import MochilaCore
import SQLKit

// MARK: Staff and sessions

extension SQLStore {
    public func createStaff(_ member: StaffMember, passwordHash: String) async throws {
        let queries = self.queries
        try await transaction { try await queries.insertStaff(member, passwordHash: passwordHash, on: $0) }
    }

    public func staff(email: String) async throws -> (StaffMember, passwordHash: String)? {
        let queries = self.queries
        return try await withDatabase { try await queries.staff(where: "email", equals: email.lowercased(), on: $0) }
            .map { ($0.0, passwordHash: $0.1) }
    }

    public func staff(id: UUID) async throws -> StaffMember? {
        let queries = self.queries
        return try await withDatabase { try await queries.staff(where: "id", equals: id.uuidString, on: $0) }?.0
    }

    public func staff(institutionID: UUID) async throws -> [StaffMember] {
        let queries = self.queries
        return try await withDatabase { try await queries.staff(institutionID: institutionID, on: $0) }
    }

    public func createSession(_ session: StaffSession) async throws {
        let queries = self.queries
        try await transaction { try await queries.insertSession(session, on: $0) }
    }

    public func session(tokenHash: String) async throws -> StaffSession? {
        let queries = self.queries
        return try await withDatabase { try await queries.session(tokenHash: tokenHash, on: $0) }
    }

    public func deleteSession(tokenHash: String) async throws {
        let queries = self.queries
        try await transaction { try await queries.deleteSession(tokenHash: tokenHash, on: $0) }
    }

    public func deleteSessions(expiredBefore date: Date) async throws {
        let queries = self.queries
        try await transaction { try await queries.deleteSessions(expiredBefore: date, on: $0) }
    }
}

// MARK: OAuth

extension SQLStore {
    public func createOAuthClient(_ client: OAuthClient) async throws {
        let queries = self.queries
        try await transaction { try await queries.insertOAuthClient(client, on: $0) }
    }

    public func oauthClient(id: String) async throws -> OAuthClient? {
        let queries = self.queries
        return try await withDatabase { try await queries.oauthClient(id: id, on: $0) }
    }

    public func storeOAuthToken(_ token: OAuthToken) async throws {
        let queries = self.queries
        try await transaction { try await queries.insertOAuthToken(token, on: $0) }
    }

    public func oauthToken(hash: String) async throws -> OAuthToken? {
        let queries = self.queries
        return try await withDatabase { try await queries.oauthToken(hash: hash, on: $0) }
    }
}

// MARK: Settings

extension SQLStore {
    public func setting(_ key: String) async throws -> String? {
        let queries = self.queries
        return try await withDatabase { try await queries.setting(key, on: $0) }
    }

    public func setSetting(_ key: String, _ value: String) async throws {
        let queries = self.queries
        try await transaction { try await queries.setSetting(key, value, on: $0) }
    }
}
