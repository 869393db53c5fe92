import Synchronization
import TaizhangCore

/// The standing of every known agent key, read by the ZAP handler's thread and the server's
/// thread, refreshed from the database about once a second — so a revocation reaches open
/// connections within a second or two, and a handshake never waits on SQLite.
final class KeyCache: Sendable {
    private let standings = Mutex<[String: KeyStanding]>([:])
    /// Pending keys noted recently, and how many notes were written this second: a flood of
    /// made-up keys costs at most a few writes a second.
    private let noted = Mutex<(perKey: [String: Int64], second: Int64, count: Int)>(([:], 0, 0))
    static let notesPerSecond = 10
    static let noteIntervalMs: Int64 = 60_000

    func replace(with fresh: [String: KeyStanding]) { standings.withLock { $0 = fresh } }

    func standing(of key: String) -> KeyStanding { standings.withLock { $0[key] ?? .unknown } }

    func note(_ key: String, _ standing: KeyStanding) { standings.withLock { $0[key] = standing } }

    /// Whether a pending key seen now should be written down.
    func shouldNote(_ key: String, at time: Timestamp) -> Bool {
        noted.withLock { state in
            let now = time.millisecondsSinceEpoch
            if let last = state.perKey[key], now - last < Self.noteIntervalMs { return false }
            let second = now / 1000
            if second != state.second { state = (state.perKey, second, 0) }
            guard state.count < Self.notesPerSecond else { return false }
            if state.perKey.count > 10_000 { state.perKey.removeAll() }
            state.perKey[key] = now
            state.count += 1
            return true
        }
    }
}
