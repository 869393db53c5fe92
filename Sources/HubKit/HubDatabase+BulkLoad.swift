import GRDB
import TaizhangCore

extension HubDatabase {
    /// For building a large hub that can be rebuilt from scratch (a benchmark's fixture): this
    /// connection's commits stop waiting for the disk (`PRAGMA synchronous = OFF`), so a crash
    /// may lose the latest ones but never corrupts the file. Every other connection — `serve`,
    /// the CLI, this database opened again — keeps `synchronous = FULL`: an ACK stays durable.
    public func deferDurabilityForBulkLoad() throws {
        try Self.translatingErrors(path: path) {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
        }
    }

    /// Dates a new, still empty hub's creation back to `time`, so a history that began before
    /// the file was made (a benchmark's two years) can be loaded and exported as of its own
    /// past instants. Refused once anything is enrolled: a hub's past is never rewritten.
    public func backdateCreation(to time: Timestamp) throws {
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM branch") == 0 else {
                throw HubError.storage(path: path, detail: "the hub's creation can be backdated only while nothing is enrolled")
            }
            try db.execute(sql: "UPDATE hub_fact SET value = MIN(value, ?) WHERE name = 'created_at'",
                           arguments: [time.millisecondsSinceEpoch])
        }
    }

    /// This connection's `PRAGMA synchronous` (2 = FULL, 0 = OFF), for tests.
    public func synchronousSetting() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }
}
