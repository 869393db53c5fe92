import GRDB
// GRDB's own SQLite module (the system libsqlite3), a dependency of GRDB.
import GRDBSQLite
import TaizhangCore

/// The one statement run for every ingested entry, bound straight through SQLite's C API:
/// building GRDB `StatementArguments` for it cost more than SQLite's own work (measured).
/// Used only inside an ingest transaction, on the statement GRDB prepared and cached.
struct EntryInsert {
    static let sql = """
        INSERT INTO entry (branch, seq, material, action, item, quantity, occurred_on, recorded_at, voids,
                           body, hash, violation, stored_at, chain, item_key)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
        """

    let db: Database
    let statement: Statement

    init(_ db: Database) throws {
        self.db = db
        statement = try db.cachedStatement(sql: Self.sql)
    }

    /// Inserts `entry` for `branch` (the authenticated one, whatever the entry says).
    func execute(_ entry: Entry, branch: String, body: [UInt8], hash: [UInt8], chain: [UInt8], violation: String?,
                 storedAt: Timestamp) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        var code = SQLITE_OK
        func check(_ result: Int32) { if code == SQLITE_OK { code = result } }
        check(bind(branch, 1))
        check(sqlite3_bind_int64(handle, 2, entry.seq))
        check(bind(entry.material.rawValue, 3))
        check(bind(entry.action.rawValue, 4))
        if let item = entry.item {
            check(bind(item, 5))
            check(bind(TextIdentity.key(item), 15))
        }
        if let quantity = entry.quantity { check(sqlite3_bind_int64(handle, 6, quantity)) }
        check(bind(entry.occurredOn.description, 7))
        check(sqlite3_bind_int64(handle, 8, entry.recordedAt.millisecondsSinceEpoch))
        if let voids = entry.voids { check(sqlite3_bind_int64(handle, 9, voids)) }
        check(body.withUnsafeBytes { sqlite3_bind_blob(handle, 10, $0.baseAddress, Int32($0.count), Self.transient) })
        check(hash.withUnsafeBytes { sqlite3_bind_blob(handle, 11, $0.baseAddress, Int32($0.count), Self.transient) })
        if let violation { check(bind(violation, 12)) }
        check(chain.withUnsafeBytes { sqlite3_bind_blob(handle, 14, $0.baseAddress, Int32($0.count), Self.transient) })
        check(sqlite3_bind_int64(handle, 13, storedAt.millisecondsSinceEpoch))
        if code == SQLITE_OK { code = sqlite3_step(handle) }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: Self.sql)
        }
    }

    private func bind(_ text: String, _ index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { sqlite3_bind_text(statement.sqliteStatement, index, $0.baseAddress, Int32($0.count), Self.transient) }
    }

    /// SQLITE_TRANSIENT: SQLite copies the value before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
