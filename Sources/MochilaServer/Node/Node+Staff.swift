import Credentials
import Crypto
import Foundation
import MochilaCore
import MochilaStore

extension Node {
    /// How long a console session lasts without signing in again.
    static let sessionLifetime: TimeInterval = 8 * 3600

    /// Creates a staff account for an institution.
    /// - Throws: ``ValidationError`` for a bad email, name or password; 409 when the email is taken.
    public func createStaff(
        email: String, name: String, role: StaffRole, password: String, for institution: Institution, actor: String
    ) async throws -> StaffMember {
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        var problems: [ValidationError.Problem] = []
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || email.contains(" ") || email.count > 254 {
            problems.append(.init(field: "email", message: "\"\(email)\" is not an email address"))
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 { problems.append(.init(field: "name", message: "is required, at most 200 characters")) }
        do { try PasswordHasher.validate(password) } catch let error as ValidationError { problems += error.problems }
        if !problems.isEmpty { throw ValidationError(problems) }
        if try await store.staff(email: email) != nil {
            throw APIError(.conflict, "conflict", "there is already an account for \(email)")
        }
        let member = StaffMember(institutionID: institution.id, email: email, name: name, role: role, createdAt: clock())
        try await store.createStaff(member, passwordHash: try passwordHasher.hash(password))
        try await store.appendAudit(
            AuditEntry(
                at: member.createdAt, institutionID: institution.id, actor: actor, action: "staff.create", subject: email,
                details: #"{"role":"\#(role.rawValue)"}"#))
        return member
    }

    /// Signs a staff member in: a new session, its cookie token and CSRF token.
    /// - Returns: `nil` when the email or the password is wrong (the same answer for both).
    public func signIn(email: String, password: String) async throws -> (StaffMember, token: String, session: StaffSession)? {
        let found = try await store.staff(email: email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
        // Hash even for an unknown email, so that timing does not tell which emails exist.
        let stored = found?.passwordHash ?? Node.unknownAccountHash
        guard passwordHasher.verify(password, against: stored), let (member, _) = found else { return nil }
        let now = clock()
        let token = Node.newToken()
        let session = StaffSession(
            tokenHash: Node.hash(token: token), staffID: member.id, csrfToken: Node.newToken(), createdAt: now,
            expiresAt: now.addingTimeInterval(Node.sessionLifetime))
        try await store.deleteSessions(expiredBefore: now)
        try await store.createSession(session)
        try await store.appendAudit(AuditEntry(at: now, institutionID: member.institutionID, actor: member.email, action: "staff.signin", subject: member.email))
        return (member, token, session)
    }

    /// The staff member, institution and session of a cookie token, when the session is current.
    public func session(token: String) async throws -> (StaffMember, Institution, StaffSession)? {
        guard let session = try await store.session(tokenHash: Node.hash(token: token)), session.expiresAt > clock(),
            let member = try await store.staff(id: session.staffID),
            let institution = try await store.institution(id: member.institutionID)
        else { return nil }
        return (member, institution, session)
    }

    public func signOut(token: String) async throws {
        try await store.deleteSession(tokenHash: Node.hash(token: token))
    }

    /// A hash no password matches, for unknown accounts.
    static let unknownAccountHash = "scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
}
