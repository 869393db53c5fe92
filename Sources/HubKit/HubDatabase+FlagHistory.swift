import Foundation
import GRDB
import TaizhangCore

extension HubDatabase {
    /// The flags an operator works through, oldest first: the open ones, or with
    /// `includeSettled` every flag ever raised; for one branch, or all.
    public func flags(branch: String? = nil, includeSettled: Bool = false) throws -> [FlagRecord] {
        try read { db in
            if let branch, try !Self.branchExists(branch, db) { throw HubError.unknownBranch(branch) }
            var sql = "SELECT \(Self.flagColumns) FROM flag WHERE 1"
            var arguments: StatementArguments = []
            if let branch {
                sql += " AND branch = ?"
                arguments += [branch]
            }
            if !includeSettled { sql += " AND resolved_at IS NULL" }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map(Self.flagRecord)
        }
    }

    /// Settles flag `id` (as typed: a number) with the operator's `note`, recording `user` and
    /// the time. Refuses an unknown or already settled flag and an empty note, changing nothing.
    /// Returns the settled flag and how many flags its branch still has open.
    public func resolveFlag(id text: String, note: String, by user: String, at time: Timestamp) throws -> (flag: FlagRecord, stillOpen: Int) {
        let note = try Self.checkedNote(note)
        guard let id = Int64(text.trimmingCharacters(in: .whitespaces)), id > 0 else { throw FlagError.unknown(id: text) }
        return try write { db in
            guard let found = try Row.fetchOne(db, sql: "SELECT \(Self.flagColumns) FROM flag WHERE id = ?", arguments: [id])
                .map(Self.flagRecord) else { throw FlagError.unknown(id: text) }
            guard found.isOpen else { throw FlagError.alreadySettled(found) }
            let time = try ExportLog.stamp(time, in: db)
            try db.execute(sql: "UPDATE flag SET resolved_at = ?, resolved_by = ?, note = ? WHERE id = ? AND resolved_at IS NULL",
                           arguments: [time.millisecondsSinceEpoch, user, note, id])
            var flag = found
            flag.settledAt = time
            flag.settledBy = user
            flag.note = note
            let open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM flag WHERE branch = ? AND resolved_at IS NULL",
                                        arguments: [found.branch]) ?? 0
            return (flag, open)
        }
    }

    /// The note as kept: NFC, without surrounding blanks; refused empty or too long.
    static func checkedNote(_ note: String) throws -> String {
        let kept = note.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !kept.isEmpty else { throw FlagError.emptyNote }
        guard kept.count <= FlagError.noteLimit else { throw FlagError.noteTooLong(limit: FlagError.noteLimit) }
        return kept
    }

    static let flagColumns = "id, branch, kind, seq, detail, at, resolved_at, resolved_by, note, wording, wording_arguments"

    static func flagRecord(_ row: Row) -> FlagRecord {
        FlagRecord(id: row[0], branch: row[1], kind: row[2], seq: row[3], detail: row[4],
                   since: Timestamp(millisecondsSinceEpoch: row[5]),
                   settledAt: (row[6] as Int64?).map(Timestamp.init(millisecondsSinceEpoch:)), settledBy: row[7], note: row[8],
                   wording: HubSchema.wording(code: row[9], arguments: row[10]))
    }
}
