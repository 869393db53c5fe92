import HubKit
import TaizhangCore
import XCTest

/// The export's cut follows the hub's ingest clock, not the wall clock: a batch stored after
/// an as-of was answered never shows in it, whatever time the wall clock gave the batch, and
/// an export without an as-of has every batch stored before it.
final class IngestClockTests: XCTestCase {
    func testABatchStoredAfterTheClockSteppedBackStaysOutOfAnAnsweredAsOf() throws {
        let hub = try ExportHub()
        let sanchang = try XCTUnwrap(GoldenLedger.entries(late: true)["sanchang"])
        try hub.enrol("sanchang", key: 1)
        try hub.deliver("sanchang", Array(sanchang.prefix(2)), at: hub.at(minutes: 5))
        let asOf = hub.at(minutes: 6)
        let first = try hub.report("2026-11", asOf: asOf)
        XCTAssertEqual(first.branches.map(\.entries), [2])

        // The clock steps back to minute 3: the next batch gets the wall clock's minute 3.
        try hub.deliver("sanchang", Array(sanchang.dropFirst(2)), at: hub.at(minutes: 3))
        XCTAssertEqual(try hub.report("2026-11", asOf: asOf), first, "an answered as-of reads as it did")
        let stepped = try hub.database.monthlyReport(month: YearMonth("2026-11")!, asOf: asOf, timeZone: .default,
                                                     now: hub.at(minutes: 3))
        XCTAssertEqual(stepped, first, "and is not refused as in the future when the wall clock is behind it")
        let latest = try hub.database.monthlyReport(month: YearMonth("2026-11")!, asOf: nil, timeZone: .default,
                                                    now: hub.at(minutes: 3))
        XCTAssertEqual(latest.branches.map(\.entries), [Int64(sanchang.count)], "no --as-of: everything stored so far")
        XCTAssertGreaterThan(latest.asOf, asOf)
        XCTAssertEqual(try hub.report("2026-11", asOf: latest.asOf), latest)
    }

    func testNoAsOfIncludesABatchStoredInTheSameMillisecond() throws {
        let hub = try ExportHub()
        let sanchang = try XCTUnwrap(GoldenLedger.entries(late: true)["sanchang"])
        try hub.enrol("sanchang", key: 1)
        let instant = Timestamp(millisecondsSinceEpoch: hub.at(minutes: 1).millisecondsSinceEpoch + 500)
        let month = YearMonth("2026-11")!
        try hub.deliver("sanchang", Array(sanchang.prefix(1)), at: instant)
        let first = try hub.database.monthlyReport(month: month, asOf: nil, timeZone: .default, now: instant)
        XCTAssertEqual(first.branches.map(\.entries), [1], "acknowledged before the export began")
        // Another batch in the same millisecond, after the export: it is not in that as-of.
        try hub.deliver("sanchang", Array(sanchang.dropFirst(1).prefix(1)), at: instant)
        XCTAssertEqual(try hub.report("2026-11", asOf: first.asOf), first)
        let second = try hub.database.monthlyReport(month: month, asOf: nil, timeZone: .default, now: instant)
        XCTAssertEqual(second.branches.map(\.entries), [2])
        XCTAssertGreaterThan(second.asOf, first.asOf)
        XCTAssertEqual(try hub.database.monthlyReport(month: month, asOf: nil, timeZone: .default, now: instant).asOf, second.asOf,
                       "with nothing new, the next export keeps the as-of")
    }
}
