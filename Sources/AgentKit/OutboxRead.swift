import GRDB
// GRDB's own SQLite module (the system libsqlite3), a dependency of GRDB.
import GRDBSQLite
import TaizhangCore

/// Reads the outbox (entries after a seq) straight through SQLite's C API: decoding rows
/// through GRDB's generic column accessors cost more than SQLite's own work when a backlog
/// of hundreds of thousands of entries is streamed to the hub (measured with perf).
enum OutboxRead {
    static let sql = "SELECT \(EntryRow.columns) FROM entry WHERE seq > ? ORDER BY seq LIMIT ?"

    static func entries(after seq: Int64, limit: Int, in db: Database) throws -> [Entry] {
        let statement = try db.cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, seq)
        sqlite3_bind_int64(handle, 2, Int64(limit))
        defer { sqlite3_reset(handle) }
        var entries: [Entry] = []
        entries.reserveCapacity(limit)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            entries.append(try decode(handle))
        }
        return entries
    }

    /// One row in `EntryRow.columns` order.
    private static func decode(_ handle: OpaquePointer) throws -> Entry {
        func text(_ column: Int32) -> String? {
            guard sqlite3_column_type(handle, column) != SQLITE_NULL, let bytes = sqlite3_column_text(handle, column) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
        }
        func integer(_ column: Int32) -> Int64? {
            sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
        }
        let seq = sqlite3_column_int64(handle, 0)
        guard let material = text(2).flatMap(Material.init(rawValue:)), let action = text(3).flatMap(Action.init(rawValue:)),
              let occurredOn = text(12).flatMap(CivilDate.init), let branch = text(1), let clerk = text(14) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "entry #\(seq) is unreadable")
        }
        return Entry(
            branch: branch, seq: seq, material: material, action: action, item: text(4), quantity: integer(5),
            details: EntryDetails(location: text(6), staff: text(7), channel: text(8), reason: text(9), batch: text(10),
                                  standard: integer(11).map { $0 != 0 }),
            occurredOn: occurredOn, recordedAt: Timestamp(millisecondsSinceEpoch: sqlite3_column_int64(handle, 13)),
            clerk: clerk, voids: integer(15))
    }
}
