import GRDB

extension HubSchema {
    /// The hub's report settings (ReportSettings.Key), one row per setting that is set.
    static func reportSettings(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_setting (
                name TEXT PRIMARY KEY CHECK (name IN ('bureau_name', 'preparer', 'reviewer', 'head', 'report_deadline_workdays')),
                value TEXT NOT NULL CHECK (value <> ''),
                changed_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            """)
    }
}
