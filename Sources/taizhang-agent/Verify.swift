import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangText

extension TaizhangAgent {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: Message.verifyAbstract(), discussion: Message.verifyDiscussion())
        @OptionGroup var data: DataOptions

        func run() throws {
            try Failure.reporting {
                let result = try data.directory.open().verify()
                print(Message.verifyDone(result.branch, result.lastSeq, result.chain.hexString))
            }
        }
    }
}
