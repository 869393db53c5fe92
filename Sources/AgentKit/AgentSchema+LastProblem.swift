import GRDB

extension AgentSchema {
    /// Branch "clerk": the last sync problem kept as data (the `SyncError`, JSON) beside its
    /// English copy in `last_problem`, so `status` words it in the clerk's language. Rows
    /// written before keep their English sentence only.
    static func lastProblemError(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE sync_state ADD COLUMN last_problem_error TEXT")
    }
}
