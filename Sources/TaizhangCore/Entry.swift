/// One immutable line of a branch ledger. Corrections are new entries that void old ones.
public struct Entry: Sendable, Hashable {
    public var branch: String
    /// Per-branch sequence number: 1, 2, 3 … with no gaps.
    public var seq: Int64
    public var material: Material
    public var action: Action
    /// The board or sign tag, or the badge number; nil for stock materials.
    public var item: String?
    /// The quantity moved (signed for `adjust`); nil for unit materials.
    public var quantity: Int64?
    public var details: EntryDetails
    /// The civil date it happened on, in the bureau's time zone.
    public var occurredOn: CivilDate
    public var recordedAt: Timestamp
    /// Who recorded it: the OS user, or `--clerk`.
    public var clerk: String
    /// The entry this one cancels, for `void`.
    public var voids: Int64?

    public init(
        branch: String, seq: Int64, material: Material, action: Action, item: String? = nil,
        quantity: Int64? = nil, details: EntryDetails = EntryDetails(), occurredOn: CivilDate,
        recordedAt: Timestamp, clerk: String, voids: Int64? = nil
    ) {
        self.branch = branch
        self.seq = seq
        self.material = material
        self.action = action
        self.item = item
        self.quantity = quantity
        self.details = details
        self.occurredOn = occurredOn
        self.recordedAt = recordedAt
        self.clerk = clerk
        self.voids = voids
    }
}

/// The free attributes of an entry; which ones apply depends on the action.
public struct EntryDetails: Sendable, Hashable {
    /// Where a board or sign hangs.
    public var location: String?
    /// The staff member a badge is issued to.
    public var staff: String?
    /// Where cards or guides were handed out (a counter, a market, an event).
    public var channel: String?
    /// Why something was retired, revoked, adjusted or voided.
    public var reason: String?
    /// The printer's batch of received stock.
    public var batch: String?
    /// Whether a board conforms to the uniform standard.
    public var standard: Bool?

    public init(
        location: String? = nil, staff: String? = nil, channel: String? = nil,
        reason: String? = nil, batch: String? = nil, standard: Bool? = nil
    ) {
        self.location = location
        self.staff = staff
        self.channel = channel
        self.reason = reason
        self.batch = batch
        self.standard = standard
    }
}
