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
            try Recording.record(in: data.directory, date: nil, clerk: clerk, RecordingDraft.void(seq: seq, reason: reason))
        }
    }
}
