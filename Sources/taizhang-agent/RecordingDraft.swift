import TaizhangCore
import TaizhangText

/// What each recording command records, given its options: one place for both readers of
/// the arguments, the parser (the commands' `run()`) and `PlainRecording`.
enum RecordingDraft {
    typealias Make = (_ date: CivilDate, _ clerk: String) -> EntryDraft

    static func boardInstall(tag: String, location: String, nonstandard: Bool) -> Make {
        { date, clerk in
            EntryDraft(material: .board, action: .install, item: tag,
                       details: EntryDetails(location: location, standard: !nonstandard), occurredOn: date, clerk: clerk)
        }
    }

    static func signInstall(tag: String, location: String) -> Make {
        { date, clerk in
            EntryDraft(material: .sign, action: .install, item: tag, details: EntryDetails(location: location),
                       occurredOn: date, clerk: clerk)
        }
    }

    static func retire(_ material: Material, tag: String, reason: String) -> Make {
        { date, clerk in
            EntryDraft(material: material, action: .retire, item: tag, details: EntryDetails(reason: reason),
                       occurredOn: date, clerk: clerk)
        }
    }

    static func badgeIssue(number: String, staff: String) -> Make {
        { date, clerk in
            EntryDraft(material: .badge, action: .issue, item: number, details: EntryDetails(staff: staff),
                       occurredOn: date, clerk: clerk)
        }
    }

    /// `reason` as typed: a Chinese alias becomes its fixed value (`FixedValues`).
    static func badgeRevoke(number: String, reason: String) -> Make {
        { date, clerk in
            EntryDraft(material: .badge, action: .revoke, item: number,
                       details: EntryDetails(reason: FixedValues.revokeReason(reason)), occurredOn: date, clerk: clerk)
        }
    }

    static func receive(_ material: Material, quantity: Int64, batch: String?) -> Make {
        { date, clerk in
            EntryDraft(material: material, action: .receive, quantity: quantity, details: EntryDetails(batch: batch),
                       occurredOn: date, clerk: clerk)
        }
    }

    static func distribute(_ material: Material, quantity: Int64, channel: String) -> Make {
        { date, clerk in
            EntryDraft(material: material, action: .distribute, quantity: quantity,
                       details: EntryDetails(channel: channel), occurredOn: date, clerk: clerk)
        }
    }

    static func adjust(_ material: Material, quantity: Int64, reason: String) -> Make {
        { date, clerk in
            EntryDraft(material: material, action: .adjust, quantity: quantity, details: EntryDetails(reason: reason),
                       occurredOn: date, clerk: clerk)
        }
    }

    /// The ledger fills in the material and item of entry `seq`.
    static func void(seq: Int64, reason: String) -> Make {
        { date, clerk in
            EntryDraft(material: .board, action: .void, details: EntryDetails(reason: reason), occurredOn: date,
                       clerk: clerk, voids: seq)
        }
    }
}
