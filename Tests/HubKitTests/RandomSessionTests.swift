import TaizhangTesting
import HubKit
import TaizhangCore
import XCTest

/// Random office histories, delivered the way a flaky link delivers them: the hub's totals
/// and monthly movements must equal the in-memory fold of the same entries.
final class RandomSessionTests: XCTestCase {
    func testRandomBatchesWithResendsEqualTheFold() throws {
        let hub = try TemporaryHub()
        var random = SplitMix64(seed: 2008_1109)
        var scripts: [EntryScript] = []
        for (n, branch) in ["sanchang", "xinqiao", "quiet"].enumerated() {
            try hub.enrolAndGreet(branch, key: UInt8(n + 1))
            var script = EntryScript(branch: branch)
            if branch != "quiet" {
                Self.generate(&script, count: 500, &random)
                let voids = script.entries.filter { $0.action == .void }
                XCTAssertGreaterThan(voids.filter { $0.material.kind == .unit }.count, 3, "the mix covers item voids")
                XCTAssertGreaterThan(voids.filter { $0.material.kind == .stock }.count, 3, "the mix covers stock voids")
            }
            scripts.append(script)
        }
        // Deliver every branch's entries interleaved, in random batches that overlap what
        // the hub already holds.
        var held: [String: Int64] = [:]
        while let index = scripts.indices.filter({ held[scripts[$0].branch, default: 0] < scripts[$0].fold.lastSeq }).randomElement(using: &random) {
            let script = scripts[index]
            let entries = script.entries
            let next = Int(held[script.branch, default: 0]) + 1
            let start = max(1, next - random.below(8))
            let end = min(entries.count, start + random.below(60))
            // Ingested after the last entry's date: the hub flags entries dated beyond its today.
            let reply = try hub.ingest(script.branch, Array(entries[(start - 1)..<end]), at: TemporaryHub.afterTheScripts)
            XCTAssertEqual(reply.accepted, Int64(max(end, next - 1)))
            held[script.branch] = reply.heldSeq
        }
        let totals = try hub.database.totals()
        XCTAssertEqual(Set(totals.branches.keys), ["sanchang", "xinqiao", "quiet"])
        for script in scripts {
            XCTAssertEqual(totals.branches[script.branch], script.fold.inventory + Inventory(), script.branch)
            let status = try hub.status(script.branch)
            XCTAssertEqual(status.heldSeq, script.fold.lastSeq)
            XCTAssertTrue(status.flags.isEmpty, "\(status.flags)")
        }
        XCTAssertEqual(totals.bureau, scripts.map(\.fold.inventory).reduce(Inventory(), +))
        try checkMonthlyMovements(hub, scripts)
    }

    /// Each month's closing balance is the next month's opening, the last equals the
    /// current tallies, and every month agrees with a count over the effective entries.
    func checkMonthlyMovements(_ hub: TemporaryHub, _ scripts: [EntryScript]) throws {
        var month = YearMonth(year: 2007, month: 12)!
        var previous: [String: MonthlyMovement] = [:]
        var months = 0
        while month <= YearMonth(year: 2011, month: 1)! {
            for row in try hub.database.monthlyMovements(for: month) {
                let key = "\(row.branch)/\(row.material)"
                XCTAssertEqual(row.opening, previous[key]?.closing ?? 0, "\(key) \(month)")
                XCTAssertEqual(row.standardOpening, previous[key]?.standardClosing ?? 0, "\(key) \(month)")
                if let script = scripts.first(where: { $0.branch == row.branch }) {
                    let expected = Self.balance(script, row.material, through: month)
                    XCTAssertEqual(row.closing, expected.balance, "\(key) \(month)")
                    XCTAssertEqual(row.standardClosing, expected.standard, "\(key) \(month)")
                }
                previous[key] = row
            }
            month = month.month == 12 ? YearMonth(year: month.year + 1, month: 1)! : YearMonth(year: month.year, month: month.month + 1)!
            months += 1
        }
        let totals = try hub.database.totals()
        for (key, row) in previous {
            let tally = totals.branches[row.branch]![row.material]
            XCTAssertEqual(row.closing, row.material.kind == .stock ? tally.onHand : tally.inService, key)
            XCTAssertEqual(row.standardClosing, tally.standard, key)
        }
        XCTAssertGreaterThan(months, 12)
    }

    /// The balance at the end of `month`, counted over the entries still in effect (not
    /// voids, not voided) that happened in or before it.
    static func balance(_ script: EntryScript, _ material: Material, through month: YearMonth) -> (balance: Int64, standard: Int64) {
        let entries = script.entries
        let voided = Set(entries.compactMap(\.voids))
        var standardOf: [String: Bool] = [:]
        var balance: Int64 = 0, standard: Int64 = 0
        for entry in entries where entry.material == material && entry.action != .void && !voided.contains(entry.seq) {
            let counts = entry.occurredOn.yearMonth <= month
            switch entry.action {
            case .receive: balance += counts ? entry.quantity! : 0
            case .distribute: balance -= counts ? entry.quantity! : 0
            case .adjust: balance += counts ? entry.quantity! : 0
            case material.inAction:
                let isStandard = material == .board && entry.details.standard ?? true
                standardOf[entry.item!] = isStandard
                if counts { balance += 1; standard += isStandard ? 1 : 0 }
            default:
                if counts { balance -= 1; standard -= standardOf[entry.item!] == true ? 1 : 0 }
            }
        }
        return (balance, standard)
    }

    /// Appends `count` random drafts the rules accept, dated forward over three years.
    static func generate(_ script: inout EntryScript, count: Int, _ random: inout SplitMix64) {
        while script.fold.lastSeq < count {
            if random.below(10) == 0 { script.date = CivilDate(daysSinceEpoch: script.date.daysSinceEpoch + random.below(12)) }
            let material = Material.allCases[random.below(5)]
            let tag = "T\(random.below(6))"
            let quantity = Int64(random.below(300) + 1)
            let draft: EntryDraft
            switch random.below(7) {
            case 0 where script.fold.lastSeq > 0:
                let target = Int64(random.below(Int(script.fold.lastSeq))) + 1
                let entry = script.fold.entry(seq: target)!
                draft = script.draft(entry.material, .void, item: entry.item, EntryDetails(reason: "mistake"), voids: target)
            case 1, 2:
                draft = material.kind == .unit
                    ? script.draft(material, material.inAction, item: tag,
                                   material == .badge ? EntryDetails(staff: "李强")
                                       : EntryDetails(location: "大厅", standard: material == .board ? random.below(3) != 0 : nil))
                    : script.draft(material, .receive, quantity: quantity, EntryDetails(batch: "B"))
            case 3, 4:
                draft = material.kind == .unit
                    ? script.draft(material, material.outAction, item: tag, EntryDetails(reason: "lost"))
                    : script.draft(material, .distribute, quantity: quantity, EntryDetails(channel: "窗口"))
            default:
                draft = material.kind == .unit
                    ? script.draft(material, material.outAction, item: tag, EntryDetails(reason: "returned"))
                    : script.draft(material, .adjust, quantity: quantity - 150, EntryDetails(reason: "stocktake"))
            }
            _ = try? script.record(draft)
        }
    }
}
