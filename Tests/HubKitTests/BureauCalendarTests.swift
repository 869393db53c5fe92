import Foundation
@testable import HubKit
import TaizhangCore
import XCTest

final class BureauCalendarTests: XCTestCase {
    /// The compiled-in years are the committed calendar/YYYY.txt files, byte for byte.
    func testShippedYearsEqualTheDataFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        XCTAssertEqual(Set(BureauCalendar.shipped.keys), Set(2008...2026))
        for (year, text) in BureauCalendar.shipped {
            let file = try String(contentsOf: root.appendingPathComponent("calendar/\(year).txt"), encoding: .utf8)
            XCTAssertEqual(text + "\n", file, "calendar/\(year).txt differs from BureauCalendar+Shipped.swift; rerun scripts/bureau-calendar.py")
        }
    }

    func testHolidaysMakeUpDaysAndUnknownYears() throws {
        let calendar = BureauCalendar.shippedCalendar
        XCTAssertEqual(calendar.isWorkingDay(CivilDate("2025-10-01")!), false, "National Day")
        XCTAssertEqual(calendar.isWorkingDay(CivilDate("2025-10-11")!), true, "调休 Saturday")
        XCTAssertEqual(calendar.isWorkingDay(CivilDate("2025-10-12")!), false, "an ordinary Sunday")
        XCTAssertEqual(calendar.isWorkingDay(CivilDate("2025-10-09")!), true, "an ordinary Thursday")
        XCTAssertEqual(calendar.isWorkingDay(CivilDate("2008-02-02")!), true, "the seed year's 调休 Saturday")
        XCTAssertNil(calendar.isWorkingDay(CivilDate("2027-01-04")!), "2027 is not published: unknown, not guessed")
        XCTAssertNil(calendar.deadlineDay(after: YearMonth("2026-12")!, workdays: 5))
        XCTAssertNil(calendar.isWorkingDay(CivilDate("2007-06-01")!))
    }

    /// September 2025: the National Day week is skipped, the 调休 Saturday counts.
    func testDeadlineCountsWorkingDaysOnTheCalendar() throws {
        let calendar = BureauCalendar.shippedCalendar
        XCTAssertEqual(calendar.deadlineDay(after: YearMonth("2025-09")!, workdays: 5), CivilDate("2025-10-14"))
        XCTAssertEqual(calendar.deadlineDay(after: YearMonth("2025-09")!, workdays: 1), CivilDate("2025-10-09"))
        XCTAssertEqual(calendar.deadlineDay(after: YearMonth("2025-10")!, workdays: 5), CivilDate("2025-11-07"))
        let deadline = try XCTUnwrap(calendar.deadline(for: YearMonth("2025-09")!, workdays: 5, zone: .default))
        XCTAssertEqual(deadline.description, "2025-10-14T09:00:00Z", "17:00 in Asia/Shanghai")
    }

    func testLocalAdditionsAddDaysAndYears() throws {
        let calendar = try BureauCalendar.withLocalAdditions("""
            # the county's own day off
            2025-10-09 holiday 县庆
            year 2027
            2027-01-01 holiday 元旦
            """, name: "calendar.txt")
        XCTAssertEqual(calendar.isWorkingDay(CivilDate("2025-10-09")!), false)
        XCTAssertEqual(calendar.deadlineDay(after: YearMonth("2025-09")!, workdays: 5), CivilDate("2025-10-15"))
        XCTAssertEqual(calendar.isWorkingDay(CivilDate("2027-01-04")!), true)
        XCTAssertThrowsError(try BureauCalendar.withLocalAdditions("2025-10-09 day-off\n", name: "calendar.txt")) { error in
            XCTAssertEqual((error as? CalendarError)?.line, 1)
        }
    }
}
