import TaizhangCore
import TaizhangText

extension MonthlyReport {
    /// An export issued before, as its issuer remembers it: the rows it contained (totals too).
    public struct Issued: Sendable, Hashable {
        public var asOf: Timestamp
        public var hash: String
        public var issuedAt: Timestamp
        public var rows: [ReportRow]

        public init(asOf: Timestamp, hash: String, issuedAt: Timestamp, rows: [ReportRow]) {
            self.asOf = asOf
            self.hash = hash
            self.issuedAt = issuedAt
            self.rows = rows
        }
    }

    /// Builds the report from each branch's material positions — the one computation that
    /// the hub's export and an office's own report share. A branch or material without a
    /// position has moved nothing.
    public init(month: YearMonth, asOf: Timestamp, timeZone: String, scope: Scope, branches: [BranchStanding],
                positions: [String: [Material: MaterialPosition]], earlier: Issued?) {
        let standings = branches.sorted { $0.id < $1.id }
        let rows = standings.flatMap { branch in
            Material.allCases.map { material in
                ReportRow(branch: branch.id, material: material,
                          position: positions[branch.id]?[material] ?? MaterialPosition())
            }
        }
        let totals = Material.allCases.map { ReportRow.total(of: rows, material: $0) }
        let hash = Self.contentHash(month: month, rows: rows)
        self.init(month: month, asOf: asOf, timeZone: timeZone, scope: scope, branches: standings, rows: rows,
                  totals: totals, hash: hash,
                  earlier: earlier.map { issued in
                      EarlierExport(asOf: issued.asOf, hash: issued.hash, issuedAt: issued.issuedAt,
                                    changes: issued.hash == hash ? [] : Self.changes(from: issued.rows, to: rows + totals))
                  })
    }

    /// The content hash: SHA-256 of the compact JSON `{"month": …, "rows": [[branch, material,
    /// opening, in, out, adjusted, closing, standard], …]}`.
    public static func contentHash(month: YearMonth, rows: [ReportRow]) -> String {
        let canonical = JSONValue.object([
            ("month", .string(month.description)),
            ("rows", .array(rows.map { row in
                .array([.optional(row.branch), .string(row.material.rawValue)]
                       + ReportFigure.allCases.map { .optional(row[$0]) })
            })),
        ]).rendered(pretty: false)
        let digits = Array("0123456789abcdef")
        return String(SHA256.hash(Array(canonical.utf8)).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
    }

    /// Every figure that differs between `earlier` and `current` rows, matched by branch and
    /// material; a row missing on one side counts as zeros. In the current rows' order, then
    /// rows only the earlier export had.
    static func changes(from earlier: [ReportRow], to current: [ReportRow]) -> [RowChange] {
        struct Key: Hashable { let branch: String?; let material: Material }
        let before = Dictionary(earlier.map { (Key(branch: $0.branch, material: $0.material), $0) }) { first, _ in first }
        let currentKeys = Set(current.map { Key(branch: $0.branch, material: $0.material) })
        let gone = earlier.filter { !currentKeys.contains(Key(branch: $0.branch, material: $0.material)) }
        var changes: [RowChange] = []
        for row in current + gone.map({ zeroed($0) }) {
            let old = before[Key(branch: row.branch, material: row.material)]
            for figure in ReportFigure.allCases {
                let was = old?[figure] ?? 0, now = row[figure] ?? 0
                guard was != now else { continue }
                changes.append(RowChange(branch: row.branch, material: row.material, figure: figure, earlier: was, now: now))
            }
        }
        return changes
    }

    private static func zeroed(_ row: ReportRow) -> ReportRow {
        ReportRow(branch: row.branch, material: row.material, opening: 0, inflow: 0, outflow: 0, adjusted: 0,
                  closing: 0, standard: row.standard == nil ? nil : 0)
    }
}
