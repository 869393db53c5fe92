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

    /// What changes whenever anything is committed to the database: `PRAGMA data_version`
    /// (another connection — `serve`, the CLI — committed since the last call) with this
    /// connection's own count of changed rows. A value read while it stays the same may be kept.
    public func changeToken() throws -> ChangeToken {
        try read { db in
            ChangeToken(dataVersion: try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0,
                        ownChanges: try Int64.fetchOne(db, sql: "SELECT total_changes()") ?? 0)
        }
    }
}

/// A reading of `HubDatabase.changeToken()`.
public struct ChangeToken: Sendable, Hashable {
    public var dataVersion: Int64
    public var ownChanges: Int64
}
