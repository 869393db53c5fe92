import ArgumentParser
import HubKit
import TaizhangCore
import TaizhangText

extension TaizhangHub {
    struct Branches: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "branches", abstract: Message.branchesAbstract(), discussion: Message.branchesDiscussion())
        @Option(name: .customLong("silent-after"), help: ArgumentHelp(Message.optSilentAfter(), valueName: "hours"))
        var silentAfterFlag: Int64?
        @Flag(help: ArgumentHelp(Message.optPrintJSON()))
        var json = false
        @OptionGroup var data: HubDataOptions

        var silentAfter: Int64 { silentAfterFlag ?? data.file?.silentAfterHours.map(Int64.init) ?? 24 }

        func validate() throws {
            guard let silentAfterFlag else { return }
            guard HubConfig.silentAfterHoursRange.contains(Int(silentAfterFlag)) else {
                throw Failure.refuse(Message.silentAfterRange())
            }
        }

        func run() throws {
            try Failure.reporting {
                let branches = try HubDirectory.resolve(data.data).open()
                    .branches(now: .now(), silentAfterSeconds: silentAfter * 3600)
                if json {
                    print(JSONValue.array(branches.map(BranchText.json)).rendered())
                } else if branches.isEmpty {
                    print(Message.branchesNone())
                } else {
                    print(BranchText.table(branches, zone: data.timeZone, width: Terminal.width()), terminator: "")
                }
            }
        }
    }
}

/// Branch states for operators and scripts.
enum BranchText {
    static func table(_ branches: [BranchStatus], zone: BureauTimeZone, width: Int? = nil) -> String {
        var table = TextTable([.init(Message.colBranch()), .init(Message.colName(), fit: .wrap), .init(Message.colState()),
                               .init(Message.colHeld(), .right), .init(Message.colPending(), .right),
                               .init(Message.colLastHeard()), .init(Message.colFlags(), fit: .wrap)])
        for branch in branches {
            let flags = branch.flags.map { flag in "\(flag.kind.rawValue)\(flag.seq.map { " #\($0)" } ?? ""): \(flag.detail)" }
            let state = Message(rawValue: "branchState_" + branch.state.rawValue).map { $0() } ?? branch.state.rawValue
            table.append([branch.id, branch.name, state, "\(branch.heldSeq)", "\(branch.pending)",
                          branch.lastHeardAt.map(zone.clockTime) ?? Message.never(), flags.joined(separator: "; ")])
        }
        return table.render(width: width)
    }

    static func json(_ branch: BranchStatus) -> JSONValue {
        .object([
            ("branch", .string(branch.id)), ("name", .string(branch.name)), ("state", .string(branch.state.rawValue)),
            ("heldSeq", .int(branch.heldSeq)), ("agentLastSeq", .int(branch.agentLastSeq)), ("pending", .int(branch.pending)),
            ("lastHeardAt", branch.lastHeardAt.map { .string($0.description) } ?? .null),
            ("lastEntryAt", branch.lastEntryAt.map { .string($0.description) } ?? .null),
            ("incarnation", .optional(branch.incarnation)), ("publicKey", .string(branch.publicKey)),
            ("enrolledAt", .string(branch.enrolledAt.description)),
            ("revokedAt", branch.revokedAt.map { .string($0.description) } ?? .null),
            ("flags", .array(branch.flags.map { flag in
                .object([("kind", .string(flag.kind.rawValue)), ("seq", .optional(flag.seq)),
                         ("detail", .string(flag.detail)), ("at", .string(flag.at.description))])
            })),
        ])
    }
}
