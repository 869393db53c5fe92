import GRDB
import TaizhangCore

/// The ingest clock that makes an export's as-of exact and independent of the wall clock.
/// Every transaction that changes what an export reads (an ingest batch, a contact, an
/// enrolment or revocation, a flag raised or settled, an export issued) is stamped with
/// `stamp`: the wall-clock time, but never at or before the end of an as-of an export has
/// already been answered for (`hub_fact` 'answered'), nor, for a branch's batches and
/// contacts, earlier than that branch's previous stamp ('clock:BRANCH'). Exports read only
/// what was stamped by the end of their as-of, so an as-of once answered reads the same rows
/// whatever the hub's clock does later (stepped back, or a batch that waited for the lock
/// while the export ran), and an export without --as-of, cut at or after the latest stamp
/// ('clock'), includes everything acknowledged before it began.
extension ExportLog {
    /// The time to store a change with: `time`, unless that would slip into an as-of already
    /// answered or (for `branch`) before the branch's previous stamp.
    @discardableResult
    static func stamp(_ time: Timestamp, branch: String? = nil, in db: Database) throws -> Timestamp {
        var at = max(time.millisecondsSinceEpoch, try fact("answered", db) + 1)
        if let branch {
            let previous = try fact("clock:" + branch, db)
            at = max(at, previous)
            if at != previous { try setFact("clock:" + branch, at, db) }
        }
        if at > (try fact("clock", db)) { try setFact("clock", at, db) }
        return Timestamp(millisecondsSinceEpoch: at)
    }

    /// The latest stamp and the end of the latest as-of answered.
    static func readings(_ db: Database) throws -> (clock: Int64, answered: Int64) {
        (try fact("clock", db), try fact("answered", db))
    }

    /// An export as of the instant `end` was answered: later changes are stamped after it.
    static func answered(through end: Int64, in db: Database) throws {
        if end > (try fact("answered", db)) { try setFact("answered", end, db) }
    }

    private static func fact(_ name: String, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM hub_fact WHERE name = ?"), arguments: [name]) ?? 0
    }

    private static func setFact(_ name: String, _ value: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO hub_fact (name, value) VALUES (?, ?)").execute(arguments: [name, value])
    }
}
