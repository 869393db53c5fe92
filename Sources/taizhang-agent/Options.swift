import AgentKit
import ArgumentParser
import TaizhangCommandLine
import TaizhangCore
import TaizhangText

/// Where the office's ledger lives, and the office's configuration file if one is given.
struct DataOptions: ParsableArguments {
    // Read only when given: a clerk's recording command without --config parses nothing.
    @Option(help: ArgumentHelp(Message.optConfigAgent(), valueName: "file"),
            transform: { path in Result { try AgentConfig.load(path: path) } })
    var config: Result<AgentConfig, Error>?

    @Option(name: .long, help: ArgumentHelp(Message.optDataAgent(), valueName: "dir"))
    var data: String?

    /// The configuration file, once `validate()` has accepted it.
    var file: AgentConfig? { try? config?.get() }

    /// `--data`, else the file's `data`, else `$TAIZHANG_AGENT_DATA`, else the default.
    var directory: AgentDirectory { AgentDirectory.resolve(data ?? file?.data) }

    func validate() throws {
        try ConfigFileCheck.validate(config.map { $0.map { (path: $0.path, lang: $0.lang) } })
    }
}

/// Options every recording command takes.
struct RecordOptions: ParsableArguments {
    @OptionGroup var data: DataOptions

    @Option(name: .customLong("on"), help: ArgumentHelp(Message.optOn(), valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp(Message.optClerk(), valueName: "name"))
    var clerk: String?
}

/// `--json` for listing commands.
struct OutputOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(Message.optJSON()))
    var json = false
}
