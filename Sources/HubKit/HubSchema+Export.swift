import GRDB
import TaizhangCore

extension HubSchema {
    /// What the monthly export needs to be reproducible "as of" any instant: append-only logs
    /// of the monthly movements and balances after every ingest batch (cumulative values, so
    /// an export reads one row per key instead of summing history), contacts after which a
    /// branch had nothing pending, branch names over time, the hub's creation time, and every
    /// export issued with its figures.
    static func export(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE hub_fact (
                name TEXT PRIMARY KEY,
                value INTEGER NOT NULL
            ) WITHOUT ROWID;
            -- The `movement` row of (branch, material, month) as it stood after the batch
            -- stored at `stored_at`.
            CREATE TABLE movement_log (
                branch TEXT NOT NULL,
                material TEXT NOT NULL,
                month TEXT NOT NULL,
                stored_at INTEGER NOT NULL,
                inflow INTEGER NOT NULL,
                outflow INTEGER NOT NULL,
                adjusted INTEGER NOT NULL,
                standard INTEGER NOT NULL,
                PRIMARY KEY (branch, material, month, stored_at)
            ) WITHOUT ROWID;
            -- The balance over all months (in service, active or on hand) and the standard
            -- boards, after the batch stored at `stored_at`.
            CREATE TABLE balance_log (
                branch TEXT NOT NULL,
                material TEXT NOT NULL,
                stored_at INTEGER NOT NULL,
                balance INTEGER NOT NULL,
                standard INTEGER NOT NULL,
                PRIMARY KEY (branch, material, stored_at)
            ) WITHOUT ROWID;
            -- Contacts after which the hub held everything the office had recorded; at most
            -- one per branch and minute (month ends fall on whole minutes).
            CREATE TABLE branch_contact (
                branch TEXT NOT NULL,
                minute INTEGER NOT NULL,
                at INTEGER NOT NULL,
                PRIMARY KEY (branch, minute)
            ) WITHOUT ROWID;
            CREATE TABLE branch_name_log (
                branch TEXT NOT NULL,
                at INTEGER NOT NULL,
                name TEXT NOT NULL,
                PRIMARY KEY (branch, at)
            ) WITHOUT ROWID;
            CREATE TRIGGER branch_name_enrolled AFTER INSERT ON branch BEGIN
                INSERT OR REPLACE INTO branch_name_log (branch, at, name) VALUES (NEW.id, NEW.enrolled_at, NEW.name);
            END;
            CREATE TRIGGER branch_name_changed AFTER UPDATE OF name ON branch WHEN NEW.name IS NOT OLD.name BEGIN
                INSERT OR REPLACE INTO branch_name_log (branch, at, name) VALUES (NEW.id, NEW.enrolled_at, NEW.name);
            END;
            CREATE TABLE export_issue (
                id INTEGER PRIMARY KEY,
                month TEXT NOT NULL,
                as_of INTEGER NOT NULL,
                hash TEXT NOT NULL,
                issued_at INTEGER NOT NULL,
                UNIQUE (month, as_of, hash)
            );
            CREATE INDEX export_issue_month ON export_issue(month, issued_at);
            -- The rows an export contained; branch '' is the total row.
            CREATE TABLE export_figure (
                issue INTEGER NOT NULL REFERENCES export_issue(id),
                branch TEXT NOT NULL,
                material TEXT NOT NULL,
                opening INTEGER NOT NULL,
                inflow INTEGER NOT NULL,
                outflow INTEGER NOT NULL,
                adjusted INTEGER NOT NULL,
                closing INTEGER NOT NULL,
                standard INTEGER,
                PRIMARY KEY (issue, branch, material)
            ) WITHOUT ROWID;
            -- A re-enrolled branch's enrolled_at is its latest key's; its first entry may be older.
            INSERT INTO branch_name_log (branch, at, name)
                SELECT id, MIN(enrolled_at, IFNULL((SELECT stored_at FROM entry WHERE branch = id AND seq = 1), enrolled_at)),
                       name FROM branch;
            INSERT INTO branch_contact (branch, minute, at)
                SELECT id, last_heard_at / 60000, last_heard_at FROM branch
                WHERE last_heard_at IS NOT NULL AND held_seq >= agent_last_seq;
            """)
        let now = Timestamp.now().millisecondsSinceEpoch
        // A hub made before this migration existed since its first recorded event.
        let created = try Int64.fetchOne(db, sql: """
            SELECT MIN(t) FROM (SELECT ? AS t UNION ALL SELECT MIN(enrolled_at) FROM branch
                UNION ALL SELECT MIN(stored_at) FROM entry UNION ALL SELECT MIN(changed_at) FROM agent_key
                UNION ALL SELECT MIN(first_seen_at) FROM agent_key UNION ALL SELECT MIN(at) FROM flag)
            """, arguments: [now]) ?? now
        try db.execute(sql: "INSERT INTO hub_fact (name, value) VALUES ('created_at', ?)", arguments: [created])
        try ExportLogBackfill.run(db)
    }
}
