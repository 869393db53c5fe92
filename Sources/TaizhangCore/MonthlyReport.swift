
/// The monthly consolidated report of one month as of one instant: rows per branch and
/// material with a total per material, each branch's completeness, what the figures were
/// computed from, and how they differ from an earlier export of the same month.
public struct MonthlyReport: Sendable, Hashable {
    /// Whose ledgers it covers: the whole bureau (the hub's export) or one office (the agent's report).
    public enum Scope: Sendable, Hashable {
        case bureau
        case branch(String)
    }

    public var month: YearMonth
    /// Entries stored (at the hub) or recorded (at an office) up to the end of this second count.
    public var asOf: Timestamp
    /// The bureau's time zone: when the month ended, for completeness.
    public var timeZone: String
    public var scope: Scope
    /// Ordered by branch ID.
    public var branches: [BranchStanding]
    /// Branch by branch, each material in order.
    public var rows: [ReportRow]
    /// One per material.
    public var totals: [ReportRow]
    /// SHA-256 (hex) of the canonical JSON of the month and its rows: equal figures, equal hash.
    public var hash: String
    /// The latest earlier export of the month this one follows, if the hub issued one.
    public var earlier: EarlierExport?

    public init(month: YearMonth, asOf: Timestamp, timeZone: String, scope: Scope, branches: [BranchStanding],
                rows: [ReportRow], totals: [ReportRow], hash: String, earlier: EarlierExport?) {
        self.month = month
        self.asOf = asOf
        self.timeZone = timeZone
        self.scope = scope
        self.branches = branches
        self.rows = rows
        self.totals = totals
        self.hash = hash
        self.earlier = earlier
    }

    /// Every branch's ledger is held complete through the end of the month.
    public var isComplete: Bool { branches.allSatisfy(\.complete) }
    /// Ledger entries the figures were computed from, over all branches.
    public var entries: Int64 { branches.reduce(0) { $0 + $1.entries } }
    public var incompleteBranches: [BranchStanding] { branches.filter { !$0.complete } }
}

/// Whether a branch's ledger is complete through the end of the month, and what of it the
/// figures rest on.
public struct BranchStanding: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The hub heard from the branch after the month ended with nothing pending (for an
    /// office's own report: always, as far as its ledger goes).
    public var complete: Bool
    /// When the last entry the figures include was recorded at the office.
    public var lastEntryAt: Timestamp?
    /// How many of the branch's ledger entries the figures include (all of #1 … #entries).
    public var entries: Int64
    /// The ledger's chain at `entries` (docs/PROTOCOL.md, "Chain"): with `entries`, the receipt
    /// that an office's own report and the bureau's export cover exactly the same ledger.
    public var chain: [UInt8]?

    public init(id: String, name: String, complete: Bool, lastEntryAt: Timestamp?, entries: Int64, chain: [UInt8]? = nil) {
        self.id = id
        self.name = name
        self.complete = complete
        self.lastEntryAt = lastEntryAt
        self.entries = entries
        self.chain = chain
    }
}

/// An export of the same month issued before this one: which it was, and what changed since.
public struct EarlierExport: Sendable, Hashable {
    public var asOf: Timestamp
    public var hash: String
    public var issuedAt: Timestamp
    /// Figures that differ, per branch (nil: the total) and material; empty when the hash is equal.
    public var changes: [RowChange]

    public init(asOf: Timestamp, hash: String, issuedAt: Timestamp, changes: [RowChange]) {
        self.asOf = asOf
        self.hash = hash
        self.issuedAt = issuedAt
        self.changes = changes
    }
}

/// One figure that differs from the earlier export.
public struct RowChange: Sendable, Hashable {
    public var branch: String?
    public var material: Material
    public var figure: ReportFigure
    public var earlier: Int64
    public var now: Int64

    public init(branch: String?, material: Material, figure: ReportFigure, earlier: Int64, now: Int64) {
        self.branch = branch
        self.material = material
        self.figure = figure
        self.earlier = earlier
        self.now = now
    }
}
