import Synchronization
import TaizhangCore

/// Instants as the bureau reads them: civil date and time in its zone, and how long ago.
public struct LocalTime: Sendable {
    public var zone: BureauTimeZone

    public init(zone: BureauTimeZone) { self.zone = zone }

    /// `2026-11-30 17:05` in the bureau's zone. Each minute is worked out once (the zone's
    /// rules through the C library cost a system call and a lock), then remembered.
    public func format(_ instant: Timestamp) -> String {
        let milliseconds = instant.millisecondsSinceEpoch
        let key = Minute(zone: zone.identifier, minute: milliseconds / 60_000 - (milliseconds % 60_000 < 0 ? 1 : 0))
        if let text = Self.formatted.withLock({ $0[key] }) { return text }
        let date = zone.date(at: instant)
        let minutes = (instant.millisecondsSinceEpoch - zone.startOfDay(date).millisecondsSinceEpoch) / 60_000
        let text = "\(date) \(pad(minutes / 60)):\(pad(minutes % 60))"
        Self.formatted.withLock { kept in
            if kept.count >= Self.keptMinutes { kept.removeAll(keepingCapacity: true) }
            kept[key] = text
        }
        return text
    }

    private struct Minute: Hashable {
        var zone: String
        var minute: Int64
    }

    /// At most this many minutes remembered (a few MiB), then forgotten all at once.
    private static let keptMinutes = 100_000
    private static let formatted = Mutex<[Minute: String]>([:])

    /// `3 分钟前` / `3 min ago`, in the largest whole unit.
    public func relative(_ instant: Timestamp, now: Timestamp, language: WebLanguage) -> String {
        let seconds = max(0, (now.millisecondsSinceEpoch - instant.millisecondsSinceEpoch) / 1000)
        let (value, zh, en): (Int64, String, String) =
            seconds < 60 ? (seconds, "秒", "s") :
            seconds < 3600 ? (seconds / 60, "分钟", "min") :
            seconds < 86_400 ? (seconds / 3600, "小时", "h") : (seconds / 86_400, "天", "d")
        return language == .zh ? "\(value) \(zh)前" : "\(value) \(en) ago"
    }

    private func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
