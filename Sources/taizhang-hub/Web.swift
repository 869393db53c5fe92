import ArgumentParser
import TaizhangText

#if canImport(Glibc)
import Glibc
#endif

extension TaizhangHub {
    /// The dashboard is its own program (taizhang-hub-web, beside this one), so the HTTP stack
    /// costs the hub's other commands nothing at start-up; `web` hands over to it.
    struct Web: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "web",
            abstract: Message.webCommandAbstract(), discussion: Message.webCommandDiscussion())
        @Argument(parsing: .captureForPassthrough, help: ArgumentHelp(Message.optWebArguments()))
        var arguments: [String] = []

        func run() throws {
            var buffer = [CChar](repeating: 0, count: 4096)
            let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            guard length > 0 else {
                StandardStream.printError("taizhang-hub: " + Message.errWebNoOwnFolder())
                throw ExitCode(3)
            }
            let me = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let folder = me.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let program = folder + "/taizhang-hub-web"
            let argv = ([program] + arguments).map { strdup($0) } + [nil]
            execv(program, argv)
            StandardStream.printError("taizhang-hub: " + Message.errWebCannotStart(program, String(cString: strerror(errno))))
            throw ExitCode(3)
        }
    }
}
