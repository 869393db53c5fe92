import GRDB
import TaizhangCore

/// An issued export as the dashboard shows it: whether every office's ledger was complete
/// in it, what it restated of the export before it, and what late entries have changed in
/// its figures since (nil: nothing, or a later export of the month already says so).
/// Read from the export's own records and logs, as `monthlyReport` reads them — never
/// re-derived another way, and never in a writing transaction.
public struct ExportStanding: Sendable, Hashable {
    public var issue: ExportIssue
    public var complete: Bool
    /// The offices whose ledgers were not complete through the month in this export.
    public var incomplete: [String]
    /// The earlier export of the month this one restated, with the figures that changed
    /// (nil when it was the first, or repeated the earlier figures).
    public var restated: EarlierExport?
    /// Only for the month's latest export: the figures entries stored after it have changed.
    public var restatedSince: [RowChange]
}

extension HubDatabase {
    /// Every export issued, newest first, each with its standing as of its own as-of time,
    /// and for each month's latest export what has arrived since (as of `now`). One read
    /// transaction: a consistent view beside `serve`, which it never blocks.
    public func exportStandings(timeZone: BureauTimeZone, now: Timestamp = .now()) throws -> [ExportStanding] {
        try read { db in
            let issues = try Self.exportIssues(db)
            let since = try Self.restatedSince(Self.latestOfEachMonth(issues), timeZone: timeZone, now: now, in: db)
            return try issues.map { issue in
                var standing = try Self.standing(of: issue, timeZone: timeZone, in: db)
                standing.restatedSince = since[issue.id] ?? []
                return standing
            }
        }
    }

    /// The part of an issue's standing fixed by its as-of (complete, incomplete, restated):
    /// the same whenever it is read, so a caller may keep it. `restatedSince` is empty.
    public func exportStanding(of issue: ExportIssue, timeZone: BureauTimeZone) throws -> ExportStanding {
        try read { db in try Self.standing(of: issue, timeZone: timeZone, in: db) }
    }

    /// What entries stored after each of `issues` have changed in its month's figures as the
    /// hub holds them now (the rows `export` without --as-of would print), for each that is
    /// still its month's latest export then; by issue ID, empty for the others.
    public func restatedSince(_ issues: [ExportIssue], timeZone: BureauTimeZone, now: Timestamp = .now()) throws -> [Int64: [RowChange]] {
        try read { db in try Self.restatedSince(issues, timeZone: timeZone, now: now, in: db) }
    }

    static func standing(of issue: ExportIssue, timeZone: BureauTimeZone, in db: Database) throws -> ExportStanding {
        let end = ReportPeriod.end(of: issue.asOf).millisecondsSinceEpoch
        let monthEnd = timeZone.startOfDay(issue.month.followingMonth.firstDay).millisecondsSinceEpoch
        var incomplete: [String] = []
        for branch in try ExportQuery.branches(db, through: end)
        where try !ExportQuery.caughtUp(db, branch: branch.id, from: monthEnd, through: end) {
            incomplete.append(branch.id)
        }
        var restated: EarlierExport?
        if let earlier = try ExportQuery.earlierExport(db, month: issue.month, asOf: issue.asOf.millisecondsSinceEpoch, through: end),
           earlier.hash != issue.hash {
            let changes = MonthlyReport.changes(from: earlier.rows, to: try ExportQuery.figures(db, issue: issue.id))
            if !changes.isEmpty {
                restated = EarlierExport(asOf: earlier.asOf, hash: earlier.hash, issuedAt: earlier.issuedAt, changes: changes)
            }
        }
        return ExportStanding(issue: issue, complete: incomplete.isEmpty, incomplete: incomplete, restated: restated, restatedSince: [])
    }

    /// The current report's comparison with its earlier export, when that is the issue; the
    /// as-of is the one `monthlyReport(asOf: nil)` would choose (at or after every stamp, so the
    /// logs' latest rows are the tables' rows, read once for all months), but nothing is answered.
    static func restatedSince(_ issues: [ExportIssue], timeZone: BureauTimeZone, now: Timestamp,
                              in db: Database) throws -> [Int64: [RowChange]] {
        let clock = try ExportLog.readings(db)
        let created = try Int64.fetchOne(db, sql: "SELECT value FROM hub_fact WHERE name = 'created_at'") ?? 0
        let asOf = max(ReportPeriod.wholeSecond(Timestamp(millisecondsSinceEpoch: max(now.millisecondsSinceEpoch, clock.clock))),
                       ReportPeriod.wholeSecond(Timestamp(millisecondsSinceEpoch: created)))
        let end = ReportPeriod.end(of: asOf).millisecondsSinceEpoch
        var earlier: [Int64: MonthlyReport.Issued] = [:]
        for issue in issues where (try? ReportPeriod.check(issue.month, asOf: asOf, zone: timeZone)) != nil {
            if let found = try ExportQuery.earlierExport(db, month: issue.month, asOf: asOf.millisecondsSinceEpoch, through: end),
               found.hash == issue.hash {
                earlier[issue.id] = found
            }
        }
        let months = Set(issues.filter { earlier[$0.id] != nil }.map(\.month))
        guard !months.isEmpty else { return [:] }
        let positions = try ExportQuery.currentPositions(db, months: Array(months))
        let branches = try ExportQuery.branches(db, through: end)
        var result: [Int64: [RowChange]] = [:]
        for issue in issues {
            guard let issued = earlier[issue.id], let byBranch = positions[issue.month] else { continue }
            let rows = branches.flatMap { branch in
                Material.allCases.map { ReportRow(branch: branch.id, material: $0, position: byBranch[branch.id]?[$0] ?? MaterialPosition()) }
            }
            guard MonthlyReport.contentHash(month: issue.month, rows: rows) != issued.hash else { continue }
            result[issue.id] = MonthlyReport.changes(from: issued.rows, to: rows + Material.allCases.map { ReportRow.total(of: rows, material: $0) })
        }
        return result
    }

    /// The first of each month's issues in `issues` (newest first): each month's latest.
    public static func latestOfEachMonth(_ issues: [ExportIssue]) -> [ExportIssue] {
        var seen = Set<YearMonth>()
        return issues.filter { seen.insert($0.month).inserted }
    }

    static func exportIssues(_ db: Database) throws -> [ExportIssue] {
        try Row.fetchAll(db, sql: "SELECT id, month, as_of, hash, issued_at FROM export_issue ORDER BY issued_at DESC, id DESC")
            .compactMap { row -> ExportIssue? in
                guard let month = YearMonth(row[1] as String) else { return nil }
                return ExportIssue(id: row[0], month: month, asOf: Timestamp(millisecondsSinceEpoch: row[2]), hash: row[3],
                                   issuedAt: Timestamp(millisecondsSinceEpoch: row[4]))
            }
    }
}

private extension YearMonth {
    var followingMonth: YearMonth {
        month == 12 ? YearMonth(year: year + 1, month: 1)! : YearMonth(year: year, month: month + 1)!
    }
}
