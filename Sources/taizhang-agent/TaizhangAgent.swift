import ArgumentParser

@main
struct TaizhangAgent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taizhang-agent",
        abstract: "Keep a branch office's ledger of public-disclosure materials and report it to the bureau's hub.",
        discussion: """
            Every change is one command; the ledger lives in --data (default $TAIZHANG_AGENT_DATA,
            else ~/.local/share/taizhang/agent).

            Example:
              taizhang-agent init --branch sanchang --name 三厂分局 --hub tcp://hub.bureau.local:7447 --hub-key '<40-character key>'
              taizhang-agent board install --tag GS-01 --location 大厅东墙
              taizhang-agent status
            """,
        subcommands: [
            Init.self, BoardCommand.self, SignCommand.self, BadgeCommand.self,
            CardCommand.self, GuideCommand.self, VoidEntry.self, Log.self, Status.self, Sync.self, Run.self, Report.self, Verify.self,
        ]
    )
}
