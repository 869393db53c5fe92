import GRDB

extension HubSchema {
    /// The hub's ingest clock (`ExportLog.stamp`): `hub_fact` 'clock', the latest stamp,
    /// 'clock:BRANCH', each branch's, and 'answered', the end of the latest as-of an export was
    /// answered for. On an older hub they start from what it stored and exported (0 for a new
    /// hub), so later changes are stamped after every as-of answered before the upgrade.
    static func ingestClock(_ db: Database) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO hub_fact (name, value)
            SELECT 'clock', MAX(t) FROM (
                SELECT 0 AS t
                UNION ALL SELECT MAX(stored_at) FROM entry
                UNION ALL SELECT MAX(at) FROM branch_contact
                UNION ALL SELECT MAX(stored_at) FROM balance_log
                UNION ALL SELECT MAX(stored_at) FROM movement_log
                UNION ALL SELECT MAX(at) FROM branch_name_log
                UNION ALL SELECT MAX(issued_at) FROM export_issue
                UNION ALL SELECT MAX(at) FROM flag
                UNION ALL SELECT MAX(resolved_at) FROM flag
                UNION ALL SELECT MAX(revoked_at) FROM branch);
            INSERT OR REPLACE INTO hub_fact (name, value)
            SELECT 'answered', IFNULL(MAX(as_of) + 999, 0) FROM export_issue;
            INSERT OR REPLACE INTO hub_fact (name, value)
            SELECT 'clock:' || id, MAX(IFNULL((SELECT MAX(stored_at) FROM entry WHERE branch = id), 0),
                                       IFNULL((SELECT MAX(at) FROM branch_contact WHERE branch = id), 0))
            FROM branch;
            """)
    }

    /// Who settled a flag (the operator's login on the hub's machine) and what they noted;
    /// both NULL for a flag the office's own entry settled, or one settled before this existed.
    static func flagResolution(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE flag ADD COLUMN resolved_by TEXT;
            ALTER TABLE flag ADD COLUMN note TEXT;
            """)
    }
}
