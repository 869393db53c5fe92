/// A received multipart message plus its connection metadata; Sendable value, safe on any thread.
public struct Message: Sendable, Equatable {
    /// The frames, in order. For ROUTER sockets the first frame is the peer's routing id.
    public var frames: [[UInt8]]
    /// Metadata read with zmq_msg_gets on the first frame that carries any (a ROUTER's routing-id frame carries none), keyed by property name
    /// (only those present; see `Message.propertyNames`).
    public var properties: [String: String]
    /// Frames received past `maxFrames` and dropped, with `receive(…, truncating: true)`.
    public var discardedFrames = 0

    /// The properties `Socket.receive` asks libzmq for.
    public static let propertyNames = ["Socket-Type", "Routing-Id", "Identity", "Peer-Address", "User-Id"]

    public init(frames: [[UInt8]], properties: [String: String] = [:]) {
        self.frames = frames
        self.properties = properties
    }

    /// The ZAP user id of the authenticated peer ("User-Id"), if the connection had one.
    public var userId: String? { properties["User-Id"] }
    /// The peer's IP address ("Peer-Address"), for TCP connections.
    public var peerAddress: String? { properties["Peer-Address"] }
    /// The routing id the peer announced in its handshake, if any. libzmq 4.3 stores it under the
    /// ZMTP name "Identity" (zmq_msg_gets("Routing-Id") returns NULL there), so both are checked.
    public var peerRoutingId: String? { properties["Routing-Id"] ?? properties["Identity"] }
}
