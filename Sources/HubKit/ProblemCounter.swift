import Logging
import TaizhangCore

/// Counts what misbehaving peers send and logs it without letting a flood flood the log:
/// the first of each kind at once, then one summary line per kind every ten seconds.
struct ProblemCounter {
    private(set) var totals: [String: Int] = [:]
    private var pending: [String: (count: Int, branch: String, address: String)] = [:]
    private var lastLogged: [String: Int64] = [:]

    mutating func count(_ reason: String, branch: String, address: String, logger: Logger, level: Logger.Level = .notice,
                        detail: String? = nil) {
        totals[reason, default: 0] += 1
        let now = Timestamp.now().millisecondsSinceEpoch
        if let last = lastLogged[reason], now - last < 10_000 {
            let previous = pending[reason]?.count ?? 0
            pending[reason] = (previous + 1, branch, address)
            return
        }
        let suppressed = pending.removeValue(forKey: reason)?.count ?? 0
        lastLogged[reason] = now
        logger.log(level: level, level == .notice ? "refused a message" : "cannot serve a message", metadata: [
            "reason": "\(reason)", "branch": "\(branch)", "address": "\(address)",
            "alsoSince": "\(suppressed)", "total": "\(totals[reason] ?? 0)",
        ].merging(detail.map { ["detail": "\($0)"] } ?? [:]) { $1 })
    }
}
