import LocalFiles
import TaizhangCore

/// What the timeliness classification needs, resolved once for the CLI and the dashboard
/// alike: the bureau's zone, its calendar (shipped years plus `calendar.txt` in the hub's
/// folder, if present) and the deadline in working days.
public struct ReportingSettings: Sendable {
    public var zone: BureauTimeZone
    public var calendar: BureauCalendar
    public var workdays: Int

    public init(zone: BureauTimeZone, calendar: BureauCalendar, workdays: Int) {
        self.zone = zone
        self.calendar = calendar
        self.workdays = workdays
    }

    /// The local additions file: the shipped format, for days the bureau adds itself.
    public static func localCalendarPath(_ directory: HubDirectory) -> String { directory.path + "/calendar.txt" }

    public static func resolve(directory: HubDirectory, config: HubConfig?, stored: ReportSettings) throws -> ReportingSettings {
        let zoneName = config?.timeZone ?? BureauTimeZone.defaultIdentifier
        guard let zone = BureauTimeZone(identifier: zoneName) else {
            throw HubError.unknownTimeZone(zoneName)
        }
        var calendar = BureauCalendar.shippedCalendar
        let local = localCalendarPath(directory)
        if LocalFile.exists(local) {
            let text: String
            do { text = try LocalFile.read(local) } catch { throw HubError.calendarUnreadable(path: local, detail: "\(error)") }
            do { calendar = try BureauCalendar.withLocalAdditions(text, name: local) } catch { throw HubError.calendar(error) }
        }
        return ReportingSettings(zone: zone, calendar: calendar, workdays: ReportDeadline.workdays(config: config, stored: stored))
    }
}
