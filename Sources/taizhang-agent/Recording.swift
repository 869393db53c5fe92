import AgentKit
import TaizhangCore
import TaizhangText

/// The common path of every recording command: open the ledger, settle the date, record,
/// and confirm in one line.
enum Recording {
    static func record(_ options: RecordOptions, _ draft: RecordingDraft.Make) throws {
        try record(in: options.data.directory, date: options.date, clerk: options.clerk, draft)
    }

    static func record(in directory: AgentDirectory, date dateText: String?, clerk: String?,
                       _ draft: RecordingDraft.Make) throws {
        try Failure.reporting {
            let database = try directory.open()
            let info = try database.info()
            let today = info.timeZone.date()
            let date = try parseDate(dateText, today: today)
            try LedgerRules.checkDate(date, today: today)
            let (entry, tally) = try database.recordReportingTally(draft(date, clerk ?? Clerk.current))
            print(Message.recorded(entry.seq, entry.occurredOn, EntryText.summary(entry), EntryText.standing(tally, entry.material)))
        }
    }

    static func parseDate(_ text: String?, today: CivilDate) throws -> CivilDate {
        guard let text else { return today }
        guard let date = CivilDate(text) else {
            throw RuleViolation(.malformed, .notADate, [text, "\(today)"], "'\(text)' is not a real date; write it as YYYY-MM-DD, e.g. \(today)")
        }
        return date
    }
}
