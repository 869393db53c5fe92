import HubKit
import TaizhangCore
import TaizhangText

/// 分局详情: one office's inventory (as its `status`), items in service by location, monthly
/// movement per material as charts, its entries page by page, its flags with what to do.
public struct BranchPage: Sendable {
    public struct ItemRow: Sendable {
        public var location: String
        public var material: String
        public var item: String
        public var staff: String
        public var since: String
        public var conformance: String
    }

    public struct Location: Sendable {
        public var name: String
        public var items: [ItemRow]
    }

    public struct Chart: Sendable {
        public var label: String
        public var svg: String
    }

    public struct EntryRow: Sendable {
        public var seq: Int64
        public var material: String
        public var action: String
        public var item: String
        public var quantity: String
        public var occurredOn: String
        public var recordedAt: String
        public var note: String
    }

    public struct FlagRow: Sendable {
        public var kind: String
        public var kindLabel: String
        public var seq: String
        public var detail: String
        public var at: String
        public var todo: String
    }

    public var frame: PageFrame
    public var id: String
    public var name: String
    public var state: String
    public var stateLabel: String
    public var held: Int64
    public var pending: Int64
    public var inventory: [MaterialFigures]
    public var columns: [String]
    public var locations: [Location]
    public var badges: [ItemRow]
    public var charts: [Chart]
    public var entries: [EntryRow]
    /// `entries` as the table's HTML (HTMLRows).
    public var entriesHTML: String
    public var olderHref: String?
    public var newestHref: String?
    public var flags: [FlagRow]
    // Stored, not computed: Mustache reads fields by reflection.
    public var hasBadges = false
    public var hasFlags = false

    public static let entriesPerPage = 50

    public static func make(frame: PageFrame, language: WebLanguage, branch: BranchStatus, inventory: Inventory,
                            items: [ItemState], movements: [MonthlyMovement], entries: [Entry], before: Int64?,
                            time: LocalTime) -> BranchPage {
        let lang = language == .en ? "&lang=en" : ""
        let base = "/branches/\(URLText.encode(branch.id))"
        func row(_ item: ItemState) -> ItemRow {
            ItemRow(location: item.location ?? "—", material: language.text(item.material.rawValue), item: item.item, staff: item.staff ?? "", since: item.since.description,
                    conformance: item.material == .board ? language.text(item.standard ? "conforms" : "nonstandard") : "")
        }
        var byLocation: [String: [ItemRow]] = [:]
        for item in items where item.material != .badge { byLocation[item.location ?? "—", default: []].append(row(item)) }
        let months = Array(Set(movements.map(\.month))).sorted().suffix(12)
        let charts = Material.allCases.compactMap { material -> Chart? in
            let rows = movements.filter { $0.material == material && months.contains($0.month) }
            guard !rows.isEmpty else { return nil }
            let values = months.map { month in
                let found = rows.first { $0.month == month }
                return [found?.inflow ?? 0, found?.outflow ?? 0]
            }
            let series = [SVGChart.Series(label: language.text("inflow"), cssClass: "in"),
                          SVGChart.Series(label: language.text("outflow"), cssClass: "out")]
            return Chart(label: language.text(material.rawValue),
                         svg: SVGChart.bars(categories: months.map { String($0.description.suffix(5)) }, series: series, values: values,
                                            title: "\(language.text(material.rawValue)) \(language.text("movement"))"))
        }
        let entryRows = entries.map { entry in
            EntryRow(seq: entry.seq, material: language.text(entry.material.rawValue), action: entry.action.rawValue,
                     item: entry.item ?? "", quantity: entry.quantity.map { "\($0)" } ?? "", occurredOn: entry.occurredOn.description,
                     recordedAt: time.format(entry.recordedAt),
                     note: [entry.voids.map { "voids #\($0)" }, entry.details.location, entry.details.staff, entry.details.channel,
                            entry.details.reason].compactMap { $0 }.joined(separator: " · "))
        }
        let older = entries.count == entriesPerPage ? entries.last.map { "\(base)?before=\($0.seq)\(lang)" } : nil
        var page = BranchPage(
            frame: frame, id: branch.id, name: branch.name, state: branch.state.rawValue,
            stateLabel: language.text("state.\(branch.state.rawValue)"), held: branch.heldSeq, pending: branch.pending,
            inventory: MaterialFigures.rows(inventory, language: language), columns: MaterialFigures.header(language),
            locations: byLocation.keys.sorted().map { Location(name: $0, items: byLocation[$0] ?? []) },
            badges: items.filter { $0.material == .badge }.map(row),
            charts: charts, entries: entryRows, entriesHTML: HTMLRows.entries(entryRows), olderHref: older,
            newestHref: before == nil ? nil : base + (lang.isEmpty ? "" : "?lang=en"),
            flags: branch.flags.map { flag in
                FlagRow(kind: flag.kind.rawValue, kindLabel: language.text("flag.\(flag.kind.rawValue)"), seq: flag.seq.map { "#\($0)" } ?? "", detail: FlagWording.sentence(flag.wording, detail: flag.detail, language.catalogue), at: time.format(flag.at),
                        todo: language.text("todo.\(flag.kind.rawValue)"))
            })
        page.hasBadges = !page.badges.isEmpty
        page.hasFlags = !page.flags.isEmpty
        return page
    }
}
