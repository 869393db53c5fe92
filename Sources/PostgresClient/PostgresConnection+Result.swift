import CLibPQ

extension PostgresConnection {
    /// Reads libpq's result into a `PostgresResult` and frees it; a failed one becomes the
    /// server's error, or `connectionLost` when libpq saw the connection break.
    @discardableResult
    func consume(_ result: OpaquePointer?) throws(PostgresError) -> PostgresResult {
        let connection = try open()
        guard let result else {
            // NULL: libpq could not even build a result (out of memory, or the connection is gone).
            throw failure(connection, nil)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return Self.copy(result)
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            abandonCopy(connection)
            throw PostgresError(kind: .usage, message: "the statement started a COPY, which this client does not carry; the COPY was abandoned")
        default:
            throw failure(connection, result)
        }
    }

    private func failure(_ connection: OpaquePointer, _ result: OpaquePointer?) -> PostgresError {
        func field(_ code: UInt8) -> String? {
            guard let result, let value = PQresultErrorField(result, Int32(code)) else { return nil }
            return String(cString: value)
        }
        let sqlState = field(UInt8(ascii: "C"))
        let message = field(UInt8(ascii: "M")) ?? result.map { Self.text(PQresultErrorMessage($0)) } ?? Self.text(PQerrorMessage(connection))
        let lost = PQstatus(connection) != CONNECTION_OK || sqlState?.hasPrefix("08") == true
        return PostgresError(
            kind: lost ? .connectionLost : .server,
            message: message.isEmpty ? Self.text(PQerrorMessage(connection)) : message,
            sqlState: sqlState, detail: field(UInt8(ascii: "D")), hint: field(UInt8(ascii: "H")),
            constraint: field(UInt8(ascii: "n"))
        )
    }

    /// Ends a COPY the caller did not expect, so the connection is usable again.
    private func abandonCopy(_ connection: OpaquePointer) {
        _ = PQputCopyEnd(connection, "COPY is not supported by this client")
        var buffer: UnsafeMutablePointer<CChar>?
        while PQgetCopyData(connection, &buffer, 0) > 0 { PQfreemem(buffer) }
        while let next = PQgetResult(connection) { PQclear(next) }
    }

    private static func copy(_ result: OpaquePointer) -> PostgresResult {
        let columnCount = Int(PQnfields(result)), rowCount = Int(PQntuples(result))
        let columns = (0..<columnCount).map { column in
            PostgresResult.Column(
                name: text(PQfname(result, Int32(column))),
                typeOID: UInt32(PQftype(result, Int32(column))),
                isBinary: PQfformat(result, Int32(column)) == 1
            )
        }
        let rows = (0..<rowCount).map { row in
            PostgresRow(columns: columns, cells: (0..<columnCount).map { column -> [UInt8]? in
                let (r, c) = (Int32(row), Int32(column))
                guard PQgetisnull(result, r, c) == 0, let value = PQgetvalue(result, r, c) else { return nil }
                let length = Int(PQgetlength(result, r, c))
                return value.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
            })
        }
        let tuples = text(PQcmdTuples(result))
        return PostgresResult(columns: columns, rows: rows, commandTag: text(PQcmdStatus(result)), affectedRows: Int(tuples))
    }
}
