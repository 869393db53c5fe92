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
        if let shortfall = try shortfall(material, change: delta.onHand, on: draft.occurredOn, in: view) {
            let what = "\(material.englishName)s"
            let quantity = draft.quantity!
            if shortfall.day == draft.occurredOn {
                if draft.action == .distribute {
                    throw RuleViolation(.inconsistent, .notEnoughOnHand, ["\(shortfall.onHand)", material.rawValue, "\(quantity)", "\(shortfall.day)"], "only \(shortfall.onHand) \(what) were on hand on \(shortfall.day), fewer than \(quantity); record what arrived first with 'taizhang-agent \(material.rawValue) receive'")
                }
                throw RuleViolation(.inconsistent, .adjustBelowZero, ["\(shortfall.onHand)", material.rawValue, "\(quantity)", "\(shortfall.day)"], "only \(shortfall.onHand) \(what) were on hand on \(shortfall.day); an adjustment of \(quantity) would leave fewer than none")
            }
            throw RuleViolation(.inconsistent, .laterDayBelowZero, ["\(draft.occurredOn)", material.rawValue, "\(shortfall.day)", "\(shortfall.onHand + delta.onHand)"], "this entry, dated \(draft.occurredOn), would leave \(shortfall.onHand + delta.onHand) \(what) on hand on \(shortfall.day), when later entries had already used the stock; date it after them or record what arrived first")
        }
        return LedgerEffect(material: material, tallyDelta: delta, stockDay: draft.occurredOn)
    }

    /// Where a change of `change` to the stock on hand on `day` would first leave fewer than
    /// none, on that day or any later one: the day and the stock on hand there before the
    /// change; nil if it never would. The common case — an entry dated on or after every
    /// other — reads only the current tally.
    public static func shortfall(_ material: Material, change: Int64, on day: CivilDate,
                                 in view: some LedgerView) throws -> (day: CivilDate, onHand: Int64)? {
        guard change < 0 else { return nil }
        let current = try view.tally(material).onHand
        guard let latest = try view.latestStockDay(material), latest > day else {
            return current + change < 0 ? (day, current) : nil
        }
        // Stock on hand at the end of day t is the current stock less every change after t.
        let later = try view.stockDeltas(material, after: day).sorted { $0.day < $1.day }
        var after = later.reduce(0) { $0 + $1.delta }
        if current - after + change < 0 { return (day, current - after) }
        for step in later {
            after -= step.delta
            if current - after + change < 0 { return (step.day, current - after) }
        }
        return nil
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
