import GRDB
import TaizhangCore

#if canImport(Glibc)
import Glibc
#endif

/// The office's ledger file: owns the schema and every write, so each entry, its effect on
/// the inventory and its place in the outbox are committed together or not at all.
public struct AgentDatabase: Sendable {
    public let path: String
    let queue: DatabaseQueue
    /// How long a write waits for another clerk's process before giving up.
    public static let busySeconds = 5

    /// Opens an existing ledger; refuses a file that is missing, foreign or damaged.
    public init(openingAt path: String) throws {
        guard access(path, F_OK) == 0 else {
            throw AgentError.notInitialised(directory: String(path.prefix(upTo: path.lastIndex(of: "/") ?? path.endIndex)))
        }
        self.path = path
        queue = try Self.translatingErrors(path: path) {
            let queue = try DatabaseQueue(path: path, configuration: Self.configuration)
            let applicationID = try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") ?? 0 }
            guard applicationID == AgentSchema.applicationID else { throw AgentError.notALedger(path: path) }
            return queue
        }
        try Self.translatingErrors(path: path) {
            let migrator = AgentSchema.migrator
            if try queue.read({ try !migrator.hasCompletedMigrations($0) }) { try migrator.migrate(queue) }
        }
    }

    /// Creates a new ledger file at `path`, which must not exist yet.
    public init(creatingAt path: String, info: LedgerInfo) throws {
        guard access(path, F_OK) != 0 else { throw AgentError.alreadyInitialised(path: path) }
        self.path = path
        queue = try Self.translatingErrors(path: path) {
            let queue = try DatabaseQueue(path: path, configuration: Self.configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA application_id = \(AgentSchema.applicationID)")
            }
            try AgentSchema.migrator.migrate(queue)
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO ledger (id, branch, name, incarnation, hub_key, time_zone, created_at)
                    VALUES (1, ?, ?, ?, ?, ?, ?)
                    """, arguments: [info.branch, info.name, info.incarnation, info.hubKey,
                                     info.timeZone.identifier, info.createdAt.millisecondsSinceEpoch])
                try Self.replaceHubEndpoints(db, info.hubEndpoints)
            }
            return queue
        }
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(Double(busySeconds))
        configuration.label = "taizhang-agent"
        return configuration
    }

    /// Runs `body`, turning SQLite failures into errors a clerk can act on.
    static func translatingErrors<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw AgentError.busy(path: path, seconds: busySeconds)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: throw AgentError.damaged(path: path, detail: error.message ?? "not a database")
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR, .SQLITE_FULL:
                throw AgentError.storage(path: path, detail: error.message ?? "\(error.resultCode)")
            default: throw AgentError.storage(path: path, detail: error.message ?? "\(error.resultCode)")
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.translatingErrors(path: path) { try queue.read(body) }
    }
}
