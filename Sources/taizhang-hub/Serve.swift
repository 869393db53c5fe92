import ArgumentParser
import HubKit
import Lifecycle
import Logging
import TaizhangText
import ZeroMQ

extension TaizhangHub {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Receive the agents' entries until SIGINT or SIGTERM.",
            discussion: """
                Prints 'serving on ENDPOINT' once it accepts connections (with a '*' port, the
                port the system chose). Logs go to stderr.

                Example:
                  taizhang-hub serve --bind tcp://*:7447
                """)
        @Option(help: ArgumentHelp("Where agents connect.", valueName: "endpoint"))
        var bind = "tcp://*:7447"
        @OptionGroup var data: HubDataOptions

        func run() throws {
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .info
                return handler
            }
            try Failure.reporting {
                let stop = StopSignal()
                let trap = SignalTrap(raising: stop)
                let server = try HubServer(directory: HubDirectory.resolve(data.data))
                do {
                    try server.serve(bind: bind, stop: stop) { endpoint in
                        let out = StandardStream.output()
                        out.write("serving on \(endpoint)\n")
                        out.flush()
                    }
                } catch let error as ZMQError {
                    throw HubError.invalidSetting("cannot serve on \(bind) (\(error)); check the address, or whether another hub already uses the port")
                }
                withExtendedLifetime(trap) {}
            }
        }
    }
}
