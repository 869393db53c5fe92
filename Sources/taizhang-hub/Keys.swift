import ArgumentParser
import HubKit
import TaizhangCore
import TaizhangText

extension TaizhangHub {
    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys", abstract: Message.keysAbstract(), discussion: Message.keysDiscussion())
        @Flag(help: ArgumentHelp(Message.optPrintJSON()))
        var json = false
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let keys = try HubDirectory.resolve(data.data).open().keys()
                if json {
                    print(JSONValue.array(keys.map(Self.json)).rendered())
                } else if keys.isEmpty {
                    print(Message.keysNone())
                } else {
                    let zone = data.timeZone
                    var table = TextTable([.init(Message.colFingerprint()), .init(Message.colState()), .init(Message.colBranch()),
                                           .init(Message.colLastSeen()), .init(Message.colAttempts(), .right),
                                           .init(Message.colFrom(), fit: .optional), .init(Message.colKey(), fit: .optional)])
                    for key in keys {
                        let state = Message(rawValue: "keyState_" + key.state.rawValue).map { $0() } ?? key.state.rawValue
                        let branch = key.setUpAs.map { Message.keySetUpAs(key.branch ?? "", $0) } ?? key.branch ?? ""
                        table.append([key.fingerprint, state, branch, key.lastSeenAt.map(zone.clockTime) ?? "",
                                      key.state == .pending ? "\(key.attempts)" : "", key.address ?? "", key.publicKey])
                    }
                    print(table.render(width: Terminal.width()), terminator: "")
                }
            }
        }

        static func json(_ key: AgentKeyRecord) -> JSONValue {
            .object([
                ("fingerprint", .string(key.fingerprint)), ("state", .string(key.state.rawValue)),
                ("branch", .optional(key.branch)), ("publicKey", .string(key.publicKey)),
                ("address", .optional(key.address)),
                ("firstSeenAt", key.firstSeenAt.map { .string($0.description) } ?? .null),
                ("lastSeenAt", key.lastSeenAt.map { .string($0.description) } ?? .null),
                ("attempts", .int(key.attempts)), ("changedAt", .string(key.changedAt.description)),
                ("setUpAs", .optional(key.setUpAs)),
            ])
        }
    }
}
