import Crypto

/// The SQL databases a store runs on; migrations carry statements for each.
public enum SQLStoreDialect: String, Sendable, Hashable, CaseIterable {
    case sqlite
    case postgres
}

/// One step of the schema, applied once, in order, inside a transaction.
///
/// Migrations are append-only: an applied migration's statements are checksummed, and a node
/// refuses to start when the code's migration no longer matches what was applied. The checksum
/// covers the statements of the database it was applied to, so each dialect has its own.
public struct Migration: Sendable {
    public var version: Int
    public var name: String
    /// Statements for every database.
    public var statements: [String]
    /// Statements for SQLite only (triggers and other dialect-specific guards).
    public var sqlite: [String] = []
    /// Statements for PostgreSQL only: the same guards as PL/pgSQL triggers.
    public var postgres: [String] = []

    /// The statements to run on SQLite, in order.
    public var sqliteStatements: [String] { statements + sqlite }

    /// The statements to run on PostgreSQL, in order.
    public var postgresStatements: [String] { statements + postgres }

    /// The statements to run on a database of `dialect`, in order.
    public func statements(for dialect: SQLStoreDialect) -> [String] {
        switch dialect {
        case .sqlite: sqliteStatements
        case .postgres: postgresStatements
        }
    }

    /// The checksum recorded when this migration is applied to a database of `dialect`.
    public func checksum(for dialect: SQLStoreDialect) -> String {
        Migration.checksum(statements(for: dialect))
    }

