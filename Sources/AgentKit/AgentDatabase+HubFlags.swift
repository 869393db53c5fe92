import GRDB
import TaizhangCore

extension AgentDatabase {
    /// Replaces the last flag notice heard from the hub (called inside `confirm`'s transaction).
    static func noteHubFlags(_ notice: FlagNotice, at time: Timestamp, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE sync_state SET hub_open_flags = ?, hub_entry_flags = ?, hub_flags_at = ?")
            .execute(arguments: [notice.openFlags, notice.entryFlags, time.millisecondsSinceEpoch])
        try db.execute(sql: "DELETE FROM hub_flag")
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO hub_flag (seq, kind) VALUES (?, ?)")
        for entry in notice.entries { try insert.execute(arguments: [entry.seq, Int(entry.kind.rawValue)]) }
    }

    /// The hub's last flag notice and when it was heard; nil if none was heard yet.
    static func hubFlags(_ db: Database) throws -> HubFlags? {
        guard let row = try Row.fetchOne(db, sql: "SELECT hub_open_flags, hub_entry_flags, hub_flags_at FROM sync_state"),
              let at = row[2] as Int64? else { return nil }
        let entries = try Row.fetchAll(db, sql: "SELECT seq, kind FROM hub_flag ORDER BY seq, kind").map { row in
            FlagNotice.Entry(seq: row[0], kind: FlagNotice.Kind(rawValue: UInt8(clamping: row[1] as Int)) ?? .other)
        }
        return HubFlags(notice: FlagNotice(openFlags: row[0], entryFlags: row[1], entries: entries),
                        heardAt: Timestamp(millisecondsSinceEpoch: at))
    }
}

/// What the hub last said of the flags it holds open on this office, and when.
public struct HubFlags: Sendable, Hashable {
    public var notice: FlagNotice
    public var heardAt: Timestamp

    public init(notice: FlagNotice, heardAt: Timestamp) {
        self.notice = notice
        self.heardAt = heardAt
    }
}
