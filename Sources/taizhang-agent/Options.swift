import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangText

/// Where the office's ledger lives, and the office's configuration file if one is given.
struct DataOptions: ParsableArguments {
    // Read only when given: a clerk's recording command without --config parses nothing.
    @Option(help: ArgumentHelp("Read the office's settings from this TOML file (keys: branch, name, hub, hub_key, data, time_zone); flags override it.", valueName: "file"),
            transform: { path in Result { try AgentConfig.load(path: path) } })
    var config: Result<AgentConfig, Error>?

    @Option(name: .long, help: ArgumentHelp("The ledger folder (default: 'data' in --config, else $TAIZHANG_AGENT_DATA, else ~/.local/share/taizhang/agent).", valueName: "dir"))
    var data: String?

    /// The configuration file, once `validate()` has accepted it.
    var file: AgentConfig? { try? config?.get() }

    /// `--data`, else the file's `data`, else `$TAIZHANG_AGENT_DATA`, else the default.
    var directory: AgentDirectory { AgentDirectory.resolve(data ?? file?.data) }

    func validate() throws {
        if case .failure(let error)? = config {
            StandardStream.printError("taizhang-agent: \(error)")
            throw ExitCode(1)
        }
    }
}

/// Options every recording command takes.
struct RecordOptions: ParsableArguments {
    @OptionGroup var data: DataOptions

    @Option(name: .customLong("on"), help: ArgumentHelp("The date it happened, YYYY-MM-DD (default: today in the bureau's time zone).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("Who records it (default: the logged-in user).", valueName: "name"))
    var clerk: String?
}

/// `--json` for listing commands.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of a table.")
    var json = false
}
