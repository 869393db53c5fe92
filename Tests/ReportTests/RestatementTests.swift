import HubKit
import TaizhangCore
import TaizhangReport
import XCTest

/// The same as-of gives the same bytes whenever it is run; a late entry for an exported
/// month makes the next export say what it restates and what changed.
final class RestatementTests: XCTestCase {
    func testSameAsOfGivesIdenticalBytesAfterLaterEntries() throws {
        let hub = try ExportHub()
        let ledgers = GoldenLedger.entries(late: true)
        for (n, branch) in ledgers.keys.sorted().enumerated() { try hub.enrol(branch, key: UInt8(n + 1)) }
        for branch in ledgers.keys.sorted() {
            try hub.deliver(branch, Array(ledgers[branch]!.prefix(2)), at: hub.at(minutes: 1))
        }
        let asOf = hub.at(minutes: 2)
        let first = try hub.report("2026-11", asOf: asOf)
        var rendered: [[UInt8]] = []
        for language in ReportLanguage.allCases {
            for format in [ReportFormat.csv, .json] { rendered.append(try format.render(first, language: language)) }
        }
        try hub.database.recordExport(first, issuedAt: hub.at(minutes: 2, seconds: 5))
        for branch in ledgers.keys.sorted() {
            try hub.deliver(branch, Array(ledgers[branch]!.dropFirst(2)), at: hub.at(minutes: 3))
        }
        let later = try hub.report("2026-11", asOf: hub.at(minutes: 4))
        XCTAssertNotEqual(later.hash, first.hash)
        try hub.database.recordExport(later, issuedAt: hub.at(minutes: 4, seconds: 5))

        let again = try hub.report("2026-11", asOf: asOf)
        XCTAssertNil(again.earlier, "its own registration is not an earlier export")
        var index = 0
        for language in ReportLanguage.allCases {
            for format in [ReportFormat.csv, .json] {
                XCTAssertEqual(try format.render(again, language: language), rendered[index], "\(format) \(language)")
                index += 1
            }
        }
        XCTAssertEqual(try hub.report("2026-11", asOf: hub.at(minutes: 4)), later, "the later export is reproducible too")
    }

    func testALateEntryIsListedAsARestatement() throws {
        let hub = try ExportHub()
        let ledgers = GoldenLedger.entries(late: true)
        for (n, branch) in ledgers.keys.sorted().enumerated() { try hub.enrol(branch, key: UInt8(n + 1)) }
        for branch in ledgers.keys.sorted() {
            try hub.deliver(branch, ledgers[branch]!.filter { $0.material != .sign }, at: hub.at(minutes: 1))
        }
        let first = try hub.report("2026-11", asOf: hub.at(minutes: 2))
        XCTAssertNil(first.earlier)
        try hub.database.recordExport(first, issuedAt: hub.at(minutes: 2, seconds: 1))
        try hub.database.recordExport(first, issuedAt: hub.at(minutes: 2, seconds: 9))

        let unchanged = try hub.report("2026-11", asOf: hub.at(minutes: 3))
        XCTAssertEqual(unchanged.earlier?.hash, first.hash)
        XCTAssertEqual(unchanged.earlier?.changes, [], "nothing arrived: same figures, no restatement")
        XCTAssertEqual(unchanged.earlier?.issuedAt, hub.at(minutes: 2, seconds: 1), "issuing the same export again is not recorded twice")

        // The sign put up on 30 November reaches the hub in December.
        try hub.deliver("sanchang", ledgers["sanchang"]!.filter { $0.material == .sign }, at: hub.at(minutes: 5))
        let restated = try hub.report("2026-11", asOf: hub.at(minutes: 6))
        let earlier = try XCTUnwrap(restated.earlier)
        XCTAssertEqual(earlier.asOf, first.asOf)
        XCTAssertEqual(earlier.hash, first.hash)
        XCTAssertEqual(earlier.changes, [
            RowChange(branch: "sanchang", material: .sign, figure: .inflow, earlier: 0, now: 1),
            RowChange(branch: "sanchang", material: .sign, figure: .closing, earlier: 0, now: 1),
            RowChange(branch: nil, material: .sign, figure: .inflow, earlier: 0, now: 1),
            RowChange(branch: nil, material: .sign, figure: .closing, earlier: 0, now: 1),
        ])
        let csv = String(decoding: try ReportFormat.csv.render(restated, language: .zh), as: UTF8.self)
        let issued = ReportTime(zoneIdentifier: "Asia/Shanghai", language: .zh).dateTime(hub.at(minutes: 2, seconds: 1))
        XCTAssertTrue(csv.contains("更正,本表更正 \(issued) 发出的同月报表"), csv)
        XCTAssertTrue(csv.contains("sanchang分局,sanchang,人员去向牌,0,1,本月增加（安装/发放/接收）\r\n"), csv)
    }

    func testCompletenessNeedsContactAfterTheMonthWithNothingPending() throws {
        let hub = try ExportHub()
        let ledgers = GoldenLedger.entries(late: false)
        for (n, branch) in ledgers.keys.sorted().enumerated() { try hub.enrol(branch, key: UInt8(n + 1)) }
        let sanchang = ledgers["sanchang"]!, haimen = ledgers["haimen"]!
        try hub.deliver("sanchang", sanchang, at: hub.at(minutes: 1), agentLastSeq: Int64(sanchang.count))
        try hub.deliver("haimen", Array(haimen.prefix(2)), at: hub.at(minutes: 1), agentLastSeq: Int64(haimen.count))
        // Months before the hub existed have ended; the current one has not.
        let october = try hub.report("2026-10", asOf: hub.at(minutes: 2))
        XCTAssertEqual(october.branches.map(\.complete), [false, true, false], "haimen has entries pending; xinqiao never called")
        XCTAssertEqual(october.branches.map(\.entries), [2, Int64(sanchang.count), 0])
        XCTAssertEqual(october.branches[1].lastEntryAt, sanchang.last?.recordedAt)
        XCTAssertFalse(october.isComplete)
        let thisMonth = BureauTimeZone.default.date(at: hub.at(minutes: 2)).yearMonth.description
        let current = try hub.report(thisMonth, asOf: hub.at(minutes: 2))
        XCTAssertFalse(current.branches.contains { $0.complete }, "a month that has not ended is never complete")

        try hub.deliver("haimen", Array(haimen.dropFirst(2)), at: hub.at(minutes: 3))
        try hub.deliver("xinqiao", ledgers["xinqiao"]!, at: hub.at(minutes: 3), agentLastSeq: 2)
        XCTAssertTrue(try hub.report("2026-10", asOf: hub.at(minutes: 4)).isComplete)
        XCTAssertEqual(try hub.report("2026-10", asOf: hub.at(minutes: 2)), october, "as of before, still as it was")
    }
}
