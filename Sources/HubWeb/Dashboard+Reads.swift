import HubJSON
import HubKit
import TaizhangCore

/// What the pages read, kept while the hub's change count holds (`DashboardCache`): a page
/// costs a query only after an ingest, enrolment, flag or export, never after `serve`'s
/// heartbeat or another operator's login.
extension Dashboard {
    /// Every branch, judged at `now` (a kept reading falls silent on time like a fresh one:
    /// judged again once `now` reaches the first instant at which a branch would).
    func branches(_ now: Timestamp) throws -> [BranchStatus] {
        let database = source.database, silent = source.silentAfterSeconds
        let kept = try cache.value("branches", database: database) {
            JudgedBranches(try database.branches(now: now, silentAfterSeconds: silent), at: now, silentAfterSeconds: silent)
        }
        if kept.holds(at: now) { return kept.branches }
        let judged = JudgedBranches(kept.branches.map { $0.judged(now: now, silentAfterSeconds: silent) }, at: now, silentAfterSeconds: silent)
        try cache.replace("branches", database: database, with: judged)
        return judged.branches
    }

    /// A branch's items in service, its monthly movements and its newest page of entries
    /// (older pages, `?before=`, are read each time: one index seek).
    func branchLedger(_ id: String) throws -> BranchLedger {
        let database = source.database
        return try cache.value("branch:" + id, database: database) {
            BranchLedger(items: try database.itemsInService(branch: id), movements: try database.movements(branch: id),
                         newestEntries: try database.entries(branch: id, before: nil, limit: BranchPage.entriesPerPage))
        }
    }

    func totals() throws -> HubTotals {
        try cache.value("totals", database: source.database) { try source.database.totals() }
    }

    func recentActivity() throws -> [HubActivity] {
        try cache.value("activity", database: source.database) { try source.database.recentActivity(limit: 12) }
    }

    func lastIngestAt() throws -> Timestamp? {
        try cache.value("lastIngest", database: source.database) { try source.database.lastIngestAt() }
    }

    func keys() throws -> [AgentKeyRecord] {
        try cache.value("keys", database: source.database) { try source.database.keys() }
    }

    /// The months' timeliness.
    func timeliness(_ months: [YearMonth]) throws -> [MonthTimeliness] {
        try cache.value("timeliness:" + months.map(\.description).joined(separator: ","), database: source.database) {
            try source.database.timeliness(months: months, zone: source.settings.zone, calendar: source.settings.calendar,
                                           workdays: source.settings.workdays)
        }
    }

    /// Every issued export's standing (HubDatabase.exportStandings): each issue's own part kept
    /// for ever (its as-of is fixed), what has arrived since kept while nothing changed.
    func standings(_ now: Timestamp) throws -> [ExportStanding] {
        let database = source.database, zone = source.settings.zone
        return try cache.value("exports", database: database) {
            let issues = try database.exportIssues()
            let since = try database.restatedSince(HubDatabase.latestOfEachMonth(issues), timeZone: zone, now: now)
            return try issues.map { issue in
                var standing = try cache.fixedValue("issue:\(issue.id):\(issue.hash):\(issue.asOf.millisecondsSinceEpoch)") {
                    try database.exportStanding(of: issue, timeZone: zone)
                }
                standing.restatedSince = since[issue.id] ?? []
                return standing
            }
        }
    }

    /// The health page's figures: all but `serve`'s heartbeat (read live) and the batch
    /// counts (counted at `now` from the batch times kept, which reach a day back from when
    /// they were read: a batch stored since would have changed the count) kept.
    func health(_ now: Timestamp) throws -> HubHealth {
        let database = source.database
        let kept = try cache.value("health", database: database) {
            (health: try database.health(now: now),
             batches: try database.batchTimes(since: Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch - 86_400_000)))
        }
        var health = kept.health
        func since(_ milliseconds: Int64) -> Int64 {
            Int64(kept.batches.count { $0.millisecondsSinceEpoch >= now.millisecondsSinceEpoch - milliseconds })
        }
        health.batchesLastHour = since(3_600_000)
        health.batchesLastDay = since(86_400_000)
        health.serve = try database.serveHeartbeat()
        return health
    }

    /// `totals --by-branch --json`'s text, kept with the totals.
    func totalsJSON() throws -> String {
        try cache.value("totals.json", database: source.database) { HubJSONOutput.totals(try totals()).rendered() }
    }

    /// `branches --json`'s text at `now`: kept with the branches, and written again when
    /// time alone has changed a state (a branch fell silent).
    func branchesJSON(_ now: Timestamp) throws -> String {
        let branches = try branches(now)
        let states = branches.map(\.state)
        let kept = try cache.value("branches.json", database: source.database) {
            KeptJSON(states: states, text: HubJSONOutput.branches(branches).rendered())
        }
        if kept.states == states { return kept.text }
        let text = HubJSONOutput.branches(branches).rendered()
        try cache.replace("branches.json", database: source.database, with: KeptJSON(states: states, text: text))
        return text
    }
}

struct KeptJSON: Sendable {
    var states: [BranchStatus.State]
    var text: String
}

/// Branches judged at one instant, and the span their states hold for: until the first
/// branch still heard from would fall silent (nothing else about a state moves with time).
struct JudgedBranches: Sendable {
    var branches: [BranchStatus]
    var judgedAt: Int64
    var until: Int64

    init(_ branches: [BranchStatus], at now: Timestamp, silentAfterSeconds: Int64) {
        self.branches = branches
        judgedAt = now.millisecondsSinceEpoch
        until = branches.reduce(Int64.max) { first, branch in
            guard branch.state == .current || branch.state == .behind, let heard = branch.lastHeardAt else { return first }
            return min(first, heard.millisecondsSinceEpoch + silentAfterSeconds * 1000 + 1)
        }
    }

    func holds(at now: Timestamp) -> Bool { (judgedAt..<until).contains(now.millisecondsSinceEpoch) }
}

struct BranchLedger: Sendable {
    var items: [ItemState]
    var movements: [MonthlyMovement]
    var newestEntries: [Entry]
}
