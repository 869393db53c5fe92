import AgentKit
import ArgumentParser
import Lifecycle
import Logging
import TaizhangCore
import TaizhangText

extension TaizhangAgent {
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync", abstract: Message.syncAbstract(), discussion: Message.syncDiscussion())
        @Option(help: ArgumentHelp(Message.optTimeout(), valueName: "seconds"))
        var timeout = 30
        @Flag(help: ArgumentHelp(Message.optVerbose()))
        var verbose = false
        @OptionGroup var data: DataOptions

        func validate() throws {
            guard (1...86_400).contains(timeout) else { throw Failure.refuse(Message.timeoutRange()) }
        }

        func run() throws {
            // An interactive command: the clerk reads sentences, not log lines.
            AgentLogging.bootstrap(level: verbose ? .info : .critical)
            try AgentLogging.withSession(data, announce: true) { session, stop, _ in
                let reporter = ProgressLine()
                let done = try session.syncAll(timeoutSeconds: timeout, stop: stop, progress: { reporter.show($0) },
                                               moved: { StandardStream.printError(Self.movedLine($0)) })
                print(Message.syncDone(done.lastSeq))
                if let flags = try? data.directory.open().syncState().hubFlags, flags.notice.entryFlags > 0 {
                    print(flags.notice.entryFlags == 1 ? Message.syncHubFlagsOne() : Message.syncHubFlags(flags.notice.entryFlags))
                }
            }
        }

        /// The progress line when the sync leaves a front-end for the next.
        static func movedLine(_ move: SyncSession.Move) -> String {
            switch move.reason {
            case .silent: Message.syncMovedSilent(move.from, move.to)
            case .cannotStore: Message.syncMovedCannotStore(move.from, move.to)
            }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run", abstract: Message.runAbstract(), discussion: Message.runDiscussion())
        @OptionGroup var data: DataOptions

        func run() throws {
            AgentLogging.bootstrap(level: .info)
            try AgentLogging.withSession(data, checkingFirst: true) { session, stop, logger in
                logger.info("running", metadata: ["branch": "\(session.info.branch)", "hub": "\(session.endpoint)",
                                                  "hubs": "\(session.info.hubList)",
                                                  "version": "\(TaizhangVersion.current)"])
                try session.runForever(stop: stop) { progress in
                    logger.debug("acknowledged", metadata: ["acked": "\(progress.ackedSeq)", "last": "\(progress.lastSeq)"])
                }
                logger.info("stopped")
            }
        }
    }
}

/// Logs to stderr, once per process; the shared start of `sync` and `run`.
enum AgentLogging {
    /// Opens the ledger and a session with the hub, with SIGINT/SIGTERM raising `stop`, and
    /// turns failures into the agent's one-sentence errors. A `--config` file whose hub
    /// differs from the ledger's is said so, once.
    /// `checkingFirst`: refuse to start on a damaged ledger (quick check and chain head).
    static func withSession(_ data: DataOptions, checkingFirst: Bool = false, announce: Bool = false,
                            _ body: (SyncSession, StopSignal, Logger) throws -> Void) throws {
        try Failure.reporting {
            let directory = data.directory
            // `sync` salvages what a damaged ledger still holds; `run` refuses to start on one.
            let database = try directory.open(checking: false)
            if checkingFirst { try database.checkAtStart() }
            if let file = data.file {
                let info = try database.info()
                // Compared as lists: spaces around the commas do not make a difference.
                if let hub = file.hub, (try? Endpoint.list(hub)) != info.hubEndpoints {
                    Failure.say(Message.configHubDiffers(hub, info.hubList))
                }
                if let key = file.hubKey, key != info.hubKey { Failure.say(Message.configHubKeyDiffers()) }
            }
            let logger = Logger(label: "taizhang.agent")
            let session = try SyncSession(directory: directory, database: database, logger: logger)
            if announce {
                StandardStream.printError(Message.syncConnecting(session.endpoint, try database.status().sync.pending))
            }
            let stop = StopSignal()
            let trap = SignalTrap(raising: stop)
            defer { withExtendedLifetime(trap) {} }
            try body(session, stop, logger)
        }
    }

    static func bootstrap(level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// "The hub holds 1500 of 7000 entries." on stderr, at most twice a second.
final class ProgressLine {
    private var lastShown: Int64 = 0

    func show(_ progress: SyncSession.Progress) {
        let now = Timestamp.now().millisecondsSinceEpoch
        guard now - lastShown >= 500 || progress.ackedSeq >= progress.lastSeq else { return }
        lastShown = now
        StandardStream.printError(Message.syncProgress(progress.ackedSeq, progress.lastSeq))
    }
}
