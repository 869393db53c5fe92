import GRDB
import LedgerSQL
import TaizhangCore

#if canImport(Glibc)
import Glibc
#endif

/// The hub's database: owns the schema and every write, so each stored entry, its effect on
/// the materialised totals and the branch's progress are committed together or not at all.
/// Usable from any thread: the queue serialises access; other processes read it through WAL.
public struct HubDatabase: Sendable {
    public let path: String
    let queue: DatabaseQueue
    /// How long a write waits for another process before giving up.
    public static let busySeconds = 5

    /// Opens an existing hub database; refuses a file that is missing, foreign or damaged.
    public init(openingAt path: String) throws {
        guard access(path, F_OK) == 0 else { throw HubError.notInitialised(path: path) }
        self.path = path
        queue = try Self.translatingErrors(path: path) {
            let queue = try DatabaseQueue(path: path, configuration: Self.configuration)
            // Checked before any migration, so a foreign file is never written to.
            let applicationID = try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") ?? 0 }
            guard applicationID == HubSchema.applicationID else { throw HubError.notAHubDatabase(path: path) }
            return queue
        }
        try Self.translatingErrors(path: path) {
            let migrator = HubSchema.migrator
            if try queue.read({ try !migrator.hasCompletedMigrations($0) }) { try migrator.migrate(queue) }
        }
    }

    /// Creates a new hub database at `path`, which must not exist yet.
    public init(creatingAt path: String) throws {
        guard access(path, F_OK) != 0 else { throw HubError.alreadyInitialised(path: path) }
        self.path = path
        queue = try Self.translatingErrors(path: path) {
            let queue = try DatabaseQueue(path: path, configuration: Self.configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA application_id = \(HubSchema.applicationID)")
            }
            try HubSchema.migrator.migrate(queue)
            return queue
        }
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(Double(busySeconds))
        configuration.label = "taizhang-hub"
        // An ACK promises durability: every commit is synced (Debian's WAL default, made explicit).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return configuration
    }

    /// Runs `body`, turning SQLite failures into errors an operator can act on.
    static func translatingErrors<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            let detail = error.message ?? "\(error.resultCode)"
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw HubError.busy(path: path, seconds: busySeconds)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: throw HubError.damaged(path: path, detail: detail)
            default: throw HubError.storage(path: path, detail: detail)
            }
        }
    }

    /// One snapshot: a DEFERRED transaction. Not GRDB's `read`, which on a queue sets and
    /// clears `PRAGMA query_only` — and each of those expires every statement the connection
    /// has prepared, so `serve`'s next batch compiled its statements again after every flag
    /// notice it read (measured: about a tenth of the hub's ingest CPU).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        if let db = groupDatabase { return try Self.translatingErrors(path: path) { try body(db) } }
        return try Self.translatingErrors(path: path) { try queue.inDatabase { try $0.snapshot(body) } }
    }

    /// One IMMEDIATE transaction: a writer never has to upgrade a read lock, so it waits
    /// for the busy timeout instead of failing at once. Inside a `group`, a savepoint of it.
    /// It bumps the change count (`changeToken()`), so a reader's kept figures are read again.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try transaction(countingChange: true, body)
    }

    /// `write` for what no figure, list or state on a page reads (`serve`'s heartbeat, the
    /// dashboard's sessions and operator log): the change count stays as it was.
    func writeKeepingChangeCount<T>(_ body: (Database) throws -> T) throws -> T {
        try transaction(countingChange: false, body)
    }

    private func transaction<T>(countingChange: Bool, _ body: (Database) throws -> T) throws -> T {
        try Self.translatingErrors(path: path) {
            var result: T?
            if let db = groupDatabase {
                try db.inSavepoint {
                    result = try body(db)
                    if countingChange { try Self.countChange(db) }
                    return .commit
                }
            } else {
                try queue.inTransaction(.immediate) { db in
                    result = try body(db)
                    if countingChange { try Self.countChange(db) }
                    return .commit
                }
            }
            guard let result else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "a write ended without a result") }
            return result
        }
    }
}
