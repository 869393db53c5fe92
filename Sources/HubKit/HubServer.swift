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
    static let zapDomain = "taizhang"

    let database: HubDatabase
    let keys: CurveKeyPair
    let logger: Logger
    private let context: Context
    var sessions: [[UInt8]: Session] = [:]
    private var lastPrune = Timestamp.now()

    /// What the hub knows about one connected agent.
    struct Session {
        let branch: String
        var welcomed = false
        var lastSeen: Timestamp
    }

    public init(directory: HubDirectory, logger: Logger = Logger(label: "taizhang.hub")) throws {
        database = try directory.open()
        keys = try directory.keys()
        self.logger = logger
        context = try Context()
    }

    deinit { context.close() }

    /// Binds `endpoint`, calls `ready` with the endpoint actually bound (a `*` port resolved),
    /// and serves until `stop` is raised.
    public func serve(bind endpoint: String, stop: StopSignal, ready: (String) -> Void) throws {
        let database = self.database
        let logger = self.logger
        let zap = ZAPHandler(context: context) { request in
            // The branch comes from the key alone; the message body never names it.
            guard request.domain == HubServer.zapDomain, let key = request.curvePublicKeyZ85 else {
                return .deny("CURVE required")
            }
            do {
                if let branch = try database.branch(forKey: key) { return .allow(userId: branch) }
                logger.notice("refused an unknown key", metadata: ["key": "\(key)", "address": "\(request.address)"])
                return .deny("key not enrolled")
            } catch {
                logger.error("cannot check a key", metadata: ["error": "\(error)"])
                return .deny("hub cannot check keys now")
            }
        }
        // Fail closed: without a running ZAP handler a CURVE server admits every key.
        try zap.start()
        defer { zap.stop() }
        let router = try context.socket(.router)
        defer { router.close() }
        try router.setLinger(0)
        try router.setRouterMandatory(true)
        try router.setMaxMessageSize(Self.maxFrameBytes)
        try router.setCurveServer(true)
        try router.setCurveSecretKey(keys.secretKey)
        try router.setZapDomain(Self.zapDomain)
        try router.bind(endpoint)
        let bound = (try? router.lastEndpoint) ?? nil
        ready(bound ?? endpoint)
        logger.info("serving", metadata: ["endpoint": "\(bound ?? endpoint)"])
        while !stop.isRaised {
            let ready = try Poller.poll([PollItem(router, .readable)], timeout: 100)
            if ready[0].contains(.readable) {
                // Drain what is waiting, but look at the stop flag now and then.
                for _ in 0..<256 {
                    guard let message = try receive(router) else { break }
                    handle(message, on: router)
                }
            }
            pruneSessions()
        }
        logger.info("stopped")
    }

    private func receive(_ router: Socket) throws -> Message? {
        do {
            return try router.receive(dontWait: true, maxFrames: 4)
        } catch {
            if case .tooManyFrames = error.kind {
                logger.notice("dropped a message with too many frames")
                return nil
            }
            throw error
        }
    }

    /// Forgets agents silent for ten minutes, so departed peers do not pile up.
    private func pruneSessions() {
        let now = Timestamp.now()
        guard now.millisecondsSinceEpoch - lastPrune.millisecondsSinceEpoch > 60_000 else { return }
        lastPrune = now
        sessions = sessions.filter { now.millisecondsSinceEpoch - $0.value.lastSeen.millisecondsSinceEpoch < 600_000 }
    }

    func reply(_ message: WireMessage, to routingId: [UInt8], on router: Socket) {
        do {
            _ = try router.send([routingId, message.encoded()], dontWait: true)
        } catch {
            // A departed peer (EHOSTUNREACH) recovers by its own timeout and resend.
            if error.kind != .hostUnreachable { logger.warning("reply failed", metadata: ["error": "\(error)"]) }
        }
    }
}
