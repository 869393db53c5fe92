
/// One line of the monthly report: a branch's movements of one material in the month,
/// between its opening and closing balance, or (with no branch) the total over branches.
public struct ReportRow: Sendable, Hashable {
    /// The branch ID; nil for the total row.
    public var branch: String?
    public var material: Material
    public var opening: Int64
    /// Installed, issued or received.
    public var inflow: Int64
    /// Retired, revoked or distributed.
    public var outflow: Int64
    /// Stocktake corrections, net.
    public var adjusted: Int64
    public var closing: Int64
    /// Boards only: how many in service at the close conform to the uniform standard.
    public var standard: Int64?

    public init(branch: String?, material: Material, opening: Int64, inflow: Int64, outflow: Int64,
                adjusted: Int64, closing: Int64, standard: Int64?) {
        self.branch = branch
        self.material = material
        self.opening = opening
        self.inflow = inflow
        self.outflow = outflow
        self.adjusted = adjusted
        self.closing = closing
        self.standard = standard
    }

    /// The row for one branch's material: the closing balance is the balance less what later
    /// months moved, the opening the closing less this month's movement — so a month's
    /// opening is always the month before's closing.
    public init(branch: String?, material: Material, position: MaterialPosition) {
        let closing = position.balance - position.later.net
        self.init(branch: branch, material: material, opening: closing - position.month.net,
                  inflow: position.month.inflow, outflow: position.month.outflow,
                  adjusted: position.month.adjusted, closing: closing,
                  standard: material == .board ? position.standardBalance - position.later.standard : nil)
    }

    /// The total row of `material` over `rows`.
    public static func total(of rows: [ReportRow], material: Material) -> ReportRow {
        var total = ReportRow(branch: nil, material: material, opening: 0, inflow: 0, outflow: 0, adjusted: 0,
                              closing: 0, standard: material == .board ? 0 : nil)
        for row in rows where row.material == material {
            total.opening += row.opening
            total.inflow += row.inflow
            total.outflow += row.outflow
            total.adjusted += row.adjusted
            total.closing += row.closing
            if let standard = row.standard { total.standard = (total.standard ?? 0) + standard }
        }
        return total
    }

    public subscript(figure: ReportFigure) -> Int64? {
        switch figure {
        case .opening: opening
        case .inflow: inflow
        case .outflow: outflow
        case .adjusted: adjusted
        case .closing: closing
        case .standard: standard
        }
    }
}

/// The figures of a report row, in column order; raw values are the JSON keys.
public enum ReportFigure: String, CaseIterable, Sendable {
    case opening
    case inflow = "in"
    case outflow = "out"
    case adjusted, closing, standard
}
