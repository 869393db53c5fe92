import GRDB
import TaizhangCore

extension HubDatabase {
    /// Every enrolled office's mark for `month`: the first contact at or after the month's
    /// end after which the hub held all the office had recorded (`branch_contact`), against
    /// the deadline from `calendar`. One indexed lookup per branch.
    public func timeliness(month: YearMonth, zone: BureauTimeZone, calendar: BureauCalendar,
                           workdays: Int) throws -> MonthTimeliness {
        let monthEnd = zone.startOfDay(CivilDate(daysSinceEpoch: month.lastDay.daysSinceEpoch + 1))
        let deadline = calendar.deadline(for: month, workdays: workdays, zone: zone)
        let end = monthEnd.millisecondsSinceEpoch
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT b.id, b.name, b.enrolled_at, b.revoked_at,
                       (SELECT MIN(c.at) FROM branch_contact c WHERE c.branch = b.id AND c.minute >= ?1 AND c.at >= ?2),
                       (SELECT MIN(n.at) FROM branch_name_log n WHERE n.branch = b.id)
                FROM branch b ORDER BY b.id
                """, arguments: [end.floorDivided(by: 60_000), end])
        }
        let branches = rows.map { row -> BranchTimeliness in
            let stamp = { (index: Int) in (row[index] as Int64?).map(Timestamp.init(millisecondsSinceEpoch:)) }
            // A re-enrolled office counts from its first enrolment.
            let enrolled = [stamp(2), stamp(5)].compactMap { $0 }.min() ?? Timestamp(millisecondsSinceEpoch: row[2])
            let completeAt = stamp(4)
            let mark = ReportingMark.classify(enrolledAt: enrolled, revokedAt: stamp(3), monthEnd: monthEnd,
                                              completeAt: completeAt, deadline: deadline)
            return BranchTimeliness(branch: row[0], name: row[1], mark: mark,
                                    completeAt: mark == .notExpected ? nil : completeAt)
        }
        return MonthTimeliness(month: month, monthEnd: monthEnd, deadline: deadline, workdays: workdays, branches: branches)
    }
}
