import ArgumentParser
import HubJSON
import HubKit
import TaizhangCore
import TaizhangText

extension TaizhangHub {
    struct Totals: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "totals", abstract: Message.totalsAbstract(), discussion: Message.totalsDiscussion())
        @Flag(name: .customLong("by-branch"), help: ArgumentHelp(Message.optByBranch()))
        var byBranch = false
        @Flag(help: ArgumentHelp(Message.optTotalsJSON()))
        var json = false
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let totals = try HubDirectory.resolve(data.data).open().totals()
                if json {
                    let out = StandardStream.output()
                    out.write(bytes: HubJSONOutput.totals(totals).utf8())
                    out.write("\n")
                    out.flush()
                } else {
                    print(TotalsText.table(totals, byBranch: byBranch, width: Terminal.width()), terminator: "")
                }
            }
        }
    }
}

/// The bureau's totals as a terminal table, with a legend for the short headers.
enum TotalsText {
    static func table(_ totals: HubTotals, byBranch: Bool, width: Int? = nil) -> String {
        var table = TextTable([
            .init(Message.colBranch(), fit: .wrap), .init(Message.colBoards(), .right), .init(Message.colStd(), .right),
            .init(Message.colSigns(), .right), .init(Message.colBadges(), .right), .init(Message.colCards(), .right),
            .init(Message.colCardsOut(), .right), .init(Message.colGuides(), .right), .init(Message.colGuidesIn(), .right),
        ])
        func row(_ name: String, _ inventory: Inventory) -> [String] {
            [name, "\(inventory[.board].inService)", "\(inventory[.board].standard)", "\(inventory[.sign].inService)",
             "\(inventory[.badge].inService)", "\(inventory[.card].onHand)", "\(inventory[.card].distributed)",
             "\(inventory[.guide].onHand)", "\(inventory[.guide].received)"]
        }
        if byBranch {
            for (id, inventory) in totals.branches.sorted(by: { $0.key < $1.key }) { table.append(row(id, inventory)) }
        }
        table.append(row(totals.branches.count == 1 ? Message.bureauRowOne() : Message.bureauRow(totals.branches.count), totals.bureau))
        let legend = TextWrap.lines(Message.totalsLegend(), width: width ?? .max).joined(separator: "\n")
        return table.render(width: width) + legend + "\n"
    }
}
