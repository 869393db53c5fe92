import TaizhangCore

/// Dates and times as the report's reader reads them: in the bureau's time zone, in words of
/// the report's language (`2026年12月2日 08:00`, `2026-12-02 08:00`), never UTC codes.
public struct ReportTime: Sendable {
    public let zone: BureauTimeZone
    public let language: ReportLanguage

    public init(zoneIdentifier: String, language: ReportLanguage) {
        zone = BureauTimeZone(identifier: zoneIdentifier) ?? .default
        self.language = language
    }

    /// `2026年11月` / `November 2026`.
    public func month(_ month: YearMonth) -> String {
        language == .zh ? "\(month.year)年\(month.month)月" : "\(Self.monthNames[month.month - 1]) \(month.year)"
    }

    /// `2026年12月2日` / `2 December 2026`.
    public func date(_ date: CivilDate) -> String {
        language == .zh ? "\(date.year)年\(date.month)月\(date.day)日"
            : "\(date.day) \(Self.monthNames[date.month - 1]) \(date.year)"
    }

    /// The civil date and the time to the minute at `instant`, in the bureau's zone.
    public func dateTime(_ instant: Timestamp) -> String {
        let day = zone.date(at: instant)
        let minutes = (instant.millisecondsSinceEpoch - zone.startOfDay(day).millisecondsSinceEpoch) / 60_000
        let clock = Self.pad(Int(minutes / 60)) + ":" + Self.pad(Int(minutes % 60))
        return date(day) + " " + clock
    }

    /// A date and time followed by the zone's name: `（北京时间）` for China's zones.
    public func dateTimeWithZone(_ instant: Timestamp) -> String {
        dateTime(instant) + (language == .zh ? "（\(zoneName)）" : " (\(zoneName))")
    }

    /// 北京时间 (Beijing time) for China's standard time, else the zone's identifier.
    public var zoneName: String {
        let china = ["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC"].contains(zone.identifier)
        return china ? (language == .zh ? "北京时间" : "Beijing time") : zone.identifier
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
