import GRDB

extension HubSchema {
    /// The dashboard's operators: accounts (bcrypt hashes), sessions (the SHA-256 of the
    /// cookie, never the cookie) and every login, failure and logout with time and address.
    static func operators(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE operator (
                login TEXT PRIMARY KEY,
                role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
                password_hash TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                password_changed_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE operator_session (
                token_hash TEXT PRIMARY KEY,
                login TEXT NOT NULL REFERENCES operator(login) ON DELETE CASCADE,
                created_at INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL,
                address TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX operator_session_login ON operator_session(login);
            CREATE TABLE operator_login (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL,
                at INTEGER NOT NULL,
                address TEXT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'locked', 'logout'))
            );
            CREATE INDEX operator_login_recent ON operator_login(login, at);
            """)
    }
}
