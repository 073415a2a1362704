import Crypto

/// One step of the schema, applied once, in order, inside a transaction.
///
/// Migrations are append-only: an applied migration's statements are checksummed, and a node
/// refuses to start when the code's migration no longer matches what was applied.
public struct Migration: Sendable {
    public var version: Int
    public var name: String
    /// Statements for every database.
    public var statements: [String]
    /// Statements for SQLite only (triggers and other dialect-specific guards).
    public var sqlite: [String] = []

    /// The statements to run on SQLite, in order.
    public var sqliteStatements: [String] { statements + sqlite }

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
            ]),
    ]
}
