import GRDB

/// The agent ledger's schema: named migrations, never edited once shipped.
enum AgentSchema {
    /// `PRAGMA application_id` of a Taizhang agent ledger ("TZAG"), so a stray SQLite file
    /// is recognised and left alone.
    static let applicationID: Int32 = 0x545A_4147

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(sql: """
                CREATE TABLE ledger (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    branch TEXT NOT NULL,
                    name TEXT NOT NULL,
                    incarnation TEXT NOT NULL,
                    hub_endpoint TEXT NOT NULL,
                    hub_key TEXT NOT NULL,
                    time_zone TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE entry (
                    seq INTEGER PRIMARY KEY CHECK (seq >= 1),
                    branch TEXT NOT NULL,
                    material TEXT NOT NULL,
                    action TEXT NOT NULL,
                    item TEXT,
                    quantity INTEGER,
                    location TEXT,
                    staff TEXT,
                    channel TEXT,
                    reason TEXT,
                    batch TEXT,
                    standard INTEGER,
                    occurred_on TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    clerk TEXT NOT NULL,
                    voids INTEGER REFERENCES entry(seq)
                );
                CREATE UNIQUE INDEX entry_voids ON entry(voids) WHERE voids IS NOT NULL;
                CREATE INDEX entry_item ON entry(material, item) WHERE item IS NOT NULL;
                CREATE TRIGGER entry_gapless BEFORE INSERT ON entry
                    WHEN NEW.seq <> (SELECT IFNULL(MAX(seq), 0) + 1 FROM entry)
                    BEGIN SELECT RAISE(ABORT, 'ledger sequence numbers must have no gaps'); END;
                CREATE TRIGGER entry_immutable BEFORE UPDATE ON entry
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are immutable; void them instead'); END;
                CREATE TRIGGER entry_append_only BEFORE DELETE ON entry
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted; void them instead'); END;
                CREATE TABLE item (
                    material TEXT NOT NULL,
                    item TEXT NOT NULL,
                    in_service INTEGER NOT NULL,
                    standard INTEGER NOT NULL,
                    location TEXT,
                    staff TEXT,
                    since TEXT NOT NULL,
                    reason TEXT,
                    last_seq INTEGER NOT NULL,
                    PRIMARY KEY (material, item)
                ) WITHOUT ROWID;
                CREATE TABLE tally (
                    material TEXT PRIMARY KEY,
                    in_service INTEGER NOT NULL DEFAULT 0,
                    standard INTEGER NOT NULL DEFAULT 0,
                    received INTEGER NOT NULL DEFAULT 0,
                    distributed INTEGER NOT NULL DEFAULT 0,
                    adjusted INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                INSERT INTO tally (material) VALUES ('board'), ('sign'), ('badge'), ('card'), ('guide');
                CREATE TABLE sync_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    acked_seq INTEGER NOT NULL DEFAULT 0,
                    last_ack_at INTEGER,
                    last_problem TEXT,
                    last_problem_at INTEGER
                );
                INSERT INTO sync_state (id) VALUES (1);
                """)
        }
        migrator.registerMigration("v2-chain", migrate: AgentSchema.chain)
        migrator.registerMigration("v3-rules", migrate: AgentSchema.rules)
        // Branch "flags": what the hub last said of its open flags on this office.
        migrator.registerMigration("flags-hub-notice", migrate: AgentSchema.hubFlags)
        // Branch "failover": a list of hub front-ends.
        migrator.registerMigration("failover-hub-list", migrate: AgentSchema.hubList)
        // Branch "clerk": the last sync problem as data, worded in the clerk's language.
        migrator.registerMigration("last-problem-error", migrate: AgentSchema.lastProblemError)
        return migrator
    }
}
