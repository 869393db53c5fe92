import ArgumentParser
import Foundation
import HubKit
import TaizhangCore
import TaizhangText

extension TaizhangHub {
    struct Flags: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "flags", abstract: Message.flagsAbstract(), discussion: Message.flagsDiscussion())
        @Option(help: ArgumentHelp(Message.optFlagsBranch(), valueName: "id"))
        var branch: String?
        @Flag(help: ArgumentHelp(Message.optFlagsAll()))
        var all = false
        @Flag(help: ArgumentHelp(Message.optPrintJSON()))
        var json = false
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let flags = try HubDirectory.resolve(data.data).open().flags(branch: branch, includeSettled: all)
                if json {
                    print(JSONValue.array(flags.map(FlagText.json)).rendered())
                } else if flags.isEmpty {
                    print(all ? Message.flagsNoneAtAll() : Message.flagsNone())
                } else {
                    print(FlagText.table(flags, settled: all, zone: data.timeZone, width: Terminal.width()), terminator: "")
                }
            }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve", abstract: Message.resolveAbstract(), discussion: Message.resolveDiscussion())
        @Option(help: ArgumentHelp(Message.optResolveFlag(), valueName: "id"))
        var flag: String
        @Option(help: ArgumentHelp(Message.optResolveNote(), valueName: "text"))
        var note: String
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                do {
                    let database = try HubDirectory.resolve(data.data).open()
                    let (settled, open) = try database.resolveFlag(id: flag, note: note, by: FlagText.operatorLogin(), at: .now())
                    print(Message.resolved(settled.id, FlagText.kind(settled.kind), settled.branch, settled.settledBy ?? ""))
                    print(open == 0 ? Message.resolvedBranchClear(settled.branch) : Message.resolvedBranchOpen(settled.branch, open))
                } catch let error as FlagError {
                    Failure.say(FlagText.sentence(error, zone: data.timeZone))
                    throw ExitCode(1)
                }
            }
        }
    }
}

/// Flags for operators and scripts.
enum FlagText {
    static func kind(_ kind: String) -> String {
        Message(rawValue: "flagKind_" + kind).map { $0() } ?? kind
    }

    /// What to do, in the operator's language; `{0}` in the text is the entry's seq.
    static func toDo(_ flag: FlagRecord) -> String {
        let seq = flag.seq.map { "\($0)" } ?? "N"
        return Message(rawValue: "flagToDo_" + flag.kind).map { $0(seq) } ?? Message.flagToDoOther()
    }

    static func table(_ flags: [FlagRecord], settled: Bool, zone: BureauTimeZone, width: Int?) -> String {
        var columns: [TextTable.Column] = [
            .init(Message.colFlagID(), .right), .init(Message.colBranch()), .init(Message.colKind()),
            .init(Message.colFlagEntry(), .right), .init(Message.colFlagSince()), .init(Message.colToDo(), fit: .wrap),
        ]
        if settled { columns.append(.init(Message.colSettled(), fit: .wrap)) }
        columns.append(.init(Message.colFlagDetail(), fit: .optional))
        var table = TextTable(columns)
        for flag in flags {
            var row = ["\(flag.id)", flag.branch, kind(flag.kind), flag.seq.map { "#\($0)" } ?? "", zone.clockTime(at: flag.since),
                       flag.isOpen ? toDo(flag) : ""]
            if settled { row.append(state(flag, zone: zone)) }
            row.append(FlagWording.sentence(flag.wording, detail: flag.detail))
            table.append(row)
        }
        return table.render(width: width)
    }

    static func state(_ flag: FlagRecord, zone: BureauTimeZone) -> String {
        guard let at = flag.settledAt else { return Message.flagOpen() }
        guard let by = flag.settledBy else { return Message.flagSettledByOffice(zone.clockTime(at: at)) }
        return Message.flagSettledBy(zone.clockTime(at: at), by, flag.note ?? "")
    }

    static func json(_ flag: FlagRecord) -> JSONValue {
        .object([
            ("id", .int(flag.id)), ("branch", .string(flag.branch)), ("kind", .string(flag.kind)),
            ("seq", .optional(flag.seq)), ("since", .string(flag.since.description)), ("detail", .string(flag.detail)),
            ("toDo", .string(Message(rawValue: "flagToDo_" + flag.kind)?.text(.en, [flag.seq.map { "\($0)" } ?? "N"])
                ?? Message.flagToDoOther.text(.en))),
            ("open", .bool(flag.isOpen)), ("settledAt", flag.settledAt.map { .string($0.description) } ?? .null),
            ("settledBy", .optional(flag.settledBy)), ("note", .optional(flag.note)),
            ("wording", flag.wording.map { .object([("code", .string($0.code.rawValue)), ("arguments", .array($0.arguments.map(JSONValue.string)))]) } ?? .null),
        ])
    }

    static func sentence(_ error: FlagError, zone: BureauTimeZone) -> String {
        switch error {
        case .unknown(let id): Message.errUnknownFlag(id)
        case .alreadySettled(let flag):
            Message.errFlagSettled(flag.id, flag.settledAt.map(zone.clockTime) ?? "?",
                                   flag.settledBy ?? Message.flagByOffice())
        case .emptyNote: Message.errEmptyNote()
        case .noteTooLong(let limit): Message.errNoteTooLong(limit)
        }
    }

    /// Who is settling: the login of the user running the command on the hub's machine.
    static func operatorLogin() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(geteuid())"
    }
}
