import GRDB

extension HubSchema {
    /// Every agent key the hub has met: pending (tried to connect, not enrolled), enrolled,
    /// revoked, or replaced by a newer key for its branch.
    static func agentKeys(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE agent_key (
                public_key TEXT PRIMARY KEY,
                fingerprint TEXT NOT NULL,
                branch TEXT REFERENCES branch(id),
                state TEXT NOT NULL CHECK (state IN ('pending', 'enrolled', 'revoked', 'replaced')),
                address TEXT,
                first_seen_at INTEGER,
                last_seen_at INTEGER,
                attempts INTEGER NOT NULL DEFAULT 0,
                changed_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX agent_key_fingerprint ON agent_key(fingerprint);
            CREATE INDEX agent_key_state ON agent_key(state, last_seen_at);
            """)
        for row in try Row.fetchAll(db, sql: "SELECT id, public_key, enrolled_at, revoked_at FROM branch") {
            let key: String = row[1]
            try db.execute(sql: """
                INSERT INTO agent_key (public_key, fingerprint, branch, state, changed_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [key, KeyFingerprint.of(key), row[0] as String,
                                 (row[3] as Int64?) == nil ? "enrolled" : "revoked", row[2] as Int64])
        }
    }
}
