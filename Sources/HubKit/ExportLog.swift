import GRDB
import TaizhangCore

/// The export logs' write side, inside the ingest and greeting transactions: what changed in
/// a batch, and contacts after which a branch had nothing pending (HubSchema.export).
enum ExportLog {
    /// Logs the touched balances and months as they stand after the batch stored at `time`
    /// (the `movement` rows are already written).
    static func record(branch: String, balances: [(Material, Tally)], months: [(Material, YearMonth)],
                       at time: Timestamp, in db: Database) throws {
        for (material, tally) in balances {
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO balance_log (branch, material, stored_at, balance, standard) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [branch, material.rawValue, time.millisecondsSinceEpoch,
                                         material.kind == .stock ? tally.onHand : tally.inService, tally.standard])
        }
        for (material, month) in months {
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO movement_log (branch, material, month, stored_at, inflow, outflow, adjusted, standard)
                SELECT branch, material, month, ?, inflow, outflow, adjusted, standard FROM movement
                WHERE branch = ? AND material = ? AND month = ?
                """).execute(arguments: [time.millisecondsSinceEpoch, branch, material.rawValue, month.description])
        }
    }

    /// Notes a contact if the hub now holds everything the office reported; the first such
    /// contact of each minute is kept.
    static func noteContact(_ branch: String, at time: Timestamp, in db: Database) throws {
        let at = try stamp(time, branch: branch, in: db).millisecondsSinceEpoch
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO branch_contact (branch, minute, at)
            SELECT id, ?, ? FROM branch WHERE id = ? AND held_seq >= agent_last_seq
            """).execute(arguments: [at.floorDivided(by: 60_000), at, branch])
    }
}
