import Foundation
import TaizhangCore
import ZeroMQ

/// A protocol client written directly against libzmq and the codec, to send exactly the
/// messages a test needs (a duplicate batch, a lost ack) to a real hub.
final class RawAgent {
    let keys: CurveKeyPair
    let context: Context
    let socket: Socket
    /// The socket's events (connected, disconnected, handshake failures), when asked for:
    /// the positive signal that the hub dropped a connection, where a silence proves nothing.
    let monitor: SocketMonitor?

    init(endpoint: String, hubKey: String, keys: CurveKeyPair, routingId: [UInt8]? = nil, monitored: Bool = false) throws {
        self.keys = keys
        context = try Context()
        socket = try Socket(context: context, type: .dealer)
        if let routingId { try socket.setRoutingId(routingId) }
        try socket.setLinger(0)
        try socket.setReceiveTimeout(10_000)
        try socket.setSendTimeout(10_000)
        try socket.setCurveServerKey(hubKey)
        try socket.setCurvePublicKey(keys.publicKey)
        try socket.setCurveSecretKey(keys.secretKey)
        monitor = monitored ? try socket.monitor() : nil
        try socket.connect(endpoint)
    }

    deinit {
        monitor?.close()
        socket.close()
        context.close()
    }

    /// Sends one message and waits for the hub's reply (nil after 10 s).
    func exchange(_ message: WireMessage) throws -> WireMessage? {
        _ = try socket.send(message.encoded())
        guard let reply = try socket.receive(), reply.frames.count == 1 else { return nil }
        return try WireMessage.decode(reply.frames[0])
    }

    /// Waits (up to 30 s) until the monitor reports that the hub closed the connection.
    func waitForDisconnect() throws -> Bool {
        try monitor?.waitFor(timeout: 30_000) { $0 == .disconnected } != nil
    }

    static func entries(_ seqs: ClosedRange<Int64>, quantity: Int64 = 10) -> [[UInt8]] {
        seqs.map { seq in
            EntryCodec.encode(Entry(branch: "", seq: seq, material: .card, action: .receive, quantity: quantity,
                                    occurredOn: CivilDate("2008-05-01")!,
                                    recordedAt: Timestamp(millisecondsSinceEpoch: 1_209_600_000_000 + seq), clerk: "raw"))
        }
    }
}
