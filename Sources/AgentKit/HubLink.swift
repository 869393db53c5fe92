import TaizhangCore
import ZeroMQ

/// The agent's encrypted connection to the hub: one DEALER socket and its monitor.
/// Not Sendable: owned by the one thread that syncs.
final class HubLink {
    enum Event {
        case message(WireMessage)
        case undecodable(WireError)
        case monitor(MonitorEvent)
    }

    let context: Context
    /// Where and to whom; `set-hub` may change them under a running agent (see `retarget`).
    private(set) var endpoint: String
    private(set) var hubKey: String
    let keys: AgentKeys
    private var socket: Socket?
    private var monitor: SocketMonitor?

    init(context: Context, endpoint: String, hubKey: String, keys: AgentKeys) {
        self.context = context
        self.endpoint = endpoint
        self.hubKey = hubKey
        self.keys = keys
    }

    deinit { close() }

    /// Points the next `open()` at another hub (the ledger's hub was changed by `set-hub`).
    func retarget(endpoint: String, hubKey: String) {
        self.endpoint = endpoint
        self.hubKey = hubKey
    }

    /// A fresh socket each time (Lazy Pirate): nothing queued on the old one survives.
    func open() throws(ZMQError) {
        close()
        let socket = try Socket(context: context, type: .dealer)
        try socket.setLinger(0)
        try socket.setCurveServerKey(hubKey)
        try socket.setCurvePublicKey(keys.publicKey)
        try socket.setCurveSecretKey(keys.secretKey)
        try socket.setMaxMessageSize(4 << 20)
        try socket.setReconnectInterval(250)
        try socket.setReconnectIntervalMax(5000)
        // The monitor's reader must be connected before connect(), or early events are lost.
        monitor = try socket.monitor(events: [.handshake, .connected, .disconnected, .connectRetried])
        try socket.connect(endpoint)
        self.socket = socket
    }

    func close() {
        monitor?.close()
        monitor = nil
        socket?.close()
        socket = nil
    }

    /// Queues `message`; false if the socket is at its high-water mark.
    func send(_ message: WireMessage) throws(ZMQError) -> Bool {
        guard let socket else { return false }
        return try socket.send(message.encoded(), dontWait: true)
    }

    /// Waits up to `timeout` ms for a reply or a monitor event.
    func next(timeout: Int) throws(ZMQError) -> Event? {
        guard let socket, let monitor else { return nil }
        let ready = try Poller.poll([PollItem(socket, .readable), PollItem(monitor.reader, .readable)], timeout: timeout)
        if ready[1].contains(.readable), let record = try monitor.nextEvent(timeout: 0) {
            return .monitor(record.event)
        }
        guard ready[0].contains(.readable) else { return nil }
        let message: Message?
        do {
            message = try socket.receive(dontWait: true, maxFrames: 1)
        } catch {
            if case .tooManyFrames = error.kind { return .undecodable(.malformed("more than one frame")) }
            throw error
        }
        guard let message else { return nil }
        do {
            return .message(try WireMessage.decode(message.frames[0]))
        } catch {
            return .undecodable(error)
        }
    }
}
