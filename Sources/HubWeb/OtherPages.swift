import HubKit
import TaizhangCore

/// 月报: every export issued.
public struct ExportsPage: Sendable {
    public struct Row: Sendable {
        public var month: String
        public var asOf: String
        public var hash: String
        public var issuedAt: String
        public var downloads: [Download]
    }

    public struct Download: Sendable {
        public var label: String
        public var href: String
    }

    public var frame: PageFrame
    public var rows: [Row]
    public var empty: Bool

    /// Each issue downloads again as CSV, XLSX and JSON: `export --month M --as-of T` makes
    /// the same bytes from the same as-of.
    public static func make(frame: PageFrame, language: WebLanguage, issues: [ExportIssue], time: LocalTime) -> ExportsPage {
        ExportsPage(frame: frame, rows: issues.map { issue in
            Row(month: issue.month.description, asOf: time.format(issue.asOf), hash: issue.hash, issuedAt: time.format(issue.issuedAt),
                downloads: ["csv", "xlsx", "json"].map { format in
                    Download(label: format.uppercased(),
                             href: "/exports/\(issue.month)?asOf=\(issue.asOf.millisecondsSinceEpoch)&format=\(format)&lang=\(language.rawValue)")
                })
        }, empty: issues.isEmpty)
    }
}

/// 待处理: open flags by kind with what to do, keys waiting for enrolment.
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
    public var keys: [Key]
    public var todoKey: String
    public var hasKeys: Bool
    public var empty: Bool

    public static func make(frame: PageFrame, language: WebLanguage, branches: [BranchStatus], keys: [AgentKeyRecord],
                            time: LocalTime) -> ProblemsPage {
        let lang = language == .en ? "?lang=en" : ""
        let groups = BranchFlag.Kind.allCases.compactMap { kind -> Group? in
            let flags = branches.flatMap { branch in
                branch.flags.filter { $0.kind == kind }.map { flag in
                    Flag(branch: branch.id, href: "/branches/\(URLText.encode(branch.id))\(lang)", seq: flag.seq.map { "#\($0)" } ?? "",
                         detail: flag.detail, at: time.format(flag.at))
                }
            }
            return flags.isEmpty ? nil : Group(kind: kind.rawValue, kindLabel: language.text("flag.\(kind.rawValue)"), todo: language.text("todo.\(kind.rawValue)"), flags: flags)
        }
        let pending = keys.filter { $0.state == .pending }.map { key in
            Key(fingerprint: key.fingerprint, attempts: key.attempts, from: key.address ?? "",
                lastSeen: key.lastSeenAt.map(time.format) ?? "")
        }
        return ProblemsPage(frame: frame, groups: groups, keys: pending, todoKey: language.text("todo.pendingKey"),
                            hasKeys: !pending.isEmpty, empty: groups.isEmpty && pending.isEmpty)
    }
}

/// 系统: ingest activity, refusals by kind, database size, the latest contact.
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
    public var refusals: [Count]
    public var flags: [Count]

    public static func make(frame: PageFrame, language: WebLanguage, health: HubHealth, started: Timestamp, time: LocalTime) -> HealthPage {
        let mib = health.databaseBytes * 10 / (1 << 20)
        let refusals = ["pending", "revoked"].map { Count(label: language.text("key.\($0)"), count: health.refusedKeys[$0] ?? 0) }
        let flags = BranchFlag.Kind.allCases.map { Count(label: language.text("flag.\($0.rawValue)"), count: health.openFlags[$0.rawValue] ?? 0) }
        return HealthPage(frame: frame, entries: health.entries, batchesLastHour: health.batchesLastHour, batchesLastDay: health.batchesLastDay,
                          databaseSize: "\(mib / 10).\(mib % 10) MiB",
                          lastContact: health.lastContactAt.map(time.format) ?? language.text("never"),
                          lastIngest: health.lastIngestAt.map(time.format) ?? language.text("never"),
                          webStarted: time.format(started), refusals: refusals, flags: flags)
    }
}
