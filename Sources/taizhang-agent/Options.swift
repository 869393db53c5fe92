import AgentKit
import ArgumentParser
import TaizhangCore

/// Where the office's ledger lives.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The ledger folder (default $TAIZHANG_AGENT_DATA, else ~/.local/share/taizhang/agent).", valueName: "dir"))
    var data: String?

    var directory: AgentDirectory { AgentDirectory.resolve(data) }
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
