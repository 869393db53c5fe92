import GRDB
import TaizhangCore

extension HubDatabase {
    /// Marks every open flag of `branch` resolved, once the operator has dealt with them;
    /// returns how many there were.
    @discardableResult
    public func resolveFlags(branch: String, at time: Timestamp) throws -> Int {
        try write { db in
            guard try Self.branchExists(branch, db) else { throw HubError.unknownBranch(branch) }
            let time = try ExportLog.stamp(time, in: db)
            try db.execute(sql: "UPDATE flag SET resolved_at = ? WHERE branch = ? AND resolved_at IS NULL",
                           arguments: [time.millisecondsSinceEpoch, branch])
            return db.changesCount
        }
    }

    /// Raises a flag, unless the same one (branch, kind, seq) is already open: then only its
    /// detail and wording are brought up to date, so an agent that retries does not bury the
    /// operator. `detail` is the English sentence; `wording` the same as data, for other languages.
    static func raiseFlag(_ kind: BranchFlag.Kind, branch: String, seq: Int64?, detail: String, wording: FlagWording? = nil,
                          at time: Timestamp, in db: Database) throws {
        let time = try ExportLog.stamp(time, in: db)
        let stored = HubSchema.storedWording(wording)
        try db.cachedStatement(sql: """
            UPDATE flag SET detail = ?, wording = ?, wording_arguments = ?
            WHERE branch = ? AND kind = ? AND seq IS ? AND resolved_at IS NULL
            """).execute(arguments: [detail, stored.code, stored.arguments, branch, kind.rawValue, seq])
        guard db.changesCount == 0 else { return }
        try db.cachedStatement(sql: """
            INSERT INTO flag (branch, kind, seq, detail, wording, wording_arguments, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [branch, kind.rawValue, seq, detail, stored.code, stored.arguments, time.millisecondsSinceEpoch])
    }

    /// Settles the open flag (branch, kind, seq), if any: the branch put it right itself.
    static func settleFlag(_ kind: BranchFlag.Kind, branch: String, seq: Int64?, at time: Timestamp,
                           in db: Database) throws {
        let time = try ExportLog.stamp(time, in: db)
        try db.cachedStatement(sql: """
            UPDATE flag SET resolved_at = ? WHERE branch = ? AND kind = ? AND seq IS ? AND resolved_at IS NULL
            """).execute(arguments: [time.millisecondsSinceEpoch, branch, kind.rawValue, seq])
    }

    static func branchExists(_ branch: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM branch WHERE id = ?)"),
                          arguments: [branch]) ?? false
    }
}
