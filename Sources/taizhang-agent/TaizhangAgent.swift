import ArgumentParser
import TaizhangCommandLine
import TaizhangText

@main
struct TaizhangAgent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taizhang-agent",
        abstract: Message.agentAbstract(),
        discussion: Message.agentDiscussion(),
        version: TaizhangVersion.current,
        subcommands: [
            Init.self, BoardCommand.self, SignCommand.self, BadgeCommand.self,
            CardCommand.self, GuideCommand.self, VoidEntry.self, Log.self, Status.self, Sync.self, Run.self, Report.self,
            Verify.self, SetHub.self,
        ]
    )

    static func main() {
        ProgramRunner.main(Self.self, ownLanguageOption: ["report"], plainCommand: PlainRecording.command)
    }
}
