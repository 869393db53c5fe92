import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangText

/// `retire` for boards and signs.
struct RetireOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Message.optTag(), valueName: "tag"))
    var tag: String
    @Option(help: ArgumentHelp(Message.optRetireReason(), valueName: "text"))
    var reason: String
    @OptionGroup var record: RecordOptions

    func run(_ material: Material) throws {
        try Recording.record(record, RecordingDraft.retire(material, tag: tag, reason: reason))
    }
}

/// `list` for boards, signs and badges.
struct ListOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(Message.optAll()))
    var all = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var data: DataOptions

    func run(_ material: Material) throws {
        try Failure.reporting {
            let items = try data.directory.open().items(material, includeRetired: all)
            if output.json {
                print(JSONValue.array(items.map(ItemText.json)).rendered())
            } else if items.isEmpty {
                print(all ? Message.listNoneAtAll(material.rawValue) : Message.listNoneInService(material.rawValue))
            } else {
                print(ItemText.table(items, material).render(width: Terminal.width()), terminator: "")
            }
        }
    }
}

struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: Message.boardAbstract(),
        subcommands: [Install.self, Retire.self, List.self])

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install", abstract: Message.boardInstallAbstract(), discussion: Message.boardInstallDiscussion())
        @Option(help: ArgumentHelp(Message.optBoardTag(), valueName: "tag"))
        var tag: String
        @Option(help: ArgumentHelp(Message.optWhereHangs(), valueName: "text"))
        var location: String
        @Flag(help: ArgumentHelp(Message.optNonstandard()))
        var nonstandard = false
        @OptionGroup var record: RecordOptions

        func run() throws {
            try Recording.record(record, RecordingDraft.boardInstall(tag: tag, location: location, nonstandard: nonstandard))
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retire", abstract: Message.boardRetireAbstract(), discussion: Message.boardRetireDiscussion())
        @OptionGroup var options: RetireOptions
        func run() throws { try options.run(.board) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Message.boardListAbstract(), discussion: Message.boardListDiscussion())
        @OptionGroup var options: ListOptions
        func run() throws { try options.run(.board) }
    }
}

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: Message.signAbstract(),
        subcommands: [Install.self, Retire.self, List.self])

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install", abstract: Message.signInstallAbstract(), discussion: Message.signInstallDiscussion())
        @Option(help: ArgumentHelp(Message.optSignTag(), valueName: "tag"))
        var tag: String
        @Option(help: ArgumentHelp(Message.optWhereHangs(), valueName: "text"))
        var location: String
        @OptionGroup var record: RecordOptions

        func run() throws {
            try Recording.record(record, RecordingDraft.signInstall(tag: tag, location: location))
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retire", abstract: Message.signRetireAbstract(), discussion: Message.signRetireDiscussion())
        @OptionGroup var options: RetireOptions
        func run() throws { try options.run(.sign) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Message.signListAbstract(), discussion: Message.signListDiscussion())
        @OptionGroup var options: ListOptions
        func run() throws { try options.run(.sign) }
    }
}

struct BadgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "badge", abstract: Message.badgeAbstract(),
        subcommands: [Issue.self, Revoke.self, List.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue", abstract: Message.badgeIssueAbstract(), discussion: Message.badgeIssueDiscussion())
        @Option(help: ArgumentHelp(Message.optBadgeNumber(), valueName: "number"))
        var number: String
        @Option(help: ArgumentHelp(Message.optStaff(), valueName: "name"))
        var staff: String
        @OptionGroup var record: RecordOptions

        func run() throws {
            try Recording.record(record, RecordingDraft.badgeIssue(number: number, staff: staff))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: Message.badgeRevokeAbstract(), discussion: Message.badgeRevokeDiscussion())
        @Option(help: ArgumentHelp(Message.optBadgeNumber(), valueName: "number"))
        var number: String
        @Option(help: ArgumentHelp(Message.optRevokeReason(), valueName: "reason"), completion: .list(FixedValues.revokeReasonSpellings))
        var reason: String
        @OptionGroup var record: RecordOptions

        func run() throws {
            try Recording.record(record, RecordingDraft.badgeRevoke(number: number, reason: reason))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Message.badgeListAbstract(), discussion: Message.badgeListDiscussion())
        @OptionGroup var options: ListOptions
        func run() throws { try options.run(.badge) }
    }
}
