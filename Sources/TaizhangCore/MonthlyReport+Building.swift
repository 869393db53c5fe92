
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
    /// opening, in, out, adjusted, closing, standard], …]}` (written here byte for byte as
    /// TaizhangText's JSONValue renders it compactly, so that the domain module needs no
    /// renderer).
    public static func contentHash(month: YearMonth, rows: [ReportRow]) -> String {
        var out: [UInt8] = Array("{\"month\":".utf8)
        CanonicalJSON.string(month.description, to: &out)
        out += Array(",\"rows\":[".utf8)
        for (index, row) in rows.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            if let branch = row.branch { CanonicalJSON.string(branch, to: &out) } else { out += Array("null".utf8) }
            out.append(UInt8(ascii: ","))
            CanonicalJSON.string(row.material.rawValue, to: &out)
            for figure in ReportFigure.allCases {
                out.append(UInt8(ascii: ","))
                out += Array((row[figure].map { String($0) } ?? "null").utf8)
            }
            out.append(UInt8(ascii: "]"))
        }
        out += Array("]}".utf8)
        return SHA256.hash(out).hexString
    }

    /// Every figure that differs between `earlier` and `current` rows, matched by branch and
    /// material; a row missing on one side counts as zeros. In the current rows' order, then
    /// rows only the earlier export had.
    public static func changes(from earlier: [ReportRow], to current: [ReportRow]) -> [RowChange] {
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

/// The compact JSON strings the export hash is computed over.
enum CanonicalJSON {
    static func string(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += Array("\\\"".utf8)
            case "\\": out += Array("\\\\".utf8)
            case "\n": out += Array("\\n".utf8)
            case "\r": out += Array("\\r".utf8)
            case "\t": out += Array("\\t".utf8)
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out += Array(String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
