/// A branch ledger folded in memory: the inventory that a list of entries adds up to.
/// The reference the SQLite stores are tested against.
public struct LedgerFold: LedgerView, Sendable {
    public private(set) var items: [ItemKey: ItemState] = [:]
    public private(set) var inventory = Inventory()
    public private(set) var entries: [Int64: Entry] = [:]
    private var voidedBy: [Int64: Int64] = [:]
    public private(set) var lastSeq: Int64 = 0

    private var stockDays: [Material: StockDays] = [:]

    /// Identifies one board, sign or badge: the material and the item's identity
    /// (`TextIdentity.key`), whatever form it was typed in.
    public struct ItemKey: Hashable, Sendable {
        public let material: Material
        public let item: String
        public init(_ material: Material, _ item: String) {
            self.material = material
            self.item = TextIdentity.key(item)
        }
    }

    public init() {}

    /// Folds `entries` in order, refusing the first that breaks a rule.
    public init(entries: some Sequence<Entry>) throws {
        for entry in entries { try apply(entry) }
    }

    /// Applies the next entry; it must carry the next sequence number.
    public mutating func apply(_ entry: Entry) throws {
        guard entry.seq == lastSeq + 1 else {
            throw RuleViolation(.malformed, .notNextSeq, ["\(entry.seq)", "\(lastSeq)"], "entry #\(entry.seq) does not follow #\(lastSeq)")
        }
        let effect = try LedgerRules.effect(of: entry.draft, seq: entry.seq, in: self)
        apply(effect)
        entries[entry.seq] = entry
        if let target = entry.voids { voidedBy[target] = entry.seq }
        lastSeq = entry.seq
    }

    mutating func apply(_ effect: LedgerEffect) {
        switch effect.itemChange {
        case .set(let state): items[ItemKey(state.material, state.item)] = state
        case .remove(let material, let item): items[ItemKey(material, item)] = nil
        case nil: break
        }
        inventory[effect.material] = inventory[effect.material] + effect.tallyDelta
        if let day = effect.stockDay { stockDays[effect.material, default: StockDays()].add(effect.tallyDelta.onHand, on: day) }
    }

    // MARK: LedgerView

    public func item(_ material: Material, _ item: String) -> ItemState? { items[ItemKey(material, item)] }
    public func tally(_ material: Material) -> Tally { inventory[material] }
    public func entry(seq: Int64) -> Entry? { entries[seq] }
    public func voidingSeq(of seq: Int64) -> Int64? { voidedBy[seq] }

    public func effectiveEntries(_ material: Material, _ item: String) -> [Entry] {
        let key = ItemKey(material, item)
        return entries.values
            .filter { $0.material == material && $0.item.map { ItemKey(material, $0) } == key && $0.action != .void && voidedBy[$0.seq] == nil }
            .sorted { $0.seq < $1.seq }
    }

    public func latestStockDay(_ material: Material) -> CivilDate? { stockDays[material]?.latest }

    public func stockDeltas(_ material: Material, after date: CivilDate) -> [(day: CivilDate, delta: Int64)] {
        stockDays[material]?.deltas(after: date) ?? []
    }
}
