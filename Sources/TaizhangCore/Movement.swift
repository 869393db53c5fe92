
/// What one material did at one branch in one month. For unit materials `inflow` counts
/// installs or issues and `outflow` retirements or revocations; for stock they are the
/// quantities received and distributed, and `adjusted` is the net of stocktake corrections.
/// `standard` is the net change of boards to the uniform standard. Closing = opening + net.
public struct Movement: Sendable, Hashable {
    public var inflow: Int64
    public var outflow: Int64
    public var adjusted: Int64
    public var standard: Int64

    public init(inflow: Int64 = 0, outflow: Int64 = 0, adjusted: Int64 = 0, standard: Int64 = 0) {
        self.inflow = inflow
        self.outflow = outflow
        self.adjusted = adjusted
        self.standard = standard
    }

    /// The movement of an applied effect. `action` is the entry's own action or, for a void,
    /// the voided entry's: the void's effect is the reverse, so the movement is negated.
    /// The hub's ingest and the agent's report both use it.
    public init(effect: LedgerEffect, action: Action) {
        self.init()
        let delta = effect.tallyDelta
        let material = effect.material
        switch material.kind {
        case .stock:
            inflow = delta.received
            outflow = delta.distributed
            adjusted = delta.adjusted
        case .unit:
            if action == material.inAction { inflow = delta.inService } else { outflow = -delta.inService }
        }
        standard = delta.standard
    }

    /// The change of the balance: in − out + adjusted.
    public var net: Int64 { inflow - outflow + adjusted }

    public static func + (lhs: Movement, rhs: Movement) -> Movement {
        Movement(inflow: lhs.inflow + rhs.inflow, outflow: lhs.outflow + rhs.outflow,
                 adjusted: lhs.adjusted + rhs.adjusted, standard: lhs.standard + rhs.standard)
    }

    public static func += (lhs: inout Movement, rhs: Movement) { lhs = lhs + rhs }
}

/// Where one branch's material stands for the report of one month, however it was read:
/// the balance over every month (as of the report's time), the month's own movement, and
/// the movements of all the months after it.
public struct MaterialPosition: Sendable, Hashable {
    /// In service (boards, signs), active (badges) or on hand (cards, guides).
    public var balance: Int64
    /// Boards to the uniform standard in service.
    public var standardBalance: Int64
    public var month: Movement
    public var later: Movement

    public init(balance: Int64 = 0, standardBalance: Int64 = 0, month: Movement = Movement(), later: Movement = Movement()) {
        self.balance = balance
        self.standardBalance = standardBalance
        self.month = month
        self.later = later
    }

    /// Adds the movement of `month` to the position for the report of `reported`.
    public mutating func add(_ movement: Movement, in month: YearMonth, reporting reported: YearMonth) {
        balance += movement.net
        standardBalance += movement.standard
        if month == reported { self.month += movement } else if month > reported { later += movement }
    }
}
