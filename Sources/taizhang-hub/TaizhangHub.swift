import ArgumentParser

@main
struct TaizhangHub: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taizhang-hub",
        abstract: "Receive every branch office's ledger, show the bureau's totals and late branches.",
        discussion: """
            The hub's database and keys live in --data (default $TAIZHANG_HUB_DATA, else
            ~/.local/share/taizhang/hub). Read-only commands work while 'serve' runs.

            Example:
              taizhang-hub init
              taizhang-hub enroll --branch sanchang --name 三厂分局 --key '<key printed by taizhang-agent init>'
              taizhang-hub serve --bind tcp://*:7447
              taizhang-hub totals --by-branch
            """,
        subcommands: [Init.self, Enroll.self, Revoke.self, Keys.self, Serve.self, Totals.self, Branches.self, Export.self, Settings.self, Verify.self, Operators.self, Web.self]
    )
}
