import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One synchronous connection to PostgreSQL through libpq, used by one thread at a time (the
/// type is not `Sendable`: create it on the thread that uses it). A URL may list several hosts
/// (`postgresql://u@db1:5432,db2:5432/taizhang?target_session_attrs=read-write`): libpq tries
/// them in turn, and `reconnect()` does so again after a failover.
///
/// The client never cancels a statement. A COMMIT in particular is let run to its end: a
/// cancelled COMMIT that waits for a synchronous standby is committed locally while the client
/// is told otherwise, so `commit()` also switches the statement timeout off for itself, and
/// reports any warning it got as `commitOutcomeUnknown`.
public final class PostgresConnection {
    private var handle: OpaquePointer?
    let notices = NoticeLog()
    var prepared: [String: (sql: String, types: [PostgresType?])] = [:]

    /// Connects, or throws `.connect` with libpq's reason (the URL's password is never in it).
    public init(url: String) throws(PostgresError) {
        let connection = Self.connect(url)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let reason = connection.map { Self.text(PQerrorMessage($0)) } ?? "out of memory"
            if let connection { PQfinish(connection) }
            throw PostgresError(kind: .connect, message: "cannot connect to PostgreSQL: " + reason)
        }
        handle = connection
        notices.install(on: connection)
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Closes the connection; any later call throws `.usage`.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// True while libpq holds a working connection (false once it saw the server go).
    public var isConnected: Bool { handle.map { PQstatus($0) == CONNECTION_OK } ?? false }
    /// The host and port actually connected to (one of a multi-host URL's).
    public var host: String { handle.map { Self.text(PQhost($0)) } ?? "" }
    public var port: String { handle.map { Self.text(PQport($0)) } ?? "" }
    /// The server process serving this connection (`pg_stat_activity.pid`).
    public var backendPID: Int32 { handle.map { PQbackendPID($0) } ?? 0 }
    /// As 150018 for 15.18.
    public var serverVersion: Int { handle.map { Int(PQserverVersion($0)) } ?? 0 }
    /// True between BEGIN and COMMIT/ROLLBACK (also in a failed transaction).
    public var isInTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// A setting the server reports to clients (`in_hot_standby`, `server_version`, `TimeZone`).
    public func parameterStatus(_ name: String) -> String? {
        guard let handle, let value = PQparameterStatus(handle, name) else { return nil }
        return String(cString: value)
    }

    /// Connects again with the same URL (libpq walks a multi-host list afresh, honouring
    /// `target_session_attrs`) and prepares again the statements prepared before.
    public func reconnect() throws(PostgresError) {
        let connection = try open()
        PQreset(connection)
        guard PQstatus(connection) == CONNECTION_OK else {
            throw PostgresError(kind: .connect, message: "cannot connect to PostgreSQL again: " + Self.text(PQerrorMessage(connection)))
        }
        for (name, statement) in prepared { try sendPrepare(name, statement.sql, statement.types) }
    }

    /// Runs one statement with `$1`, `$2`… bound to `parameters`; cells come back in text
    /// form, or binary with `binaryResult`.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [PostgresValue] = [], binaryResult: Bool = false) throws(PostgresError) -> PostgresResult {
        let connection = try open()
        return try run(parameters) { types, values, lengths, formats in
            PQexecParams(connection, sql, Int32(parameters.count), types, values, lengths, formats, binaryResult ? 1 : 0)
        }
    }

    /// Statements separated by semicolons, with no parameters (the simple query protocol).
    @discardableResult
    public func executeScript(_ sql: String) throws(PostgresError) -> PostgresResult {
        let connection = try open()
        return try consume(PQexec(connection, sql))
    }

    /// Whether a server answers at `url`, without logging in (as `pg_isready` asks).
    public static func ping(_ url: String) -> PostgresPing {
        switch PQping(url) {
        case PQPING_OK: .accepting
        case PQPING_REJECT: .rejecting
        case PQPING_NO_RESPONSE: .noResponse
        default: .badParameters
        }
    }

    // MARK: - Inside the module

    func open() throws(PostgresError) -> OpaquePointer {
        guard let handle else { throw PostgresError(kind: .usage, message: "the PostgreSQL connection was closed") }
        return handle
    }

    typealias Send = (UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> OpaquePointer?

    /// Lays `parameters` out as libpq wants them (all their bytes in one buffer) for the
    /// duration of `send`, then reads the result.
    func run(_ parameters: [PostgresValue], _ send: Send) throws(PostgresError) -> PostgresResult {
        var storage: [UInt8] = []
        var offsets: [Int?] = [], lengths: [Int32] = []
        offsets.reserveCapacity(parameters.count)
        lengths.reserveCapacity(parameters.count)
        for parameter in parameters {
            let offset = storage.count
            guard try parameter.append(to: &storage) else { offsets.append(nil); lengths.append(0); continue }
            guard storage.count - offset < Int(Int32.max) else {
                throw PostgresError(kind: .invalidParameter, message: "a parameter of \(storage.count - offset) bytes exceeds what PostgreSQL accepts")
            }
            offsets.append(offset)
            lengths.append(Int32(storage.count - offset))
        }
        storage.append(0)  // never empty, so the buffer has a base address
        let types = parameters.map { Oid($0.typeOID) }
        let formats = parameters.map(\.format)
        let result = storage.withUnsafeBufferPointer { bytes -> OpaquePointer? in
            let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            let values: [UnsafePointer<CChar>?] = offsets.map { offset in offset.flatMap { base?.advanced(by: $0) } }
            return values.withUnsafeBufferPointer { values in
                types.withUnsafeBufferPointer { types in
                    lengths.withUnsafeBufferPointer { lengths in
                        formats.withUnsafeBufferPointer { formats in
                            send(types.baseAddress, values.baseAddress, lengths.baseAddress, formats.baseAddress)
                        }
                    }
                }
            }
        }
        return try consume(result)
    }

    static func text(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        var text = String(cString: pointer)
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }

    /// The URL expanded by libpq, with the client's own settings added: UTF-8 on the wire
    /// (kept across `PQreset`) and an application name unless the URL gives one.
    private static func connect(_ url: String) -> OpaquePointer? {
        let keywords = ["dbname", "client_encoding", "fallback_application_name"]
        let values = [url, "UTF8", "taizhang"]
        let keywordPointers = keywords.map { strdup($0) }, valuePointers = values.map { strdup($0) }
        defer { for pointer in keywordPointers + valuePointers { free(pointer) } }
        let keywordArray: [UnsafePointer<CChar>?] = keywordPointers.map { $0.map { UnsafePointer($0) } } + [nil]
        let valueArray: [UnsafePointer<CChar>?] = valuePointers.map { $0.map { UnsafePointer($0) } } + [nil]
        return keywordArray.withUnsafeBufferPointer { keys in
            valueArray.withUnsafeBufferPointer { vals in PQconnectdbParams(keys.baseAddress, vals.baseAddress, 1) }
        }
    }
}

/// What `PostgresConnection.ping` found.
public enum PostgresPing: Sendable, Equatable {
    case accepting
    /// Up but not accepting connections yet (starting, shutting down, in crash recovery).
    case rejecting
    case noResponse
    case badParameters
}
