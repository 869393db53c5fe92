import Lifecycle
import Logging
import TaizhangCore
import ZeroMQ

/// `taizhang-hub serve`: a CURVE ROUTER that admits only enrolled agents (through the ZAP
/// handler) and stores their entries. Runs on the calling thread, which owns the ROUTER
/// socket; the ZAP handler has its own thread.
public final class HubServer {
    /// Limits on what one agent may send (docs/PROTOCOL.md).
    public static let maxEntriesPerBatch: UInt16 = 500
    public static let maxBatchBytes: UInt32 = 1 << 20
    public static let maxFrameBytes: Int64 = 4 << 20
    static let maxFramesPerMessage = 4
    static let zapDomain = "taizhang"

    let database: HubDatabase
    let zone: BureauTimeZone
    let keys: CurveKeyPair
    let logger: Logger
    let keyCache = KeyCache()
    var problems = ProblemCounter()
    var sessions: [[UInt8]: Session] = [:]
    /// Error replies per connection in the current second: past `errorRepliesPerSecond` a
    /// misbehaving client gets silence, which costs the hub no encryption or sending.
    var errorReplies: [[UInt8]: (second: Int64, count: Int)] = [:]
    static let errorRepliesPerSecond = 20
    /// Replies decided but not yet sent: a group's wait for its commit.
    var outgoing: [(routingId: [UInt8], frame: [UInt8])] = []
    /// At most this many messages, or this many bytes of them, share one transaction: a
    /// group commits within a few tenths of a second, well inside an agent's reply timeout.
    static let groupMessages = 16
    static let groupBytes = 2 << 20
    private let context: Context
    private var lastPrune = Timestamp.now()
    private var lastKeyRefresh = Timestamp(millisecondsSinceEpoch: 0)
    /// The dashboard's view of this process (HubDatabase+Heartbeat).
    private var started = Timestamp.now(), lastHeartbeat = Timestamp(millisecondsSinceEpoch: 0)

    /// What the hub knows about one connection (routing id).
    struct Session {
        /// The authenticated key; a routing id reused by another key starts a new session.
        let key: String
        var conversation = HubConversation()
        var lastSeen: Timestamp
    }

    /// `zone` is the bureau's time zone: it decides the hub's today for the entries' date rule.
    public init(directory: HubDirectory, zone: BureauTimeZone = .default, logger: Logger = Logger(label: "taizhang.hub")) throws {
        self.zone = zone
        database = try directory.open()
        keys = try directory.keys()
        self.logger = logger
        context = try Context()
    }

    deinit { context.close() }

    /// Binds `endpoint`, calls `ready` with the endpoint actually bound (a `*` port resolved),
    /// and serves until `stop` is raised.
    public func serve(bind endpoint: String, stop: StopSignal, ready: (String) -> Void) throws {
        // A damaged database is never written to: refuse to start (docs/PROTOCOL.md).
        try database.checkAtStart()
        let watch = try DatabaseFileWatch(path: database.path)
        try refreshKeys()
        let zap = ZAPHandler(context: context, authenticate: authenticator())
        // Fail closed: without a running ZAP handler a CURVE server admits every key.
        try zap.start()
        defer { zap.stop() }
        let router = try context.socket(.router)
        defer { router.close() }
        try router.setLinger(0)
        try router.setRouterMandatory(true)
        try router.setMaxMessageSize(Self.maxFrameBytes)
        // A connection that does not finish its handshake in 10 s (raw TCP, silence) is dropped.
        try router.setHandshakeInterval(10_000)
        try router.setCurveServer(true)
        try router.setCurveSecretKey(keys.secretKey)
        try router.setZapDomain(Self.zapDomain)
        try router.bind(endpoint)
        let bound = (try? router.lastEndpoint) ?? nil
        started = Timestamp.now()
        heartbeat(now: started.millisecondsSinceEpoch)
        ready(bound ?? endpoint)
        logger.info("serving", metadata: ["endpoint": "\(bound ?? endpoint)"])
        while !stop.isRaised {
            let ready = try Poller.poll([PollItem(router, .readable)], timeout: 100)
            if let problem = watch.problem() {
                // Acknowledging into a deleted or replaced file would lose what is acknowledged.
                logger.error("the database file changed under the hub; stopping", metadata: ["problem": "\(problem)"])
                throw HubError.vanished(path: database.path, detail: problem)
            }
            if ready[0].contains(.readable) {
                // Drain what is waiting, a group at a time, but look at the stop flag and the
                // keys now and then.
                var drained = 0
                while drained < 256 {
                    let messages = try receiveGroup(router)
                    guard !messages.isEmpty else { break }
                    drained += messages.count
                    handleGroup(messages)
                    sendReplies(on: router)
                }
            }
            housekeeping()
        }
        logger.info("stopped", metadata: ["refused": "\(problems.totals)"])
    }

