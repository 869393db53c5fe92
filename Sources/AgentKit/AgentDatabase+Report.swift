import GRDB
import TaizhangCore

extension AgentDatabase {
    /// This office's own report of `month`, made offline from its ledger with the same
    /// computation as the hub's export: every entry is replayed through the shared rules
    /// (a void counts in the voided entry's month). Complete as far as this ledger goes.
    /// Refuses a month that begins after `now` in the ledger's time zone.
    public func monthlyReport(month: YearMonth, now: Timestamp = .now()) throws -> MonthlyReport {
        let info = try info()
        let asOf = ReportPeriod.wholeSecond(now)
        try ReportPeriod.check(month, asOf: asOf, zone: info.timeZone)
        var replay = LedgerReplay()
        var positions: [Material: MaterialPosition] = [:]
        var last: Entry?
        try forEachEntry(since: 0) { entry, _ in
            last = entry
            guard let step = replay.apply(entry) else { return }
            positions[step.material, default: MaterialPosition()].add(step.movement, in: step.month, reporting: month)
        }
        let standing = BranchStanding(id: info.branch, name: info.name, complete: true,
                                      lastEntryAt: last?.recordedAt, entries: last?.seq ?? 0,
                                      chain: try chain(at: last?.seq ?? 0))
        return MonthlyReport(month: month, asOf: asOf, timeZone: info.timeZone.identifier, scope: .branch(info.branch),
                             branches: [standing], positions: [info.branch: positions], earlier: nil)
    }
}
