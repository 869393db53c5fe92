import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangText

extension TaizhangAgent {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check the ledger: SQLite's integrity check, then every entry's hash and chain recomputed.",
            discussion: """
                Exits 0 with a one-line summary, or 3 naming the first entry that does not verify.

                Example:
                  taizhang-agent verify
                """)
        @OptionGroup var data: DataOptions

        func run() throws {
            try Failure.reporting {
                let result = try data.directory.open().verify()
                print("The ledger of \(result.branch) verifies: \(result.lastSeq) entries, chain \(result.chain.hexString).")
            }
        }
    }
}
