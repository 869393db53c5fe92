import GRDB
import TaizhangCore

extension HubDatabase {
    /// When this hub was created (for a hub older than its export logs: its first recorded event).
    public func createdAt() throws -> Timestamp {
        try read { db in
            Timestamp(millisecondsSinceEpoch: try Int64.fetchOne(db, sql: "SELECT value FROM hub_fact WHERE name = 'created_at'") ?? 0)
        }
    }

    /// The consolidated report of `month` as of `asOf` (a whole second, included to its end;
    /// default: the second that holds the hub's latest stamp or `now`, whichever is later, so
    /// every batch acknowledged before the call is in). It reads only what the ingest clock
    /// had stamped by then (ExportLog+Clock.swift), and nothing can be stamped there later,
    /// so the same as-of gives the same report whenever it is run, whatever the wall clock
    /// does. It compares with the latest earlier export of the month that had been issued by then.
    ///
    /// Refuses an as-of in the future (ending after `now`, unless answered before) or before the
    /// hub existed, and a month that begins after the as-of (in `timeZone`, which also decides
    /// when the month ended).
    public func monthlyReport(month: YearMonth, asOf requested: Timestamp?, timeZone: BureauTimeZone,
                              now: Timestamp = .now()) throws -> MonthlyReport {
        // An IMMEDIATE transaction: no ingest is half-way while the figures are read.
        try write { db in
            let created = Timestamp(millisecondsSinceEpoch: try Int64.fetchOne(
                db, sql: "SELECT value FROM hub_fact WHERE name = 'created_at'") ?? 0)
            let asOf: Timestamp
            let clock = try ExportLog.readings(db)
            if let requested {
                asOf = ReportPeriod.wholeSecond(requested)
                // Past if the wall clock says so, or if it was answered before (nothing can be stamped there any more).
                let horizon = max(now.millisecondsSinceEpoch, clock.answered + 1)
                guard ReportPeriod.end(of: asOf).millisecondsSinceEpoch < horizon else {
                    throw ReportError.asOfInFuture(asOf, now: ReportPeriod.wholeSecond(Timestamp(millisecondsSinceEpoch: horizon)))
                }
            } else {
                // A hub created a moment ago exports as of its first second.
                asOf = max(ReportPeriod.wholeSecond(Timestamp(millisecondsSinceEpoch: max(now.millisecondsSinceEpoch, clock.clock))),
                           ReportPeriod.wholeSecond(created))
            }
            guard asOf >= ReportPeriod.wholeSecond(created) else { throw ReportError.asOfBeforeHub(asOf, created: created) }
            try ReportPeriod.check(month, asOf: asOf, zone: timeZone)
            let end = ReportPeriod.end(of: asOf).millisecondsSinceEpoch
            try ExportLog.answered(through: end, in: db)
            let next = month.month == 12 ? YearMonth(year: month.year + 1, month: 1)! : YearMonth(year: month.year, month: month.month + 1)!
            let monthEnd = timeZone.startOfDay(next.firstDay).millisecondsSinceEpoch
            let standings = try ExportQuery.branches(db, through: end).map { branch in
                let held = try ExportQuery.held(db, branch: branch.id, through: end)
                return BranchStanding(id: branch.id, name: branch.name,
                                      complete: try ExportQuery.caughtUp(db, branch: branch.id, from: monthEnd, through: end),
                                      lastEntryAt: held.lastEntryAt, entries: held.entries,
                                      chain: try ExportQuery.chain(db, branch: branch.id, seq: held.entries))
            }
            return MonthlyReport(
                month: month, asOf: asOf, timeZone: timeZone.identifier, scope: .bureau, branches: standings,
                positions: try ExportQuery.positions(db, month: month, through: end),
                earlier: try ExportQuery.earlierExport(db, month: month, asOf: asOf.millisecondsSinceEpoch, through: end))
        }
    }

    /// Remembers that `report` was issued, with its figures, so a later export of the same
    /// month can say what it restates. Issuing the same figures as of the same time again
    /// changes nothing. Returns the records it made, for `forgetExports`.
    @discardableResult
    public func recordExport(_ report: MonthlyReport, issuedAt: Timestamp) throws -> [Int64] {
        try recordExports([report], issuedAt: issuedAt)
    }

    /// Records several reports (a `--flat` span of months) in one transaction.
    @discardableResult
    public func recordExports(_ reports: [MonthlyReport], issuedAt: Timestamp) throws -> [Int64] {
        try write { db in try reports.compactMap { try Self.recordExport($0, issuedAt: issuedAt, in: db) } }
    }

    /// Takes back records `recordExport` made, when the file they describe could not be put in place.
    public func forgetExports(_ issues: [Int64]) throws {
        guard !issues.isEmpty else { return }
        try write { db in
            for issue in issues {
                try db.execute(sql: "DELETE FROM export_figure WHERE issue = ?", arguments: [issue])
                try db.execute(sql: "DELETE FROM export_issue WHERE id = ?", arguments: [issue])
            }
        }
    }

    private static func recordExport(_ report: MonthlyReport, issuedAt: Timestamp, in db: Database) throws -> Int64? {
        let issuedAt = try ExportLog.stamp(issuedAt, in: db)
        try db.execute(sql: "INSERT OR IGNORE INTO export_issue (month, as_of, hash, issued_at) VALUES (?, ?, ?, ?)",
                       arguments: [report.month.description, report.asOf.millisecondsSinceEpoch, report.hash,
                                   issuedAt.millisecondsSinceEpoch])
        guard db.changesCount > 0 else { return nil }
        let issue = db.lastInsertedRowID
        for row in report.rows + report.totals {
            try db.cachedStatement(sql: """
                INSERT INTO export_figure (issue, branch, material, opening, inflow, outflow, adjusted, closing, standard)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [issue, row.branch ?? "", row.material.rawValue, row.opening, row.inflow,
                                         row.outflow, row.adjusted, row.closing, row.standard])
        }
        return issue
    }
}
