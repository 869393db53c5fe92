import GRDB
import TaizhangCore

extension AgentDatabase {
    /// The next entries to send after `seq`, at most `limit` of them, oldest first.
    public func outbox(after seq: Int64, limit: Int) throws -> [Entry] {
        try read { try OutboxRead.entries(after: seq, limit: limit, in: $0) }
    }

    /// Records that the hub holds every entry up to `heldSeq`. After a WELCOME the hub's word
    /// is taken even if it is lower (a hub restored from an older backup); after an ACK the
    /// watermark only rises.
    public func acknowledge(_ heldSeq: Int64, at time: Timestamp = .now(), fromWelcome: Bool = false) throws {
        try Self.translatingErrors(path: path) {
            try queue.inTransaction(.immediate) { db in
                let rise = fromWelcome ? "?" : "MAX(acked_seq, ?)"
                try db.cachedStatement(sql: "UPDATE sync_state SET acked_seq = MIN(\(rise), (SELECT IFNULL(MAX(seq), 0) FROM entry)), last_ack_at = ?")
                    .execute(arguments: [heldSeq, time.millisecondsSinceEpoch])
                return .commit
            }
        }
    }

    /// Records the last problem talking to the hub (nil clears it), for `status`.
    public func noteSyncProblem(_ problem: String?, at time: Timestamp = .now()) throws {
        try Self.translatingErrors(path: path) {
            try queue.inTransaction(.immediate) { db in
                try db.execute(sql: "UPDATE sync_state SET last_problem = ?, last_problem_at = ?",
                               arguments: [problem, problem == nil ? nil : time.millisecondsSinceEpoch])
                return .commit
            }
        }
    }

    /// Changes whenever another process commits to the ledger (SQLite's `data_version`):
    /// a cheap way for the running agent to notice a clerk's new entry.
    public func dataVersion() throws -> Int64 {
        try read { try Int64.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
    }
}
