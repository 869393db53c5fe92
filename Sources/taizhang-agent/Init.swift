import AgentKit
import ArgumentParser
import TaizhangCore

extension TaizhangAgent {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create this office's ledger and the agent's key pair; print the public key for enrolment.",
            discussion: """
                Example:
                  taizhang-agent init --branch sanchang --name 三厂分局 --hub tcp://hub.bureau.local:7447 --hub-key '<key from taizhang-hub init>'
                  taizhang-agent init --config agents/sanchang.toml --hub-key '<key from taizhang-hub init>'
                """
        )

        @OptionGroup var data: DataOptions
        @Option(help: ArgumentHelp("The office's branch ID, as the hub enrols it (lowercase letters, digits, hyphens); required here or as 'branch' in --config.", valueName: "id"))
        var branch: String?
        @Option(help: ArgumentHelp("The office's name, e.g. 三厂分局; required here or as 'name' in --config.", valueName: "name"))
        var name: String?
        @Option(help: ArgumentHelp("The hub's address, tcp://HOST:PORT; required here or as 'hub' in --config.", valueName: "endpoint"))
        var hub: String?
        // Unconditional: a Z85 key may start with "-".
        @Option(name: .customLong("hub-key"), parsing: .unconditional, help: ArgumentHelp("The hub's public key (40 characters, from 'taizhang-hub init'); required here or as 'hub_key' in --config.", valueName: "key"))
        var hubKey: String?
        @Option(name: .customLong("time-zone"), help: ArgumentHelp("The bureau's time zone, which decides what 'today' is (default: 'time_zone' in --config, else Asia/Shanghai).", valueName: "zone"))
        var timeZone: String?

        /// Each setting from its flag, else from the configuration file.
        private var settings: (branch: String?, name: String?, hub: String?, hubKey: String?, timeZone: String) {
            let file = data.file
            return (branch ?? file?.branch, name ?? file?.name, hub ?? file?.hub, hubKey ?? file?.hubKey,
                    timeZone ?? file?.timeZone ?? BureauTimeZone.defaultIdentifier)
        }

        func validate() throws {
            let given = settings
            let missing = [("--branch", "branch", given.branch), ("--name", "name", given.name),
                           ("--hub", "hub", given.hub), ("--hub-key", "hub_key", given.hubKey)]
                .filter { $0.2 == nil }
            guard missing.isEmpty else {
                let flags = missing.map(\.0).joined(separator: ", ")
                let keys = missing.map { "'\($0.1)'" }.joined(separator: ", ")
                throw ValidationError("init needs \(flags) (or \(keys) in the --config file)")
            }
        }

        func run() throws {
            try Failure.reporting {
                let given = settings
                guard let branch = given.branch, let name = given.name, let hub = given.hub, let hubKey = given.hubKey else { return }
                let timeZone = given.timeZone
                guard let zone = BureauTimeZone(identifier: timeZone) else {
                    throw AgentError.invalidSetting("unknown time zone '\(timeZone)'; use a name such as Asia/Shanghai")
                }
                let setup = AgentSetup(branch: branch, name: name, hubEndpoint: hub, hubKey: hubKey, timeZone: zone)
                let directory = data.directory
                let (_, publicKey) = try setup.create(in: directory)
                print("Created the ledger of \(name) (\(branch)) in \(directory.path).")
                print("Give this public key to the hub operator to enrol the office:")
                print(publicKey)
            }
        }
    }
}
