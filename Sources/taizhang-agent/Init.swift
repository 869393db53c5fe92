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
                """
        )

        @OptionGroup var data: DataOptions
        @Option(help: ArgumentHelp("The office's branch ID, as the hub enrols it (lowercase letters, digits, hyphens).", valueName: "id"))
        var branch: String
        @Option(help: ArgumentHelp("The office's name, e.g. 三厂分局.", valueName: "name"))
        var name: String
        @Option(help: ArgumentHelp("The hub's address, tcp://HOST:PORT.", valueName: "endpoint"))
        var hub: String
        // Unconditional: a Z85 key may start with "-".
        @Option(name: .customLong("hub-key"), parsing: .unconditional, help: ArgumentHelp("The hub's public key (40 characters, from 'taizhang-hub init').", valueName: "key"))
        var hubKey: String
        @Option(name: .customLong("time-zone"), help: ArgumentHelp("The bureau's time zone, which decides what 'today' is.", valueName: "zone"))
        var timeZone: String = BureauTimeZone.defaultIdentifier

        func run() throws {
            try Failure.reporting {
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
