import ArgumentParser
import HubKit
import TaizhangCommandLine
import TaizhangCore
import TaizhangText

/// Where the hub's database and keys live, and the hub's configuration file if one is given.
struct HubDataOptions: ParsableArguments {
    // Read only when given.
    @Option(help: ArgumentHelp(Message.optConfigHub(), valueName: "file"),
            transform: { path in Result { try HubConfig.load(path: path) } })
    var config: Result<HubConfig, Error>?

    @Option(name: .customLong("data"), help: ArgumentHelp(Message.optDataHub(), valueName: "dir"))
    var dataFlag: String?

    /// The configuration file, once `validate()` has accepted it.
    var file: HubConfig? { try? config?.get() }

    /// `--data`, else the file's `data` (nil: `HubDirectory.resolve` falls back to
    /// `$TAIZHANG_HUB_DATA`, then the default).
    var data: String? { dataFlag ?? file?.data }

    /// The bureau's time zone for times shown to the operator.
    var timeZone: BureauTimeZone { file?.timeZone.flatMap(BureauTimeZone.init(identifier:)) ?? .default }

    func validate() throws {
        try ConfigFileCheck.validate(config.map { $0.map { (path: $0.path, lang: $0.lang) } })
    }
}
