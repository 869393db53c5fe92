import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangText

/// `retire` for boards and signs.
struct RetireOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The tag of the item.", valueName: "tag"))
    var tag: String
    @Option(help: ArgumentHelp("Why it comes down.", valueName: "text"))
    var reason: String
    @OptionGroup var record: RecordOptions

    func run(_ material: Material) throws {
        try Recording.record(record) { date, clerk in
            EntryDraft(material: material, action: .retire, item: tag, details: EntryDetails(reason: reason),
                       occurredOn: date, clerk: clerk)
        }
    }
}

/// `list` for boards, signs and badges.
struct ListOptions: ParsableArguments {
    @Flag(help: "Include items no longer in service.")
    var all = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var data: DataOptions

    func run(_ material: Material) throws {
        try Failure.reporting {
            let items = try data.directory.open().items(material, includeRetired: all)
            if output.json {
                print(JSONValue.array(items.map(ItemText.json)).rendered())
            } else if items.isEmpty {
                print("No \(material.englishName)s \(all ? "in the ledger" : "in service").")
            } else {
                print(ItemText.table(items, material), terminator: "")
            }
        }
    }
}

struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: "Notice boards (公示栏): install, retire, list.",
        subcommands: [Install.self, Retire.self, List.self])

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "A notice board goes up.",
            discussion: "Example:\n  taizhang-agent board install --tag GS-01 --location 大厅东墙")
        @Option(help: ArgumentHelp("The board's tag, unique in this office.", valueName: "tag"))
        var tag: String
        @Option(help: ArgumentHelp("Where it hangs.", valueName: "text"))
        var location: String
        @Flag(help: "The board does not conform to the uniform standard.")
        var nonstandard = false
        @OptionGroup var record: RecordOptions

        func run() throws {
            try Recording.record(record) { date, clerk in
                EntryDraft(material: .board, action: .install, item: tag,
                           details: EntryDetails(location: location, standard: !nonstandard),
                           occurredOn: date, clerk: clerk)
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retire",
            abstract: "A notice board comes down.",
            discussion: "Example:\n  taizhang-agent board retire --tag GS-01 --reason '更换为统一标准公示栏'")
        @OptionGroup var options: RetireOptions
        func run() throws { try options.run(.board) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Notice boards in service (--all: retired too).",
            discussion: "Example:\n  taizhang-agent board list --all --json")
        @OptionGroup var options: ListOptions
        func run() throws { try options.run(.board) }
    }
}

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Staff whereabouts/direction signs (人员去向牌): install, retire, list.",
        subcommands: [Install.self, Retire.self, List.self])

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "A whereabouts sign goes up.",
            discussion: "Example:\n  taizhang-agent sign install --tag QX-01 --location 二楼办公室门口")
        @Option(help: ArgumentHelp("The sign's tag, unique in this office.", valueName: "tag"))
        var tag: String
        @Option(help: ArgumentHelp("Where it hangs.", valueName: "text"))
        var location: String
        @OptionGroup var record: RecordOptions

        func run() throws {
            try Recording.record(record) { date, clerk in
                EntryDraft(material: .sign, action: .install, item: tag, details: EntryDetails(location: location),
                           occurredOn: date, clerk: clerk)
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retire",
            abstract: "A whereabouts sign comes down.",
            discussion: "Example:\n  taizhang-agent sign retire --tag QX-01 --reason 损坏")
        @OptionGroup var options: RetireOptions
        func run() throws { try options.run(.sign) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Whereabouts signs in service (--all: retired too).",
            discussion: "Example:\n  taizhang-agent sign list")
        @OptionGroup var options: ListOptions
        func run() throws { try options.run(.sign) }
    }
}

struct BadgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "badge", abstract: "Staff badges (胸卡): issue, revoke, list.",
        subcommands: [Issue.self, Revoke.self, List.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue",
            abstract: "A badge is issued to a staff member.",
            discussion: "Example:\n  taizhang-agent badge issue --number 0042 --staff 王芳")
        @Option(help: ArgumentHelp("The badge number.", valueName: "number"))
        var number: String
        @Option(help: ArgumentHelp("The staff member's name.", valueName: "name"))
        var staff: String
        @OptionGroup var record: RecordOptions

        func run() throws {
            try Recording.record(record) { date, clerk in
                EntryDraft(material: .badge, action: .issue, item: number, details: EntryDetails(staff: staff),
                           occurredOn: date, clerk: clerk)
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "A badge is taken out of use.",
            discussion: "Example:\n  taizhang-agent badge revoke --number 0042 --reason lost")
        @Option(help: ArgumentHelp("The badge number.", valueName: "number"))
        var number: String
        @Option(help: ArgumentHelp("lost, returned or departed.", valueName: "reason"))
        var reason: String
        @OptionGroup var record: RecordOptions

        func run() throws {
            try Recording.record(record) { date, clerk in
                EntryDraft(material: .badge, action: .revoke, item: number, details: EntryDetails(reason: reason),
                           occurredOn: date, clerk: clerk)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Active badges (--all: revoked too).",
            discussion: "Example:\n  taizhang-agent badge list --all")
        @OptionGroup var options: ListOptions
        func run() throws { try options.run(.badge) }
    }
}
