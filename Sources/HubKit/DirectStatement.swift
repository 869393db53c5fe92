import GRDB
// GRDB's own SQLite module (the system libsqlite3), a dependency of GRDB.
import GRDBSQLite

/// A statement GRDB prepared and cached, run with its arguments bound straight through
/// SQLite's C API: for the statements the ingest runs once per entry, where building GRDB
/// `StatementArguments` cost more than SQLite's own work (measured).
final class DirectStatement {
    let db: Database
    let statement: Statement
    private var code = SQLITE_OK

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    func bind(_ text: String, _ index: Int32) {
        var text = text
        check(text.withUTF8 { sqlite3_bind_text(statement.sqliteStatement, index, $0.baseAddress, Int32($0.count), Self.transient) })
    }

    func bind(_ value: Int64, _ index: Int32) {
        check(sqlite3_bind_int64(statement.sqliteStatement, index, value))
    }

    func bind(_ bytes: [UInt8], _ index: Int32) {
        check(bytes.withUnsafeBytes { sqlite3_bind_blob(statement.sqliteStatement, index, $0.baseAddress, Int32($0.count), Self.transient) })
    }

    /// Runs the statement once with what was bound, then clears it for the next run.
    func run() throws {
        let handle = statement.sqliteStatement
        if code == SQLITE_OK { code = sqlite3_step(handle) }
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        defer { code = SQLITE_OK }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }

    private func check(_ result: Int32) { if code == SQLITE_OK { code = result } }

    /// SQLITE_TRANSIENT: SQLite copies the value before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
