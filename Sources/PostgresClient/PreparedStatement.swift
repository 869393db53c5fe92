import CLibPQ

/// A statement parsed and planned once by the server, then run with new parameters; it lasts
/// as long as the connection (and is prepared again by `reconnect()`).
public struct PreparedStatement: Sendable, Hashable {
    public let name: String
    /// How many `$n` parameters the server found in it.
    public let parameterCount: Int
}

extension PostgresConnection {
    /// Prepares `sql` under `name`. `types` pins parameter types by position (nil: inferred
    /// from the statement, as for `.text` values); a typed `PostgresValue` needs its type
    /// pinned here or by a cast in the SQL (`$1::bigint`).
    public func prepare(_ name: String, _ sql: String, types: [PostgresType?] = []) throws(PostgresError) -> PreparedStatement {
        try sendPrepare(name, sql, types)
        prepared[name] = (sql, types)
        let connection = try open()
        let description = try PostgresResultCount(consuming: PQdescribePrepared(connection, name), on: self)
        return PreparedStatement(name: name, parameterCount: description.parameters)
    }

    /// Runs a prepared statement; the parameter count is checked before anything is sent.
    @discardableResult
    public func execute(_ statement: PreparedStatement, _ parameters: [PostgresValue] = [], binaryResult: Bool = false) throws(PostgresError) -> PostgresResult {
        guard parameters.count == statement.parameterCount else {
            throw PostgresError(kind: .usage, message: "statement '\(statement.name)' takes \(statement.parameterCount) parameters, \(parameters.count) were given")
        }
        let connection = try open()
        return try run(parameters) { _, values, lengths, formats in
            PQexecPrepared(connection, statement.name, Int32(parameters.count), values, lengths, formats, binaryResult ? 1 : 0)
        }
    }

    /// Forgets a prepared statement on the server.
    public func deallocate(_ statement: PreparedStatement) throws(PostgresError) {
        prepared[statement.name] = nil
        let quoted = statement.name.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }
        try executeScript("DEALLOCATE \"" + String(quoted) + "\"")
    }

    func sendPrepare(_ name: String, _ sql: String, _ types: [PostgresType?]) throws(PostgresError) {
        let connection = try open()
        let oids = types.map { Oid($0?.rawValue ?? 0) }
        let result = oids.withUnsafeBufferPointer { PQprepare(connection, name, sql, Int32(oids.count), $0.baseAddress) }
        try consume(result)
    }
}

/// The parameter count of a described prepared statement.
struct PostgresResultCount {
    let parameters: Int

    init(consuming result: OpaquePointer?, on connection: PostgresConnection) throws(PostgresError) {
        let parameters = result.map { Int(PQnparams($0)) } ?? 0
        try connection.consume(result)
        self.parameters = parameters
    }
}
