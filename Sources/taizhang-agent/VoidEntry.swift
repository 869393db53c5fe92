import ArgumentParser
import TaizhangCore

extension TaizhangAgent {
    struct VoidEntry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void",
            abstract: "Record a new entry that cancels entry N and its effect.",
            discussion: """
                Entries are never edited or deleted: a mistake is corrected by voiding it and, if
                needed, recording the right entry. Find N with 'taizhang-agent log'.

                Example:
                  taizhang-agent void --seq 12 --reason '数量录入错误'
                """
        )

        @Option(help: ArgumentHelp("The number of the entry to cancel.", valueName: "n"))
        var seq: Int64
        @Option(help: ArgumentHelp("Why it is cancelled.", valueName: "text"))
        var reason: String
        @OptionGroup var data: DataOptions
        @Option(help: ArgumentHelp("Who records it (default: the logged-in user).", valueName: "name"))
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
