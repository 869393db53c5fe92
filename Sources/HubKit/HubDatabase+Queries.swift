import GRDB
import TaizhangCore

extension HubDatabase {
    /// The bureau's inventory and each branch's, read from the materialised tallies: the
    /// cost is branches × materials, whatever the number of entries.
    public func totals() throws -> HubTotals {
        try read { db in
            var branches: [String: Inventory] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT b.id, t.material, t.in_service, t.standard, t.received, t.distributed, t.adjusted
                FROM branch b LEFT JOIN tally t ON t.branch = b.id
                """)
            while let row = try rows.next() {
                let branch: String = row[0]
                var inventory = branches[branch] ?? Inventory()
                if let material = (row[1] as String?).flatMap(Material.init(rawValue:)) {
                    inventory[material] = Tally(inService: row[2], standard: row[3], received: row[4],
                                                distributed: row[5], adjusted: row[6])
                }
                branches[branch] = inventory
            }
            return HubTotals(bureau: branches.values.reduce(Inventory(), +), branches: branches)
        }
    }

    /// Every enrolled branch, ordered by ID, with its progress, unresolved flags and state.
    public func branches(now: Timestamp, silentAfterSeconds: Int64) throws -> [BranchStatus] {
        try read { db in
            var flags: [String: [BranchFlag]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT branch, kind, seq, detail, at, wording, wording_arguments FROM flag WHERE resolved_at IS NULL ORDER BY id
                """) {
                let kind = BranchFlag.Kind(rawValue: row[1]) ?? .rule
                flags[row[0], default: []].append(BranchFlag(kind: kind, seq: row[2], detail: row[3],
                                                             at: Timestamp(millisecondsSinceEpoch: row[4]),
                                                             wording: HubSchema.wording(code: row[5], arguments: row[6])))
            }
            return try Row.fetchAll(db, sql: """
                SELECT id, name, public_key, enrolled_at, revoked_at, incarnation, held_seq, agent_last_seq,
                       last_heard_at,
                       (SELECT recorded_at FROM entry e WHERE e.branch = b.id AND e.seq = b.held_seq)
                FROM branch b ORDER BY id
                """).map { row in
                let id: String = row[0]
                let timestamp = { (index: Int) in (row[index] as Int64?).map(Timestamp.init(millisecondsSinceEpoch:)) }
                let branchFlags = flags[id] ?? []
                let heldSeq: Int64 = row[6], agentLastSeq: Int64 = row[7]
                let state = BranchStatus.state(
                    revoked: row[4] != nil, flagged: !branchFlags.isEmpty, lastHeardAt: timestamp(8),
                    pending: max(0, agentLastSeq - heldSeq), now: now, silentAfterSeconds: silentAfterSeconds)
                return BranchStatus(id: id, name: row[1], publicKey: row[2],
                                    enrolledAt: Timestamp(millisecondsSinceEpoch: row[3]), revokedAt: timestamp(4),
                                    incarnation: row[5], heldSeq: heldSeq, agentLastSeq: agentLastSeq,
                                    lastHeardAt: timestamp(8), lastEntryAt: timestamp(9), flags: branchFlags,
                                    state: state)
            }
        }
    }

    /// Every enrolled branch's movements of every material in `month`, with opening and
    /// closing balances, read from the monthly movement table (no scan of entries); ordered
    /// by branch, then material.
    public func monthlyMovements(for month: YearMonth) throws -> [MonthlyMovement] {
        try read { db in
            var result: [String: [Material: MonthlyMovement]] = [:]
            for branch in try String.fetchAll(db, sql: "SELECT id FROM branch") {
                result[branch] = Dictionary(uniqueKeysWithValues: Material.allCases.map {
                    ($0, MonthlyMovement(branch: branch, material: $0, month: month))
                })
            }
            let key = month.description
            let rows = try Row.fetchCursor(db, sql: """
                SELECT branch, material,
                       SUM(CASE WHEN month < ?1 THEN inflow - outflow + adjusted ELSE 0 END),
                       SUM(CASE WHEN month = ?1 THEN inflow ELSE 0 END),
                       SUM(CASE WHEN month = ?1 THEN outflow ELSE 0 END),
                       SUM(CASE WHEN month = ?1 THEN adjusted ELSE 0 END),
                       SUM(CASE WHEN month < ?1 THEN standard ELSE 0 END),
                       SUM(CASE WHEN month = ?1 THEN standard ELSE 0 END)
                FROM movement WHERE month <= ?1 GROUP BY branch, material
                """, arguments: [key])
            while let row = try rows.next() {
                guard let material = Material(rawValue: row[1]), result[row[0]] != nil else { continue }
                result[row[0]]![material] = MonthlyMovement(
                    branch: row[0], material: material, month: month, opening: row[2], inflow: row[3],
                    outflow: row[4], adjusted: row[5], standardOpening: row[6], standardChange: row[7])
            }
            return result.keys.sorted().flatMap { branch in
                Material.allCases.map { result[branch]![$0]! }
            }
        }
    }
}
