import GRDB
import TaizhangCore

/// A moment in the hub's recent history, for the dashboard's activity list.
public struct HubActivity: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case delivery, enrolment, export, flag
    }

    public var kind: Kind
    public var at: Timestamp
    /// The branch concerned, or the exported month.
    public var subject: String
    public var detail: String
}

/// An export issued, as the exports page lists it.
public struct ExportIssue: Sendable, Hashable {
    public var id: Int64
    public var month: YearMonth
    public var asOf: Timestamp
    public var hash: String
    public var issuedAt: Timestamp
}

/// The hub's vital signs for the health page.
public struct HubHealth: Sendable, Hashable {
    /// Entries held, over all branches.
    public var entries: Int64
    /// Ingest batches stored in the last hour and day.
    public var batchesLastHour: Int64
    public var batchesLastDay: Int64
    public var databaseBytes: Int64
    /// The latest contact from any office.
    public var lastContactAt: Timestamp?
    /// The latest batch stored.
    public var lastIngestAt: Timestamp?
    /// Open flags by kind.
    public var openFlags: [String: Int64]
    /// Refused keys: tried to connect, not enrolled (pending) or revoked, with their attempts.
    public var refusedKeys: [String: Int64]
    /// `serve`'s latest heartbeat (nil: it never ran against this database).
    public var serve: ServeHeartbeat?
}

extension HubDatabase {
    /// The items (boards, signs, badges) `branch` has in service, by material then item.
    public func itemsInService(branch: String) throws -> [ItemState] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(HubItemRow.columns) FROM item WHERE branch = ? AND in_service = 1 ORDER BY material, item",
                             arguments: [branch]).map(HubItemRow.decode)
        }
    }

    /// A page of `branch`'s entries, newest first, with seq below `before` (nil: from the newest).
    public func entries(branch: String, before: Int64?, limit: Int) throws -> [Entry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(HubEntryRow.columns) FROM entry WHERE branch = ? AND seq < ? ORDER BY seq DESC LIMIT ?
                """, arguments: [branch, before ?? Int64.max, limit]).map(HubEntryRow.decode)
        }
    }

    /// `branch`'s movement per month and material (the monthly movement table), oldest first.
    public func movements(branch: String) throws -> [MonthlyMovement] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT material, month, inflow, outflow, adjusted, standard FROM movement WHERE branch = ? ORDER BY month, material
                """, arguments: [branch]).compactMap { row -> MonthlyMovement? in
                guard let material = Material(rawValue: row[0]), let month = YearMonth(row[1] as String) else { return nil }
                return MonthlyMovement(branch: branch, material: material, month: month, opening: 0, inflow: row[2],
                                       outflow: row[3], adjusted: row[4], standardOpening: 0, standardChange: row[5])
            }
        }
    }

    /// Every export issued, newest first.
    public func exportIssues() throws -> [ExportIssue] {
        try read { db in try Self.exportIssues(db) }
    }

    /// The latest deliveries (each branch's latest, by its highest held entry), enrolments,
    /// exports and flags, newest first; no scan of entries or logs (one seek per branch: a
    /// join would let SQLite scan the entries instead).
    public func recentActivity(limit: Int) throws -> [HubActivity] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT kind, at, subject, detail FROM (
                    SELECT 'delivery' AS kind, (SELECT e.stored_at FROM entry e WHERE e.branch = b.id AND e.seq = b.held_seq) AS at,
                           b.id AS subject, '#' || b.held_seq AS detail FROM branch b WHERE b.held_seq > 0
                    UNION ALL SELECT 'enrolment', at, branch, name FROM (SELECT * FROM branch_name_log ORDER BY at DESC LIMIT ?1)
                    UNION ALL SELECT 'export', issued_at, month, hash FROM (SELECT * FROM export_issue ORDER BY issued_at DESC LIMIT ?1)
                    UNION ALL SELECT 'flag', at, branch, detail FROM (SELECT * FROM flag ORDER BY at DESC LIMIT ?1)
                ) ORDER BY at DESC LIMIT ?1
                """, arguments: [limit]).map { row in
                HubActivity(kind: HubActivity.Kind(rawValue: row[0]) ?? .delivery, at: Timestamp(millisecondsSinceEpoch: row[1]),
                            subject: row[2], detail: row[3])
            }
        }
    }

    public func health(now: Timestamp) throws -> HubHealth {
        let ms = now.millisecondsSinceEpoch
        return try read { db in
            let flags = try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) FROM flag WHERE resolved_at IS NULL GROUP BY kind")
            let keys = try Row.fetchAll(db, sql: """
                SELECT state, SUM(attempts) FROM agent_key WHERE state IN ('pending', 'revoked') GROUP BY state
                """)
            let lastIngest = try Self.lastIngest(db)
            return HubHealth(
                entries: try Int64.fetchOne(db, sql: "SELECT IFNULL(SUM(held_seq), 0) FROM branch") ?? 0,
                batchesLastHour: try Self.storedSince(db, ms - 3_600_000),
                batchesLastDay: try Self.storedSince(db, ms - 86_400_000),
                databaseBytes: (try Int64.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")) ?? 0,
                lastContactAt: (try Int64.fetchOne(db, sql: "SELECT MAX(last_heard_at) FROM branch")).map(Timestamp.init(millisecondsSinceEpoch:)),
                lastIngestAt: lastIngest,
                openFlags: Dictionary(uniqueKeysWithValues: flags.map { ($0[0] as String, $0[1] as Int64) }),
                refusedKeys: Dictionary(uniqueKeysWithValues: keys.map { ($0[0] as String, ($0[1] as Int64?) ?? 0) }),
                serve: try Self.serveHeartbeat(db))
        }
    }

    /// When the latest batch was stored: the newest of the branches' highest held entries.
    public func lastIngestAt() throws -> Timestamp? {
        try read { db in try Self.lastIngest(db) }
    }

    static func lastIngest(_ db: Database) throws -> Timestamp? {
        try Int64.fetchOne(db, sql: """
            SELECT MAX((SELECT e.stored_at FROM entry e WHERE e.branch = b.id AND e.seq = b.held_seq)) FROM branch b
            """).map(Timestamp.init(millisecondsSinceEpoch:))
    }

    /// Ingest batches stored since `since`, from the balance log: one range seek per branch
    /// and material (its key), never a scan of the whole log (CROSS JOIN keeps tally outside).
    static func storedSince(_ db: Database, _ since: Int64) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(batchesSinceSQL))", arguments: [since]) ?? 0
    }

    static let batchesSinceSQL = """
        SELECT DISTINCT l.branch, l.stored_at FROM tally t CROSS
            JOIN balance_log l ON l.branch = t.branch AND l.material = t.material AND l.stored_at >= ?
        """

    /// When each ingest batch stored since `since` was stored (one per batch, as `health`
    /// counts them), so a reader can count the batches of any later window without a query
    /// until the next write.
    public func batchTimes(since: Timestamp) throws -> [Timestamp] {
        try read { db in
            try Row.fetchAll(db, sql: Self.batchesSinceSQL, arguments: [since.millisecondsSinceEpoch])
                .map { Timestamp(millisecondsSinceEpoch: $0[1]) }
        }
    }
}
