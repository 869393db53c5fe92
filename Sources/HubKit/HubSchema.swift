import GRDB

/// The hub database's schema: named migrations, never edited once shipped.
enum HubSchema {
    /// `PRAGMA application_id` of a Taizhang hub database ("TZHU"), distinct from an agent
    /// ledger's, so neither program ever migrates the other's file or a stray SQLite file.
    static let applicationID: Int32 = 0x545A_4855

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-hub") { db in
            try db.execute(sql: """
                CREATE TABLE branch (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    public_key TEXT NOT NULL UNIQUE,
                    enrolled_at INTEGER NOT NULL,
                    revoked_at INTEGER,
                    incarnation TEXT,
                    held_seq INTEGER NOT NULL DEFAULT 0 CHECK (held_seq >= 0),
                    agent_last_seq INTEGER NOT NULL DEFAULT 0,
                    last_heard_at INTEGER
                ) WITHOUT ROWID;
                -- The columns the hub queries; `body` is the entry's canonical encoding
                -- (docs/PROTOCOL.md, "Entry"), exactly what `hash` is the SHA-256 of.
                CREATE TABLE entry (
                    branch TEXT NOT NULL REFERENCES branch(id),
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    material TEXT NOT NULL,
                    action TEXT NOT NULL,
                    item TEXT,
                    quantity INTEGER,
                    occurred_on TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    voids INTEGER,
                    body BLOB NOT NULL,
                    hash BLOB NOT NULL,
                    violation TEXT,
                    stored_at INTEGER NOT NULL,
                    PRIMARY KEY (branch, seq)
                ) WITHOUT ROWID;
                CREATE INDEX entry_voids ON entry(branch, voids) WHERE voids IS NOT NULL;
                CREATE INDEX entry_item ON entry(branch, material, item) WHERE item IS NOT NULL;
                CREATE TRIGGER entry_immutable BEFORE UPDATE ON entry
                    BEGIN SELECT RAISE(ABORT, 'hub entries are immutable; the branch voids them instead'); END;
                CREATE TRIGGER entry_append_only BEFORE DELETE ON entry
                    BEGIN SELECT RAISE(ABORT, 'hub entries are never deleted'); END;
                CREATE TABLE conflict (
                    branch TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    hash BLOB NOT NULL,
                    first_at INTEGER NOT NULL,
                    last_at INTEGER NOT NULL,
                    times INTEGER NOT NULL DEFAULT 1,
                    PRIMARY KEY (branch, seq, hash)
                ) WITHOUT ROWID;
                CREATE TABLE flag (
                    id INTEGER PRIMARY KEY,
                    branch TEXT NOT NULL REFERENCES branch(id),
                    kind TEXT NOT NULL,
                    seq INTEGER,
                    detail TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    resolved_at INTEGER
                );
                CREATE INDEX flag_open ON flag(branch, kind, seq) WHERE resolved_at IS NULL;
                CREATE TABLE item (
                    branch TEXT NOT NULL,
                    material TEXT NOT NULL,
                    item TEXT NOT NULL,
                    in_service INTEGER NOT NULL,
                    standard INTEGER NOT NULL,
                    location TEXT,
                    staff TEXT,
                    since TEXT NOT NULL,
                    reason TEXT,
                    last_seq INTEGER NOT NULL,
                    PRIMARY KEY (branch, material, item)
                ) WITHOUT ROWID;
                CREATE TABLE tally (
                    branch TEXT NOT NULL REFERENCES branch(id),
                    material TEXT NOT NULL,
                    in_service INTEGER NOT NULL DEFAULT 0,
                    standard INTEGER NOT NULL DEFAULT 0,
                    received INTEGER NOT NULL DEFAULT 0,
                    distributed INTEGER NOT NULL DEFAULT 0,
                    adjusted INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (branch, material)
                ) WITHOUT ROWID;
                -- Per month of occurrence: inflow counts installs/issues or received
                -- quantities, outflow retirements/revocations or distributed ones, adjusted
                -- the net of stocktakes, standard the net change of standard boards. A void
                -- reverses the voided entry's movement in the voided entry's month.
                CREATE TABLE movement (
                    branch TEXT NOT NULL,
                    material TEXT NOT NULL,
                    month TEXT NOT NULL,
                    inflow INTEGER NOT NULL DEFAULT 0,
                    outflow INTEGER NOT NULL DEFAULT 0,
                    adjusted INTEGER NOT NULL DEFAULT 0,
                    standard INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (branch, material, month)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2-agent-keys", migrate: HubSchema.agentKeys)
        migrator.registerMigration("v3-export", migrate: HubSchema.export)
        migrator.registerMigration("v4-chain", migrate: HubSchema.chain)
        migrator.registerMigration("v5-report-settings", migrate: HubSchema.reportSettings)
        migrator.registerMigration("web-operators", migrate: HubSchema.operators)
        migrator.registerMigration("key-set-up-as") { db in
            // The branch an office said it was set up as, when that is not its key's enrolment.
            try db.execute(sql: "ALTER TABLE agent_key ADD COLUMN set_up_as TEXT")
        }
        // Branch "operator": flags the operator settles, and the export's clock-independent cut.
        migrator.registerMigration("operator-flag-resolution", migrate: HubSchema.flagResolution)
        migrator.registerMigration("operator-ingest-clock", migrate: HubSchema.ingestClock)
        migrator.registerMigration("v6-rules", migrate: HubSchema.rules)
        // Branch "flags": each flag's sentence as data, so it shows in the reader's language.
        migrator.registerMigration("flags-wording", migrate: HubSchema.flagWording)
        migrator.registerMigration("ingest-drop-entry-item") { db in
            // Every lookup of an item's entries goes by its identity (entry_item_key) since
            // v6-rules; the index by the typed text only cost each insert its upkeep.
            try db.execute(sql: "DROP INDEX entry_item")
        }
        return migrator
    }
}
