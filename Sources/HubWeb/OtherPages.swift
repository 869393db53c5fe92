import HubKit
import TaizhangCore
import TaizhangReport
import TaizhangText

/// 月报: every export issued, complete or not, what it restated, and what late entries
/// have changed since the month's latest export.
public struct ExportsPage: Sendable {
    public struct Row: Sendable {
        public var month: String
        public var asOf: String
        public var hash: String
        public var issuedAt: String
        public var complete: Bool
        public var completeLabel: String
        public var incomplete: String
        /// `incomplete` escaped (HTMLRows): the list can name a thousand offices.
        public var incompleteHTML: String
        public var restated: String
        public var restatedChanges: [Change]
        public var restatedChangesHTML: String
        public var hasRestated: Bool
        public var since: String
        public var sinceChanges: [Change]
        public var sinceChangesHTML: String
        public var hasSince: Bool
        public var downloads: [Download]
        /// The month's own page (`/exports/YYYY-MM`), where the changed figures are listed;
        /// `detailHref` is empty on that page itself.
        public var monthHref: String
        public var detailHref: String
    }

    public struct Download: Sendable {
        public var label: String
        public var href: String
    }

    public var frame: PageFrame
    /// This page's issues, newest first; each says how many figures changed, its month's
    /// page lists them.
    public var rows: [Row]
    public var pager: Pager
    public var empty: Bool

    public static let pageSize = 24

    public static func make(frame: PageFrame, language: WebLanguage, standings: [ExportStanding], time: LocalTime,
                            page: Int = 1, pageSize: Int = ExportsPage.pageSize) -> ExportsPage {
        let lang = language == .en ? "?lang=en" : ""
        let pager = Pager(total: standings.count, page: page, size: pageSize, language: language) { Pager.href("/exports" + lang, page: $0) }
        return ExportsPage(frame: frame, rows: standings[pager.range].map { row($0, language: language, time: time) }, pager: pager,
                           empty: standings.isEmpty)
    }

    /// Each issue downloads again as CSV, XLSX and JSON: `export --month M --as-of T` makes
    /// the same bytes from the same as-of. The changed figures themselves only with `changes`
    /// (the month's page; the list gives their number).
    static func row(_ standing: ExportStanding, language: WebLanguage, time: LocalTime, changes: Bool = false) -> Row {
        let issue = standing.issue
        let monthHref = "/exports/\(issue.month)" + (language == .en ? "?lang=en" : "")
        let incomplete = standing.incomplete.joined(separator: ", ")
        let restatedChanges = changes ? Change.list(standing.restated?.changes ?? [], language) : []
        let sinceChanges = changes ? Change.list(standing.restatedSince, language) : []
        return Row(month: issue.month.description, asOf: time.format(issue.asOf), hash: issue.hash, issuedAt: time.format(issue.issuedAt),
                   complete: standing.complete, completeLabel: language.text(standing.complete ? "exportComplete" : "exportIncomplete"),
                   incomplete: incomplete, incompleteHTML: HTMLRows.escape(incomplete),
                   restated: standing.restated.map { language.text("restates", time.format($0.issuedAt), "\($0.changes.count)") } ?? "",
                   restatedChanges: restatedChanges, restatedChangesHTML: HTMLRows.changeTable(restatedChanges, language), hasRestated: standing.restated != nil,
                   since: standing.restatedSince.isEmpty ? "" : language.text("restatedSince", "\(standing.restatedSince.count)"),
                   sinceChanges: sinceChanges, sinceChangesHTML: HTMLRows.changeTable(sinceChanges, language), hasSince: !standing.restatedSince.isEmpty,
                   downloads: ["csv", "xlsx", "json"].map { format in
                       Download(label: format.uppercased(),
                                href: "/exports/\(issue.month)?asOf=\(issue.asOf.millisecondsSinceEpoch)&format=\(format)&lang=\(language.rawValue)")
                   },
                   monthHref: monthHref, detailHref: changes ? "" : monthHref)
    }
}

/// One figure an export restates: where, which, from what to what.
public struct Change: Sendable, Hashable {
    public var branch: String
    public var material: String
    public var figure: String
    public var earlier: Int64
    public var now: Int64

    static func list(_ changes: [RowChange], _ language: WebLanguage) -> [Change] {
        let report: ReportLanguage = language == .zh ? .zh : .en
        return changes.map { change in
            Change(branch: change.branch ?? language.text("bureauTotal"), material: language.text(change.material.rawValue),
                   figure: report.header(change.figure), earlier: change.earlier, now: change.now)
        }
    }
}

/// A month whose latest export late entries have changed: issue it again.
public struct Restatement: Sendable {
    public var month: String
    public var issuedAt: String
    public var summary: String
    public var changes: [Change]
    public var changesHTML: String
}

/// 待处理: open flags by kind with what to do, late entries that restate an issued export,
/// keys waiting for enrolment.
public struct ProblemsPage: Sendable {
    public struct Group: Sendable {
        public var kind: String
        public var kindLabel: String
        public var todo: String
        public var flags: [Flag]
    }

