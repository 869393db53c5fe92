import CLibPQ

/// How a transaction sees others' writes (PostgreSQL's isolation levels).
public enum PostgresIsolation: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

extension PostgresConnection {
    /// Runs `body` between BEGIN and COMMIT; an error thrown by `body` rolls back and is
    /// rethrown. The value is returned only once `commit()` has returned, that is once the
    /// server said COMMIT (with `synchronous_commit = on` and a synchronous standby, once the
    /// standby has the transaction too).
    @discardableResult
    public func transaction<T>(_ isolation: PostgresIsolation = .readCommitted, _ body: (PostgresConnection) throws -> T) throws -> T {
        try begin(isolation)
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackIfOpen()
            throw error
        }
        try commit()
        return value
    }

    public func begin(_ isolation: PostgresIsolation = .readCommitted) throws(PostgresError) {
        guard !isInTransaction else {
            throw PostgresError(kind: .usage, message: "BEGIN inside a transaction that is still open")
        }
        try executeScript(isolation == .readCommitted ? "BEGIN" : "BEGIN ISOLATION LEVEL " + isolation.rawValue)
    }

    /// Commits, and throws unless the transaction is certainly committed: `rolledBack` when an
    /// earlier statement had failed, the server's error when COMMIT itself failed (a deferred
    /// constraint, a serialization failure), `commitOutcomeUnknown` when the connection broke
    /// during COMMIT or the server warned that it stopped waiting for the synchronous standby.
    public func commit() throws(PostgresError) {
        let connection = try open()
        switch PQtransactionStatus(connection) {
        case PQTRANS_INERROR:
            rollbackIfOpen()
            throw PostgresError(kind: .rolledBack, message: "the transaction was rolled back: a statement in it had failed")
        case PQTRANS_IDLE:
            throw PostgresError(kind: .usage, message: "COMMIT with no transaction open")
        default:
            break
        }
        let mark = notices.total
        let result: PostgresResult
        do throws(PostgresError) {
            // No statement timeout may cut COMMIT's wait for the synchronous standby short.
            result = try executeScript("SET LOCAL statement_timeout = 0; COMMIT")
        } catch {
            guard error.kind == .connectionLost else { throw error }
            throw PostgresError(
                kind: .commitOutcomeUnknown,
                message: "the connection broke during COMMIT, so whether the transaction committed is unknown: " + error.message
            )
        }
        if let warning = notices.since(mark).first(where: { $0.severity == "WARNING" }) {
            throw PostgresError(
                kind: .commitOutcomeUnknown,
                message: "COMMIT returned with a warning, so the transaction may not be durable: " + warning.message,
                sqlState: warning.sqlState, detail: warning.detail
            )
        }
        guard result.commandTag == "COMMIT" else {
            throw PostgresError(kind: .rolledBack, message: "the transaction was rolled back (COMMIT answered \(result.commandTag))")
        }
    }

    /// Rolls back an open transaction; does nothing when none is open or the connection is gone.
    public func rollbackIfOpen() {
        guard isConnected, isInTransaction else { return }
        _ = try? executeScript("ROLLBACK")
    }
}
