import HubKit
import TaizhangCore

/// 总览: branch states that add up to the enrolled total, entries pending, the last ingest,
/// the bureau's totals, last closed month's rates, recent activity.
public struct OverviewPage: Sendable {
    public struct StateCount: Sendable {
        public var state: String
        public var label: String
        public var count: Int
        public var href: String
    }

    public struct Activity: Sendable {
        public var at: String
        public var kind: String
        public var subject: String
        public var detail: String
    }

    public var frame: PageFrame
    public var enrolled: Int
    public var states: [StateCount]
    public var stateChart: String
    public var pending: Int64
    public var lastIngest: String
    public var totals: [MaterialFigures]
    public var columns: [String]
    public var month: String
    public var monthHref: String
    public var reportingRate: String
    public var onTimeRate: String
    public var reportedLine: String
    public var activity: [Activity]

    public static func make(frame: PageFrame, language: WebLanguage, branches: [BranchStatus], totals: HubTotals,
                            month: MonthTimeliness, activity: [HubActivity], lastIngest: Timestamp?, time: LocalTime) -> OverviewPage {
        let states = BranchStatus.State.displayOrder.map { state in
            StateCount(state: state.rawValue, label: language.text("state.\(state.rawValue)"),
                       count: branches.count { $0.state == state },
                       href: "/branches?state=\(state.rawValue)" + (language == .en ? "&lang=en" : ""))
        }
        let chart = SVGChart.stackedBar(parts: states.map { (SVGChart.Series(label: $0.label, cssClass: "s-\($0.state)"), Int64($0.count)) },
                                        title: language.text("enrolled"))
        return OverviewPage(
            frame: frame, enrolled: branches.count, states: states, stateChart: chart,
            pending: branches.map(\.pending).reduce(0, +),
            lastIngest: lastIngest.map(time.format) ?? language.text("never"),
            totals: MaterialFigures.rows(totals.bureau, language: language), columns: MaterialFigures.header(language),
            month: month.month.description,
            monthHref: "/timeliness?month=\(month.month)" + (language == .en ? "&lang=en" : ""),
            reportingRate: RateText.percent(month.reportingRatePerMille),
            onTimeRate: month.deadline == nil ? language.text("deadlineUnknown") : RateText.percent(month.onTimeRatePerMille),
            reportedLine: language == .zh
                ? "应报 \(month.expected)，已报 \(month.reported)，按时 \(month.onTime)"
                : "\(month.reported) of \(month.expected) offices reported, \(month.onTime) on time",
            activity: activity.map { item in
                Activity(at: time.format(item.at), kind: language.text("activity.\(item.kind.rawValue)"), subject: item.subject, detail: item.detail)
            })
    }
}

extension BranchStatus.State {
    /// The order pages list states in: healthy first.
    public static let displayOrder: [BranchStatus.State] = [.current, .behind, .silent, .flagged, .revoked]
}
