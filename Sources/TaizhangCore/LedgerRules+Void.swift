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
        try checkVoidNames(draft, material: target.material, item: target.item, targetSeq: targetSeq)
        switch target.material.kind {
        case .stock:
            let delta = -stockDelta(material: target.material, action: target.action, quantity: target.quantity ?? 0)
            if let shortfall = try shortfall(target.material, change: delta.onHand, on: target.occurredOn, in: view) {
                let left = shortfall.onHand + delta.onHand
                throw RuleViolation(.inconsistent, .voidLeavesNegative, ["\(targetSeq)", "\(left)", target.material.rawValue, "\(shortfall.day)"], "voiding entry #\(targetSeq) would leave \(left) \(target.material.englishName)s on hand on \(shortfall.day); record a stocktake adjustment instead")
            }
            return LedgerEffect(material: target.material, tallyDelta: delta, stockDay: target.occurredOn)
        case .unit:
            return try unitVoidEffect(of: target, in: view)
        }
    }

    /// A void names the material and item of the entry it cancels (the item by identity).
    static func checkVoidNames(_ draft: EntryDraft, material: Material, item: String?, targetSeq: Int64) throws {
        guard draft.material == material, draft.item.map(TextIdentity.key) == item.map(TextIdentity.key) else {
            throw RuleViolation(.malformed, .voidMismatch, ["\(targetSeq)"], "a void must name the same material and item as entry #\(targetSeq)")
        }
    }

    /// The hub's case: a void of an entry it stored but flagged (`flagged` is that entry's
    /// material and item; `voidedBy` the entry that already voids it, if any). That entry
    /// never counted, so nothing is undone: a valid void has no effect and settles the flag.
    public static func checkVoidOfFlagged(_ draft: EntryDraft, flagged: (material: Material, item: String?),
                                          voidedBy: Int64?) throws {
        let targetSeq = draft.voids ?? 0
        try checkShape(draft)
        try checkVoidNames(draft, material: flagged.material, item: flagged.item, targetSeq: targetSeq)
        if let voidedBy {
            throw RuleViolation(.inconsistent, .alreadyVoided, ["\(targetSeq)", "\(voidedBy)"], "entry #\(targetSeq) was already voided by entry #\(voidedBy)")
        }
    }

    /// Undoing an item's entry restores the item to the state its earlier entries give it;
    /// only its latest entry can be undone, so later history never rests on a removed step.
    static func unitVoidEffect(of target: Entry, in view: some LedgerView) throws -> LedgerEffect {
        let material = target.material
        let key = TextIdentity.key(target.item!)
        let current = try view.item(material, key)
        guard let current, current.lastSeq == target.seq else {
            let latest = current.map { "#\($0.lastSeq)" } ?? "a later entry"
            throw RuleViolation(.inconsistent, .voidNotLatest, ["\(target.seq)", material.rawValue, target.item!, current.map { "\($0.lastSeq)" } ?? "?"], "entry #\(target.seq) is not the latest for \(material.englishName) \(target.item!); void \(latest) first")
        }
        var previous: ItemState?
        for entry in try view.effectiveEntries(material, key) where entry.seq < target.seq {
            previous = try nextState(after: previous, applying: entry.draft, seq: entry.seq)
        }
        let change: LedgerEffect.ItemChange = previous.map { .set($0) } ?? .remove(material: material, item: current.item)
        return LedgerEffect(itemChange: change, material: material,
                            tallyDelta: Tally(of: previous) + -Tally(of: current))
    }
}
