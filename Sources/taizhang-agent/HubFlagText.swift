import AgentKit
import TaizhangCore
import TaizhangText

/// What the hub last said of its flags on this office, for the clerk (`status`, `sync`):
/// which entries, why, and what to do — void and record again, or ask the operator.
enum HubFlagText {
    /// The flagged entries as this ledger holds them (nil where the ledger lacks the seq).
    static func entries(_ flags: HubFlags?, in database: AgentDatabase) throws -> [Int64: Entry] {
        var found: [Int64: Entry] = [:]
        for listed in flags?.notice.entries ?? [] where found[listed.seq] == nil {
            found[listed.seq] = try database.entry(seq: listed.seq)
        }
        return found
    }

    /// The lines of `status`; none when the hub was never heard or flags nothing.
    static func lines(_ flags: HubFlags?, entries: [Int64: Entry], zone: BureauTimeZone) -> [String] {
        guard let flags else { return [] }
        let notice = flags.notice
        let heard = zone.clockTime(at: flags.heardAt)
        var lines: [String] = []
        if notice.entryFlags > 0 {
            lines.append(notice.entryFlags == 1 ? Message.statusHubFlagsHeadlineOne(notice.entryFlags, heard)
                                                : Message.statusHubFlagsHeadline(notice.entryFlags, heard))
            for listed in notice.entries {
                let why = why(listed)
                if let entry = entries[listed.seq] {
                    lines.append(Message.statusHubFlagEntry(listed.seq, EntryText.summary(entry), entry.occurredOn.description, why))
                } else {
                    lines.append(Message.statusHubFlagEntryUnknown(listed.seq, why))
                }
            }
            if !notice.isComplete { lines.append(Message.statusHubFlagsMore(notice.entryFlags - notice.entries.count)) }
        }
        if notice.otherFlags > 0 { lines.append(Message.statusHubFlagsOthers(notice.otherFlags)) }
        return lines
    }

    /// Why the hub flagged the entry and what the clerk can do, in the clerk's language.
    static func why(_ listed: FlagNotice.Entry) -> String {
        (Message(rawValue: "hubFlagWhy_" + listed.kind.name) ?? .hubFlagWhyOther)(listed.seq)
    }

    /// `status --json`'s "hubFlags": the counts, when heard, and each listed entry with its kind.
    static func json(_ flags: HubFlags?) -> JSONValue {
        guard let flags else { return .null }
        return .object([
            ("open", .int(Int64(flags.notice.openFlags))), ("onEntries", .int(Int64(flags.notice.entryFlags))),
            ("heardAt", .string(flags.heardAt.description)),
            ("entries", .array(flags.notice.entries.map { .object([("seq", .int($0.seq)), ("kind", .string($0.kind.name))]) })),
        ])
    }
}
