import ArgumentParser
import TaizhangCore
import TaizhangText

extension TaizhangAgent {
    struct VoidEntry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void", abstract: Message.voidAbstract(), discussion: Message.voidDiscussion())

        @Option(help: ArgumentHelp(Message.optVoidSeq(), valueName: "n"))
        var seq: Int64
        @Option(help: ArgumentHelp(Message.optVoidReason(), valueName: "text"))
        var reason: String
        @OptionGroup var data: DataOptions
        @Option(help: ArgumentHelp(Message.optClerk(), valueName: "name"))
        var clerk: String?

        func run() throws {
            try Recording.record(data: data, date: nil, clerk: clerk) { date, clerk in
                // The ledger fills in the material and item of entry `seq`.
                EntryDraft(material: .board, action: .void, details: EntryDetails(reason: reason),
                           occurredOn: date, clerk: clerk, voids: seq)
            }
        }
    }
}
