import ConfigFiles
import TaizhangCore

/// The hub's configuration file (`taizhang-hub --config FILE`, TOML). Flags override it.
public struct HubConfig: Sendable, Equatable {
    /// The file it was read from.
    public var path: String
    /// The hub's folder, already resolved against the file's folder.
    public var data: String?
    /// Where `serve` accepts agents, e.g. `tcp://*:7447`.
    public var bind: String?
    /// Hours without contact after which `branches` calls a branch silent.
    public var silentAfterHours: Int?
    /// The bureau's time zone, which decides when a month ends in exports.
    public var timeZone: String?
    /// The report settings the file sets (bureau_name, preparer, reviewer, head,
    /// report_deadline_workdays); they win over those stored in the hub database.
    public var report = ReportSettings()
    /// The language of messages and help, `zh` or `en` (`--lang` and `$TAIZHANG_LANG` win).
    public var lang: String?

    public static let keys = ["data", "bind", "silent_after_hours", "time_zone"] + ReportSettings.Key.allCases.map(\.rawValue) + ["lang"]
    public static let silentAfterHoursRange = 1...(24 * 366)

    public init(path: String, data: String? = nil, bind: String? = nil, silentAfterHours: Int? = nil, timeZone: String? = nil) {
        self.path = path
        self.data = data
        self.bind = bind
        self.silentAfterHours = silentAfterHours
        self.timeZone = timeZone
    }

    /// Reads and checks the file: unknown keys, values of the wrong type or out of range are
    /// refused with a `ConfigError` naming the file and the key.
    public static func load(path: String) throws -> HubConfig {
        let file = try ConfigFile(path: path, knownKeys: keys)
        var config = HubConfig(path: path, data: try file.folder("data"), bind: try file.string("bind"),
                               silentAfterHours: try file.integer("silent_after_hours"), timeZone: try file.string("time_zone"))
        config.lang = try file.string("lang")
        for key in ReportSettings.Key.allCases {
            let text = key == .reportDeadlineWorkdays ? try file.integer(key.rawValue).map(String.init) : try file.string(key.rawValue)
            guard let text else { continue }
            do {
                config.report.set(key, try ReportSettings.check(key, text))
            } catch {
                throw ConfigError.invalidValue(path: path, key: key.rawValue, problem: error.configProblem)
            }
        }
        if let hours = config.silentAfterHours, !silentAfterHoursRange.contains(hours) {
            throw ConfigError.invalidValue(path: path, key: "silent_after_hours", problem: .hoursOutOfRange(silentAfterHoursRange, found: hours))
        }
        if let zone = config.timeZone, BureauTimeZone(identifier: zone) == nil {
            throw ConfigError.invalidValue(path: path, key: "time_zone", problem: .unknownTimeZone(zone))
        }
        if let bind = config.bind, !bind.contains("://") {
            throw ConfigError.invalidValue(path: path, key: "bind", problem: .notAnEndpoint(bind))
        }
        return config
    }
}
