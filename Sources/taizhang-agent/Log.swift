import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangText

extension TaizhangAgent {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log", abstract: Message.logAbstract(), discussion: Message.logDiscussion())

        @Option(help: ArgumentHelp(Message.optSince(), valueName: "seq"))
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
                    var table = TextTable([.init("#", .right), .init(Message.colDate()), .init(Message.colEntry(), fit: .wrap),
                                           .init(Message.colClerk(), fit: .optional), .init(Message.colNote())])
                    try database.forEachEntry(since: since) { entry, voidedBy in
                        table.append(["\(entry.seq)", entry.occurredOn.description, EntryText.summary(entry),
                                      entry.clerk, voidedBy.map { Message.voidedBy($0) } ?? ""])
                    }
                    let none = since > 0 ? Message.logNoneAfter(since) : Message.logNone()
                    out.write(table.rows.isEmpty ? none + "\n" : table.render(width: Terminal.width()))
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
