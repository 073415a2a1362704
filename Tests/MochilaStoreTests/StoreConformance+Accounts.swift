import Foundation
import MochilaCore
import Testing

@testable import MochilaStore

/// Staff accounts, sessions and OAuth clients.
extension StoreConformance {
    static func staffAccounts(_ store: any SQLStore) async throws {
        let (institution, _) = try await issuer("personal", in: store)
        let ana = StaffMember(institutionID: institution.id, email: "Ana.Lopez@Uni.example", name: "Ana López", role: .admin, createdAt: created)
        #expect(ana.email == "ana.lopez@uni.example")
        try await store.createStaff(ana, passwordHash: "$argon2id$hash-ana")
        let found = try #require(try await store.staff(email: "ANA.LOPEZ@uni.example"))
        #expect(found.0 == ana)
        #expect(found.passwordHash == "$argon2id$hash-ana")
        #expect(try await store.staff(id: ana.id) == ana)
        #expect(try await store.staff(id: UUID()) == nil)
        #expect(try await store.staff(email: "nadie@uni.example") == nil)

        let beto = StaffMember(institutionID: institution.id, email: "beto@uni.example", name: "Beto Núñez", role: .viewer, createdAt: created)
        try await store.createStaff(beto, passwordHash: "$argon2id$hash-beto")
        #expect(try await store.staff(institutionID: institution.id) == [ana, beto])
        #expect(try await store.staff(institutionID: UUID()).isEmpty)

        // An email is taken once across the node, and staff belong to an institution that exists.
        let (other, _) = try await issuer("otra-casa", in: store)
        await expectStoreError(.conflict) {
            try await store.createStaff(
                StaffMember(institutionID: other.id, email: "ana.lopez@uni.example", name: "Otra Ana", role: .issuer, createdAt: created),
                passwordHash: "x")
        }
        await expectStoreError(.refused) {
            try await store.createStaff(
                StaffMember(institutionID: UUID(), email: "sin@casa.example", name: "Sin casa", role: .issuer, createdAt: created),
                passwordHash: "x")
        }
        #expect(try await store.staff(institutionID: other.id).isEmpty)
        #expect(try await store.staff(email: "sin@casa.example") == nil)
    }

    static func sessionsExpire(_ store: any SQLStore) async throws {
        let (institution, _) = try await issuer("sesiones", in: store)
        let ana = StaffMember(institutionID: institution.id, email: "ana@uni.example", name: "Ana", role: .issuer, createdAt: created)
        try await store.createStaff(ana, passwordHash: "x")
        let now = at.milliseconds
        let hour: Int64 = 3_600_000
        func session(_ token: String, expiresIn hours: Int64) -> StaffSession {
            StaffSession(
                tokenHash: token, staffID: ana.id, csrfToken: "csrf-\(token)", createdAt: Date(milliseconds: now - 48 * hour),
                expiresAt: Date(milliseconds: now + hours * hour))
        }
        let live = session("t-live", expiresIn: 8)
        let expired = session("t-old", expiresIn: -24)
        let other = session("t-other", expiresIn: 1)
        for each in [live, expired, other] { try await store.createSession(each) }
        #expect(try await store.session(tokenHash: "t-live") == live)
        #expect(try await store.session(tokenHash: "t-old") == expired)
        #expect(try await store.session(tokenHash: "t-none") == nil)

        try await store.deleteSessions(expiredBefore: at)
        #expect(try await store.session(tokenHash: "t-old") == nil)
        #expect(try await store.session(tokenHash: "t-live") == live)
        try await store.deleteSession(tokenHash: "t-other")
        try await store.deleteSession(tokenHash: "t-none")
        #expect(try await store.session(tokenHash: "t-other") == nil)
        #expect(try await store.session(tokenHash: "t-live") == live)

        await expectStoreError(.conflict) { try await store.createSession(live) }
        await expectStoreError(.refused) {
            try await store.createSession(
                StaffSession(tokenHash: "t-ghost", staffID: UUID(), csrfToken: "c", createdAt: at, expiresAt: at))
        }
    }

    static func oauthClientsAndTokens(_ store: any SQLStore) async throws {
        let (institution, _) = try await issuer("oauth", in: store)
        let scopes = [
            "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly",
            "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert",
        ]
        let client = OAuthClient(
            clientID: "cliente-1", institutionID: institution.id, name: "Sistema académico", scopes: scopes, secretHash: "sha256-x",
            createdAt: created)
        try await store.createOAuthClient(client)
        #expect(try await store.oauthClient(id: "cliente-1") == client)
        #expect(try await store.oauthClient(id: "nadie") == nil)
        await expectStoreError(.conflict) { try await store.createOAuthClient(client) }
        let bare = OAuthClient(
            clientID: "cliente-2", institutionID: institution.id, name: "Sin alcances", scopes: [], secretHash: "y", createdAt: created)
        try await store.createOAuthClient(bare)
        #expect(try await store.oauthClient(id: "cliente-2") == bare)

        let token = OAuthToken(tokenHash: "tok-1", clientID: "cliente-1", scopes: [scopes[0]], expiresAt: Date(milliseconds: at.milliseconds + 3_600_000))
        try await store.storeOAuthToken(token)
        #expect(try await store.oauthToken(hash: "tok-1") == token)
        #expect(try await store.oauthToken(hash: "tok-2") == nil)
        await expectStoreError(.conflict) { try await store.storeOAuthToken(token) }
        await expectStoreError(.refused) {
            try await store.storeOAuthToken(OAuthToken(tokenHash: "tok-3", clientID: "nadie", scopes: [], expiresAt: at))
        }
        #expect(try await store.oauthToken(hash: "tok-3") == nil)
    }
}
