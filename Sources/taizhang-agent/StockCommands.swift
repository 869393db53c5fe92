import ArgumentParser
import TaizhangCore
import TaizhangText

/// `receive` for service cards and guides.
struct ReceiveOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Message.optReceiveQuantity(), valueName: "n"))
    var quantity: Int64
    @Option(help: ArgumentHelp(Message.optBatch(), valueName: "text"))
    var batch: String?
    @OptionGroup var record: RecordOptions

    func run(_ material: Material) throws {
        try Recording.record(record, RecordingDraft.receive(material, quantity: quantity, batch: batch))
    }
}

/// `distribute` for service cards and guides.
struct DistributeOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Message.optDistributeQuantity(), valueName: "n"))
    var quantity: Int64
    @Option(help: ArgumentHelp(Message.optChannel(), valueName: "text"))
    var channel: String
    @OptionGroup var record: RecordOptions

    func run(_ material: Material) throws {
        try Recording.record(record, RecordingDraft.distribute(material, quantity: quantity, channel: channel))
    }
}

/// `adjust` for service cards and guides: a stocktake correction, up or down.
struct AdjustOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(Message.optAdjustQuantity(), valueName: "n"))
    var quantity: Int64
    @Option(help: ArgumentHelp(Message.optAdjustReason(), valueName: "text"))
    var reason: String
    @OptionGroup var record: RecordOptions

    func run(_ material: Material) throws {
        try Recording.record(record, RecordingDraft.adjust(material, quantity: quantity, reason: reason))
    }
}

struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card", abstract: Message.cardAbstract(),
        subcommands: [Receive.self, Distribute.self, Adjust.self])

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "receive", abstract: Message.cardReceiveAbstract(), discussion: Message.cardReceiveDiscussion())
        @OptionGroup var options: ReceiveOptions
        func run() throws { try options.run(.card) }
    }

    struct Distribute: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "distribute", abstract: Message.cardDistributeAbstract(), discussion: Message.cardDistributeDiscussion())
        @OptionGroup var options: DistributeOptions
        func run() throws { try options.run(.card) }
    }

    struct Adjust: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adjust", abstract: Message.cardAdjustAbstract(), discussion: Message.cardAdjustDiscussion())
        @OptionGroup var options: AdjustOptions
        func run() throws { try options.run(.card) }
    }
}

struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide", abstract: Message.guideAbstract(),
        subcommands: [Receive.self, Distribute.self, Adjust.self])

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "receive", abstract: Message.guideReceiveAbstract(), discussion: Message.guideReceiveDiscussion())
        @OptionGroup var options: ReceiveOptions
        func run() throws { try options.run(.guide) }
    }

    struct Distribute: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "distribute", abstract: Message.guideDistributeAbstract(), discussion: Message.guideDistributeDiscussion())
        @OptionGroup var options: DistributeOptions
        func run() throws { try options.run(.guide) }
    }

    struct Adjust: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adjust", abstract: Message.guideAdjustAbstract(), discussion: Message.guideAdjustDiscussion())
        @OptionGroup var options: AdjustOptions
        func run() throws { try options.run(.guide) }
    }
}
