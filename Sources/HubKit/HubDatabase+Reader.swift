import GRDB

extension HubDatabase {
    /// For a long-lived reader beside `serve` (the dashboard): a 64 MiB page cache and the
    /// file memory-mapped, so repeated reads of a large hub come from memory instead of a
    /// `pread` per page. Changes nothing in the file.
    public func useLargeReadCache() throws {
        try Self.translatingErrors(path: path) {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "PRAGMA mmap_size = 4294967296")
            }
        }
    }

    /// The change count: one more for every committed `write` (every ingest, enrolment,
    /// flag, export, key or setting change, from any process), never for `serve`'s heartbeat
    /// or the dashboard's own sessions. A figure read while it stays the same may be kept.
    /// (`PRAGMA data_version` would change with every heartbeat, every five seconds.)
    public func changeToken() throws -> ChangeToken {
        try read { db in
            ChangeToken(count: try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM hub_fact WHERE name = 'change_count'")) ?? 0)
        }
    }

    static func countChange(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO hub_fact (name, value) VALUES ('change_count', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1
            """).execute()
    }
}

/// A reading of `HubDatabase.changeToken()`.
public struct ChangeToken: Sendable, Hashable {
    public var count: Int64
}
