import HubKit
import TaizhangCore

/// 报送及时率: one month's expected / reported / on time / late and rates, each office's
/// mark, and a branch × month grid of the twelve months up to it.
public struct TimelinessPage: Sendable {
    public struct Row: Sendable {
        public var id: String
        public var name: String
        public var mark: String
        public var markLabel: String
        public var completeAt: String
    }

    public struct MonthRow: Sendable {
        public var month: String
        public var href: String
        public var deadline: String
        public var expected: Int
        public var reported: Int
        public var onTime: Int
        public var late: Int
        public var reportingRate: String
        public var onTimeRate: String
    }

    public var frame: PageFrame
    public var month: String
    public var previousHref: String
    public var nextHref: String
    public var deadline: String
    public var deadlineKnown: Bool
    public var expected: Int
    public var reported: Int
    public var onTime: Int
    public var late: Int
    public var notReported: Int
    public var notExpected: Int
    public var reportingRate: String
    public var onTimeRate: String
    /// This page's offices (and the grid's rows); the counts and rates cover every office.
    public var rows: [Row]
    /// `rows` as the table's HTML (HTMLRows).
    public var rowsHTML: String
    public var pager: Pager
    public var months: [MonthRow]
    public var grid: String
    public var legend: [LegendItem]

    public struct LegendItem: Sendable {
        public var cssClass: String
        public var label: String
    }

    /// `history`: the months of the grid, oldest first, ending with `current`.
    public static func make(frame: PageFrame, language: WebLanguage, current: MonthTimeliness, history: [MonthTimeliness],
                            time: LocalTime, page: Int = 1, pageSize: Int = Pager.defaultSize) -> TimelinessPage {
        let lang = language == .en ? "&lang=en" : ""
        func href(_ month: YearMonth) -> String { "/timeliness?month=\(month)\(lang)" }
        let month = current.month
        let previous = month.month == 1 ? YearMonth(year: month.year - 1, month: 12)! : YearMonth(year: month.year, month: month.month - 1)!
        let next = month.month == 12 ? YearMonth(year: month.year + 1, month: 1)! : YearMonth(year: month.year, month: month.month + 1)!
        func deadlineText(_ item: MonthTimeliness) -> String {
            item.deadline.map(time.format) ?? language.text("deadlineUnknown")
        }
        let pager = Pager(total: current.branches.count, page: page, size: pageSize, language: language) {
            Pager.href("/timeliness?month=\(month)\(lang)", page: $0)
        }
        let shown = current.branches[pager.range]
        let branchIDs = shown.map(\.branch)
        let marks = history.map { item in Dictionary(item.branches.map { ($0.branch, $0.mark) }, uniquingKeysWith: { first, _ in first }) }
        let cells = branchIDs.map { id in
            marks.map { byBranch in "m-\((byBranch[id] ?? .notExpected).rawValue)" }
        }
        let rows = shown.map { row in
            Row(id: row.branch, name: row.name, mark: row.mark.rawValue, markLabel: language.text("mark.\(row.mark.rawValue)"),
                completeAt: row.completeAt.map(time.format) ?? "")
        }
        return TimelinessPage(
            frame: frame, month: month.description, previousHref: href(previous), nextHref: href(next),
            deadline: deadlineText(current), deadlineKnown: current.deadline != nil,
            expected: current.expected, reported: current.reported, onTime: current.onTime, late: current.late,
            notReported: current.count(.notReported), notExpected: current.count(.notExpected),
            reportingRate: RateText.percent(current.reportingRatePerMille),
            onTimeRate: current.deadline == nil ? "—" : RateText.percent(current.onTimeRatePerMille),
            rows: rows, rowsHTML: HTMLRows.marks(rows), pager: pager,
            months: history.reversed().map { item in
                MonthRow(month: item.month.description, href: href(item.month), deadline: deadlineText(item), expected: item.expected,
                         reported: item.reported, onTime: item.onTime, late: item.late,
                         reportingRate: RateText.percent(item.reportingRatePerMille),
                         onTimeRate: item.deadline == nil ? "—" : RateText.percent(item.onTimeRatePerMille))
            },
            grid: SVGChart.grid(rows: branchIDs, columns: history.map { String($0.month.description.suffix(2)) }, cells: cells,
                                title: language.text("grid")),
            legend: ReportingMark.allCases.map { LegendItem(cssClass: "m-\($0.rawValue)", label: language.text("mark.\($0.rawValue)") == "—" ? language.text("notExpected") : language.text("mark.\($0.rawValue)")) })
    }
}
