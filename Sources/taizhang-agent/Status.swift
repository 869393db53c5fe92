import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangText

extension TaizhangAgent {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: Message.statusAbstract(), discussion: Message.statusDiscussion())

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
                    let flagged = try HubFlagText.entries(sync.hubFlags, in: database)
                    print(StatusText.human(info: info, inventory: inventory, sync: sync, flagged: flagged), terminator: "")
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
                ("hub", .string(HubRotation.reportsTo(info.hubEndpoints, answered: sync.hubAnswered))),
                ("hubs", .array(info.hubEndpoints.map { .string($0) })),
                ("lastProblem", .optional(sync.lastProblem)),
                ("lastProblemAt", sync.lastProblemAt.map { .string($0.description) } ?? .null),
                ("confirmedSeq", sync.confirmation.map { .int($0.seq) } ?? .null),
                ("confirmedChain", sync.confirmation.map { .string($0.chain.hexString) } ?? .null),
                ("confirmedAt", sync.confirmation.map { .string($0.at.description) } ?? .null),
            ])),
            ("hubFlags", HubFlagText.json(sync.hubFlags)),
        ])
    }

    static func human(info: LedgerInfo, inventory: Inventory, sync: SyncState, flagged: [Int64: Entry] = [:],
                      width: Int? = Terminal.width()) -> String {
        var table = TextTable([.init(Message.colMaterial()), .init(Message.colInService(), .right),
                               .init(Message.colDetail(), fit: .wrap)])
        for material in Material.allCases {
            let tally = inventory[material]
            let name = Language.current == .zh ? material.chineseName : "\(material.chineseName) \(material.englishName)"
            switch material {
            case .board: table.append([name, "\(tally.inService)", Message.detailStandard(tally.standard)])
            case .sign: table.append([name, "\(tally.inService)", ""])
            case .badge: table.append([name, "\(tally.inService)", Message.detailActive()])
            case .card, .guide:
                let adjusted = tally.adjusted == 0 ? "" : Message.detailAdjusted("\(tally.adjusted > 0 ? "+" : "")\(tally.adjusted)")
                table.append([name, "\(tally.onHand)", Message.detailStock(tally.received, tally.distributed) + adjusted])
            }
        }
        let zone = info.timeZone
        let acknowledged = sync.lastAckAt.map { Message.lastAck(zone.clockTime(at: $0)) } ?? Message.neverAck()
        var lines = [Message.statusHeadline(info.name, info.branch, sync.lastSeq), "", table.render(width: width)]
        let reportsTo = HubRotation.reportsTo(info.hubEndpoints, answered: sync.hubAnswered)
        lines.append(Message.statusHub(reportsTo, sync.ackedSeq, sync.lastSeq, sync.pending, acknowledged))
        if info.hubEndpoints.count > 1 {
            lines.append(Message.statusHubList(info.hubEndpoints.count, info.hubEndpoints.joined(separator: Message.listSeparator())))
        }
        lines.append(sync.confirmation.map { Message.statusReceipt(zone.clockTime(at: $0.at), $0.seq, $0.chain.hexString) }
            ?? Message.statusNoReceipt())
        lines += HubFlagText.lines(sync.hubFlags, entries: flagged, zone: zone)
        if let problem = sync.lastProblem {
            let worded = sync.lastProblemError.map(AgentErrorText.sentence) ?? problem  // older rows: English only
            lines.append(Message.lastProblem(sync.lastProblemAt.map(zone.clockTime) ?? "?", worded))
        }
        return lines.flatMap { line in
            line.contains("\n") ? [line] : TextWrap.lines(line, width: width ?? .max)
        }.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }.joined(separator: "\n") + "\n"
    }
}
