import TaizhangCore

/// One branch's movements of one material in one month, between its opening and closing
/// balance: the row of the monthly export. The balance is what is in service (boards,
/// signs), active (badges) or on hand (cards, guides).
public struct MonthlyMovement: Sendable, Hashable {
    public var branch: String
    public var material: Material
    public var month: YearMonth
    /// The balance at the start of the month: every earlier month's movements.
    public var opening: Int64
    /// Installed or issued items; received stock.
    public var inflow: Int64
    /// Retired or revoked items; distributed stock.
    public var outflow: Int64
    /// Stocktake corrections, net.
    public var adjusted: Int64
    /// Boards only: standard boards in service at the start of the month, and the net change.
    public var standardOpening: Int64
    public var standardChange: Int64

    public var closing: Int64 { opening + inflow - outflow + adjusted }
    public var standardClosing: Int64 { standardOpening + standardChange }

    public init(branch: String, material: Material, month: YearMonth, opening: Int64 = 0, inflow: Int64 = 0,
                outflow: Int64 = 0, adjusted: Int64 = 0, standardOpening: Int64 = 0, standardChange: Int64 = 0) {
        self.branch = branch
        self.material = material
        self.month = month
        self.opening = opening
        self.inflow = inflow
        self.outflow = outflow
        self.adjusted = adjusted
        self.standardOpening = standardOpening
        self.standardChange = standardChange
    }
}
