import ArgumentParser
import HubKit
import TaizhangText

extension TaizhangHub {
    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys",
            abstract: "Agent keys: pending (tried to connect, not enrolled), enrolled, revoked, replaced.",
            discussion: """
                Enrol a pending key by its fingerprint once the office has confirmed it:
                  taizhang-hub keys
                  taizhang-hub enroll --branch sanchang --name 三厂分局 --key 3fa4c2e9b1
                """)
        @Flag(help: "Print JSON.")
        var json = false
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let keys = try HubDirectory.resolve(data.data).open().keys()
                if json {
                    print(JSONValue.array(keys.map(Self.json)).rendered())
                } else if keys.isEmpty {
                    print("No agent key is known yet.")
                } else {
                    var table = TextTable([.init("Fingerprint"), .init("State"), .init("Branch"), .init("Last seen"),
                                           .init("Attempts", .right), .init("From"), .init("Key")])
                    for key in keys {
                        table.append([key.fingerprint, key.state.rawValue, key.branch ?? "", key.lastSeenAt?.description ?? "",
                                      key.state == .pending ? "\(key.attempts)" : "", key.address ?? "", key.publicKey])
                    }
                    print(table.render(), terminator: "")
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
            ])
        }
    }
}
