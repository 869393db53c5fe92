import GRDB
import Glibc
import TaizhangCore

/// `serve`'s heartbeat, for the dashboard's health page: when the serving process started
/// and when its loop last went round, two rows of `hub_fact` rewritten in a small
/// transaction of their own every few seconds.
public struct ServeHeartbeat: Sendable, Hashable {
    public var startedAt: Timestamp
    public var beatAt: Timestamp
    /// The process that wrote it.
    public var processID: Int64
}

extension HubDatabase {
    /// Seconds between two heartbeats; the health page calls `serve` stopped after three missed.
    public static let heartbeatSeconds: Int64 = 5

    /// Notes that `serve` (this process, started at `startedAt`) is alive at `time`.
    public func noteHeartbeat(startedAt: Timestamp, at time: Timestamp) throws {
        let processID = Int64(getpid())
        try writeKeepingChangeCount { db in
            for (name, value) in [("serve_started_at", startedAt.millisecondsSinceEpoch), ("serve_heartbeat_at", time.millisecondsSinceEpoch),
                                  ("serve_pid", processID)] {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO hub_fact (name, value) VALUES (?, ?)").execute(arguments: [name, value])
            }
        }
    }

    /// The latest heartbeat, or nil if `serve` never ran against this database.
    public func serveHeartbeat() throws -> ServeHeartbeat? {
        try read { db in try Self.serveHeartbeat(db) }
    }

    static func serveHeartbeat(_ db: Database) throws -> ServeHeartbeat? {
        let facts = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT name, value FROM hub_fact WHERE name IN ('serve_started_at', 'serve_heartbeat_at', 'serve_pid')
            """).map { ($0[0] as String, $0[1] as Int64) })
        guard let started = facts["serve_started_at"], let beat = facts["serve_heartbeat_at"] else { return nil }
        return ServeHeartbeat(startedAt: Timestamp(millisecondsSinceEpoch: started), beatAt: Timestamp(millisecondsSinceEpoch: beat),
                              processID: facts["serve_pid"] ?? 0)
    }
}
