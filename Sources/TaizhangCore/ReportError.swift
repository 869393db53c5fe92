
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
            "cannot write \(path) (\(detail)); nothing was written — choose a file in a folder you can write to"
        }
    }
}
