import GRDB
import TaizhangCore

extension HubDatabase {
    /// What the hub tells the office of `branch` about its open flags in every WELCOME, ACK and
    /// PONG (docs/PROTOCOL.md, "Flag notice"): the open flags, those on an entry (rule and
    /// conflict flags with a seq), and the first of those by seq with why each was flagged.
    public func flagNotice(branch: String) throws -> FlagNotice {
        try read { db in try Self.flagNotice(branch: branch, db) }
    }

    static func flagNotice(branch: String, _ db: Database) throws -> FlagNotice {
        guard let counts = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*), IFNULL(SUM(seq >= 1 AND kind IN ('rule', 'conflict')), 0)
            FROM flag WHERE branch = ? AND resolved_at IS NULL
            """), arguments: [branch]), (counts[0] as Int) > 0 else { return .empty }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT seq, kind, wording, wording_arguments FROM flag
            WHERE branch = ? AND resolved_at IS NULL AND seq >= 1 AND kind IN ('rule', 'conflict')
            ORDER BY seq, id LIMIT ?
            """), arguments: [branch, FlagNotice.listLimit])
        let listed = rows.map { row -> FlagNotice.Entry in
            guard row[1] as String == BranchFlag.Kind.rule.rawValue else { return .init(seq: row[0], kind: .conflict) }
            let rule = HubSchema.wording(code: row[2], arguments: row[3])?.ruleCode
            return .init(seq: row[0], kind: rule.map(FlagNotice.Kind.init(rule:)) ?? .other)
        }
        let open: Int = counts[0]
        let onEntries: Int = counts[1]
        let cap = Int(UInt16.max)
        return FlagNotice(openFlags: min(open, cap), entryFlags: min(onEntries, cap), entries: listed)
    }
}
