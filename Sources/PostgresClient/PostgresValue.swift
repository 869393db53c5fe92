/// A parameter of a statement: text (its type inferred by the server from the statement, as
/// a literal would be), or a typed value sent in PostgreSQL's binary format.
public enum PostgresValue: Sendable, Equatable {
    case null
    case text(String)
    case int64(Int64)
    case int32(Int32)
    case bool(Bool)
    case bytes([UInt8])

    /// The type OID sent with the parameter; 0 lets the server infer it.
    var typeOID: UInt32 {
        switch self {
        case .null, .text: 0
        case .int64: PostgresType.int8.rawValue
        case .int32: PostgresType.int4.rawValue
        case .bool: PostgresType.bool.rawValue
        case .bytes: PostgresType.bytea.rawValue
        }
    }

    /// 0 for text, 1 for binary (libpq's paramFormats).
    var format: Int32 {
        switch self {
        case .null, .text: 0
        case .int64, .int32, .bool, .bytes: 1
        }
    }

    /// Appends the bytes on the wire to `storage`; false for NULL. Text is NUL-terminated, as
    /// libpq reads text parameters as C strings (so text holding a NUL is refused).
    func append(to storage: inout [UInt8]) throws(PostgresError) -> Bool {
        switch self {
        case .null:
            return false
        case .text(let string):
            guard !string.utf8.contains(0) else {
                throw PostgresError(kind: .invalidParameter, message: "a text parameter holds a NUL character, which PostgreSQL text cannot store")
            }
            storage.append(contentsOf: string.utf8)
            storage.append(0)
        case .int64(let number):
            withUnsafeBytes(of: number.bigEndian) { storage.append(contentsOf: $0) }
        case .int32(let number):
            withUnsafeBytes(of: number.bigEndian) { storage.append(contentsOf: $0) }
        case .bool(let flag):
            storage.append(flag ? 1 : 0)
        case .bytes(let bytes):
            storage.append(contentsOf: bytes)
        }
        return true
    }
}

/// The type OIDs the client binds and decodes (PostgreSQL's catalog/pg_type.dat, stable since 7.x).
public enum PostgresType: UInt32, Sendable {
    case bool = 16
    case bytea = 17
    case name = 19
    case int8 = 20
    case int2 = 21
    case int4 = 23
    case text = 25
    case varchar = 1043
    case unknown = 705
}
