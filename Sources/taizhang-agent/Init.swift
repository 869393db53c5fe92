import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangText

extension TaizhangAgent {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: Message.initAbstract(), discussion: Message.initDiscussion())

        @OptionGroup var data: DataOptions
        @Option(help: ArgumentHelp(Message.optBranch(), valueName: "id"))
        var branch: String?
        @Option(help: ArgumentHelp(Message.optName(), valueName: "name"))
        var name: String?
        @Option(help: ArgumentHelp(Message.optHub(), valueName: "endpoint"))
        var hub: String?
        // Unconditional: a Z85 key may start with "-".
        @Option(name: .customLong("hub-key"), parsing: .unconditional, help: ArgumentHelp(Message.optHubKey(), valueName: "key"))
        var hubKey: String?
        @Option(name: .customLong("time-zone"), help: ArgumentHelp(Message.optTimeZoneAgent(), valueName: "zone"))
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
                let separator = Message.listSeparator()
                let flags = missing.map(\.0).joined(separator: separator)
                let keys = missing.map { "'\($0.1)'" }.joined(separator: separator)
                throw Failure.refuse(Message.initNeeds(flags, keys))
            }
        }

        func run() throws {
            try Failure.reporting {
                let given = settings
                guard let branch = given.branch, let name = given.name, let hub = given.hub, let hubKey = given.hubKey else { return }
                try BranchID.checkOffice(id: branch, name: name)
                let timeZone = given.timeZone
                guard let zone = BureauTimeZone(identifier: timeZone) else {
                    throw AgentError.invalidSetting(Message.unknownTimeZone(timeZone))
                }
                let setup = AgentSetup(branch: branch, name: name, hubEndpoint: hub, hubKey: hubKey, timeZone: zone)
                let directory = data.directory
                let (_, publicKey) = try setup.create(in: directory)
                print(Message.initCreated(name, branch, directory.path))
                print(Message.initGiveKey())
                print(publicKey)
            }
        }
    }

    struct SetHub: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-hub", abstract: Message.setHubAbstract(), discussion: Message.setHubDiscussion())

        @Option(help: ArgumentHelp(Message.optSetHub(), valueName: "endpoint"))
        var hub: String
        @Option(name: .customLong("hub-key"), parsing: .unconditional, help: ArgumentHelp(Message.optSetHubKey(), valueName: "key"))
        var hubKey: String?
        @OptionGroup var data: DataOptions

        func run() throws {
            try Failure.reporting {
                try AgentSetup.checkHub(endpoint: hub, key: hubKey)
                try data.directory.open().setHub(endpoint: hub, key: hubKey)
                let list = try AgentSetup.hubEndpoints(hub).joined(separator: Message.listSeparator())
                print(hubKey == nil ? Message.setHubDone(list) : Message.setHubDoneKey(list))
            }
        }
    }
}
