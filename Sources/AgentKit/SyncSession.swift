import Foundation
import Lifecycle
import Logging
import TaizhangCore
import ZeroMQ

/// Delivers the ledger's unacknowledged entries to the hub (docs/PROTOCOL.md): HELLO, then a
/// window of batches streamed from SQLite, resuming wherever the hub says it stands.
/// Lazy Pirate: a silent hub means close the socket, back off with jitter, reconnect.
/// Runs on the calling thread, which owns the socket; never call it from Swift's
/// cooperative pool.
public final class SyncSession {
    /// Tunables, with defaults suited to a branch office's link.
    public struct Options: Sendable {
        public var replyTimeoutMs = 3000
        public var window = 4
        public var batchEntries = 500
        public var heartbeatMs = 5000
        /// How often an idle agent checks the ledger for new entries (SQLite's data_version, a
        /// few microseconds), which bounds how long a new entry waits before it is sent.
        public var tickMs = 10
        /// The longest wait for a reply while nothing else could be done (a stop is noticed
        /// within it).
        public var blockedWaitMs = 250
        public var backoffStartMs = 250
        public var backoffMaxMs = 10_000
        public init() {}
    }

    /// The session leaves one front-end for the next (`HubRotation`), and why.
    public struct Move: Sendable, Equatable {
        public var from: String
        public var to: String
        public var reason: SyncConversation.Failover
    }

    /// Progress, reported after every acknowledgement.
    public struct Progress: Sendable {
        public var ackedSeq: Int64
        public var lastSeq: Int64
    }

    let database: AgentDatabase
    /// The ledger as the conversation sees it: the file, or the salvaged prefix of a damaged one.
    let ledger: any SyncLedger
    /// Set when the ledger file is damaged: what could be read is delivered, nothing is written.
    let salvage: SalvagedLedger?
    public let info: LedgerInfo
    let link: HubLink
    /// Which front-end of the office's list the link points at.
    var rotation: HubRotation
    /// The front-end that last answered ERROR 500, for the final word of a `sync` that gives up.
    var refusedBy: String?
    let options: Options
    let logger: Logger
    private let context: Context
    var backoffMs: Int

    public init(directory: AgentDirectory, database: AgentDatabase, options: Options = Options(),
                logger: Logger = Logger(label: "taizhang.agent.sync")) throws {
        self.database = database
        info = try database.info()
        if (try? database.checkPages()) == nil {
            let salvage = SalvagedLedger(reading: database, info: info)
            self.salvage = salvage
            ledger = salvage
        } else {
            salvage = nil
            ledger = database
        }
        self.options = options
        self.logger = logger
        context = try Context()
        rotation = HubRotation(endpoints: info.hubEndpoints, answered: try? ledger.syncState().hubAnswered)
        link = HubLink(context: context, endpoint: rotation.current, hubKey: info.hubKey, keys: try AgentKeys(directory: directory))
        backoffMs = options.backoffStartMs
    }

    deinit {
        link.close()
        context.close()
    }

    /// The front-end the session talks to (or will, at its next connection).
    public var endpoint: String { rotation.current }

