extension LedgerRules {
    /// Installing, issuing, retiring or revoking one board, sign or badge.
    static func unitEffect(of draft: EntryDraft, seq: Int64, in view: some LedgerView) throws -> LedgerEffect {
        let material = draft.material
        let item = draft.item!
        let current = try view.item(material, TextIdentity.key(item))
        let next = try nextState(after: current, applying: draft, seq: seq)
        return LedgerEffect(itemChange: .set(next), material: material,
                            tallyDelta: Tally(of: next) + -Tally(of: current))
    }

    /// The state of an item after `draft`, or a violation if the step is impossible.
    static func nextState(after current: ItemState?, applying draft: EntryDraft, seq: Int64) throws -> ItemState {
        let material = draft.material
        let item = draft.item!
        let noun = material.itemNoun
        // Built only for a refusal: this runs for every unit entry the hub ingests.
        func name() -> String { "\(material.englishName) \(item)" }
        if draft.action == material.inAction {
            if material == .badge {
                try require(draft.details.staff, .needStaff, "the staff member's name (--staff)")
            } else {
                try require(draft.details.location, .needLocation, "where it hangs (--location)")
            }
            if let current, current.inService {
                let holder = current.staff.map { "issued to \($0)" } ?? current.location.map { "at \($0)" } ?? ""
                throw RuleViolation(.inconsistent, current.staff == nil ? .alreadyInService : .alreadyIssued,
                                    [material.rawValue, item, current.staff ?? current.location ?? "", "\(current.since)"], "\(name()) is already in service \(holder) since \(current.since); \(material.outAction.rawValue) it first or use another \(noun)")
            }
            if let current, draft.occurredOn < current.since {
                throw RuleViolation(.inconsistent, .reinstalledEarlier, [material.rawValue, item, "\(current.since)", "\(draft.occurredOn)"], "\(name()) was \(material.outAction.pastTense) on \(current.since); it cannot be \(draft.action.pastTense) again on an earlier date (\(draft.occurredOn))")
            }
            return ItemState(material: material, item: item, inService: true,
                             standard: material == .board ? (draft.details.standard ?? true) : false,
                             location: draft.details.location, staff: draft.details.staff,
                             since: draft.occurredOn, reason: nil, lastSeq: seq)
        }
        guard var state = current else {
            throw RuleViolation(.inconsistent, .noSuchItem, [material.rawValue, item], "there is no \(name()) in this office's ledger; check the \(noun) with 'taizhang-agent \(material.rawValue) list --all'")
        }
        guard state.inService else {
            throw RuleViolation(.inconsistent, .alreadyOut, [material.rawValue, item, "\(state.since)"], "\(name()) is already \(material.outAction.pastTense) (since \(state.since)); nothing to do")
        }
        guard draft.occurredOn >= state.since else {
            throw RuleViolation(.inconsistent, .outBeforeIn, [material.rawValue, item, "\(state.since)", "\(draft.occurredOn)"], "\(name()) was \(material.inAction.pastTense) on \(state.since); it cannot be \(draft.action.pastTense) on an earlier date (\(draft.occurredOn))")
        }
        try require(draft.details.reason, .needReason, "a reason (--reason)")
        if material == .badge, RevokeReason(rawValue: draft.details.reason!) == nil {
            throw RuleViolation(.malformed, .badgeReason, [], "a badge is revoked because it was lost, returned or the holder departed; give --reason lost, returned or departed")
        }
        state.inService = false
        state.since = draft.occurredOn
        state.reason = draft.details.reason
        state.lastSeq = seq
        return state
    }
}
