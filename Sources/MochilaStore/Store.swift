import Foundation
import MochilaCore

/// Where a Mochila node keeps its institutions, specs and awards.
///
/// One protocol, several databases: SQLite is the embedded default and PostgreSQL joins behind
/// the same protocol; both run the same conformance suite. Invariants live in the database too
/// (unique slugs, DIDs and credential ids; issued credentials that are never rewritten).
public protocol Store: Sendable {
    /// Applies pending migrations, in order. Refuses to start when an applied migration was changed.
    func migrate() async throws

    /// Closes connections.
    func shutdown() async throws

    // MARK: Institutions

    /// Creates an institution with its first signing key and the hash of its API token.
    /// - Throws: ``StoreError/Code/conflict`` when the slug or DID is taken.
    func createInstitution(_ institution: Institution, key: InstitutionKey, tokenHash: String) async throws
    func institution(id: UUID) async throws -> Institution?
    func institution(slug: String) async throws -> Institution?
    /// The institution whose API token hashes to `tokenHash`.
    func institution(tokenHash: String) async throws -> Institution?
    /// All institutions, by name.
    func institutions() async throws -> [Institution]
    /// The key the institution signs new credentials with.
    func activeKey(institutionID: UUID) async throws -> InstitutionKey?

    // MARK: Specs

    /// Adds a version of a spec; `spec.version` must be the next one.
    /// - Throws: ``StoreError/Code/conflict`` when that version exists.
    func addSpecVersion(_ spec: MicroCredentialSpec) async throws
    /// A version of a spec, or its latest version when `version` is `nil`.
    func spec(id: UUID, version: Int?) async throws -> MicroCredentialSpec?
    /// The latest version of each spec, of one institution or of all.
    func latestSpecs(institutionID: UUID?) async throws -> [MicroCredentialSpec]

    // MARK: Awards

    /// Stores an issued award; its credential is never rewritten afterwards.
    func addAward(_ award: Award) async throws
    func award(id: UUID) async throws -> Award?
    func award(credentialID: String) async throws -> Award?
    /// Awards, newest first, of one institution or of all.
    func awards(institutionID: UUID?, limit: Int) async throws -> [Award]

    // MARK: Settings

    func setting(_ key: String) async throws -> String?
    func setSetting(_ key: String, _ value: String) async throws
}