    /// The ZAP handler's decision: enrolled keys, and revoked or replaced ones (so they can be
    /// told), are admitted with the key as User-Id; unknown keys get nothing and are noted
    /// as pending for the operator.
    private func authenticator() -> @Sendable (ZAPRequest) -> ZAPDecision {
        let database = database, cache = keyCache, logger = logger
        return { request in
            guard request.domain == HubServer.zapDomain, let key = request.curvePublicKeyZ85 else {
                return .deny("CURVE required")
            }
            var standing = cache.standing(of: key)
            if standing == .unknown {
                // Enrolled in the last second? The cache refreshes once a second.
                standing = (try? database.keyStanding(key)) ?? .unknown
                if standing != .unknown { cache.note(key, standing) }
            }
            switch standing {
            case .enrolled, .refused:
                return .allow(userId: key)
            case .unknown:
                let now = Timestamp.now()
                if cache.shouldNote(key, at: now) {
                    do {
                        try database.notePendingKey(key, address: request.address, at: now)
                        logger.notice("refused an unknown key", metadata: ["key": "\(key)", "address": "\(request.address)"])
                    } catch {
                        logger.error("cannot note a pending key", metadata: ["error": "\(error)"])
                    }
                }
                return .deny("key not enrolled")
            }
        }
    }

    /// The messages waiting, up to a group's worth; each message's frames past the fourth
    /// dropped (it is then answered ERROR 400).
    private func receiveGroup(_ router: Socket) throws -> [Message] {
        var messages: [Message] = []
        var bytes = 0
        while messages.count < Self.groupMessages, bytes < Self.groupBytes,
              let message = try router.receive(dontWait: true, maxFrames: Self.maxFramesPerMessage, truncating: true) {
            messages.append(message)
            bytes += message.frames.reduce(0) { $0 + $1.count }
        }
        return messages
    }

    /// Handles `messages` in one transaction (HubDatabase.group): one commit for every batch
    /// among them, and no reply before it. If the group cannot commit, nothing of it was
    /// stored: the messages are handled again one by one, each in its own transaction, as if
    /// the group had never been tried (so each gets the answer it would have had alone).
    private func handleGroup(_ messages: [Message]) {
        let before = sessions
        do {
            try database.group {
                for message in messages { handle(message) }
            }
        } catch {
            logger.warning("a group of batches could not commit; storing them one by one", metadata: ["error": "\(error)"])
            sessions = before
            outgoing = []
            for message in messages { handle(message) }
        }
    }

    /// Sends the replies of the last group, in the order they were decided.
    private func sendReplies(on router: Socket) {
        for (routingId, frame) in outgoing {
            do {
                _ = try router.send([routingId, frame], dontWait: true)
            } catch {
                // A departed peer (EHOSTUNREACH) recovers by its own timeout and resend.
                if error.kind != .hostUnreachable { logger.warning("reply failed", metadata: ["error": "\(error)"]) }
            }
        }
        outgoing = []
    }

    /// Refreshes the key cache every second; forgets connections silent for ten minutes.
    private func housekeeping() {
        let now = Timestamp.now().millisecondsSinceEpoch
        heartbeat(now: now)
        if now - lastKeyRefresh.millisecondsSinceEpoch >= 1000 {
            do {
                try refreshKeys()
            } catch {
                logger.error("cannot read the enrolled keys", metadata: ["error": "\(error)"])
            }
        }
        if now - lastPrune.millisecondsSinceEpoch > 60_000 {
            lastPrune = Timestamp.now()
            sessions = sessions.filter { now - $0.value.lastSeen.millisecondsSinceEpoch < 600_000 }
            errorReplies = errorReplies.filter { now / 1000 - $0.value.second < 60 }
        }
    }

    /// A heartbeat every few seconds in its own small transaction; a failure is logged, never fatal.
    private func heartbeat(now: Int64) {
        guard now - lastHeartbeat.millisecondsSinceEpoch >= HubDatabase.heartbeatSeconds * 1000 else { return }
        lastHeartbeat = Timestamp(millisecondsSinceEpoch: now)
        do {
            try database.noteHeartbeat(startedAt: started, at: lastHeartbeat)
        } catch {
            logger.error("cannot note the heartbeat", metadata: ["error": "\(error)"])
        }
    }

    private func refreshKeys() throws {
        keyCache.replace(with: try database.keyStandings())
        lastKeyRefresh = Timestamp.now()
    }

    func reply(_ message: WireMessage, to routingId: [UInt8]) {
        outgoing.append((routingId, message.encoded()))
    }
}
