import ArgumentParser
import HubKit
import TaizhangText

/// Where the hub's database and keys live, and the hub's configuration file if one is given.
struct HubDataOptions: ParsableArguments {
    // Read only when given.
    @Option(help: ArgumentHelp("Read the hub's settings from this TOML file (keys: data, bind, silent_after_hours, time_zone, report_deadline_workdays); flags override it.", valueName: "file"),
            transform: { path in Result { try HubConfig.load(path: path) } })
    var config: Result<HubConfig, Error>?

    @Option(name: .customLong("data"), help: ArgumentHelp("The hub's folder (default: 'data' in --config, else $TAIZHANG_HUB_DATA, else ~/.local/share/taizhang/hub).", valueName: "dir"))
    var dataFlag: String?

    /// The configuration file, once `validate()` has accepted it.
    var file: HubConfig? { try? config?.get() }

    /// `--data`, else the file's `data` (nil: `HubDirectory.resolve` falls back to
    /// `$TAIZHANG_HUB_DATA`, then the default).
    var data: String? { dataFlag ?? file?.data }

    func validate() throws {
        if case .failure(let error)? = config {
            StandardStream.printError("taizhang-hub: \(error)")
            throw ExitCode(1)
        }
    }
}
