import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangText

extension TaizhangAgent {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "The ledger entries, oldest first.",
            discussion: "Example:\n  taizhang-agent log --since 40\n  taizhang-agent log --json > ledger.json"
        )

        @Option(help: ArgumentHelp("Only entries after this number.", valueName: "seq"))
        var since: Int64 = 0
        @OptionGroup var output: OutputOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try Failure.reporting {
                let database = try data.directory.open()
                let out = StandardStream.output()
                if output.json {
                    var first = true
                    out.write("[")
                    try database.forEachEntry(since: since) { entry, voidedBy in
                        out.write((first ? "\n  " : ",\n  ") + EntryJSON.object(entry, voidedBy: voidedBy).rendered(pretty: false))
                        first = false
                    }
                    out.write(first ? "]\n" : "\n]\n")
                } else {
                    var table = TextTable([.init("#", .right), .init("Date"), .init("Entry"), .init("Clerk"), .init("Note")])
                    try database.forEachEntry(since: since) { entry, voidedBy in
                        table.append(["\(entry.seq)", entry.occurredOn.description, EntryText.summary(entry),
                                      entry.clerk, voidedBy.map { "voided by #\($0)" } ?? ""])
                    }
                    out.write(table.rows.isEmpty ? "No entries\(since > 0 ? " after #\(since)" : "").\n" : table.render())
                }
                out.flush()
            }
        }
    }
}

/// One entry as the JSON object of `log --json`.
enum EntryJSON {
    static func object(_ entry: Entry, voidedBy: Int64?) -> JSONValue {
        let details = entry.details
        return .object([
            ("seq", .int(entry.seq)), ("branch", .string(entry.branch)),
            ("material", .string(entry.material.rawValue)), ("action", .string(entry.action.rawValue)),
            ("item", .optional(entry.item)), ("quantity", .optional(entry.quantity)),
            ("location", .optional(details.location)), ("staff", .optional(details.staff)),
            ("channel", .optional(details.channel)), ("reason", .optional(details.reason)),
            ("batch", .optional(details.batch)), ("standard", details.standard.map(JSONValue.bool) ?? .null),
            ("occurredOn", .string(entry.occurredOn.description)),
            ("recordedAt", .string(entry.recordedAt.description)), ("clerk", .string(entry.clerk)),
            ("voids", .optional(entry.voids)), ("voidedBy", .optional(voidedBy)),
        ])
    }
}
