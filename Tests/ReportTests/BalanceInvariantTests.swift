import HubKit
import TaizhangCore
import TaizhangReport
import XCTest

/// Twelve months of random entries from three offices, delivered in random batches: every
/// month opens with the month before's closing, the last closing is the hub's inventory, and
/// the hub's export equals the shared computation over the entries it held at the as-of.
final class BalanceInvariantTests: XCTestCase {
    func testOpeningIsThePreviousClosingAndExportsEqualTheReplay() throws {
        let hub = try ExportHub()
        var generator = RandomLedger(seed: 2025_1201)
        var ledgers: [String: [Entry]] = [:]
        for (n, branch) in ["haimen", "sanchang", "xinqiao"].enumerated() {
            try hub.enrol(branch, key: UInt8(n + 1))
            ledgers[branch] = generator.entries(branch: branch, count: 400)
        }
        // Deliver in random batches, one minute apart, remembering what was held when.
        var held: [String: Int] = [:]
        var minute: Int64 = 1
        var snapshots: [(time: Timestamp, held: [String: Int])] = []
        while let branch = ledgers.keys.sorted().filter({ held[$0, default: 0] < ledgers[$0]!.count }).randomElement(using: &generator.random) {
            let start = held[branch, default: 0]
            let end = min(ledgers[branch]!.count, start + 1 + generator.random.below(40))
            try hub.deliver(branch, Array(ledgers[branch]![start..<end]), at: hub.at(minutes: minute))
            held[branch] = end
            snapshots.append((hub.at(minutes: minute), held))
            minute += 1
        }

        var month = YearMonth("2024-12")!
        var previous: [String: ReportRow] = [:]
        let final = hub.at(minutes: minute)
        while month <= YearMonth("2026-01")! {
            let report = try hub.report(month.description, asOf: final)
            XCTAssertEqual(report.rows, replayedRows(ledgers, month: month), "\(month): the hub's rows are the replay's")
            for row in report.rows {
                let key = "\(row.branch!)/\(row.material)"
                XCTAssertEqual(row.opening, previous[key]?.closing ?? 0, "\(key) \(month) opens with the month before's closing")
                XCTAssertEqual(row.closing, row.opening + row.inflow - row.outflow + row.adjusted, "\(key) \(month)")
                previous[key] = row
            }
            for total in report.totals {
                let rows = report.rows.filter { $0.material == total.material }
                XCTAssertEqual(total.closing, rows.map(\.closing).reduce(0, +))
                XCTAssertEqual(total.inflow, rows.map(\.inflow).reduce(0, +))
            }
            month = month.next
        }
        let totals = try hub.database.totals()
        for (key, row) in previous {
            let tally = totals.branches[row.branch!]![row.material]
            XCTAssertEqual(row.closing, row.material.kind == .stock ? tally.onHand : tally.inService, key)
            if row.material == .board { XCTAssertEqual(row.standard, tally.standard, key) }
        }
        XCTAssertGreaterThan(totals.bureau[.card].received, 0, "the mix moves stock")

        // As of an instant in the middle, the export counts exactly what was held then.
        for snapshot in [snapshots[snapshots.count / 3], snapshots[2 * snapshots.count / 3]] {
            var held = ledgers.mapValues { _ in [Entry]() }
            for (branch, count) in snapshot.held { held[branch] = Array(ledgers[branch]![0..<count]) }
            let report = try hub.report("2025-06", asOf: snapshot.time)
            XCTAssertEqual(report.rows, replayedRows(held, month: YearMonth("2025-06")!), "as of \(snapshot.time)")
            XCTAssertEqual(report.branches.map(\.entries), held.keys.sorted().map { Int64(held[$0]!.count) })
        }
    }
}
