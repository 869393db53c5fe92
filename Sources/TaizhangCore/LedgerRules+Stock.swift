extension LedgerRules {
    /// Receiving, distributing or adjusting service cards or guides.
    static func stockEffect(of draft: EntryDraft, in view: some LedgerView) throws -> LedgerEffect {
        let material = draft.material
        let delta = stockDelta(material: material, action: draft.action, quantity: draft.quantity!)
        switch draft.action {
        case .distribute: try require(draft.details.channel, .needChannel, "where they were handed out (--channel)")
        case .adjust: try require(draft.details.reason, .needAdjustReason, "a reason for the adjustment (--reason)")
        default: break
        }
        let onHand = try view.tally(material).onHand
        if onHand + delta.onHand < 0 {
            let what = "\(material.englishName)s"
            if draft.action == .distribute {
                throw RuleViolation(.inconsistent, .notEnoughOnHand, ["\(onHand)", material.rawValue, "\(draft.quantity!)"], "only \(onHand) \(what) are on hand, fewer than \(draft.quantity!); record what arrived first with 'taizhang-agent \(material.rawValue) receive'")
            }
            throw RuleViolation(.inconsistent, .adjustBelowZero, ["\(onHand)", material.rawValue, "\(draft.quantity!)"], "only \(onHand) \(what) are on hand; an adjustment of \(draft.quantity!) would leave fewer than none")
        }
        return LedgerEffect(material: material, tallyDelta: delta)
    }

    static func stockDelta(material: Material, action: Action, quantity: Int64) -> Tally {
        switch action {
        case .receive: Tally(received: quantity)
        case .distribute: Tally(distributed: quantity)
        case .adjust: Tally(adjusted: quantity)
        default: Tally()
        }
    }
}
