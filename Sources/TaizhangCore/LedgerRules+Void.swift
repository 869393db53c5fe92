extension LedgerRules {
    /// Cancelling an earlier entry: its effect is undone, as if it had never been recorded.
    static func voidEffect(of draft: EntryDraft, in view: some LedgerView) throws -> LedgerEffect {
        let targetSeq = draft.voids!
        guard let target = try view.entry(seq: targetSeq) else {
            throw RuleViolation(.inconsistent, .noSuchEntry, ["\(targetSeq)"], "there is no entry #\(targetSeq) in this ledger; 'taizhang-agent log' lists the entries")
        }
        guard target.action != .void else {
            throw RuleViolation(.inconsistent, .voidOfVoid, ["\(targetSeq)"], "entry #\(targetSeq) is itself a void; record the cancelled entry again instead")
        }
        if let by = try view.voidingSeq(of: targetSeq) {
            throw RuleViolation(.inconsistent, .alreadyVoided, ["\(targetSeq)", "\(by)"], "entry #\(targetSeq) was already voided by entry #\(by)")
        }
        guard draft.material == target.material, draft.item == target.item else {
            throw RuleViolation(.malformed, .voidMismatch, ["\(targetSeq)"], "a void must name the same material and item as entry #\(targetSeq)")
        }
        switch target.material.kind {
        case .stock:
            let delta = -stockDelta(material: target.material, action: target.action, quantity: target.quantity ?? 0)
            let onHand = try view.tally(target.material).onHand
            guard onHand + delta.onHand >= 0 else {
                throw RuleViolation(.inconsistent, .voidLeavesNegative, ["\(targetSeq)", "\(onHand + delta.onHand)", target.material.rawValue], "voiding entry #\(targetSeq) would leave \(onHand + delta.onHand) \(target.material.englishName)s on hand; record a stocktake adjustment instead")
            }
            return LedgerEffect(material: target.material, tallyDelta: delta)
        case .unit:
            return try unitVoidEffect(of: target, in: view)
        }
    }

    /// Undoing an item's entry restores the item to the state its earlier entries give it;
    /// only its latest entry can be undone, so later history never rests on a removed step.
    static func unitVoidEffect(of target: Entry, in view: some LedgerView) throws -> LedgerEffect {
        let material = target.material
        let item = target.item!
        let current = try view.item(material, item)
        guard let current, current.lastSeq == target.seq else {
            let latest = current.map { "#\($0.lastSeq)" } ?? "a later entry"
            throw RuleViolation(.inconsistent, .voidNotLatest, ["\(target.seq)", material.rawValue, item, current.map { "\($0.lastSeq)" } ?? "?"], "entry #\(target.seq) is not the latest for \(material.englishName) \(item); void \(latest) first")
        }
        var previous: ItemState?
        for entry in try view.effectiveEntries(material, item) where entry.seq < target.seq {
            previous = try nextState(after: previous, applying: entry.draft, seq: entry.seq)
        }
        let change: LedgerEffect.ItemChange = previous.map { .set($0) } ?? .remove(material: material, item: item)
        return LedgerEffect(itemChange: change, material: material,
                            tallyDelta: Tally(of: previous) + -Tally(of: current))
    }
}
