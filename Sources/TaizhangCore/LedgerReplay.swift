
/// A branch ledger replayed in memory through the shared rules, entry by entry, giving each
/// entry's movement and the month it counts in (a void counts in the voided entry's month).
/// The agent's report and the hub's backfill of its export logs use it; the hub's ingest
/// computes the same movements as it stores entries.
public struct LedgerReplay: LedgerView, Sendable {
    public typealias ItemKey = LedgerFold.ItemKey

    /// The movement of one applied entry.
    public struct Step: Sendable, Hashable {
        public var material: Material
        public var month: YearMonth
        public var movement: Movement
    }

    private var items: [ItemKey: ItemState] = [:]
    private var tallies: [Material: Tally] = [:]
    /// Applied entries only: one the rules refused never counts, so a void of it has no effect.
    private var entries: [Int64: Entry] = [:]
    private var voidedBy: [Int64: Int64] = [:]
    private var itemEntries: [ItemKey: [Int64]] = [:]
    private var stockDays: [Material: StockDays] = [:]

    public init() {}

    /// Applies `entry` if the rules accept it and returns its movement; nil if they refuse it
    /// (the hub stores such an entry flagged and leaves it out of every figure).
    public mutating func apply(_ entry: Entry) -> Step? {
        guard let effect = try? LedgerRules.effect(of: entry.draft, seq: entry.seq, in: self) else { return nil }
        var origin = entry
        if entry.action == .void, let target = entry.voids, let voided = entries[target] {
            origin = voided
            voidedBy[target] = entry.seq
        } else if entry.action != .void, let item = entry.item {
            itemEntries[ItemKey(entry.material, item), default: []].append(entry.seq)
        }
        switch effect.itemChange {
        case .set(let state): items[ItemKey(state.material, state.item)] = state
        case .remove(let material, let item): items[ItemKey(material, item)] = nil
        case nil: break
        }
        tallies[effect.material] = tally(effect.material) + effect.tallyDelta
        if let day = effect.stockDay { stockDays[effect.material, default: StockDays()].add(effect.tallyDelta.onHand, on: day) }
        entries[entry.seq] = entry
        return Step(material: effect.material, month: origin.occurredOn.yearMonth,
                    movement: Movement(effect: effect, action: origin.action))
    }

    // MARK: LedgerView

    public func item(_ material: Material, _ item: String) -> ItemState? { items[ItemKey(material, item)] }
    public func tally(_ material: Material) -> Tally { tallies[material] ?? Tally() }
    public func entry(seq: Int64) -> Entry? { entries[seq] }
    public func voidingSeq(of seq: Int64) -> Int64? { voidedBy[seq] }

    public func effectiveEntries(_ material: Material, _ item: String) -> [Entry] {
        (itemEntries[ItemKey(material, item)] ?? []).filter { voidedBy[$0] == nil }.compactMap { entries[$0] }
    }

    public func latestStockDay(_ material: Material) -> CivilDate? { stockDays[material]?.latest }

    public func stockDeltas(_ material: Material, after date: CivilDate) -> [(day: CivilDate, delta: Int64)] {
        stockDays[material]?.deltas(after: date) ?? []
    }
}