    /// Sends everything recorded so far; returns once the hub holds it all, throws
    /// `SyncError.unreachable` (or `.hubCannotStore`) after `timeoutSeconds` without getting there.
    /// A silent front-end, or one that cannot store, is left for the next of the list at once
    /// (`moved` hears of it); after a whole round of them, the session backs off.
    public func syncAll(timeoutSeconds: Int, stop: StopSignal = StopSignal(), progress: (Progress) -> Void = { _ in },
                        moved: (Move) -> Void = { _ in }) throws -> Progress {
        let deadline = Self.nowMs() + Int64(timeoutSeconds) * 1000
        var state = try conversation()
        let target = state.lastSeq
        var handshakeFailed = false
        while true {
            if stop.isRaised { throw SyncError.interrupted(pending: state.lastSeq - state.acked) }
            let outcome = try converse(&state, until: { $0.holds(target) }, deadline: deadline,
                                       stop: stop, progress: progress, handshakeFailed: &handshakeFailed)
            if outcome == .done {
                if let salvage {
                    throw AgentError.damagedTail(path: database.path, delivered: state.acked,
                                                 firstUnreadable: salvage.firstUnreadable, detail: salvage.problem)
                }
                return Progress(ackedSeq: state.acked, lastSeq: state.lastSeq)
            }
            guard Self.nowMs() < deadline else {
                let pending = state.lastSeq - state.acked
                if let refusal = state.lastTransientRefusal {
                    throw noted(.hubCannotStore(endpoint: refusedBy ?? link.endpoint, pending: pending, message: refusal.message))
                }
                throw noted(.unreachable(endpoint: rotation.endpoints.joined(separator: ", "), seconds: timeoutSeconds,
                                         pending: pending, handshakeFailed: handshakeFailed))
            }
            if moveOn(after: state, moved: moved) { pause(until: deadline, stop: stop) }
        }
    }

    /// Stays connected until `stop`: sends new entries as they are recorded, heartbeats when
    /// idle, reconnects forever. A refusal (key not enrolled yet, ledger refused) is logged
    /// and noted for `status`, and retried at the longest backoff, since the operator may fix
    /// it at the hub. Throws only if the ledger itself cannot be read.
    public func runForever(stop: StopSignal, progress: (Progress) -> Void = { _ in }) throws {
        var state = try conversation()
        var handshakeFailed = false
        while !stop.isRaised {
            do {
                _ = try converse(&state, until: { _ in false }, deadline: .max, stop: stop, progress: progress,
                                 handshakeFailed: &handshakeFailed)
            } catch let error as SyncError {
                logger.error("hub refused this office", metadata: ["problem": "\(error)"])
                try? ledger.noteSyncProblem(error, at: .now())
                backoffMs = options.backoffMaxMs
                if !stop.isRaised { pause(until: .max, stop: stop) }
                continue
            }
            if !stop.isRaised, moveOn(after: state, moved: { _ in }) { pause(until: .max, stop: stop) }
        }
    }

    private func conversation() throws -> SyncConversation {
        let sync = try ledger.syncState()
        var limits = SyncConversation.Limits()
        limits.window = options.window
        limits.batchEntries = options.batchEntries
        limits.replyTimeoutMs = Int64(options.replyTimeoutMs)
        limits.heartbeatMs = Int64(options.heartbeatMs)
        return SyncConversation(acked: sync.ackedSeq, lastSeq: sync.lastSeq, limits: limits)
    }

    enum Outcome { case done, reconnect }

    static func nowMs() -> Int64 { Timestamp.now().millisecondsSinceEpoch }

    func resetBackoff() { backoffMs = options.backoffStartMs }

    /// After a connection ended short: if its front-end failed (`SyncConversation.failover`),
    /// the next connection goes to the next front-end. True when the caller should back off
    /// first: a whole round of the list failed, or the same front-end is tried again.
    private func moveOn(after state: SyncConversation, moved: (Move) -> Void) -> Bool {
        guard let reason = state.failover else { return true }
        let from = rotation.current
        if reason == .cannotStore { refusedBy = from }
        let wholeRound = rotation.failed()
        if rotation.current != from {
            logger.info("moving to the next hub front-end", metadata: ["from": "\(from)", "to": "\(rotation.current)", "reason": "\(reason)"])
            moved(Move(from: from, to: rotation.current, reason: reason))
        }
        return wholeRound
    }

    /// Sleeps the current backoff with ±25 % jitter, then doubles it.
    private func pause(until deadline: Int64, stop: StopSignal) {
        let jittered = Int(Double(backoffMs) * Double.random(in: 0.75...1.25))
        let wakeAt = min(deadline, Self.nowMs() + Int64(jittered))
        while Self.nowMs() < wakeAt, !stop.isRaised { usleep(20_000) }
        backoffMs = min(backoffMs * 2, options.backoffMaxMs)
    }
}
