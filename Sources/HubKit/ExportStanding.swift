import TaizhangCore

/// An issued export as the dashboard shows it: whether every office's ledger was complete
/// in it, what it restated of the export before it, and what late entries have changed in
/// its figures since (nil: nothing, or a later export of the month already says so).
/// All from `monthlyReport` (the figures the export itself prints), never re-derived.
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
    /// and for each month's latest export what has arrived since (as of `now`).
    public func exportStandings(timeZone: BureauTimeZone, now: Timestamp = .now()) throws -> [ExportStanding] {
        let issues = try exportIssues()
        var latestSeen = Set<YearMonth>()
        return try issues.map { issue in
            // The as-of was accepted when the export was issued: recomputing it is never "in the future".
            let settled = Timestamp(millisecondsSinceEpoch: max(now.millisecondsSinceEpoch, ReportPeriod.end(of: issue.asOf).millisecondsSinceEpoch + 1))
            let report = try monthlyReport(month: issue.month, asOf: issue.asOf, timeZone: timeZone, now: settled)
            var since: [RowChange] = []
            if latestSeen.insert(issue.month).inserted {
                do {
                    let current = try monthlyReport(month: issue.month, asOf: nil, timeZone: timeZone, now: now)
                    if current.earlier?.hash == issue.hash { since = current.earlier?.changes ?? [] }
                } catch is ReportError {
                    // Issued within the last seconds: nothing can have arrived after it yet.
                }
            }
            return ExportStanding(issue: issue, complete: report.isComplete, incomplete: report.incompleteBranches.map(\.id),
                                  restated: report.earlier.flatMap { $0.changes.isEmpty ? nil : $0 }, restatedSince: since)
        }
    }
}
