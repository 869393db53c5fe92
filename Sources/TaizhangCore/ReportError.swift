
/// Why a report could not be made or written, as one sentence saying what to do.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformedMonth(String)
    case monthTooEarly(YearMonth)
    case futureMonth(YearMonth, asOf: Timestamp)
    case malformedAsOf(String)
    case asOfInFuture(Timestamp, now: Timestamp)
    case asOfBeforeHub(Timestamp, created: Timestamp)
    case unknownFormat(String)
    case unknownLanguage(String)
    case unknownTimeZone(String)
    case unwritable(path: String, detail: String)
    case notRecorded(path: String, reason: String)
    case outIsDatabase(path: String)
    case outInDataFolder(path: String, folder: String)
    case outExists(path: String)
    case outNotRegularFile(path: String, kind: String)
    case flatJSON
    case spanWithoutFlat
    case monthAndSpan
    case noMonth
    case incompleteSpan
    case reversedSpan(from: YearMonth, to: YearMonth)
    case spanTooLong(months: Int)

    public var description: String {
        switch self {
        case .malformedMonth(let text):
            "'\(text)' is not a month; write it as YYYY-MM, e.g. --month 2026-11"
        case .monthTooEarly(let month):
            "\(month) is before 2000-01, the earliest month a ledger can hold; check the year"
        case .futureMonth(let month, let asOf):
            "\(month) has not begun as of \(asOf); export a month up to the current one (or give a later --as-of)"
        case .malformedAsOf(let text):
            "'\(text)' is not a time; give --as-of as 2026-11-26T08:00:00Z, 2026-11-26T16:00:00+08:00, or a date YYYY-MM-DD (its end, in the bureau's time zone)"
        case .asOfInFuture(let asOf, let now):
            "--as-of \(asOf) is in the future (it is now \(now)); leave --as-of out for the figures as of now"
        case .asOfBeforeHub(let asOf, let created):
            "--as-of \(asOf) is before this hub existed (created \(created)); give a time after that"
        case .unknownFormat(let text):
            "unknown format '\(text)'; use --format csv, json or xlsx"
        case .unknownLanguage(let text):
            "unknown language '\(text)'; use --lang zh (Chinese headers and names) or --lang en"
        case .unknownTimeZone(let text):
            "unknown time zone '\(text)'; use a name such as Asia/Shanghai"
        case .unwritable(let path, let detail):
            "cannot write \(path) (\(detail)); nothing was written — choose a file in a folder you can write to, with room for it"
        case .notRecorded(let path, let reason):
            "\(path) was not written, because the export could not be recorded: \(reason)"
        case .outIsDatabase(let path):
            "\(path) is an SQLite database; an export never overwrites one (not even with --force) — give --out a new file name"
        case .outInDataFolder(let path, let folder):
            "\(path) is inside the data folder \(folder); exports are never written there — give --out a file in another folder"
        case .outExists(let path):
            "\(path) already exists and is not an earlier Taizhang export; nothing was written — choose a new name, or add --force to replace it"
        case .outNotRegularFile(let path, let kind):
            "\(path) is \(kind); --out writes ordinary files only — give a file name, or --out - for standard output"
        case .flatJSON:
            "--flat writes CSV or XLSX; JSON already has one object per row — use --format csv or xlsx with --flat"
        case .spanWithoutFlat:
            "--from and --to export a span of months as one flat table; add --flat (or export one month with --month)"
        case .monthAndSpan:
            "give either --month or --from and --to, not both"
        case .noMonth:
            "which month? give --month YYYY-MM (or --flat --from YYYY-MM --to YYYY-MM for a span)"
        case .incompleteSpan:
            "a span of months needs both --from YYYY-MM and --to YYYY-MM"
        case .reversedSpan(let from, let to):
            "--from \(from) is after --to \(to); give the earlier month first"
        case .spanTooLong(let months):
            "--from … --to spans \(months) months; export at most 240 (twenty years) at once"
        }
    }
}
