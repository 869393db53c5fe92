import ArgumentParser
import TaizhangCore

/// `receive` for service cards and guides.
struct ReceiveOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How many arrived.", valueName: "n"))
    var quantity: Int64
    @Option(help: ArgumentHelp("The printer's batch or delivery note.", valueName: "text"))
    var batch: String?
    @OptionGroup var record: RecordOptions

    func run(_ material: Material) throws {
        try Recording.record(record) { date, clerk in
            EntryDraft(material: material, action: .receive, quantity: quantity,
                       details: EntryDetails(batch: batch), occurredOn: date, clerk: clerk)
        }
    }
}

/// `distribute` for service cards and guides.
struct DistributeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How many were handed out.", valueName: "n"))
    var quantity: Int64
    @Option(help: ArgumentHelp("Where: a counter, a market, an event.", valueName: "text"))
    var channel: String
    @OptionGroup var record: RecordOptions

    func run(_ material: Material) throws {
        try Recording.record(record) { date, clerk in
            EntryDraft(material: material, action: .distribute, quantity: quantity,
                       details: EntryDetails(channel: channel), occurredOn: date, clerk: clerk)
        }
    }
}

/// `adjust` for service cards and guides: a stocktake correction, up or down.
struct AdjustOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("The correction, e.g. -5 or +20.", valueName: "±n"))
    var quantity: Int64
    @Option(help: ArgumentHelp("Why the count differs.", valueName: "text"))
    var reason: String
    @OptionGroup var record: RecordOptions

    func run(_ material: Material) throws {
        try Recording.record(record) { date, clerk in
            EntryDraft(material: material, action: .adjust, quantity: quantity,
                       details: EntryDetails(reason: reason), occurredOn: date, clerk: clerk)
        }
    }
}

struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card", abstract: "Service contact cards (便民服务联系卡): receive, distribute, adjust.",
        subcommands: [Receive.self, Distribute.self, Adjust.self])

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "receive",
            abstract: "Service cards arrive from the printer.",
            discussion: "Example:\n  taizhang-agent card receive --quantity 1000 --batch 2008-03印")
        @OptionGroup var options: ReceiveOptions
        func run() throws { try options.run(.card) }
    }

    struct Distribute: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "distribute",
            abstract: "Service cards are handed out (refused beyond the stock on hand).",
            discussion: "Example:\n  taizhang-agent card distribute --quantity 200 --channel 农贸市场宣传")
        @OptionGroup var options: DistributeOptions
        func run() throws { try options.run(.card) }
    }

    struct Adjust: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adjust",
            abstract: "A stocktake correction of the service cards on hand.",
            discussion: "Example:\n  taizhang-agent card adjust --quantity -5 --reason 盘点短少")
        @OptionGroup var options: AdjustOptions
        func run() throws { try options.run(.card) }
    }
}

struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide", abstract: "Service-guide booklets (办事指南): receive, distribute, adjust.",
        subcommands: [Receive.self, Distribute.self, Adjust.self])

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "receive",
            abstract: "Service guides arrive from the printer.",
            discussion: "Example:\n  taizhang-agent guide receive --quantity 2000 --batch 第一批")
        @OptionGroup var options: ReceiveOptions
        func run() throws { try options.run(.guide) }
    }

    struct Distribute: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "distribute",
            abstract: "Service guides are handed out (refused beyond the stock on hand).",
            discussion: "Example:\n  taizhang-agent guide distribute --quantity 150 --channel 登记窗口")
        @OptionGroup var options: DistributeOptions
        func run() throws { try options.run(.guide) }
    }

    struct Adjust: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adjust",
            abstract: "A stocktake correction of the service guides on hand.",
            discussion: "Example:\n  taizhang-agent guide adjust --quantity +20 --reason 盘点多出")
        @OptionGroup var options: AdjustOptions
        func run() throws { try options.run(.guide) }
    }
}
