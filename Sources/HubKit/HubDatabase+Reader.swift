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

    /// `PRAGMA data_version`: it changes whenever another connection (`serve`, the CLI) has
    /// committed since this connection last asked, so a figure read while it stays the same
    /// may be kept. This connection's own commits do not change it: the dashboard writes only
    /// its sessions and login log, which no figure reads.
    public func changeToken() throws -> ChangeToken {
        try read { db in ChangeToken(dataVersion: try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0) }
    }
}

/// A reading of `HubDatabase.changeToken()`.
public struct ChangeToken: Sendable, Hashable {
    public var dataVersion: Int64
}
