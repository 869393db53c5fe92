import GRDB
@testable import HubKit
import TaizhangCore
import TaizhangReport
import XCTest

/// A hub that stored entries before the export logs existed gets them from its entries when
/// it is upgraded: the same figures as of every instant as a hub that logged all along.
final class BackfillTests: XCTestCase {
    func testUpgradedHubExportsTheSameFiguresAsOfEveryBatch() throws {
        let hub = try ExportHub()
        var generator = RandomLedger(seed: 7_0301)
        var ledgers: [String: [Entry]] = [:]
        for (n, branch) in ["haimen", "sanchang"].enumerated() {
            try hub.enrol(branch, key: UInt8(n + 1))
            ledgers[branch] = generator.entries(branch: branch, count: 150)
        }
        var times: [Timestamp] = []
        for batch in 0..<10 {
            for branch in ledgers.keys.sorted() {
                try hub.deliver(branch, Array(ledgers[branch]![(batch * 15)..<(batch * 15 + 15)]), at: hub.at(minutes: Int64(batch)))
            }
            times.append(hub.at(minutes: Int64(batch)))
        }
        let months = ["2025-01", "2025-06", "2025-12"]
        let before = try times.flatMap { time in try months.map { try hub.report($0, asOf: time) } }

        // Back to a hub before v3-export, then opened again: the migration backfills.
        try hub.database.queue.write { db in
            for table in ["hub_fact", "movement_log", "balance_log", "branch_contact", "branch_name_log", "export_figure", "export_issue"] {
                try db.execute(sql: "DROP TABLE \(table)")
            }
            try db.execute(sql: "DROP TRIGGER branch_name_enrolled; DROP TRIGGER branch_name_changed")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3-export'")
        }
        let upgraded = try HubDatabase(openingAt: hub.directory + "/hub.sqlite")
        XCTAssertLessThanOrEqual(try upgraded.createdAt(), hub.at(minutes: 0), "an old hub existed since its first enrolment")
        let after = try times.flatMap { time in
            try months.map { try upgraded.monthlyReport(month: YearMonth($0)!, asOf: time, timeZone: .default, now: hub.now) }
        }
        XCTAssertEqual(after.map(\.rows), before.map(\.rows))
        XCTAssertEqual(after.map(\.hash), before.map(\.hash))
        XCTAssertEqual(after.map { $0.branches.map(\.entries) }, before.map { $0.branches.map(\.entries) })
    }
}
