import CZeroMQ

/// A libzmq socket; NOT thread-safe: use it from one thread at a time (hand-over needs a memory barrier).
///
/// Sockets are created with linger 0 (like CZMQ), so closing one never makes the context wait
/// for unsent messages; call `setLinger(_:)` to change that. `close()` is idempotent and `deinit`
/// closes. The socket keeps its `Context` alive.
public final class Socket {
    /// The context this socket belongs to.
    public let context: Context
    /// The socket pattern it was created with.
    public let type: SocketType
    private var handle: UnsafeMutableRawPointer?

    /// Creates a socket of `type` in `context`.
    public init(context: Context, type: SocketType) throws(ZMQError) {
        // Created under the context's lock so a concurrent `Context.close()` cannot free it meanwhile.
        let handle = try context.withHandle("zmq_socket") { (ctx) throws(ZMQError) -> UnsafeMutableRawPointer in
            guard let socket = zmq_socket(ctx.raw, type.rawValue) else {
                throw ZMQError(operation: "zmq_socket", errno: zmq_errno())
            }
            return socket
        }
        self.context = context
        self.type = type
        self.handle = handle
        try setLinger(0)
    }

    deinit {
        close()
    }

    /// Whether `close()` has been called.
    public var isClosed: Bool { handle == nil }

    /// Closes the socket (zmq_close). Idempotent; later calls on the socket throw `.socketClosed`.
    public func close() {
        guard let handle else { return }
        self.handle = nil
        // zmq_close only fails with ENOTSOCK for an invalid handle, which cannot happen here.
        _ = zmq_close(handle)
    }

    /// The raw libzmq socket handle, or a `.socketClosed` error.
    func liveHandle(_ operation: String) throws(ZMQError) -> UnsafeMutableRawPointer {
        guard let handle else { throw .socketClosed(operation) }
        return handle
    }

    /// Binds to `endpoint`, e.g. "tcp://127.0.0.1:*" (then read `lastEndpoint` for the port).
    public func bind(_ endpoint: String) throws(ZMQError) {
        let socket = try liveHandle("zmq_bind")
        try zmqCheck("zmq_bind", endpoint: endpoint) { zmq_bind(socket, endpoint) }
    }

    /// Connects to `endpoint`; succeeds before the peer exists (libzmq connects in the background).
    public func connect(_ endpoint: String) throws(ZMQError) {
        let socket = try liveHandle("zmq_connect")
        try zmqCheck("zmq_connect", endpoint: endpoint) { zmq_connect(socket, endpoint) }
    }

    /// Stops listening on `endpoint` (must be the exact string bound, or `lastEndpoint` for wildcards).
    public func unbind(_ endpoint: String) throws(ZMQError) {
        let socket = try liveHandle("zmq_unbind")
        try zmqCheck("zmq_unbind", endpoint: endpoint) { zmq_unbind(socket, endpoint) }
    }

    /// Disconnects from `endpoint`.
    public func disconnect(_ endpoint: String) throws(ZMQError) {
        let socket = try liveHandle("zmq_disconnect")
        try zmqCheck("zmq_disconnect", endpoint: endpoint) { zmq_disconnect(socket, endpoint) }
    }
}

// Explicitly not Sendable: libzmq sockets must not be used from two threads concurrently.
@available(*, unavailable)
extension Socket: Sendable {}
