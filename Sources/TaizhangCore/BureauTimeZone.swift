#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The bureau's time zone, which decides what "today" is for a clerk (default Asia/Shanghai).
public struct BureauTimeZone: Sendable, Hashable, CustomStringConvertible {
    public static let defaultIdentifier = "Asia/Shanghai"
    public static let `default` = BureauTimeZone(validated: defaultIdentifier)

    public let identifier: String

    private init(validated identifier: String) { self.identifier = identifier }

    /// Accepts an IANA zone name found in the system's zoneinfo, or `UTC`.
    public init?(identifier: String) {
        guard identifier == "UTC" || identifier == Self.defaultIdentifier
                || Self.zoneFileExists(identifier) else { return nil }
        self.identifier = identifier
    }

    public var description: String { identifier }

    /// The civil date at `instant` in this zone.
    public func date(at instant: Timestamp = .now()) -> CivilDate {
        var seconds = time_t(instant.millisecondsSinceEpoch.floorDiv(1000))
        var parts = tm()
        Self.withZone(tzValue) { _ = localtime_r(&seconds, &parts) }
        return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }

    /// `instant` as a person reads it in this zone: "2026-12-02 02:23".
    public func clockTime(at instant: Timestamp) -> String {
        var seconds = time_t(instant.millisecondsSinceEpoch.floorDiv(1000))
        var parts = tm()
        Self.withZone(tzValue) { _ = localtime_r(&seconds, &parts) }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let date = CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        return "\(date.map { "\($0)" } ?? "?") \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }

    /// The first instant of `date` in this zone, in UTC milliseconds.
    public func startOfDay(_ date: CivilDate) -> Timestamp {
        let midnightUTC = Int64(date.daysSinceEpoch) * 86_400_000
        var seconds = time_t(midnightUTC / 1000)
        var parts = tm()
        Self.withZone(tzValue) { _ = localtime_r(&seconds, &parts) }
        return Timestamp(millisecondsSinceEpoch: midnightUTC - Int64(parts.tm_gmtoff) * 1000)
    }

    /// China has kept UTC+8 without daylight saving since 1991, so the default zone works
    /// even on a machine without tzdata.
    private var tzValue: String {
        if identifier == Self.defaultIdentifier, !Self.zoneFileExists(identifier) { return "CST-8" }
        return identifier
    }

    private static func zoneFileExists(_ identifier: String) -> Bool {
        guard !identifier.isEmpty, !identifier.contains(".."), !identifier.hasPrefix("/") else { return false }
        return access("/usr/share/zoneinfo/" + identifier, R_OK) == 0
    }

    /// Serialises changes to the process-wide `TZ` variable.
    private static let lock = Mutex(())

    private static func withZone(_ value: String, _ body: () -> Void) {
        lock.withLock { _ in
            if getenv("TZ").map({ String(cString: $0) }) != value {
                setenv("TZ", value, 1)
                tzset()
            }
            body()
        }
    }
}
