/// How many working days after a month ends its report is due: `report_deadline_workdays`
/// from the hub's TOML file, else the hub's stored settings (`taizhang-hub settings`), else 5.
public enum ReportDeadline {
    public static let defaultWorkdays = ReportSettings.defaultDeadlineWorkdays

    public static func workdays(config: HubConfig?, stored: ReportSettings) -> Int {
        stored.overridden(by: config?.report ?? ReportSettings()).deadlineWorkdays
    }
}
