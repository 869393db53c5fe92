import GRDB

extension Database {
    /// Runs `body` in one DEFERRED transaction: a consistent snapshot for reads.
    /// Used instead of GRDB's `DatabaseQueue.read`, which sets and clears `PRAGMA query_only`
    /// around the read; each of those pragmas expires every statement the connection has
    /// prepared, so a hot loop that reads between writes (the hub's flag notice after every
    /// ACK, the agent's checks between batches) compiled all its statements again each time.
    public func snapshot<T>(_ body: (Database) throws -> T) throws -> T {
        var result: T?
        try inTransaction(.deferred) {
            result = try body(self)
            return .commit
        }
        guard let result else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "a read ended without a result") }
        return result
    }
}
