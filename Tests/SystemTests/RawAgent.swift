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

    /// The chain of the ledger made of `entries(1...seq)` for `branch` and `incarnation`.
    static func chain(branch: String, incarnation: [UInt8], through seq: Int64) -> [UInt8] {
        var chain = LedgerChain.genesis(branch: branch, incarnation: incarnation)
        if seq >= 1 {
            for entry in entries(1...seq) { chain = LedgerChain.next(chain, contentHash: SHA256.hash(entry)) }
        }
        return chain
    }

    /// HELLO from that ledger holding `lastSeq` entries.
    static func hello(branch: String, incarnation: [UInt8], lastSeq: Int64) -> WireMessage {
        .hello(incarnation: incarnation, lastSeq: lastSeq, chain: chain(branch: branch, incarnation: incarnation, through: lastSeq),
               branch: branch)
    }

    /// A BATCH of `entries(seqs)`, anchored as that ledger's agent would anchor it.
    static func batch(_ seqs: ClosedRange<Int64>, branch: String, incarnation: [UInt8]) -> WireMessage {
        .batch(previousChain: chain(branch: branch, incarnation: incarnation, through: seqs.lowerBound - 1), entries: entries(seqs))
    }

    /// A BATCH with an anchor that matters to nothing (refused before it is looked at).
    static func unanchored(_ entries: [[UInt8]]) -> WireMessage {
        .batch(previousChain: [UInt8](repeating: 0, count: 32), entries: entries)
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
