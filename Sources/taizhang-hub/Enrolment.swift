import ArgumentParser
import HubKit
import TaizhangCore
import TaizhangText
import ZeroMQ

extension TaizhangHub {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: Message.hubInitAbstract(), discussion: Message.hubInitDiscussion())
        @Option(name: .customLong("bureau-name"), help: ArgumentHelp(Message.optBureauName(), valueName: "name"))
        var bureauName: String?
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let directory = HubDirectory.resolve(data.data)
                let key = try directory.create(settings: bureauName.map { [.bureauName: $0] } ?? [:])
                print(Message.hubInitCreated(directory.path))
                print(Message.hubInitGiveKey())
                print(key)
            }
        }
    }

    struct Enroll: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enroll", abstract: Message.enrollAbstract(), discussion: Message.enrollDiscussion())
        @Option(help: ArgumentHelp(Message.optEnrollBranch(), valueName: "id"))
        var branch: String
        @Option(help: ArgumentHelp(Message.optEnrollName(), valueName: "name"))
        var name: String
        // Unconditional: a Z85 key may start with "-".
        @Option(parsing: .unconditional, help: ArgumentHelp(Message.optEnrollKey(), valueName: "key"))
        var key: String
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                try BranchID.checkOffice(id: branch, name: name)
                let directory = HubDirectory.resolve(data.data)
                let database = try directory.open()
                let fullKey = try database.resolveKey(key)
                guard Z85.isValidCurveKey(fullKey) else {
                    throw HubError.invalidSetting(Message.enrollBadKey(key))
                }
                do {
                    try database.enroll(branch: branch, name: name, publicKey: fullKey, hubKey: directory.publicKey(), at: .now())
                } catch let error as EnrolmentError {
                    Failure.say(Self.sentence(error))
                    throw ExitCode(1)
                }
                print(Message.enrolled(name, branch))
            }
        }

        static func sentence(_ error: EnrolmentError) -> String {
            switch error {
            case .hubKey(let key): Message.errEnrollHubKey(key)
            case .zeroKey(let key): Message.errEnrollZeroKey(key)
            case .nameInUse(let name, let branch): Message.errEnrollNameInUse(name, branch)
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: Message.revokeAbstract(), discussion: Message.revokeDiscussion())
        @Option(help: ArgumentHelp(Message.optBranchID(), valueName: "id"))
        var branch: String
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                try HubDirectory.resolve(data.data).open().revoke(branch: branch, at: .now())
                print(Message.revoked(branch))
            }
        }
    }
}
