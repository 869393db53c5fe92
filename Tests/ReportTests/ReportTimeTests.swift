import TaizhangCore
import TaizhangReport
import XCTest

/// Times as the report's reader reads them, and the months `--month` and `--from … --to` give.
final class ReportTimeTests: XCTestCase {
    func testTimesAreInTheBureausZoneInWords() throws {
        let instant = try ReportPeriod.asOf("2008-12-31T09:00:00Z", zone: .default)
        let zh = ReportTime(zoneIdentifier: "Asia/Shanghai", language: .zh)
        XCTAssertEqual(zh.dateTimeWithZone(instant), "2008年12月31日 17:00（北京时间）")
        XCTAssertEqual(zh.month(YearMonth("2008-12")!), "2008年12月")
        let en = ReportTime(zoneIdentifier: "Asia/Shanghai", language: .en)
        XCTAssertEqual(en.dateTimeWithZone(instant), "31 December 2008 17:00 (Beijing time)")
        // 18:23 UTC on 1 December is 02:23 on 2 December in Beijing.
        XCTAssertEqual(zh.dateTime(try ReportPeriod.asOf("2026-12-01T18:23:08Z", zone: .default)), "2026年12月2日 02:23")
        let utc = ReportTime(zoneIdentifier: "UTC", language: .zh)
        XCTAssertEqual(utc.dateTimeWithZone(instant), "2008年12月31日 09:00（UTC）")
    }

    func testSpansOfMonths() throws {
        XCTAssertEqual(try ReportSpan.months(month: "2026-11", from: nil, to: nil, flat: false).map(\.description), ["2026-11"])
        XCTAssertEqual(try ReportSpan.months(month: nil, from: "2025-11", to: "2026-02", flat: true).map(\.description),
                       ["2025-11", "2025-12", "2026-01", "2026-02"])
        let refusals: [((String?, String?, String?, Bool), ReportError)] = [
            ((nil, nil, nil, false), .noMonth),
            (("2026-11", "2026-01", "2026-02", true), .monthAndSpan),
            ((nil, "2026-01", "2026-02", false), .spanWithoutFlat),
            ((nil, "2026-01", nil, true), .incompleteSpan),
            ((nil, "2026-03", "2026-02", true), .reversedSpan(from: YearMonth("2026-03")!, to: YearMonth("2026-02")!)),
            ((nil, "2000-01", "2026-02", true), .spanTooLong(months: 314)),
        ]
        for ((month, from, to, flat), expected) in refusals {
            XCTAssertThrowsError(try ReportSpan.months(month: month, from: from, to: to, flat: flat)) {
                XCTAssertEqual($0 as? ReportError, expected)
            }
        }
    }
}
