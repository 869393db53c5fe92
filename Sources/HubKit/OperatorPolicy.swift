/// The dashboard's session and lockout rules, in milliseconds.
public enum OperatorPolicy {
    public static let idleTimeout: Int64 = 30 * 60_000
    public static let failureWindow: Int64 = 10 * 60_000
    public static let lockout: Int64 = 15 * 60_000
    public static let failuresToLock = 5

    /// Until when an account is locked given its failure times (ascending) since its last
    /// success: 5 within 10 minutes lock it for 15 minutes after the fifth.
    public static func lockedUntil(failures: [Int64], now: Int64) -> Int64? {
        guard failures.count >= failuresToLock else { return nil }
        var until: Int64?
        for index in (failuresToLock - 1)..<failures.count
        where failures[index] - failures[index - failuresToLock + 1] <= failureWindow {
            let end = failures[index] + lockout
            if now < end { until = max(until ?? end, end) }
        }
        return until
    }
}
