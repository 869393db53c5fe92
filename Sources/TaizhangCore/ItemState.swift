/// The current state of one board, sign or badge, as folded from its entries.
public struct ItemState: Sendable, Hashable {
    public var material: Material
    public var item: String
    public var inService: Bool
    /// Boards only: conforms to the uniform standard.
    public var standard: Bool
    public var location: String?
    public var staff: String?
    /// Date of the entry that put it in its current state.
    public var since: CivilDate
    /// Why it is out of service, when it is.
    public var reason: String?
    /// The entry that put it in its current state.
    public var lastSeq: Int64

    public init(
        material: Material, item: String, inService: Bool, standard: Bool, location: String?,
        staff: String?, since: CivilDate, reason: String?, lastSeq: Int64
    ) {
        self.material = material
        self.item = item
        self.inService = inService
        self.standard = standard
        self.location = location
        self.staff = staff
        self.since = since
        self.reason = reason
        self.lastSeq = lastSeq
    }
}

/// Counters for one material: what the office's inventory shows.
public struct Tally: Sendable, Hashable {
    /// Unit materials: items in service (boards, signs) or active (badges).
    public var inService: Int64 = 0
    /// Boards: in service and conforming to the uniform standard.
    public var standard: Int64 = 0
    /// Stock materials: totals over the ledger.
    public var received: Int64 = 0
    public var distributed: Int64 = 0
    public var adjusted: Int64 = 0

    public init(inService: Int64 = 0, standard: Int64 = 0, received: Int64 = 0,
                distributed: Int64 = 0, adjusted: Int64 = 0) {
        self.inService = inService
        self.standard = standard
        self.received = received
        self.distributed = distributed
        self.adjusted = adjusted
    }

    public var onHand: Int64 { received - distributed + adjusted }

    public static func + (lhs: Tally, rhs: Tally) -> Tally {
        Tally(inService: lhs.inService + rhs.inService, standard: lhs.standard + rhs.standard,
              received: lhs.received + rhs.received, distributed: lhs.distributed + rhs.distributed,
              adjusted: lhs.adjusted + rhs.adjusted)
    }

    public static prefix func - (tally: Tally) -> Tally {
        Tally(inService: -tally.inService, standard: -tally.standard, received: -tally.received,
              distributed: -tally.distributed, adjusted: -tally.adjusted)
    }

    /// The contribution of one item's state to the counters.
    public init(of item: ItemState?) {
        guard let item, item.inService else {
            self.init()
            return
        }
        self.init(inService: 1, standard: item.standard ? 1 : 0)
    }
}

/// An office's (or the bureau's) inventory: one tally per material.
public struct Inventory: Sendable, Hashable {
    public var tallies: [Material: Tally]

    public init(tallies: [Material: Tally] = [:]) { self.tallies = tallies }

    public subscript(material: Material) -> Tally {
        get { tallies[material] ?? Tally() }
        set { tallies[material] = newValue }
    }

    public static func + (lhs: Inventory, rhs: Inventory) -> Inventory {
        var sum = lhs
        for material in Material.allCases { sum[material] = lhs[material] + rhs[material] }
        return sum
    }
}
