import ArgumentParser
import HubJSON
import HubKit
import TaizhangCore
import TaizhangText

extension TaizhangHub {
    struct Totals: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "totals",
            abstract: "The bureau-wide inventory (--by-branch: one row per branch).",
            discussion: "Example:\n  taizhang-hub totals --by-branch\n  taizhang-hub totals --json")
        @Flag(name: .customLong("by-branch"), help: "One row per branch, then the bureau total.")
        var byBranch = false
        @Flag(help: "Print JSON: {\"bureau\": inventory, \"branches\": {id: inventory}}.")
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
                    print(TotalsText.table(totals, byBranch: byBranch), terminator: "")
                }
            }
        }
    }
}

/// The bureau's totals as a terminal table.
enum TotalsText {
    static func table(_ totals: HubTotals, byBranch: Bool) -> String {
        var table = TextTable([
            .init("Branch"), .init("公示栏 boards", .right), .init("standard", .right), .init("去向牌 signs", .right),
            .init("胸卡 badges", .right), .init("联系卡 cards on hand", .right), .init("cards out", .right),
            .init("办事指南 guides on hand", .right), .init("guides in", .right),
        ])
        func row(_ name: String, _ inventory: Inventory) -> [String] {
            [name, "\(inventory[.board].inService)", "\(inventory[.board].standard)", "\(inventory[.sign].inService)",
             "\(inventory[.badge].inService)", "\(inventory[.card].onHand)", "\(inventory[.card].distributed)",
             "\(inventory[.guide].onHand)", "\(inventory[.guide].received)"]
        }
        if byBranch {
            for id in totals.branches.keys.sorted() { table.append(row(id, totals.branches[id]!)) }
        }
        table.append(row("bureau (\(totals.branches.count) branches)", totals.bureau))
        return table.render()
    }
}
