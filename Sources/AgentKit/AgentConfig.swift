import ConfigFiles
import TaizhangCore

/// An office's configuration file (`taizhang-agent --config FILE`, TOML). `init` takes the
/// office's settings from it; every command takes the ledger folder. Flags override it.
public struct AgentConfig: Sendable, Equatable {
    /// The file it was read from.
    public var path: String
    public var branch: String?
    public var name: String?
    /// The hub's endpoint, `tcp://HOST:PORT`.
    public var hub: String?
    public var hubKey: String?
    /// The ledger folder, already resolved against the file's folder.
    public var data: String?
    public var timeZone: String?
    /// The language of messages and help, `zh` or `en` (`--lang` and `$TAIZHANG_LANG` win).
    public var lang: String?

    public static let keys = ["branch", "name", "hub", "hub_key", "data", "time_zone", "lang"]

    public init(path: String, branch: String? = nil, name: String? = nil, hub: String? = nil, hubKey: String? = nil,
                data: String? = nil, timeZone: String? = nil) {
        self.path = path
        self.branch = branch
        self.name = name
        self.hub = hub
        self.hubKey = hubKey
        self.data = data
        self.timeZone = timeZone
    }

    /// Reads and checks the file: unknown keys, values of the wrong type and unknown time
    /// zones are refused with a `ConfigError` naming the file and the key.
    public static func load(path: String) throws -> AgentConfig {
        let file = try ConfigFile(path: path, knownKeys: keys)
        var config = AgentConfig(path: path, branch: try file.string("branch"), name: try file.string("name"),
                                 hub: try file.string("hub"), hubKey: try file.string("hub_key"),
                                 data: try file.folder("data"), timeZone: try file.string("time_zone"))
        config.lang = try file.string("lang")
        if let zone = config.timeZone, BureauTimeZone(identifier: zone) == nil {
            throw ConfigError.invalidValue(path: path, key: "time_zone", problem: .unknownTimeZone(zone))
        }
        return config
    }
}
