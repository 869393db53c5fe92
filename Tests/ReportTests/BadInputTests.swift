import Foundation
import TaizhangCore
import TaizhangReport
import XCTest

/// Malformed, future or impossible requests are refused with one sentence, and a report
/// file is written whole or not at all.
final class BadInputTests: XCTestCase {
    func testMonthsAndAsOfTimesAreParsedOrRefused() throws {
        XCTAssertEqual(try ReportPeriod.month("2026-11"), YearMonth(year: 2026, month: 11))
        for text in ["2026-13", "2026-1", "November", "2026-11-01", ""] {
            XCTAssertThrowsError(try ReportPeriod.month(text)) { XCTAssertEqual($0 as? ReportError, .malformedMonth(text)) }
        }
        XCTAssertThrowsError(try ReportPeriod.month("1999-12"))
        let zone = BureauTimeZone.default
        XCTAssertEqual(try ReportPeriod.asOf("2026-12-01T08:00:00Z", zone: zone).description, "2026-12-01T08:00:00Z")
        XCTAssertEqual(try ReportPeriod.asOf("2026-12-01T16:00:00+08:00", zone: zone).description, "2026-12-01T08:00:00Z")
        XCTAssertEqual(try ReportPeriod.asOf("2026-11-30", zone: zone).description, "2026-11-30T15:59:59Z",
                       "a date is its last second in the bureau's time zone")
        for text in ["yesterday", "2026-12-01 08:00", "2026-12-01T25:00:00Z", "2026-12-01T08:00:00", "2026-12-01T08:00:00+8"] {
            XCTAssertThrowsError(try ReportPeriod.asOf(text, zone: zone)) { XCTAssertEqual($0 as? ReportError, .malformedAsOf(text)) }
        }
        XCTAssertThrowsError(try ReportFormat.parse("pdf")) { XCTAssertEqual($0 as? ReportError, .unknownFormat("pdf")) }
        XCTAssertThrowsError(try ReportLanguage.parse("fr"))
        XCTAssertEqual(try ReportFormat.parse("XLSX"), .xlsx)
    }

    func testTheHubRefusesFutureMonthsAndAsOfOutsideItsLife() throws {
        let hub = try ExportHub()
        let asOf = hub.at(minutes: 5)
        let nextMonth = BureauTimeZone.default.date(at: asOf).yearMonth.next
        XCTAssertThrowsError(try hub.report(nextMonth.description, asOf: asOf)) {
            XCTAssertEqual($0 as? ReportError, .futureMonth(nextMonth, asOf: asOf))
        }
        let before = Timestamp(millisecondsSinceEpoch: hub.created.millisecondsSinceEpoch - 3_600_000)
        XCTAssertThrowsError(try hub.report("2025-01", asOf: before)) {
            guard case .asOfBeforeHub = $0 as? ReportError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try hub.database.monthlyReport(month: YearMonth("2025-01")!, asOf: hub.at(minutes: 10),
                                                            timeZone: .default, now: hub.at(minutes: 9))) {
            guard case .asOfInFuture = $0 as? ReportError else { return XCTFail("\($0)") }
        }
        for error in [ReportError.futureMonth(nextMonth, asOf: asOf), .unknownFormat("pdf"), .unwritable(path: "/x", detail: "denied")] {
            XCTAssertFalse(error.description.contains("\n"))
            XCTAssertTrue(error.description.contains(";"), "says what to do: \(error)")
        }
    }

    func testAReportFileIsWrittenWholeOrNotAtAll() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-file-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertThrowsError(try ReportFile(path: folder + "/missing/report.csv")) {
            guard case .unwritable = $0 as? ReportError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try ReportFile(path: folder))
        do {
            let abandoned = try ReportFile(path: folder + "/abandoned.csv")
            abandoned.discard()
        }
        let file = try ReportFile(path: folder + "/report.csv")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }, [])
        try file.commit(Array("a,b\r\n".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["report.csv"], "no temporary file left")
        XCTAssertEqual(FileManager.default.contents(atPath: folder + "/report.csv"), Data("a,b\r\n".utf8))
    }
}
