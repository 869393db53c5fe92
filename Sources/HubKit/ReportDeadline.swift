/// How many working days after a month ends its report is due (hub setting
/// `report_deadline_workdays`, default 5). Read from the hub's TOML file for now; the one place
/// to switch to the hub's settings table.
public enum ReportDeadline {
    public static let defaultWorkdays = 5
    public static let workdaysRange = 1...30

    public static func workdays(config: HubConfig?) -> Int {
        config?.reportDeadlineWorkdays ?? defaultWorkdays
    }
}
