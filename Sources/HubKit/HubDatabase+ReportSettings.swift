import GRDB
import TaizhangCore

extension HubDatabase {
    /// The report settings stored in this hub (the TOML file's, if any, are laid over them
    /// by the caller with `ReportSettings.overridden(by:)`).
    public func reportSettings() throws -> ReportSettings {
        try read { db in
            var settings = ReportSettings()
            for row in try Row.fetchAll(db, sql: "SELECT name, value FROM report_setting") {
                guard let key = ReportSettings.Key(rawValue: row[0]) else { continue }
                settings.set(key, row[1])
            }
            return settings
        }
    }

    /// Stores each value (an empty one clears its setting) after `ReportSettings.check`, all
    /// or none; returns the settings as they now stand.
    @discardableResult
    public func updateReportSettings(_ values: [ReportSettings.Key: String], at time: Timestamp) throws -> ReportSettings {
        var checked: [(ReportSettings.Key, String)] = []
        for key in ReportSettings.Key.allCases {
            guard let text = values[key] else { continue }
            do {
                checked.append((key, try ReportSettings.check(key, text)))
            } catch {
                throw HubError.reportSetting(error)
            }
        }
        try write { db in
            for (key, value) in checked {
                if value.isEmpty {
                    try db.execute(sql: "DELETE FROM report_setting WHERE name = ?", arguments: [key.rawValue])
                } else {
                    try db.execute(sql: "INSERT OR REPLACE INTO report_setting (name, value, changed_at) VALUES (?, ?, ?)",
                                   arguments: [key.rawValue, value, time.millisecondsSinceEpoch])
                }
            }
        }
        return try reportSettings()
    }

    /// What needed the operator's attention at `asOf` (to the end of that second): the
    /// number of open flags per branch, and the branches whose key was revoked.
    public func reportConcerns(asOf: Timestamp) throws -> (openFlags: [String: Int], revoked: Set<String>) {
        let end = asOf.millisecondsSinceEpoch + 999
        return try read { db in
            var flags: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT branch, COUNT(*) FROM flag WHERE at <= ?1 AND (resolved_at IS NULL OR resolved_at > ?1) GROUP BY branch
                """, arguments: [end]) {
                flags[row[0]] = row[1]
            }
            let revoked = try String.fetchAll(db, sql: "SELECT id FROM branch WHERE revoked_at IS NOT NULL AND revoked_at <= ?",
                                              arguments: [end])
            return (flags, Set(revoked))
        }
    }
}
