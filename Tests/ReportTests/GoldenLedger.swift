import TaizhangCore
import TaizhangReport

/// A small fixed ledger of three offices, and the report of 2026-11 made from it: one office
/// not complete, a late entry, so every part of the layout shows (golden files).
enum GoldenLedger {
    static let month = YearMonth("2026-11")!
    static let zone = BureauTimeZone.default
    static let earlierAsOf = try! ReportPeriod.asOf("2026-12-01T08:00:00Z", zone: zone)
    static let earlierIssuedAt = try! ReportPeriod.asOf("2026-12-01T08:00:05Z", zone: zone)
    static let asOf = try! ReportPeriod.asOf("2026-12-02T00:00:00Z", zone: zone)

    static let names = ["sanchang": "三厂分局", "haimen": "海门分局", "xinqiao": "新桥分局"]

    /// Each office's entries; the late one (a sign put up on 30 November that reached the
    /// hub only after the first export) only when `late`.
    static func entries(late: Bool) -> [String: [Entry]] {
        var sanchang = Script(branch: "sanchang")
        sanchang.add(.board, .install, item: "GS-01", on: "2026-10-08", EntryDetails(location: "大厅东墙", standard: true))
        sanchang.add(.board, .install, item: "GS-02", on: "2026-10-09", EntryDetails(location: "二楼", standard: false))
        sanchang.add(.card, .receive, quantity: 1000, on: "2026-10-10", EntryDetails(batch: "第一批"))
        sanchang.add(.card, .distribute, quantity: 200, on: "2026-11-03", EntryDetails(channel: "农贸市场宣传"))
        sanchang.add(.badge, .issue, item: "0042", on: "2026-11-05", EntryDetails(staff: "王芳"))
        sanchang.add(.board, .retire, item: "GS-02", on: "2026-11-20", EntryDetails(reason: "更换"))
        sanchang.add(.guide, .receive, quantity: 500, on: "2026-11-21", EntryDetails(batch: "B1"))
        sanchang.add(.guide, .adjust, quantity: -5, on: "2026-11-28", EntryDetails(reason: "盘点短少"))
        sanchang.add(.card, .distribute, quantity: 50, on: "2026-12-01", EntryDetails(channel: "窗口"))
        if late { sanchang.add(.sign, .install, item: "QX-01", on: "2026-11-30", EntryDetails(location: "二楼办公室门口")) }

        var haimen = Script(branch: "haimen")
        haimen.add(.card, .receive, quantity: 300, on: "2026-10-15", EntryDetails(batch: "A"))
        haimen.add(.card, .distribute, quantity: 100, on: "2026-11-02", EntryDetails(channel: "社区走访"))
        haimen.add(.card, .receive, quantity: 50, on: "2026-11-06", EntryDetails(batch: "B"))
        haimen.add(.card, .void, on: "2026-11-07", EntryDetails(reason: "数量录入错误"), voids: 3)
        haimen.add(.board, .install, item: "HM-01", on: "2026-11-10", EntryDetails(location: "院门口", standard: true))

        var xinqiao = Script(branch: "xinqiao")
        xinqiao.add(.guide, .receive, quantity: 1000, on: "2026-09-30", EntryDetails(batch: "2026"))
        xinqiao.add(.guide, .distribute, quantity: 300, on: "2026-10-12", EntryDetails(channel: "登记窗口"))
        return [sanchang.branch: sanchang.entries, haimen.branch: haimen.entries, xinqiao.branch: xinqiao.entries]
    }

    /// The report of `month` from `entries` as the shared code computes it.
    static func report(_ entries: [String: [Entry]], month: YearMonth = GoldenLedger.month, asOf: Timestamp,
                       earlier: MonthlyReport.Issued?) -> MonthlyReport {
        var positions: [String: [Material: MaterialPosition]] = [:]
        var standings: [BranchStanding] = []
        for (branch, list) in entries {
            var replay = LedgerReplay()
            for entry in list {
                guard let step = replay.apply(entry) else { fatalError("golden entry #\(entry.seq) of \(branch) refused") }
                positions[branch, default: [:]][step.material, default: MaterialPosition()].add(step.movement, in: step.month, reporting: month)
            }
            standings.append(BranchStanding(id: branch, name: names[branch]!, complete: branch != "xinqiao",
                                            lastEntryAt: list.last?.recordedAt, entries: Int64(list.count)))
        }
        return MonthlyReport(month: month, asOf: asOf, timeZone: zone.identifier, scope: .bureau, branches: standings,
                             positions: positions, earlier: earlier)
    }

    /// October, as of the same time (the flat span's first month).
    static var october: MonthlyReport { report(entries(late: true), month: YearMonth("2026-10")!, asOf: asOf, earlier: nil) }

    /// The export issued on 1 December, before the late entry, and the one of 2 December that restates it.
    static var restated: MonthlyReport {
        let first = report(entries(late: false), asOf: earlierAsOf, earlier: nil)
        let issued = MonthlyReport.Issued(asOf: first.asOf, hash: first.hash, issuedAt: earlierIssuedAt,
                                          rows: first.rows + first.totals)
        return report(entries(late: true), asOf: asOf, earlier: issued)
    }

    /// The hub's settings and concerns for the golden report: a bureau name, two of the three
    /// names to sign (the reviewer signs on a blank line), an open flag and a revoked office.
    static let context = ReportContext(issuer: "海门工商局", preparer: "王芳", reviewer: nil, head: "李明",
                                       openFlags: ["haimen": 1], revoked: ["xinqiao"])

    /// Numbers entries as an office's ledger would, recorded two hours into their day.
    struct Script {
        let branch: String
        var entries: [Entry] = []

        mutating func add(_ material: Material, _ action: Action, item: String? = nil, quantity: Int64? = nil,
                          on date: String, _ details: EntryDetails = EntryDetails(), voids: Int64? = nil) {
            let day = CivilDate(date)!
            let recorded = Timestamp(millisecondsSinceEpoch: GoldenLedger.zone.startOfDay(day).millisecondsSinceEpoch + 7_200_000
                                     + Int64(entries.count) * 60_000)
            entries.append(Entry(branch: branch, seq: Int64(entries.count + 1), material: material, action: action, item: item,
                                 quantity: quantity, details: details, occurredOn: day, recordedAt: recorded, clerk: "王",
                                 voids: voids))
        }
    }
}