    public struct Flag: Sendable {
        public var branch: String
        public var href: String
        public var seq: String
        public var detail: String
        public var at: String
    }

    public struct Key: Sendable {
        public var fingerprint: String
        public var attempts: Int64
        public var from: String
        public var lastSeen: String
    }

    public var frame: PageFrame
    public var groups: [Group]
    public var restatements: [Restatement]
    public var hasRestatements: Bool
    public var keys: [Key]
    public var todoKey: String
    public var hasKeys: Bool
    public var empty: Bool

    public static func make(frame: PageFrame, language: WebLanguage, branches: [BranchStatus], keys: [AgentKeyRecord],
                            exports: [ExportStanding], time: LocalTime) -> ProblemsPage {
        let lang = language == .en ? "?lang=en" : ""
        let groups = BranchFlag.Kind.allCases.compactMap { kind -> Group? in
            let flags = branches.flatMap { branch in
                branch.flags.filter { $0.kind == kind }.map { flag in
                    Flag(branch: branch.id, href: "/branches/\(URLText.encode(branch.id))\(lang)", seq: flag.seq.map { "#\($0)" } ?? "",
                         detail: FlagWording.sentence(flag.wording, detail: flag.detail, language.catalogue), at: time.format(flag.at))
                }
            }
            return flags.isEmpty ? nil : Group(kind: kind.rawValue, kindLabel: language.text("flag.\(kind.rawValue)"), todo: language.text("todo.\(kind.rawValue)"), flags: flags)
        }
        let pending = keys.filter { $0.state == .pending }.map { key in
            Key(fingerprint: key.fingerprint, attempts: key.attempts, from: key.address ?? "",
                lastSeen: key.lastSeenAt.map(time.format) ?? "")
        }
        let restatements = exports.filter { !$0.restatedSince.isEmpty }.map { standing in
            let changes = Change.list(standing.restatedSince, language)
            return Restatement(month: standing.issue.month.description, issuedAt: time.format(standing.issue.issuedAt),
                        summary: language.text("restatedSince", "\(standing.restatedSince.count)"),
                        changes: changes, changesHTML: HTMLRows.changes(changes))
        }
        return ProblemsPage(frame: frame, groups: groups, restatements: restatements, hasRestatements: !restatements.isEmpty,
                            keys: pending, todoKey: language.text("todo.pendingKey"),
                            hasKeys: !pending.isEmpty, empty: groups.isEmpty && pending.isEmpty && restatements.isEmpty)
    }
}

/// 系统: `serve`'s heartbeat, ingest activity, refusals by kind, database size, the latest contact.
public struct HealthPage: Sendable {
    public struct Count: Sendable {
        public var label: String
        public var count: Int64
    }

    public var frame: PageFrame
    public var entries: Int64
    public var batchesLastHour: Int64
    public var batchesLastDay: Int64
    public var databaseSize: String
    public var lastContact: String
    public var lastIngest: String
    public var webStarted: String
    /// `serve`'s heartbeat: when, how long ago, and whether it is still beating.
    public var serveBeat: String
    public var serveStarted: String
    public var serveState: String
    public var serveAlive: Bool
    public var refusals: [Count]
    public var flags: [Count]

    public static func make(frame: PageFrame, language: WebLanguage, health: HubHealth, started: Timestamp, time: LocalTime,
                            now: Timestamp) -> HealthPage {
        let mib = health.databaseBytes * 10 / (1 << 20)
        // Three heartbeats missed: the serving process is gone or stuck.
        let serveAlive = health.serve.map { now.millisecondsSinceEpoch - $0.beatAt.millisecondsSinceEpoch <= 3 * HubDatabase.heartbeatSeconds * 1000 } ?? false
        let refusals = ["pending", "revoked"].map { Count(label: language.text("key.\($0)"), count: health.refusedKeys[$0] ?? 0) }
        let flags = BranchFlag.Kind.allCases.map { Count(label: language.text("flag.\($0.rawValue)"), count: health.openFlags[$0.rawValue] ?? 0) }
        return HealthPage(frame: frame, entries: health.entries, batchesLastHour: health.batchesLastHour, batchesLastDay: health.batchesLastDay,
                          databaseSize: "\(mib / 10).\(mib % 10) MiB",
                          lastContact: health.lastContactAt.map(time.format) ?? language.text("never"),
                          lastIngest: health.lastIngestAt.map(time.format) ?? language.text("never"),
                          webStarted: time.format(started),
                          serveBeat: health.serve.map { "\(time.format($0.beatAt)) (\(time.relative($0.beatAt, now: now, language: language)))" }
                              ?? language.text("never"),
                          serveStarted: health.serve.map { time.format($0.startedAt) } ?? "—",
                          serveState: language.text(serveAlive ? "serveRunning" : health.serve == nil ? "serveNever" : "serveStopped"),
                          serveAlive: serveAlive, refusals: refusals, flags: flags)
    }
}
