import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangText

extension TaizhangAgent {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "This office's inventory and how far the hub has acknowledged the ledger.",
            discussion: "Example:\n  taizhang-agent status --json"
        )

        @OptionGroup var output: OutputOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try Failure.reporting {
                let database = try data.directory.open()
                let info = try database.info()
                let (inventory, sync) = try database.status()
                if output.json {
                    print(StatusText.json(info: info, inventory: inventory, sync: sync).rendered())
                } else {
                    print(StatusText.human(info: info, inventory: inventory, sync: sync), terminator: "")
                }
            }
        }
    }
}

/// The office's status for people and for scripts.
enum StatusText {
    static func json(info: LedgerInfo, inventory: Inventory, sync: SyncState) -> JSONValue {
        .object([
            ("branch", .string(info.branch)),
            ("name", .string(info.name)),
            ("inventory", inventory.json),
            ("sync", .object([
                ("lastSeq", .int(sync.lastSeq)), ("ackedSeq", .int(sync.ackedSeq)),
                ("pending", .int(sync.pending)),
                ("lastAckAt", sync.lastAckAt.map { .string($0.description) } ?? .null),
                ("hub", .string(info.hubEndpoint)),
                ("lastProblem", .optional(sync.lastProblem)),
                ("lastProblemAt", sync.lastProblemAt.map { .string($0.description) } ?? .null),
                ("confirmedSeq", sync.confirmation.map { .int($0.seq) } ?? .null),
                ("confirmedChain", sync.confirmation.map { .string($0.chain.hexString) } ?? .null),
                ("confirmedAt", sync.confirmation.map { .string($0.at.description) } ?? .null),
            ])),
        ])
    }

    static func human(info: LedgerInfo, inventory: Inventory, sync: SyncState) -> String {
        var table = TextTable([.init("Material"), .init("In service / on hand", .right), .init("Detail")])
        for material in Material.allCases {
            let tally = inventory[material]
            let name = "\(material.chineseName) \(material.englishName)"
            switch material {
            case .board: table.append([name, "\(tally.inService)", "\(tally.standard) to the uniform standard"])
            case .sign: table.append([name, "\(tally.inService)", ""])
            case .badge: table.append([name, "\(tally.inService)", "active"])
            case .card, .guide:
                let adjusted = tally.adjusted == 0 ? "" : ", adjusted \(tally.adjusted > 0 ? "+" : "")\(tally.adjusted)"
                table.append([name, "\(tally.onHand)", "received \(tally.received), distributed \(tally.distributed)\(adjusted)"])
            }
        }
        let acknowledged = sync.lastAckAt.map { "last acknowledged \($0)" } ?? "never acknowledged yet"
        let receipt = sync.confirmation.map { "Hub's last confirmation (\($0.at)): it holds entries 1–\($0.seq), chain \($0.chain.hexString)\n" }
            ?? "The hub has not confirmed any entry yet.\n"
        let problem = sync.lastProblem.map { "Last problem (\(sync.lastProblemAt?.description ?? "?")): \($0)\n" } ?? ""
        return """
            \(info.name) (\(info.branch)) — \(sync.lastSeq) ledger entries

            \(table.render())
            Hub \(info.hubEndpoint): \(sync.ackedSeq) of \(sync.lastSeq) entries acknowledged, \(sync.pending) waiting to be sent; \(acknowledged).
            \(receipt)\(problem)
            """
    }
}
