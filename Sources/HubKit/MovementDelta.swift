import TaizhangCore

/// What one entry adds to a (branch, material, month) row of the `movement` table.
///
/// For unit materials `inflow` counts installs or issues and `outflow` retirements or
/// revocations; for stock they are the quantities received and distributed, and `adjusted`
/// is the net of stocktake corrections. `standard` is the net change of standard boards.
/// So for any month, closing = opening + inflow − outflow + adjusted.
struct MovementDelta: Sendable, Hashable {
    var inflow: Int64 = 0
    var outflow: Int64 = 0
    var adjusted: Int64 = 0
    var standard: Int64 = 0

    /// The movement of an applied effect. `action` is the entry's own action or, for a
    /// void, the voided entry's: the void then reverses that movement (its delta is negated).
    init(effect: LedgerEffect, action: Action) {
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

    init() {}

    var net: Int64 { inflow - outflow + adjusted }

    static func += (lhs: inout MovementDelta, rhs: MovementDelta) {
        lhs.inflow += rhs.inflow
        lhs.outflow += rhs.outflow
        lhs.adjusted += rhs.adjusted
        lhs.standard += rhs.standard
    }
}
