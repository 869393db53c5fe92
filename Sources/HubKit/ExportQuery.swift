import GRDB
import TaizhangCore

/// The export's reads of the logs, each as of the end of an as-of second (`end`, in UTC
/// milliseconds): everything stored later is invisible, so the same as-of reads the same.
enum ExportQuery {
    /// Branches enrolled by `end`, with their names then.
    static func branches(_ db: Database, through end: Int64) throws -> [(id: String, name: String)] {
        var names: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT branch, name FROM branch_name_log WHERE at <= ? ORDER BY branch, at",
                                    arguments: [end]) {
            names[row[0]] = row[1]
        }
        return names.keys.sorted().map { ($0, names[$0]!) }
    }

    /// Each branch's material positions for `month`: the latest logged balance, and the
    /// latest logged movement of `month` and of every later month.
    static func positions(_ db: Database, month: YearMonth, through end: Int64) throws -> [String: [Material: MaterialPosition]] {
        var positions: [String: [Material: MaterialPosition]] = [:]
        let balances = try Row.fetchCursor(db, sql: """
            SELECT t.branch, t.material, l.balance, l.standard FROM tally t
            JOIN balance_log l ON l.branch = t.branch AND l.material = t.material AND l.stored_at = (
                SELECT stored_at FROM balance_log x WHERE x.branch = t.branch AND x.material = t.material AND x.stored_at <= ?
                ORDER BY stored_at DESC LIMIT 1)
            """, arguments: [end])
        while let row = try balances.next() {
            guard let material = Material(rawValue: row[1]) else { continue }
            positions[row[0], default: [:]][material, default: MaterialPosition()].balance = row[2]
            positions[row[0], default: [:]][material, default: MaterialPosition()].standardBalance = row[3]
        }
        let months = try Row.fetchCursor(db, sql: """
            SELECT m.branch, m.material, m.month, l.inflow, l.outflow, l.adjusted, l.standard FROM tally t
            JOIN movement m ON m.branch = t.branch AND m.material = t.material AND m.month >= ?2
            JOIN movement_log l ON l.branch = m.branch AND l.material = m.material AND l.month = m.month AND l.stored_at = (
                SELECT stored_at FROM movement_log x
                WHERE x.branch = m.branch AND x.material = m.material AND x.month = m.month AND x.stored_at <= ?1
                ORDER BY stored_at DESC LIMIT 1)
            """, arguments: [end, month.description])
        while let row = try months.next() {
            guard let material = Material(rawValue: row[1]) else { continue }
            let movement = Movement(inflow: row[3], outflow: row[4], adjusted: row[5], standard: row[6])
            if (row[2] as String) == month.description {
                positions[row[0], default: [:]][material, default: MaterialPosition()].month = movement
            } else {
                positions[row[0], default: [:]][material, default: MaterialPosition()].later += movement
            }
        }
        return positions
    }

    /// `positions` for several months at once, as of an instant at or after every stamp: then
    /// each logged balance and movement's latest row is the `tally` and `movement` row itself
    /// (every write of those is logged in the same transaction), so the tables are read once.
    static func currentPositions(_ db: Database, months: [YearMonth]) throws -> [YearMonth: [String: [Material: MaterialPosition]]] {
        guard let earliest = months.min() else { return [:] }
        var base: [String: [Material: MaterialPosition]] = [:]
        let tallies = try Row.fetchCursor(db, sql: "SELECT branch, material, in_service, standard, received, distributed, adjusted FROM tally")
        while let row = try tallies.next() {
            guard let material = Material(rawValue: row[1]) else { continue }
            let tally = Tally(inService: row[2], standard: row[3], received: row[4], distributed: row[5], adjusted: row[6])
            base[row[0], default: [:]][material] = MaterialPosition(balance: material.kind == .stock ? tally.onHand : tally.inService,
                                                                   standardBalance: tally.standard)
        }
        var moves: [(branch: String, material: Material, month: String, movement: Movement)] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT branch, material, month, inflow, outflow, adjusted, standard FROM movement WHERE month >= ?
            """, arguments: [earliest.description])
        while let row = try rows.next() {
            guard let material = Material(rawValue: row[1]), base[row[0]]?[material] != nil else { continue }
            moves.append((row[0], material, row[2], Movement(inflow: row[3], outflow: row[4], adjusted: row[5], standard: row[6])))
        }
        var result: [YearMonth: [String: [Material: MaterialPosition]]] = [:]
        for month in months {
            var positions = base
            let key = month.description
            for move in moves where move.month >= key {
                if move.month == key {
                    positions[move.branch]?[move.material]?.month = move.movement
                } else {
                    positions[move.branch]?[move.material]?.later += move.movement
                }
            }
            result[month] = positions
        }
        return result
    }

    /// How many entries of `branch` the hub held at `end` (all of #1 … #n), found by
    /// bisection over their storage times, and when the last of them was recorded.
    static func held(_ db: Database, branch: String, through end: Int64) throws -> (entries: Int64, lastEntryAt: Timestamp?) {
        let current = try Int64.fetchOne(db.cachedStatement(sql: "SELECT held_seq FROM branch WHERE id = ?"),
                                         arguments: [branch]) ?? 0
        func storedAt(_ seq: Int64) throws -> Int64 {
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT stored_at FROM entry WHERE branch = ? AND seq = ?"),
                               arguments: [branch, seq]) ?? Int64.max
        }
        var low: Int64 = 0, high = current
        while low < high {
            let middle = low + (high - low + 1) / 2
            if try storedAt(middle) <= end { low = middle } else { high = middle - 1 }
        }
        guard low > 0 else { return (0, nil) }
        let recorded = try Int64.fetchOne(db.cachedStatement(sql: "SELECT recorded_at FROM entry WHERE branch = ? AND seq = ?"),
                                          arguments: [branch, low])
        return (low, recorded.map(Timestamp.init(millisecondsSinceEpoch:)))
    }

    /// Whether the hub heard from `branch` between `from` and `end` and then held all it had recorded.
    static func caughtUp(_ db: Database, branch: String, from: Int64, through end: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM branch_contact WHERE branch = ? AND minute >= ? AND at >= ? AND at <= ?)
            """), arguments: [branch, from.floorDivided(by: 60_000), from, end]) ?? false
    }

    /// The export of `month` issued most recently by `end` with an earlier as-of, and its rows.
    /// The branch's chain at `seq` (the genesis of its bound ledger for 0): entries are
    /// immutable, so this is the chain the export's figures were computed over.
    static func chain(_ db: Database, branch: String, seq: Int64) throws -> [UInt8]? {
        guard let progress = try BranchProgress.fetch(branch, db), seq <= progress.heldSeq else { return nil }
        return try progress.chain(at: seq, db)
    }

    /// The rows an issued export contained, in the report's order: branches by ID, each in
    /// material order, then the total rows.
    static func figures(_ db: Database, issue: Int64) throws -> [ReportRow] {
        try storedRows(db, issue: issue).sorted { a, b in
            switch (a.branch, b.branch) {
            case (nil, nil): return a.material < b.material
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?): return x != y ? x < y : a.material < b.material
            }
        }
    }

    /// The rows stored for an issued export, in the table's order.
    private static func storedRows(_ db: Database, issue: Int64) throws -> [ReportRow] {
        try Row.fetchAll(db, sql: """
            SELECT branch, material, opening, inflow, outflow, adjusted, closing, standard FROM export_figure WHERE issue = ?
            """, arguments: [issue]).compactMap { row -> ReportRow? in
            guard let material = Material(rawValue: row[1]) else { return nil }
            let branch: String = row[0]
            return ReportRow(branch: branch.isEmpty ? nil : branch, material: material, opening: row[2], inflow: row[3],
                             outflow: row[4], adjusted: row[5], closing: row[6], standard: row[7])
        }
    }

    static func earlierExport(_ db: Database, month: YearMonth, asOf: Int64, through end: Int64) throws -> MonthlyReport.Issued? {
        guard let issue = try Row.fetchOne(db, sql: """
            SELECT id, as_of, hash, issued_at FROM export_issue WHERE month = ? AND issued_at <= ? AND as_of < ?
            ORDER BY issued_at DESC, id DESC LIMIT 1
            """, arguments: [month.description, end, asOf]) else { return nil }
        let rows = try storedRows(db, issue: issue[0])
        return MonthlyReport.Issued(asOf: Timestamp(millisecondsSinceEpoch: issue[1]), hash: issue[2],
                                    issuedAt: Timestamp(millisecondsSinceEpoch: issue[3]), rows: rows)
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
