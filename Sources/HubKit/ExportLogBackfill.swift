import GRDB
import TaizhangCore

/// Fills the export logs of a hub that stored entries before they existed: each branch's
/// entries are replayed through the shared rules in order, skipping those the hub flagged,
/// and the movements and balances are logged after each batch (entries stored together).
enum ExportLogBackfill {
    static func run(_ db: Database) throws {
        for branch in try String.fetchAll(db, sql: "SELECT id FROM branch ORDER BY id") {
            var state = BranchLog(branch: branch)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(HubEntryRow.columns), violation IS NOT NULL, stored_at FROM entry WHERE branch = ? ORDER BY seq
                """, arguments: [branch])
            while let row = try rows.next() {
                let storedAt: Int64 = row[4]
                if storedAt != state.batchTime {
                    try state.write(db)
                    state.batchTime = storedAt
                }
                guard !(row[3] as Bool) else { continue }
                try state.apply(HubEntryRow.decode(row))
            }
            try state.write(db)
        }
    }

    /// One branch's replay, and what the current batch touched.
    struct BranchLog {
        struct Key: Hashable {
            let material: Material
            let month: YearMonth
        }

        let branch: String
        var replay = LedgerReplay()
        var movements: [Key: Movement] = [:]
        var balances: [Material: Movement] = [:]
        var touched: Set<Key> = []
        var batchTime: Int64?

        init(branch: String) { self.branch = branch }

        mutating func apply(_ entry: Entry) throws {
            guard let step = replay.apply(entry) else { return }
            let key = Key(material: step.material, month: step.month)
            movements[key, default: Movement()] += step.movement
            balances[step.material, default: Movement()] += step.movement
            touched.insert(key)
        }

        mutating func write(_ db: Database) throws {
            guard let batchTime, !touched.isEmpty else { return }
            for key in touched {
                let m = movements[key]!
                try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO movement_log (branch, material, month, stored_at, inflow, outflow, adjusted, standard)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [branch, key.material.rawValue, key.month.description, batchTime,
                                             m.inflow, m.outflow, m.adjusted, m.standard])
            }
            for material in Set(touched.map(\.material)) {
                let b = balances[material]!
                try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO balance_log (branch, material, stored_at, balance, standard) VALUES (?, ?, ?, ?, ?)
                    """).execute(arguments: [branch, material.rawValue, batchTime, b.net, b.standard])
            }
            touched = []
        }
    }
}
