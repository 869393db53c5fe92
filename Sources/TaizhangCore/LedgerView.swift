/// Read access to a branch ledger's current state, as the consistency rules need it.
/// The agent answers from SQLite; `LedgerFold` answers from memory.
///
/// Items are looked up by their identity (`TextIdentity.key`), never by what was typed.
public protocol LedgerView {
    func item(_ material: Material, _ key: String) throws -> ItemState?
    func tally(_ material: Material) throws -> Tally
    func entry(seq: Int64) throws -> Entry?
    /// The entry that voids `seq`, if any.
    func voidingSeq(of seq: Int64) throws -> Int64?
    /// The entries still in effect for one item (neither voided nor voids), oldest first.
    func effectiveEntries(_ material: Material, _ key: String) throws -> [Entry]
    /// The latest date any entry in effect moves `material`'s stock on, nil if none does.
    func latestStockDay(_ material: Material) throws -> CivilDate?
    /// The net change of `material`'s stock on hand on each day strictly after `date`
    /// (entries in effect only), in any order.
    func stockDeltas(_ material: Material, after date: CivilDate) throws -> [(day: CivilDate, delta: Int64)]
}

/// What recording an entry changes: one item's state and the material's counters.
public struct LedgerEffect: Sendable, Hashable {
    public enum ItemChange: Sendable, Hashable {
        case set(ItemState)
        case remove(material: Material, item: String)
    }

    public var itemChange: ItemChange?
    public var material: Material
    public var tallyDelta: Tally
    /// Stock materials: the day the change of stock on hand (`tallyDelta.onHand`) belongs to —
    /// the entry's date, or the voided entry's for a void.
    public var stockDay: CivilDate?

    public init(itemChange: ItemChange? = nil, material: Material, tallyDelta: Tally, stockDay: CivilDate? = nil) {
        self.itemChange = itemChange
        self.material = material
        self.tallyDelta = tallyDelta
        self.stockDay = stockDay
    }
}
