import Foundation
import GRDB
import TaizhangCore

extension AgentDatabase {
    /// The next entries to send after `seq`, at most `limit` of them, oldest first.
    public func outbox(after seq: Int64, limit: Int) throws -> [Entry] {
        try read { try OutboxRead.entries(after: seq, limit: limit, in: $0) }
    }

    /// Records the last problem talking to the hub (nil clears it), for `status`.
    /// The problem is kept as data beside its English sentence, for `status` to word it.
    public func noteSyncProblem(_ problem: SyncError?, at time: Timestamp = .now()) throws {
        let data = problem.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        try Self.translatingErrors(path: path) {
            try queue.inTransaction(.immediate) { db in
                try db.execute(sql: "UPDATE sync_state SET last_problem = ?, last_problem_error = ?, last_problem_at = ?",
                               arguments: [problem?.description, data, problem == nil ? nil : time.millisecondsSinceEpoch])
                return .commit
            }
        }
    }

    /// Changes whenever another process commits to the ledger (SQLite's `data_version`):
    /// a cheap way for the running agent to notice a clerk's new entry.
    public func dataVersion() throws -> Int64 {
        try read { try Int64.fetchOne($0.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
    }
}
