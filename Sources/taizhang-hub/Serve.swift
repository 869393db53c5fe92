import ArgumentParser
import HubKit
import Lifecycle
import Logging
import TaizhangCore
import TaizhangText
import ZeroMQ

extension TaizhangHub {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve", abstract: Message.serveAbstract(), discussion: Message.serveDiscussion())
        @Option(name: .customLong("bind"), help: ArgumentHelp(Message.optBind(), valueName: "endpoint"))
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
                if Endpoint.problem(in: bind, binding: true) != nil, !bind.hasPrefix("ipc://"), !bind.hasPrefix("inproc://") {
                    throw HubError.invalidSetting(Message.badBind(bind))
                }
                let directory = HubDirectory.resolve(data.data)
                let lock = try Self.lock(directory)
                Logger(label: "taizhang.hub").info("starting", metadata: ["version": "\(TaizhangVersion.current)"])
                let stop = StopSignal()
                let trap = SignalTrap(raising: stop)
                let server = try HubServer(directory: directory, zone: data.timeZone)
                do {
                    try server.serve(bind: bind, stop: stop) { endpoint in
                        let out = StandardStream.output()
                        out.write("serving on \(endpoint)\n")
                        out.flush()
                    }
                } catch let error as ZMQError {
                    throw HubError.invalidSetting(Message.serveCannot(bind, error))
                }
                withExtendedLifetime(trap) {}
                withExtendedLifetime(lock) {}
            }
        }

        /// One `serve` per data folder: a second one refuses, naming the first's PID.
        static func lock(_ directory: HubDirectory) throws -> ServeLock {
            do {
                return try ServeLock(directory: directory)
            } catch ServeLock.Failure.held(let pid, _) {
                Failure.say(Message.errServeRunning(pid, directory.path))
                throw ExitCode(1)
            } catch ServeLock.Failure.unusable(let path, let detail) {
                Failure.say(Message.errServeLock(path, detail))
                throw ExitCode(3)
            }
        }
    }
}
