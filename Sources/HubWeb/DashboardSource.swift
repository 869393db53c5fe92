import HubKit
import TaizhangCore

/// Where the dashboard reads from and how it judges: the hub's database (a WAL reader beside
/// `serve`), the reporting settings, and the CLI's own silence threshold.
public struct DashboardSource: Sendable {
    public var directory: HubDirectory
    public var database: HubDatabase
    public var settings: ReportingSettings
    public var silentAfterSeconds: Int64
    /// The report settings of the hub's TOML file, which win over the stored ones (as for `export`).
    public var fileReportSettings: ReportSettings
    /// Serve cookies with `Secure` (the dashboard runs under TLS).
    public var secureCookies: Bool
    /// The clock, injectable so tests can let a session expire.
    public var now: @Sendable () -> Timestamp

    public init(directory: HubDirectory, config: HubConfig?, secureCookies: Bool = false,
                now: @escaping @Sendable () -> Timestamp = { .now() }) throws {
        self.directory = directory
        database = try directory.open()
        try database.useLargeReadCache()
        settings = try ReportingSettings.resolve(directory: directory, config: config, stored: try database.reportSettings())
        silentAfterSeconds = Int64(config?.silentAfterHours ?? 24) * 3600
        fileReportSettings = config?.report ?? ReportSettings()
        self.secureCookies = secureCookies
        self.now = now
    }

    public var time: LocalTime { LocalTime(zone: settings.zone) }

    public func timeliness(_ month: YearMonth) throws -> MonthTimeliness {
        try database.timeliness(month: month, zone: settings.zone, calendar: settings.calendar, workdays: settings.workdays)
    }

    /// The month before the one `instant` falls in, in the bureau's zone.
    public func lastClosedMonth(at instant: Timestamp) -> YearMonth {
        let today = settings.zone.date(at: instant)
        return today.month == 1 ? YearMonth(year: today.year - 1, month: 12)! : YearMonth(year: today.year, month: today.month - 1)!
    }
}
