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
            abstract: "The operator's dashboard in a browser (default http://127.0.0.1:8447/).",
            discussion: """
                Runs taizhang-hub-web from the same folder with the same arguments; see
                'taizhang-hub-web --help'. A non-loopback --bind needs --tls-cert and --tls-key.

                Example:
                  taizhang-hub operator add --login wang --role viewer
                  taizhang-hub web --bind 127.0.0.1:8447
                """)
        @Argument(parsing: .captureForPassthrough, help: "Arguments for taizhang-hub-web (--bind, --data, --config, --tls-cert, --tls-key).")
        var arguments: [String] = []

        func run() throws {
            var buffer = [CChar](repeating: 0, count: 4096)
            let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            guard length > 0 else {
                StandardStream.printError("taizhang-hub: cannot find this program's own folder to start taizhang-hub-web; run taizhang-hub-web directly")
                throw ExitCode(3)
            }
            let me = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let folder = me.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let program = folder + "/taizhang-hub-web"
            let argv = ([program] + arguments).map { strdup($0) } + [nil]
            execv(program, argv)
            StandardStream.printError("taizhang-hub: cannot start \(program) (\(String(cString: strerror(errno)))); build it with 'swift build' or install it beside taizhang-hub")
            throw ExitCode(3)
        }
    }
}
