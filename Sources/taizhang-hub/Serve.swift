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
                  taizhang-hub serve --config /etc/taizhang/hub.toml
                """)
        @Option(name: .customLong("bind"), help: ArgumentHelp("Where agents connect (default: 'bind' in --config, else tcp://*:7447).", valueName: "endpoint"))
        var bindFlag: String?
        @OptionGroup var data: HubDataOptions

        static let defaultBind = "tcp://*:7447"
        var bind: String { bindFlag ?? data.file?.bind ?? Self.defaultBind }

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
