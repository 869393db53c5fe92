import ArgumentParser
import HubKit
import TaizhangCore
import TaizhangText

extension TaizhangHub {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: Message.hubVerifyAbstract(), discussion: Message.hubVerifyDiscussion())
        @Option(help: ArgumentHelp(Message.optVerifyBranch(), valueName: "id"))
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
                print(Message.hubVerifyDone(results.count, entries))
            }
        }
    }
}
