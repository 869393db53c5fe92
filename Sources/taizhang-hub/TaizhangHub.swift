import ArgumentParser
import TaizhangCommandLine
import TaizhangText

@main
struct TaizhangHub: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taizhang-hub",
        abstract: Message.hubAbstract(),
        discussion: Message.hubDiscussion(),
        version: TaizhangVersion.current,
        subcommands: [Init.self, Enroll.self, Revoke.self, Keys.self, Serve.self, Totals.self, Branches.self, Flags.self, Resolve.self, Export.self, Settings.self, Verify.self, Operators.self, Web.self]
    )

    static func main() {
        ProgramRunner.main(Self.self, ownLanguageOption: ["export"])
    }
}
