import GRDB
import TaizhangCore

extension HubDatabase {
    /// Every enrolled office's mark for `month`: the first contact at or after the month's
    /// end after which the hub held all the office had recorded (`branch_contact`), against
    /// the deadline from `calendar`. One indexed lookup per branch.
    public func timeliness(month: YearMonth, zone: BureauTimeZone, calendar: BureauCalendar,
                           workdays: Int) throws -> MonthTimeliness {
        try timeliness(months: [month], zone: zone, calendar: calendar, workdays: workdays)[0]
    }

    /// The same for several months, read in one transaction (the branches once, then one
    /// indexed lookup per branch and month).
    public func timeliness(months: [YearMonth], zone: BureauTimeZone, calendar: BureauCalendar,
                           workdays: Int) throws -> [MonthTimeliness] {
        try read { db in
            let offices = try Row.fetchAll(db, sql: """
                SELECT b.id, b.name, b.enrolled_at, b.revoked_at, (SELECT MIN(n.at) FROM branch_name_log n WHERE n.branch = b.id)
                FROM branch b ORDER BY b.id
                """).map { row in
                let stamp = { (index: Int) in (row[index] as Int64?).map(Timestamp.init(millisecondsSinceEpoch:)) }
                // A re-enrolled office counts from its first enrolment.
                let enrolled = [stamp(2), stamp(4)].compactMap { $0 }.min() ?? Timestamp(millisecondsSinceEpoch: row[2])
                return (id: row[0] as String, name: row[1] as String, enrolled: enrolled, revoked: stamp(3))
            }
            let contact = try db.cachedStatement(sql: """
                SELECT at FROM branch_contact WHERE branch = ? AND minute >= ? AND at >= ? ORDER BY minute LIMIT 1
                """)
            return try months.map { month in
                let monthEnd = zone.startOfDay(CivilDate(daysSinceEpoch: month.lastDay.daysSinceEpoch + 1))
                let deadline = calendar.deadline(for: month, workdays: workdays, zone: zone)
                let end = monthEnd.millisecondsSinceEpoch
                let branches = try offices.map { office -> BranchTimeliness in
                    let completeAt = try Int64.fetchOne(contact, arguments: [office.id, end.floorDivided(by: 60_000), end])
                        .map(Timestamp.init(millisecondsSinceEpoch:))
                    let mark = ReportingMark.classify(enrolledAt: office.enrolled, revokedAt: office.revoked, monthEnd: monthEnd,
                                                      completeAt: completeAt, deadline: deadline)
                    return BranchTimeliness(branch: office.id, name: office.name, mark: mark,
                                            completeAt: mark == .notExpected ? nil : completeAt)
                }
                return MonthTimeliness(month: month, monthEnd: monthEnd, deadline: deadline, workdays: workdays, branches: branches)
            }
        }
    }
}
