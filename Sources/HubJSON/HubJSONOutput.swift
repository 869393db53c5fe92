import HubKit
import TaizhangCore
import TaizhangText

/// The JSON the hub prints with `--json` and the dashboard serves under /api/: one builder,
/// so both say exactly the same.
public enum HubJSONOutput {
    /// `totals --json` (and `--by-branch --json`), `/api/totals`.
    public static func totals(_ totals: HubTotals) -> JSONValue {
        .object([
            ("bureau", totals.bureau.json),
            ("branches", .object(totals.branches.keys.sorted().map { ($0, (totals.branches[$0] ?? Inventory()).json) })),
        ])
    }

    /// `branches --json`, `/api/branches`.
    public static func branches(_ branches: [BranchStatus]) -> JSONValue {
        .array(branches.map(branch))
    }

    public static func branch(_ branch: BranchStatus) -> JSONValue {
        .object([
            ("branch", .string(branch.id)), ("name", .string(branch.name)), ("state", .string(branch.state.rawValue)),
            ("heldSeq", .int(branch.heldSeq)), ("agentLastSeq", .int(branch.agentLastSeq)), ("pending", .int(branch.pending)),
            ("lastHeardAt", stamp(branch.lastHeardAt)),
            ("lastEntryAt", stamp(branch.lastEntryAt)),
            ("incarnation", .optional(branch.incarnation)), ("publicKey", .string(branch.publicKey)),
            ("enrolledAt", .string(branch.enrolledAt.description)),
            ("revokedAt", stamp(branch.revokedAt)),
            ("flags", .array(branch.flags.map { flag in
                .object([("kind", .string(flag.kind.rawValue)), ("seq", .optional(flag.seq)),
                         ("detail", .string(flag.detail)), ("at", .string(flag.at.description))])
            })),
        ])
    }

    /// `branches --month YYYY-MM --json`, `/api/timeliness?month=`.
    public static func timeliness(_ month: MonthTimeliness) -> JSONValue {
        .object([
            ("month", .string(month.month.description)),
            ("monthEnd", .string(month.monthEnd.description)),
            ("deadline", stamp(month.deadline)),
            ("deadlineWorkdays", .int(Int64(month.workdays))),
            ("expected", .int(Int64(month.expected))),
            ("reported", .int(Int64(month.reported))),
            ("onTime", .int(Int64(month.onTime))),
            ("late", .int(Int64(month.late))),
            ("notReported", .int(Int64(month.count(.notReported)))),
            ("notExpected", .int(Int64(month.count(.notExpected)))),
            ("branches", .array(month.branches.map { row in
                .object([("branch", .string(row.branch)), ("name", .string(row.name)), ("mark", .string(row.mark.rawValue)),
                         ("completeAt", stamp(row.completeAt))])
            })),
        ])
    }

    /// The rate line under `branches --month`: "7 of 8 offices reported, 6 on time".
    public static func rateLine(_ month: MonthTimeliness) -> String {
        let onTime = month.deadline == nil ? "deadline unknown (the bureau calendar lacks the year)" : "\(month.onTime) on time"
        return "\(month.reported) of \(month.expected) offices reported, \(onTime)"
    }

    static func stamp(_ time: Timestamp?) -> JSONValue { time.map { .string($0.description) } ?? .null }
}
