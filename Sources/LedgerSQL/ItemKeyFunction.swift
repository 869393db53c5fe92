import GRDB
import TaizhangCore

extension Database {
    /// Runs `body` with the SQL function `taizhang_item_key(text)` — `TextIdentity.key`, the
    /// identity under which two spellings of an item are one — registered, for the migrations
    /// of the agent's ledger and the hub's database that fill the `item_key` columns.
    public func withItemKeyFunction<T>(_ body: () throws -> T) throws -> T {
        let key = DatabaseFunction("taizhang_item_key", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map(TextIdentity.key)
        }
        add(function: key)
        defer { remove(function: key) }
        return try body()
    }
}