    /// SHA-256 of the statements, to detect a migration edited after it was applied.
    public static func checksum(_ statements: [String]) -> String {
        let digest = SHA256.hash(data: Array(statements.joined(separator: ";\n").utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}

/// The schema's history. Add new migrations at the end; never edit or reorder applied ones.
enum Migrations {
    /// The migrations still to apply to a database that recorded `applied` (version and
    /// checksum), in order.
    /// - Throws: ``StoreError/Code/migration`` when the database has a migration this version
    ///   does not know, or one whose statements changed since it was applied.
    static func pending(applied: [(version: Int, checksum: String)], dialect: SQLStoreDialect) throws -> [Migration] {
        let known = Dictionary(uniqueKeysWithValues: all.map { ($0.version, $0) })
        for (version, checksum) in applied {
            guard let migration = known[version] else {
                throw StoreError(
                    .migration, "the database has migration \(version), which this version of Mochila does not know: it was written by a newer Mochila")
            }
            guard migration.checksum(for: dialect) == checksum else {
                throw StoreError(
                    .migration, "migration \(version) (\(migration.name)) was changed after it was applied; migrations are append-only")
            }
        }
        let appliedVersions = Set(applied.map(\.version))
        return all.sorted { $0.version < $1.version }.filter { !appliedVersions.contains($0.version) }
    }

    /// The table that records applied migrations (the same on every database).
    static let createLedger =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)"

    static let all: [Migration] = [
        Migration(
            version: 1, name: "institutions, keys, specs, awards",
            statements: [
                """
                CREATE TABLE institutions (
                    id TEXT PRIMARY KEY,
                    slug TEXT NOT NULL UNIQUE,
                    name_json TEXT NOT NULL,
                    country TEXT NOT NULL,
                    did TEXT NOT NULL UNIQUE,
                    url TEXT,
                    qa_agency TEXT,
                    token_hash TEXT NOT NULL UNIQUE,
                    created_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE institution_keys (
                    id TEXT PRIMARY KEY,
                    institution_id TEXT NOT NULL REFERENCES institutions(id),
                    type TEXT NOT NULL,
                    public_key_multibase TEXT NOT NULL,
                    sealed_secret TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    active INTEGER NOT NULL
                )
                """,
                "CREATE INDEX institution_keys_institution ON institution_keys(institution_id)",
                """
                CREATE TABLE specs (
                    id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    institution_id TEXT NOT NULL REFERENCES institutions(id),
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (id, version)
                )
                """,
                "CREATE INDEX specs_institution ON specs(institution_id)",
                """
                CREATE TABLE awards (
                    id TEXT PRIMARY KEY,
                    institution_id TEXT NOT NULL REFERENCES institutions(id),
                    spec_id TEXT NOT NULL,
                    spec_version INTEGER NOT NULL,
                    credential_id TEXT NOT NULL UNIQUE,
                    learner_json TEXT NOT NULL,
                    learner_name TEXT NOT NULL,
                    grade TEXT,
                    issued_at BIGINT NOT NULL,
                    valid_until BIGINT,
                    credential TEXT NOT NULL,
                    FOREIGN KEY (spec_id, spec_version) REFERENCES specs(id, version)
                )
                """,
                "CREATE INDEX awards_institution ON awards(institution_id, issued_at)",
                """
                CREATE TABLE settings (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                )
                """,
            ],
            sqlite: [
                // Issued credentials are kept exactly as issued.
                """
                CREATE TRIGGER awards_never_rewritten BEFORE UPDATE OF credential, credential_id ON awards
                BEGIN SELECT RAISE(ABORT, 'an issued credential is never rewritten'); END
                """,
                """
                CREATE TRIGGER awards_never_deleted BEFORE DELETE ON awards
                BEGIN SELECT RAISE(ABORT, 'an issued credential is never deleted'); END
                """,
            ],
            postgres: [
                // One function refuses, with the message its trigger passes.
                """
                CREATE FUNCTION mochila_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END
                $$
                """,
                """
                CREATE TRIGGER awards_never_rewritten BEFORE UPDATE OF credential, credential_id ON awards
                FOR EACH ROW EXECUTE FUNCTION mochila_refuse('an issued credential is never rewritten')
                """,
                """
                CREATE TRIGGER awards_never_deleted BEFORE DELETE ON awards
                FOR EACH ROW EXECUTE FUNCTION mochila_refuse('an issued credential is never deleted')
                """,
                // Note: TRUNCATE skips row triggers, and SQLite has no TRUNCATE.
                """
                CREATE TRIGGER awards_never_truncated BEFORE TRUNCATE ON awards
                FOR EACH STATEMENT EXECUTE FUNCTION mochila_refuse('an issued credential is never deleted')
                """,
            ]),
        Migration(
            version: 2, name: "status lists, lifecycle, batches, audit log",
            statements: [
                """
                CREATE TABLE status_lists (
                    id TEXT PRIMARY KEY,
                    institution_id TEXT NOT NULL REFERENCES institutions(id),
                    number INTEGER NOT NULL,
                    capacity INTEGER NOT NULL,
                    allocated INTEGER NOT NULL,
                    version INTEGER NOT NULL,
                    created_at BIGINT NOT NULL,
                    UNIQUE (institution_id, number)
                )
                """,
                """
                CREATE TABLE status_allocations (
                    list_id TEXT NOT NULL REFERENCES status_lists(id),
                    status_index INTEGER NOT NULL,
                    allocated_at BIGINT NOT NULL,
                    PRIMARY KEY (list_id, status_index)
                )
                """,
                """
                CREATE TABLE status_list_credentials (
                    list_id TEXT NOT NULL REFERENCES status_lists(id),
                    purpose TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    credential TEXT NOT NULL,
                    etag TEXT NOT NULL,
                    valid_until BIGINT NOT NULL,
                    PRIMARY KEY (list_id, purpose)
                )
                """,
                """
                CREATE TABLE batches (
                    id TEXT PRIMARY KEY,
                    institution_id TEXT NOT NULL REFERENCES institutions(id),
                    spec_id TEXT NOT NULL,
                    spec_version INTEGER NOT NULL,
                    issued_by TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "ALTER TABLE awards ADD COLUMN status_list_id TEXT REFERENCES status_lists(id)",
                "ALTER TABLE awards ADD COLUMN status_index INTEGER",
                "ALTER TABLE awards ADD COLUMN revoked_at BIGINT",
                "ALTER TABLE awards ADD COLUMN revocation_reason TEXT",
                "ALTER TABLE awards ADD COLUMN suspended_at BIGINT",
                "ALTER TABLE awards ADD COLUMN suspension_reason TEXT",
                "ALTER TABLE awards ADD COLUMN batch_id TEXT REFERENCES batches(id)",
                "ALTER TABLE awards ADD COLUMN supersedes TEXT",
                // Two credentials never share a place in a status list.
                "CREATE UNIQUE INDEX awards_status_slot ON awards(status_list_id, status_index)",
                "CREATE INDEX awards_batch ON awards(batch_id)",
                """
                CREATE TABLE audit_log (
                    id TEXT PRIMARY KEY,
                    at BIGINT NOT NULL,
                    institution_id TEXT,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT,
                    details TEXT NOT NULL
                )
                """,
                "CREATE INDEX audit_log_institution ON audit_log(institution_id, at)",
            ],
            sqlite: [
                // The audit log is append-only; a revocation is final.
                """
                CREATE TRIGGER audit_log_never_rewritten BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
                """,
                """
                CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
                """,
                """
                CREATE TRIGGER awards_revocation_final BEFORE UPDATE OF revoked_at ON awards
                WHEN OLD.revoked_at IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'a revocation is final'); END
                """,
            ],
            postgres: [
                """
                CREATE TRIGGER audit_log_never_rewritten BEFORE UPDATE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION mochila_refuse('the audit log is append-only')
                """,
                """
                CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION mochila_refuse('the audit log is append-only')
                """,
                """
                CREATE TRIGGER audit_log_never_truncated BEFORE TRUNCATE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION mochila_refuse('the audit log is append-only')
                """,
                """
                CREATE TRIGGER awards_revocation_final BEFORE UPDATE OF revoked_at ON awards
                FOR EACH ROW WHEN (OLD.revoked_at IS NOT NULL) EXECUTE FUNCTION mochila_refuse('a revocation is final')
                """,
            ]),
        Migration(
            version: 3, name: "staff, sessions, OAuth clients",
            statements: [
                """
                CREATE TABLE staff (
                    id TEXT PRIMARY KEY,
                    institution_id TEXT NOT NULL REFERENCES institutions(id),
                    email TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY,
                    staff_id TEXT NOT NULL REFERENCES staff(id),
                    csrf_token TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX sessions_expiry ON sessions(expires_at)",
                """
                CREATE TABLE oauth_clients (
                    client_id TEXT PRIMARY KEY,
                    institution_id TEXT NOT NULL REFERENCES institutions(id),
                    name TEXT NOT NULL,
                    scopes TEXT NOT NULL,
                    secret_hash TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE oauth_tokens (
                    token_hash TEXT PRIMARY KEY,
                    client_id TEXT NOT NULL REFERENCES oauth_clients(client_id),
                    scopes TEXT NOT NULL,
                    expires_at BIGINT NOT NULL
                )
                """,
            ]),
        Migration(
            version: 4, name: "learners, backpack, shares",
            statements: [
                // Bytes are base64 TEXT, as institution_keys.sealed_secret: the same statements
                // on both databases. A temporary backpack has no email yet; several NULL emails
                // are allowed by UNIQUE on SQLite and PostgreSQL alike.
                """
                CREATE TABLE learners (
                    id TEXT PRIMARY KEY,
                    email TEXT UNIQUE,
                    display_name TEXT NOT NULL,
                    holder_did TEXT NOT NULL UNIQUE,
                    sealed_holder_key TEXT NOT NULL,
                    password_hash TEXT,
                    created_at BIGINT NOT NULL,
                    deleted_at BIGINT
                )
                """,
                """
                CREATE TABLE learner_sessions (
                    token_hash TEXT PRIMARY KEY,
                    learner_id TEXT NOT NULL REFERENCES learners(id),
                    csrf_token TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX learner_sessions_learner ON learner_sessions(learner_id)",
                "CREATE INDEX learner_sessions_expiry ON learner_sessions(expires_at)",
                // A credential is held once per backpack (learner_id, digest); (id, learner_id)
                // is what a share references, so that a share's learner owns its item.
                """
                CREATE TABLE backpack_items (
                    id TEXT PRIMARY KEY,
                    learner_id TEXT NOT NULL REFERENCES learners(id),
                    award_id TEXT REFERENCES awards(id),
                    credential TEXT NOT NULL,
                    digest TEXT NOT NULL,
                    format TEXT NOT NULL,
                    source TEXT NOT NULL,
                    report TEXT NOT NULL,
                    is_public INTEGER NOT NULL,
                    added_at BIGINT NOT NULL,
                    UNIQUE (learner_id, digest),
                    UNIQUE (id, learner_id)
                )
                """,
                "CREATE INDEX backpack_items_learner ON backpack_items(learner_id, added_at)",
                "CREATE INDEX backpack_items_award ON backpack_items(award_id)",
                """
                CREATE TABLE shares (
                    id TEXT PRIMARY KEY,
                    item_id TEXT NOT NULL,
                    learner_id TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT,
                    revoked_at BIGINT,
                    FOREIGN KEY (item_id, learner_id) REFERENCES backpack_items(id, learner_id)
                )
                """,
                "CREATE INDEX shares_item ON shares(item_id, created_at)",
                "CREATE INDEX shares_learner ON shares(learner_id)",
            ]),
        Migration(
            version: 5, name: "awards superseding",
            statements: [
                // A learner binds a claimed credential to their DID once: the node looks up what
                // replaced an award.
                "CREATE INDEX awards_supersedes ON awards(supersedes)"
            ]),
        Migration(
            version: 6, name: "trust registry, recognition",
            statements: [
                // The coordinator's members, by DID; their content is JSON (RegistryMember).
                """
                CREATE TABLE registry_members (
                    did TEXT PRIMARY KEY,
                    body TEXT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE registry_sources (
                    url TEXT PRIMARY KEY,
                    coordinator TEXT NOT NULL,
                    credential TEXT NOT NULL,
                    fetched_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE recognition_rules (
                    id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    institution_id TEXT NOT NULL REFERENCES institutions(id),
                    body TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (id, version)
                )
                """,
                "CREATE INDEX recognition_rules_institution ON recognition_rules(institution_id)",
                // Credentials are base64 TEXT, as backpack items are.
                """
                CREATE TABLE recognition_requests (
                    id TEXT PRIMARY KEY,
                    learner_id TEXT NOT NULL REFERENCES learners(id),
                    institution_id TEXT NOT NULL REFERENCES institutions(id),
                    rule_id TEXT NOT NULL,
                    rule_version INTEGER NOT NULL,
                    submitted TEXT NOT NULL,
                    proposal TEXT NOT NULL,
                    status TEXT NOT NULL,
                    decision TEXT,
                    decided_by TEXT,
                    decided_at BIGINT,
                    credential TEXT,
                    created_at BIGINT NOT NULL,
                    FOREIGN KEY (rule_id, rule_version) REFERENCES recognition_rules(id, version)
                )
                """,
                "CREATE INDEX recognition_requests_institution ON recognition_requests(institution_id, created_at)",
                "CREATE INDEX recognition_requests_learner ON recognition_requests(learner_id, created_at)",
            ]),
        Migration(
            version: 7, name: "federated catalogues",
            statements: [
                // The catalogue feeds of federated nodes, as last pulled.
                """
                CREATE TABLE catalogue_sources (
                    url TEXT PRIMARY KEY,
                    feed TEXT NOT NULL,
                    fetched_at BIGINT NOT NULL
                )
                """
            ]),
        Migration(
            version: 8, name: "pathways",
            statements: [
                """
                CREATE TABLE pathways (
                    id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    institution_id TEXT NOT NULL REFERENCES institutions(id),
                    body TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (id, version)
                )
                """,
                "CREATE INDEX pathways_institution ON pathways(institution_id)",
                // A stacked credential per learner and pathway: claiming twice issues once.
                """
                CREATE TABLE pathway_awards (
                    id TEXT PRIMARY KEY,
                    pathway_id TEXT NOT NULL,
                    pathway_version INTEGER NOT NULL,
                    learner_id TEXT NOT NULL REFERENCES learners(id),
                    institution_id TEXT NOT NULL REFERENCES institutions(id),
                    parts TEXT NOT NULL,
                    credential TEXT NOT NULL,
                    issued_at BIGINT NOT NULL,
                    UNIQUE (pathway_id, learner_id),
                    FOREIGN KEY (pathway_id, pathway_version) REFERENCES pathways(id, version)
                )
                """,
            ]),
    ]
}
