import AgentKit
import ArgumentParser
import Lifecycle
import Logging
import TaizhangCore
import TaizhangText

extension TaizhangAgent {
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Push every unacknowledged entry to the hub, with progress.",
            discussion: """
                Exits 0 once the hub holds every entry; exits 4 with the reason if the hub cannot
                be reached or refuses. Nothing is lost either way: the next sync resumes.

                Example:
                  taizhang-agent sync --timeout 60
                """)
        @Option(help: ArgumentHelp("Give up after this many seconds without finishing.", valueName: "seconds"))
        var timeout = 30
        @OptionGroup var data: DataOptions

        func validate() throws {
            guard (1...86_400).contains(timeout) else { throw ValidationError("--timeout takes 1 to 86400 seconds") }
        }

        func run() throws {
            AgentLogging.bootstrap(level: .warning)
            try AgentLogging.withSession(data) { session, stop, _ in
                let reporter = ProgressLine()
                let done = try session.syncAll(timeoutSeconds: timeout, stop: stop) { reporter.show($0) }
                print("The hub holds all \(done.lastSeq) entries of this office.")
            }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Stay up: report new entries as they are recorded, reconnect forever; stop with SIGINT/SIGTERM.",
            discussion: """
                Meant to run as a service (see agents/ for a systemd unit). Logs go to stderr.

                Example:
                  taizhang-agent run --data /var/lib/taizhang/agent
                """)
        @OptionGroup var data: DataOptions

        func run() throws {
            AgentLogging.bootstrap(level: .info)
            try AgentLogging.withSession(data, checkingFirst: true) { session, stop, logger in
                logger.info("running", metadata: ["branch": "\(session.info.branch)", "hub": "\(session.info.hubEndpoint)"])
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
    /// turns failures into the agent's one-sentence errors.
    /// `checkingFirst`: refuse to start on a damaged ledger (quick check and chain head).
    static func withSession(_ data: DataOptions, checkingFirst: Bool = false,
                            _ body: (SyncSession, StopSignal, Logger) throws -> Void) throws {
        try Failure.reporting {
            let directory = data.directory
            // `sync` salvages what a damaged ledger still holds; `run` refuses to start on one.
            let database = try directory.open(checking: false)
            if checkingFirst { try database.checkAtStart() }
            let stop = StopSignal()
            let trap = SignalTrap(raising: stop)
            defer { withExtendedLifetime(trap) {} }
            let logger = Logger(label: "taizhang.agent")
            try body(try SyncSession(directory: directory, database: database, logger: logger), stop, logger)
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

/// "Acknowledged 1500 of 7000 entries" on stderr, at most a few times a second.
final class ProgressLine {
    private var lastShown: Int64 = 0

    func show(_ progress: SyncSession.Progress) {
        let now = Timestamp.now().millisecondsSinceEpoch
        guard now - lastShown >= 500 || progress.ackedSeq >= progress.lastSeq else { return }
        lastShown = now
        StandardStream.printError("sync: the hub holds \(progress.ackedSeq) of \(progress.lastSeq) entries")
    }
}
