/// What the hub tells an office about the flags it holds open on the office's branch, in
/// every WELCOME, ACK and PONG (docs/PROTOCOL.md, "Flag notice"): how many flags are open, how
/// many of them concern an entry, and the first `listLimit` of those (lowest seq first) with
/// why the hub flagged them. The office keeps the last notice it heard and shows it in `status`.
public struct FlagNotice: Sendable, Hashable {
    /// Why the hub flagged an entry, as one byte on the wire.
    public enum Kind: UInt8, Sendable, CaseIterable {
        /// A rule the hub could not classify (for instance a flag raised before this version).
        case other = 0
        /// Dated after the hub's today plus one day of clock skew.
        case date = 1
        /// Would take the stock on hand below zero on its date or a later one.
        case stock = 2
        /// Puts in or takes out a tag or badge number that is not in that state on its date.
        case item = 3
        /// Voids an entry it may not void.
        case void = 4
        /// Its details break the entry rules (a field missing, not allowed, or out of range).
        case details = 5
        /// The hub holds other content under this seq, or its chain differs there.
        case conflict = 6

        /// Its name in `status --json` and in the catalogue's keys.
        public var name: String {
            switch self {
            case .other: "other"
            case .date: "date"
            case .stock: "stock"
            case .item: "item"
            case .void: "void"
            case .details: "details"
            case .conflict: "conflict"
            }
        }

        /// The kind of a rule flag raised for `code` (the hub's `RuleViolation` at ingest).
        public init(rule code: RuleViolation.Code) {
            switch code {
            case .dateInFuture, .dateBeyondSkew: self = .date
            case .notEnoughOnHand, .adjustBelowZero, .laterDayBelowZero, .voidLeavesNegative: self = .stock
            case .alreadyInService, .alreadyIssued, .reinstalledEarlier, .noSuchItem, .alreadyOut, .outBeforeIn: self = .item
            case .noSuchEntry, .voidOfVoid, .alreadyVoided, .voidMismatch, .voidNotLatest: self = .void
            case .other: self = .other
            default: self = .details
            }
        }
    }

    /// One flagged entry of the office's ledger.
    public struct Entry: Sendable, Hashable {
        public var seq: Int64
        public var kind: Kind

        public init(seq: Int64, kind: Kind) {
            self.seq = seq
            self.kind = kind
        }
    }

    /// At most this many entries are listed; `entryFlags` says how many there are in all.
    public static let listLimit = 16

    /// Open flags on the branch, of every kind (capped at 65,535).
    public var openFlags: Int
    /// Of those, the flags that concern an entry (capped at 65,535; never above `openFlags`).
    public var entryFlags: Int
    /// The first `min(entryFlags, listLimit)` of them, by seq.
    public var entries: [Entry]

    /// Nothing open.
    public static let empty = FlagNotice(openFlags: 0, entryFlags: 0, entries: [])

    public init(openFlags: Int, entryFlags: Int, entries: [Entry]) {
        self.openFlags = openFlags
        self.entryFlags = entryFlags
        self.entries = entries
    }

    /// The notice for these open flags: `entries` every open entry flag by seq, `others` the
    /// open flags that concern no entry. Counts are capped and the list cut as the wire needs.
    public init(entries: [Entry], others: Int) {
        let cap = Int(UInt16.max)
        entryFlags = min(entries.count, cap)
        openFlags = min(entries.count + others, cap)
        self.entries = Array(entries.sorted { ($0.seq, $0.kind.rawValue) < ($1.seq, $1.kind.rawValue) }.prefix(Self.listLimit))
    }

    /// Whether the list holds every flagged entry.
    public var isComplete: Bool { entries.count == entryFlags }

    /// Open flags that concern no entry (another ledger, a restored one, a mis-enrolled key).
    public var otherFlags: Int { openFlags - entryFlags }

    func write(_ writer: inout ByteWriter) {
        writer.u16(UInt16(clamping: openFlags))
        writer.u16(UInt16(clamping: entryFlags))
        writer.u8(UInt8(clamping: entries.count))
        for entry in entries {
            writer.i64(entry.seq)
            writer.u8(entry.kind.rawValue)
        }
    }

    static func read(_ reader: inout ByteReader) throws(WireError) -> FlagNotice {
        let open = Int(try reader.u16())
        let onEntries = Int(try reader.u16())
        let listed = Int(try reader.u8())
        guard onEntries <= open else { throw WireError.malformed("a flag notice lists \(onEntries) entry flags of \(open) open") }
        guard listed == min(onEntries, listLimit) else {
            throw WireError.malformed("a flag notice of \(onEntries) entry flags must list \(min(onEntries, listLimit)), not \(listed)")
        }
        var entries: [Entry] = []
        entries.reserveCapacity(listed)
        for _ in 0..<listed {
            let raw = try reader.u64()
            guard raw >= 1, raw <= UInt64(Int64.max) else { throw WireError.malformed("flagged entry seq \(raw) is out of range") }
            let code = try reader.u8()
            guard let kind = Kind(rawValue: code) else { throw WireError.malformed("unknown flag kind \(code)") }
            entries.append(Entry(seq: Int64(raw), kind: kind))
        }
        return FlagNotice(openFlags: open, entryFlags: onEntries, entries: entries)
    }
}
