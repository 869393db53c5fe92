import HubKit
import TaizhangCore

/// 分局: every branch with its state, progress and flags; filtered by state and sorted
/// through the URL, downloadable as CSV.
public struct BranchesPage: Sendable {
    public struct Row: Sendable {
        public var id: String
        public var href: String
        public var name: String
        public var state: String
        public var stateLabel: String
        public var held: Int64
        public var pending: Int64
        public var lastHeard: String
        public var lastHeardAt: String
        public var lastEntryAt: String
        public var flags: String
    }

    public struct Filter: Sendable {
        public var label: String
        public var href: String
        public var current: Bool
    }

    public struct SortLink: Sendable {
        public var label: String
        public var href: String
    }

    public var frame: PageFrame
    public var filters: [Filter]
    public var sorts: [String: SortLink]
    /// The rows of this page only; `count` and the CSV cover every branch chosen.
    public var rows: [Row]
    /// `rows` as the table's HTML (HTMLRows).
    public var rowsHTML: String
    public var count: Int
    public var pager: Pager
    public var csvHref: String

    public static let sortKeys = ["id", "state", "held", "pending", "heard"]

    /// The branches in `state` (nil: all), sorted by `sort` (default: ID).
    public static func select(_ branches: [BranchStatus], state: BranchStatus.State?, sort: String?) -> [BranchStatus] {
        let chosen = state.map { state in branches.filter { $0.state == state } } ?? branches
        switch sort {
        case "state"?: return chosen.sorted { ($0.state.order, $0.id) < ($1.state.order, $1.id) }
        case "held"?: return chosen.sorted { ($1.heldSeq, $0.id) < ($0.heldSeq, $1.id) }
        case "pending"?: return chosen.sorted { ($1.pending, $0.id) < ($0.pending, $1.id) }
        case "heard"?:
            return chosen.sorted { ($0.lastHeardAt?.millisecondsSinceEpoch ?? .min, $0.id) < ($1.lastHeardAt?.millisecondsSinceEpoch ?? .min, $1.id) }
        default: return chosen
        }
    }

    public static func make(frame: PageFrame, language: WebLanguage, branches: [BranchStatus], state: BranchStatus.State?,
                            sort: String?, now: Timestamp, time: LocalTime, page: Int = 1,
                            pageSize: Int = Pager.defaultSize) -> BranchesPage {
        let lang = language == .en ? "lang=en" : ""
        func link(state: BranchStatus.State?, sort: String?) -> String {
            let query = [state.map { "state=\($0.rawValue)" }, sort.map { "sort=\($0)" }, lang.isEmpty ? nil : lang].compactMap { $0 }
            return "/branches" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        }
        let filters = [Filter(label: language.text("all"), href: link(state: nil, sort: sort), current: state == nil)]
            + BranchStatus.State.displayOrder.map { item in
                Filter(label: "\(language.text("state.\(item.rawValue)")) (\(branches.count { $0.state == item }))",
                       href: link(state: item, sort: sort), current: state == item)
            }
        var sorts: [String: SortLink] = [:]
        for key in sortKeys { sorts[key] = SortLink(label: key, href: link(state: state, sort: key)) }
        let chosen = select(branches, state: state, sort: sort)
        let pager = Pager(total: chosen.count, page: page, size: pageSize, language: language) { Pager.href(link(state: state, sort: sort), page: $0) }
        let rows = chosen[pager.range].map { branch in
            Row(id: branch.id, href: "/branches/\(URLText.encode(branch.id))" + (lang.isEmpty ? "" : "?" + lang), name: branch.name,
                state: branch.state.rawValue, stateLabel: language.text("state.\(branch.state.rawValue)"),
                held: branch.heldSeq, pending: branch.pending,
                lastHeard: branch.lastHeardAt.map { time.relative($0, now: now, language: language) } ?? language.text("never"),
                lastHeardAt: branch.lastHeardAt.map(time.format) ?? "",
                lastEntryAt: branch.lastEntryAt.map(time.format) ?? "",
                flags: branch.flags.map { "\(language.text("flag.\($0.kind.rawValue)"))\($0.seq.map { " #\($0)" } ?? "")" }.joined(separator: ", "))
        }
        let csvQuery = [state.map { "state=\($0.rawValue)" }, sort.map { "sort=\($0)" }].compactMap { $0 }
        return BranchesPage(frame: frame, filters: filters, sorts: sorts, rows: rows, rowsHTML: HTMLRows.branches(rows), count: chosen.count, pager: pager,
                            csvHref: "/branches.csv" + (csvQuery.isEmpty ? "" : "?" + csvQuery.joined(separator: "&")))
    }

    /// The same rows as CSV (UTC times, as the CLI prints them).
    public static func csv(_ branches: [BranchStatus]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var out = "branch,name,state,heldSeq,agentLastSeq,pending,lastHeardAt,lastEntryAt,flags\r\n"
        for branch in branches {
            let flags = branch.flags.map { "\($0.kind.rawValue)\($0.seq.map { " #\($0)" } ?? "")" }.joined(separator: "; ")
            out += [branch.id, branch.name, branch.state.rawValue, "\(branch.heldSeq)", "\(branch.agentLastSeq)", "\(branch.pending)",
                    branch.lastHeardAt?.description ?? "", branch.lastEntryAt?.description ?? "", flags].map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }
}

extension BranchStatus.State {
    var order: Int { BranchStatus.State.displayOrder.firstIndex(of: self) ?? 0 }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
