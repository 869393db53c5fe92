/// Read access to a branch ledger's current state, as the consistency rules need it.
/// The agent answers from SQLite; `LedgerFold` answers from memory.
public protocol LedgerView {
    func item(_ material: Material, _ item: String) throws -> ItemState?
    func tally(_ material: Material) throws -> Tally
    func entry(seq: Int64) throws -> Entry?
    /// The entry that voids `seq`, if any.
    func voidingSeq(of seq: Int64) throws -> Int64?
    /// The entries still in effect for one item (neither voided nor voids), oldest first.
    func effectiveEntries(_ material: Material, _ item: String) throws -> [Entry]
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

    public init(itemChange: ItemChange? = nil, material: Material, tallyDelta: Tally) {
        self.itemChange = itemChange
        self.material = material
        self.tallyDelta = tallyDelta
    }
}
