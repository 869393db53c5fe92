import ArgumentParser
import HubKit
import TaizhangCore
import TaizhangText

extension TaizhangHub {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check the hub database: SQLite's integrity check, then every entry's hash and chain from its stored bytes.",
            discussion: """
                Exits 0 with a one-line summary, or 3 naming the branch and the first entry that
                does not verify. Safe while 'serve' runs (it only reads).

                Example:
                  taizhang-hub verify --branch sanchang
                """)
        @Option(help: ArgumentHelp("Check only this branch.", valueName: "id"))
        var branch: String?
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let database = try HubDirectory.resolve(data.data).open()
                let results = try database.verify(branch: branch)
                if let bad = results.first(where: { $0.firstBadSeq != nil }), let seq = bad.firstBadSeq {
                    throw HubError.verifyFailed(path: database.path, branch: bad.branch, seq: seq, detail: bad.problem ?? "damaged")
                }
                let entries = results.reduce(0) { $0 + $1.heldSeq }
                print("The hub database verifies: \(results.count) branches, \(entries) entries, every hash and chain recomputed from the stored bytes.")
            }
        }
    }
}
