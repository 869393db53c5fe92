import HubKit
import TaizhangCore
import XCTest

/// The timeliness rules on September 2025: the deadline (5 working days) falls after the
/// National Day holiday week and counts the 调休 Saturday 11 October; one office is enrolled
/// mid-month.
final class TimelinessTests: XCTestCase {
    /// An instant given in Beijing time.
    static func beijing(_ date: String, _ hour: Int64, _ minute: Int64 = 0) -> Timestamp {
        let day = BureauTimeZone.default.startOfDay(CivilDate(date)!)
        return Timestamp(millisecondsSinceEpoch: day.millisecondsSinceEpoch + (hour * 60 + minute) * 60_000)
    }

    func testSeptember2025() throws {
        let hub = try TemporaryHub()
        let db = hub.database
        let august = Self.beijing("2025-08-01", 9)
        func office(_ id: String, key: UInt8, enrolled: Timestamp = august) throws {
            try db.enroll(branch: id, name: "\(id) 分局", publicKey: TemporaryHub.key(key), at: enrolled)
            _ = try db.hello(branch: id, incarnation: "inc-\(id)", agentLastSeq: 0, at: enrolled)
        }
        // Heard on the 调休 Saturday: a working day, well before the deadline.
        try office("a-saturday", key: 1)
        _ = try db.heard(branch: "a-saturday", agentLastSeq: 0, at: Self.beijing("2025-10-11", 10))
        // A minute before 17:00 on the fifth working day, and a minute after.
        try office("b-just-in", key: 2)
        _ = try db.heard(branch: "b-just-in", agentLastSeq: 0, at: Self.beijing("2025-10-14", 16, 59))
        try office("c-just-late", key: 3)
        _ = try db.heard(branch: "c-just-late", agentLastSeq: 0, at: Self.beijing("2025-10-14", 17, 1))
        // Enrolled mid-month: expected; heard during the holiday week.
        try office("d-mid-month", key: 4, enrolled: Self.beijing("2025-09-15", 10))
        _ = try db.heard(branch: "d-mid-month", agentLastSeq: 0, at: Self.beijing("2025-10-03", 8))
        // Heard only before the month ended.
        try office("e-silent", key: 5)
        _ = try db.heard(branch: "e-silent", agentLastSeq: 0, at: Self.beijing("2025-09-30", 23, 59))
        // Enrolled after the month: not expected.
        try office("f-october", key: 6, enrolled: Self.beijing("2025-10-02", 9))
        // Heard after the month, but with entries the hub does not hold yet.
        try office("g-pending", key: 7)
        _ = try db.heard(branch: "g-pending", agentLastSeq: 3, at: Self.beijing("2025-10-09", 9))
        // Revoked before the month ended.
        try office("h-revoked", key: 8)
        try db.revoke(branch: "h-revoked", at: Self.beijing("2025-09-10", 9))

        let month = try db.timeliness(month: YearMonth("2025-09")!, zone: .default, calendar: .shippedCalendar, workdays: 5)
        let marks = Dictionary(uniqueKeysWithValues: month.branches.map { ($0.branch, $0.mark) })
        XCTAssertEqual(marks, [
            "a-saturday": .onTime, "b-just-in": .onTime, "c-just-late": .late, "d-mid-month": .onTime,
            "e-silent": .notReported, "f-october": .notExpected, "g-pending": .notReported, "h-revoked": .notExpected,
        ])
        XCTAssertEqual(month.deadline, Self.beijing("2025-10-14", 17))
        XCTAssertEqual([month.expected, month.reported, month.onTime, month.late], [6, 4, 3, 1])
        XCTAssertEqual(month.reportingRatePerMille, 666)
        XCTAssertEqual(month.branches.first { $0.branch == "b-just-in" }?.completeAt, Self.beijing("2025-10-14", 16, 59))

        // Three working days: the 调休 Saturday is the deadline, so b and c are late.
        let shorter = try db.timeliness(month: YearMonth("2025-09")!, zone: .default, calendar: .shippedCalendar, workdays: 3)
        XCTAssertEqual(shorter.deadline, Self.beijing("2025-10-11", 17))
        XCTAssertEqual(shorter.onTime, 2)
        XCTAssertEqual(shorter.late, 2)
    }

    /// A month whose deadline lies in a year the calendar lacks: reported, timeliness unknown.
    func testUnknownYearIsNeverGuessed() throws {
        let hub = try TemporaryHub()
        try hub.database.enroll(branch: "x", name: "x", publicKey: TemporaryHub.key(1), at: Self.beijing("2026-11-01", 9))
        _ = try hub.database.hello(branch: "x", incarnation: "i", agentLastSeq: 0, at: Self.beijing("2027-01-04", 9))
        let month = try hub.database.timeliness(month: YearMonth("2026-12")!, zone: .default, calendar: .shippedCalendar, workdays: 5)
        XCTAssertNil(month.deadline)
        XCTAssertEqual(month.branches.map(\.mark), [.reported])
        XCTAssertNil(month.onTimeRatePerMille)
        XCTAssertEqual(month.reportingRatePerMille, 1000)
    }

    func testClassifyBoundaries() {
        let end = Timestamp(millisecondsSinceEpoch: 1_000_000)
        let deadline = Timestamp(millisecondsSinceEpoch: 2_000_000)
        func mark(enrolled: Int64, revoked: Int64? = nil, complete: Int64?) -> ReportingMark {
            ReportingMark.classify(enrolledAt: .init(millisecondsSinceEpoch: enrolled), revokedAt: revoked.map { .init(millisecondsSinceEpoch: $0) },
                                   monthEnd: end, completeAt: complete.map { .init(millisecondsSinceEpoch: $0) }, deadline: deadline)
        }
        XCTAssertEqual(mark(enrolled: 1_000_000, complete: 1_500_000), .notExpected, "enrolled at the very end")
        XCTAssertEqual(mark(enrolled: 0, complete: 2_000_000), .onTime, "at the deadline is on time")
        XCTAssertEqual(mark(enrolled: 0, complete: 2_000_001), .late)
        XCTAssertEqual(mark(enrolled: 0, revoked: 1_500_000, complete: nil), .notReported, "revoked after the month: still owed")
        XCTAssertEqual(mark(enrolled: 0, revoked: 999_999, complete: nil), .notExpected)
    }
}
