import TaizhangCore
import XCTest

final class CivilDateTests: XCTestCase {
    func testParsesAndPrintsDates() {
        XCTAssertEqual(CivilDate("2008-11-09")?.description, "2008-11-09")
        XCTAssertEqual(CivilDate("2024-02-29")?.day, 29)
        XCTAssertEqual(CivilDate("2000-02-29")?.month, 2)
    }

    func testRejectsMalformedAndImpossibleDates() {
        for text in ["2026-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
                     "2026-1-01", "26-01-01", "2026/01/01", "", "2026-01-01T00:00", "２０２６-01-01", "-026-01-01"] {
            XCTAssertNil(CivilDate(text), text)
        }
    }

    func testDaysSinceEpochRoundTrips() {
        XCTAssertEqual(CivilDate("1970-01-01")?.daysSinceEpoch, 0)
        XCTAssertEqual(CivilDate("2008-11-09")?.daysSinceEpoch, 14192)
        for days in stride(from: -1000, through: 40000, by: 37) {
            XCTAssertEqual(CivilDate(daysSinceEpoch: days).daysSinceEpoch, days)
        }
    }

    func testTimestampsPrintInUTC() {
        XCTAssertEqual(Timestamp(millisecondsSinceEpoch: 0).description, "1970-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp(millisecondsSinceEpoch: 1_795_680_000_999).description, "2026-11-26T08:00:00Z")
    }

    /// Human output shows the bureau's clock (issue 12's example), `--json` keeps UTC.
    func testHumanTimesAreTheBureausClock() {
        let instant = Timestamp(millisecondsSinceEpoch: 1_796_149_388_000)
        XCTAssertEqual(instant.description, "2026-12-01T18:23:08Z")
        XCTAssertEqual(BureauTimeZone.default.clockTime(at: instant), "2026-12-02 02:23")
    }

    func testShanghaiIsUTCPlusEight() {
        let zone = BureauTimeZone.default
        // 2026-11-26T20:00:00Z is already the 27th in Shanghai.
        XCTAssertEqual(zone.date(at: Timestamp(millisecondsSinceEpoch: 1_795_723_200_000)).description, "2026-11-27")
        XCTAssertEqual(zone.startOfDay(CivilDate("2026-11-27")!).description, "2026-11-26T16:00:00Z")
        XCTAssertNil(BureauTimeZone(identifier: "Mars/Olympus"))
        XCTAssertNil(BureauTimeZone(identifier: "../../etc/passwd"))
    }

    func testMonths() {
        XCTAssertEqual(YearMonth("2008-02")?.lastDay.description, "2008-02-29")
        XCTAssertNil(YearMonth("2008-13"))
        XCTAssertEqual(CivilDate("2008-12-31")?.yearMonth.description, "2008-12")
    }
}
