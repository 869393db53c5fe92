import TaizhangCore

/// The months an export covers, from `--month`, or `--from … --to` (with `--flat`).
public enum ReportSpan {
    public static let longest = 240

    public static func months(month: String?, from: String?, to: String?, flat: Bool) throws(ReportError) -> [YearMonth] {
        switch (month, from, to) {
        case (let month?, nil, nil): return [try ReportPeriod.month(month)]
        case (nil, nil, nil): throw .noMonth
        case (_?, _, _): throw .monthAndSpan
        case (nil, let from?, let to?):
            guard flat else { throw .spanWithoutFlat }
            let first = try ReportPeriod.month(from), last = try ReportPeriod.month(to)
            guard first <= last else { throw .reversedSpan(from: first, to: last) }
            let count = (last.year - first.year) * 12 + last.month - first.month + 1
            guard count <= longest else { throw .spanTooLong(months: count) }
            var months = [first]
            while let current = months.last, current < last, let following = following(current) { months.append(following) }
            return months
        default: throw .incompleteSpan
        }
    }

    static func following(_ month: YearMonth) -> YearMonth? {
        month.month == 12 ? YearMonth(year: month.year + 1, month: 1) : YearMonth(year: month.year, month: month.month + 1)
    }
}
