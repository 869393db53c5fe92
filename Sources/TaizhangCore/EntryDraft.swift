/// What a clerk asks to record: an entry before the ledger gives it a sequence number.
public struct EntryDraft: Sendable, Hashable {
    public var material: Material
    public var action: Action
    public var item: String?
    public var quantity: Int64?
    public var details: EntryDetails
    public var occurredOn: CivilDate
    public var clerk: String
    public var voids: Int64?

    public init(
        material: Material, action: Action, item: String? = nil, quantity: Int64? = nil,
        details: EntryDetails = EntryDetails(), occurredOn: CivilDate, clerk: String, voids: Int64? = nil
    ) {
        self.material = material
        self.action = action
        self.item = item
        self.quantity = quantity
        self.details = details
        self.occurredOn = occurredOn
        self.clerk = clerk
        self.voids = voids
    }

    /// The entry this draft becomes once the ledger numbers it.
    public func entry(branch: String, seq: Int64, recordedAt: Timestamp) -> Entry {
        Entry(branch: branch, seq: seq, material: material, action: action, item: item,
              quantity: quantity, details: details, occurredOn: occurredOn, recordedAt: recordedAt,
              clerk: clerk, voids: voids)
    }
}

extension Entry {
    /// The draft that would record this entry again.
    public var draft: EntryDraft {
        EntryDraft(material: material, action: action, item: item, quantity: quantity,
                   details: details, occurredOn: occurredOn, clerk: clerk, voids: voids)
    }
}

extension EntryDraft {
    /// The draft with its text as the ledger stores it: NFC (docs/PROTOCOL.md, "Entry rules").
    /// The item keeps what was typed, in NFC; its identity is `TextIdentity.key`.
    public var storedForm: EntryDraft {
        var draft = self
        draft.item = item.map(TextIdentity.stored)
        draft.clerk = TextIdentity.stored(clerk)
        draft.details.location = details.location.map(TextIdentity.stored)
        draft.details.staff = details.staff.map(TextIdentity.stored)
        draft.details.channel = details.channel.map(TextIdentity.stored)
        draft.details.reason = details.reason.map(TextIdentity.stored)
        draft.details.batch = details.batch.map(TextIdentity.stored)
        return draft
    }
}
