import ArgumentParser
import HubKit
import TaizhangCore
import TaizhangText

extension TaizhangHub {
    struct Branches: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "branches",
            abstract: "Every enrolled branch: entries held, pending, last heard from, late or not, flags.",
            discussion: """
                States: current (all delivered), behind (entries waiting), silent (not heard from
                within --silent-after hours), flagged (needs the operator: see the flags),
                revoked.

                Example:
                  taizhang-hub branches --silent-after 48
                """)
        @Option(name: .customLong("silent-after"), help: ArgumentHelp("Hours without contact after which a branch counts as silent (default: 'silent_after_hours' in --config, else 24).", valueName: "hours"))
        var silentAfterFlag: Int64?
        @Flag(help: "Print JSON.")
        var json = false
        @OptionGroup var data: HubDataOptions

        var silentAfter: Int64 { silentAfterFlag ?? data.file?.silentAfterHours.map(Int64.init) ?? 24 }

        func validate() throws {
            guard let silentAfterFlag else { return }
            guard HubConfig.silentAfterHoursRange.contains(Int(silentAfterFlag)) else {
                throw ValidationError("--silent-after takes a number of hours from 1 to 8784")
            }
        }

        func run() throws {
            try Failure.reporting {
                let branches = try HubDirectory.resolve(data.data).open()
                    .branches(now: .now(), silentAfterSeconds: silentAfter * 3600)
                if json {
                    print(JSONValue.array(branches.map(BranchText.json)).rendered())
                } else if branches.isEmpty {
                    print("No branch is enrolled yet; enrol one with 'taizhang-hub enroll'.")
                } else {
                    print(BranchText.table(branches), terminator: "")
                }
            }
        }
    }
}

/// Branch states for operators and scripts.
enum BranchText {
    static func table(_ branches: [BranchStatus]) -> String {
        var table = TextTable([.init("Branch"), .init("Name"), .init("State"), .init("Held", .right),
                               .init("Pending", .right), .init("Last heard"), .init("Flags")])
        for branch in branches {
            let flags = branch.flags.map { flag in "\(flag.kind.rawValue)\(flag.seq.map { " #\($0)" } ?? ""): \(flag.detail)" }
            table.append([branch.id, branch.name, branch.state.rawValue, "\(branch.heldSeq)", "\(branch.pending)",
                          branch.lastHeardAt?.description ?? "never", flags.joined(separator: "; ")])
        }
        return table.render()
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
