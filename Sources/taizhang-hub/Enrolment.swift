import ArgumentParser
import HubKit
import TaizhangCore
import ZeroMQ

extension TaizhangHub {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create the hub database and the hub's key pair; print the public key agents need.",
            discussion: "Example:\n  taizhang-hub init --data /var/lib/taizhang/hub --bureau-name 海门工商局")
        @Option(name: .customLong("bureau-name"), help: ArgumentHelp("The bureau's name, which heads every export (also: 'taizhang-hub settings').", valueName: "name"))
        var bureauName: String?
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let directory = HubDirectory.resolve(data.data)
                let key = try directory.create(settings: bureauName.map { [.bureauName: $0] } ?? [:])
                print("Created the hub in \(directory.path).")
                print("Give this public key to every branch office (taizhang-agent init --hub-key):")
                print(key)
            }
        }
    }

    struct Enroll: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enroll",
            abstract: "Admit a branch office's agent by its public key, or by the fingerprint of a pending key (replaces the branch's earlier key).",
            discussion: """
                Example:
                  taizhang-hub enroll --branch sanchang --name 三厂分局 --key 'Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID'
                  taizhang-hub enroll --branch sanchang --name 三厂分局 --key 3fa4c2e9b1     # a pending key, see 'taizhang-hub keys'
                """)
        @Option(help: ArgumentHelp("The branch ID the office's agent was set up with.", valueName: "id"))
        var branch: String
        @Option(help: ArgumentHelp("The office's name.", valueName: "name"))
        var name: String
        // Unconditional: a Z85 key may start with "-".
        @Option(parsing: .unconditional, help: ArgumentHelp("The agent's public key, printed by 'taizhang-agent init'.", valueName: "key"))
        var key: String
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let database = try HubDirectory.resolve(data.data).open()
                let fullKey = try database.resolveKey(key)
                guard Z85.isValidCurveKey(fullKey) else {
                    throw HubError.invalidSetting("'\(key)' is not an agent key; copy the 40-character key printed by 'taizhang-agent init' (also in the office's agent.public), or a fingerprint from 'taizhang-hub keys'")
                }
                try database.enroll(branch: branch, name: name, publicKey: fullKey, at: .now())
                print("Enrolled \(name) (\(branch)); its agent can deliver now.")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Refuse a branch's agent key from now on; its entries stay.",
            discussion: "Example:\n  taizhang-hub revoke --branch sanchang")
        @Option(help: ArgumentHelp("The branch ID.", valueName: "id"))
        var branch: String
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                try HubDirectory.resolve(data.data).open().revoke(branch: branch, at: .now())
                print("Revoked \(branch): its key is refused from now on; its entries stay.")
            }
        }
    }
}
