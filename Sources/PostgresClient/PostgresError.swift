/// What went wrong talking to PostgreSQL: the kind a caller decides on, the server's own
/// SQLSTATE and message (with detail, hint and constraint when the server sent them), or
/// libpq's message when the failure is on the client's side of the wire.
public struct PostgresError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The connection could not be made (no server, refused, no read-write host in a list).
        case connect
        /// The server refused the statement; `sqlState` says why.
        case server
        /// The connection broke (server gone, killed, shut down); `reconnect()` may follow a
        /// multi-host URL to another server.
        case connectionLost
        /// COMMIT did not come back as a plain success: the connection broke while it ran, or
        /// the server warned that its wait for the synchronous standby was cut short. The
        /// transaction may or may not be durable: do not acknowledge what it wrote.
        case commitOutcomeUnknown
        /// COMMIT ended the transaction with a rollback (an earlier statement had failed).
        case rolledBack
        /// A parameter PostgreSQL cannot carry (text holding a NUL character).
        case invalidParameter
        /// A result value that is not what the caller read it as (NULL, another type, no such column).
        case decoding
        /// The client used out of turn (BEGIN inside a transaction, a closed connection).
        case usage
    }

    public let kind: Kind
    /// The server's or libpq's primary message, without a trailing newline.
    public let message: String
    /// The five-character SQLSTATE when the server sent one (`23505`, `40001`, `57P01`).
    public let sqlState: String?
    public let detail: String?
    public let hint: String?
    public let constraint: String?

    public init(kind: Kind, message: String, sqlState: String? = nil, detail: String? = nil,
                hint: String? = nil, constraint: String? = nil) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
    }

    /// `unique_violation`: a row with the same key is already there.
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// `serialization_failure` or `deadlock_detected`: the transaction may be retried as a whole.
    public var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }

    public var description: String {
        var text = message
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let detail { text += "; " + detail }
        return text
    }
}
