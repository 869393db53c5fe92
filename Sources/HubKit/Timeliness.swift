import TaizhangCore

/// How one office stands for one month's report (DHIS2's reporting-rate idea): the hub held
/// its ledger complete through the month — heard from after the month ended, nothing
/// pending — before the deadline, after it, or not yet.
public enum ReportingMark: String, Sendable, CaseIterable {
    case onTime = "on-time"
    case late
    /// Reported, but the month's deadline is unknown (its year is not in the calendar).
    case reported
    case notReported = "not-reported"
    /// Before the office's enrolment or after its revocation.
    case notExpected = "not-expected"

    /// The mark of an office enrolled at `enrolledAt` (revoked at `revokedAt`) for the month
    /// that ends at `monthEnd`, first complete at `completeAt`.
    public static func classify(enrolledAt: Timestamp, revokedAt: Timestamp?, monthEnd: Timestamp,
                                completeAt: Timestamp?, deadline: Timestamp?) -> ReportingMark {
        guard enrolledAt < monthEnd else { return .notExpected }
        if let revokedAt, revokedAt <= monthEnd { return .notExpected }
        guard let completeAt else { return .notReported }
        guard let deadline else { return .reported }
        return completeAt <= deadline ? .onTime : .late
    }
}

/// One office's mark for a month.
public struct BranchTimeliness: Sendable, Hashable {
    public var branch: String
    public var name: String
    public var mark: ReportingMark
    /// When the hub first held the office's ledger complete through the month.
    public var completeAt: Timestamp?

    public init(branch: String, name: String, mark: ReportingMark, completeAt: Timestamp?) {
        self.branch = branch
        self.name = name
        self.mark = mark
        self.completeAt = completeAt
    }
}

/// A month's reporting: every enrolled office's mark and the counts behind the rates.
public struct MonthTimeliness: Sendable, Hashable {
    public var month: YearMonth
    /// The instant the month ended in the bureau's zone.
    public var monthEnd: Timestamp
    /// Nil when the bureau calendar lacks a year the deadline depends on.
    public var deadline: Timestamp?
    public var workdays: Int
    public var branches: [BranchTimeliness]

    public init(month: YearMonth, monthEnd: Timestamp, deadline: Timestamp?, workdays: Int, branches: [BranchTimeliness]) {
        self.month = month
        self.monthEnd = monthEnd
        self.deadline = deadline
        self.workdays = workdays
        self.branches = branches
    }

    public func count(_ mark: ReportingMark) -> Int {
        var count = 0
        for branch in branches where branch.mark == mark { count += 1 }
        return count
    }
    public var expected: Int { branches.count - count(.notExpected) }
    public var reported: Int { count(.onTime) + count(.late) + count(.reported) }
    public var onTime: Int { count(.onTime) }
    public var late: Int { count(.late) }
    /// Reported over expected, in per mille (nil when nothing was expected).
    public var reportingRatePerMille: Int? { expected == 0 ? nil : reported * 1000 / expected }
    /// On time over expected, in per mille; nil when nothing was expected or the deadline is unknown.
    public var onTimeRatePerMille: Int? { expected == 0 || deadline == nil ? nil : onTime * 1000 / expected }
}
