/// What a statement returned, copied out of libpq's result at once (so nothing refers to
/// freed memory): the columns, the rows as raw cells, the command tag and the rows affected.
public struct PostgresResult: Sendable {
    public struct Column: Sendable, Equatable {
        public let name: String
        /// The column's type OID (`PostgresType(rawValue:)` names the common ones).
        public let typeOID: UInt32
        /// True when the cells are in PostgreSQL's binary format.
        public let isBinary: Bool
    }

    public let columns: [Column]
    public let rows: [PostgresRow]
    /// The command tag, such as `INSERT 0 500`, `SELECT 3` or `COMMIT`.
    public let commandTag: String
    /// Rows inserted, updated, deleted, selected or copied, when the command reports it.
    public let affectedRows: Int?

    /// The one row a statement was expected to return.
    public func singleRow() throws(PostgresError) -> PostgresRow {
        guard rows.count == 1, let row = rows.first else {
            throw PostgresError(kind: .decoding, message: "expected one row, the statement returned \(rows.count)")
        }
        return row
    }
}

/// One row: raw cells (nil for NULL) and typed reads that say exactly what did not fit.
public struct PostgresRow: Sendable {
    public let columns: [PostgresResult.Column]
    public let cells: [[UInt8]?]

    public func isNull(_ column: Int) throws(PostgresError) -> Bool {
        try cell(column, allowingNull: true) == nil
    }

    public func string(_ column: Int) throws(PostgresError) -> String {
        let bytes = try value(column)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw failure(column, "is not valid UTF-8")
        }
        return text
    }

    public func int64(_ column: Int) throws(PostgresError) -> Int64 {
        let bytes = try value(column)
        if columns[column].isBinary {
            switch bytes.count {
            case 8, 4, 2: return bytes.dropFirst().reduce(Int64(Int8(bitPattern: bytes[0]))) { $0 << 8 | Int64($1) }
            default: throw failure(column, "holds \(bytes.count) binary bytes, not an integer")
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self), let number = Int64(text) else {
            throw failure(column, "is not a whole number")
        }
        return number
    }

    public func bool(_ column: Int) throws(PostgresError) -> Bool {
        let bytes = try value(column)
        if columns[column].isBinary, bytes.count == 1 { return bytes[0] != 0 }
        switch bytes {
        case Array("t".utf8): return true
        case Array("f".utf8): return false
        default: throw failure(column, "is not a boolean")
        }
    }

    /// A bytea: binary cells as they are, text cells from PostgreSQL's hex form (`\x0a1b…`).
    public func bytes(_ column: Int) throws(PostgresError) -> [UInt8] {
        let bytes = try value(column)
        if columns[column].isBinary { return bytes }
        guard let decoded = Self.hexBytea(bytes) else { throw failure(column, "is not a bytea in hex form") }
        return decoded
    }

    /// The index of the column called `name`.
    public func index(of name: String) throws(PostgresError) -> Int {
        guard let found = columns.firstIndex(where: { $0.name == name }) else {
            throw PostgresError(kind: .decoding, message: "the result has no column '\(name)'")
        }
        return found
    }

    private func value(_ column: Int) throws(PostgresError) -> [UInt8] {
        guard let bytes = try cell(column, allowingNull: false) else { throw failure(column, "is NULL") }
        return bytes
    }

    private func cell(_ column: Int, allowingNull: Bool) throws(PostgresError) -> [UInt8]? {
        guard cells.indices.contains(column) else {
            throw PostgresError(kind: .decoding, message: "the result has \(cells.count) columns, not a column \(column + 1)")
        }
        return cells[column]
    }

    private func failure(_ column: Int, _ what: String) -> PostgresError {
        PostgresError(kind: .decoding, message: "column '\(columns[column].name)' \(what)")
    }

    static func hexBytea(_ text: [UInt8]) -> [UInt8]? {
        guard text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x"), text.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity((text.count - 2) / 2)
        var index = 2
        while index < text.count {
            guard let high = nibble(text[index]), let low = nibble(text[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
