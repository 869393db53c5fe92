import GRDB

extension AgentSchema {
    /// The hub's last flag notice (docs/PROTOCOL.md, "Flag notice"): its counts and when it
    /// was heard in `sync_state`, the flagged entries it listed in `hub_flag` (kind: the
    /// notice's byte). Replaced whole by every WELCOME, ACK and PONG whose chain agrees.
    static func hubFlags(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE sync_state ADD COLUMN hub_open_flags INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE sync_state ADD COLUMN hub_entry_flags INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE sync_state ADD COLUMN hub_flags_at INTEGER;
            CREATE TABLE hub_flag (
                seq INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                PRIMARY KEY (seq, kind)
            ) WITHOUT ROWID;
            """)
    }
}
