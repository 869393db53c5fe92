import CZeroMQ

/// Readiness flags for polling (ZMQ_POLLIN/POLLOUT/POLLERR); Sendable value, safe on any thread.
public struct PollEvents: OptionSet, Sendable, Hashable {
    public let rawValue: Int16
    public init(rawValue: Int16) { self.rawValue = rawValue }

    /// At least one message can be received without blocking.
    public static let readable = PollEvents(rawValue: Int16(ZMQ_POLLIN))
    /// At least one message can be sent without blocking.
    public static let writable = PollEvents(rawValue: Int16(ZMQ_POLLOUT))
    /// Error condition (only reported for plain file descriptors).
    public static let error = PollEvents(rawValue: Int16(ZMQ_POLLERR))
}

/// One socket and the events to wait for; not Sendable (holds a `Socket`), use on the socket's thread.
public struct PollItem {
    public var socket: Socket
    public var events: PollEvents

    public init(_ socket: Socket, _ events: PollEvents = .readable) {
        self.socket = socket
        self.events = events
    }
}

/// zmq_poll over several sockets; call it on the thread that owns those sockets.
public enum Poller {
    /// Waits until at least one item is ready or `timeout` milliseconds pass (-1 = forever, 0 = check only).
    ///
    /// - Returns: the ready events for each item, in order (all empty on timeout).
    /// - Throws: `ZMQError`, e.g. `.contextTerminated` after `Context.shutdown()`.
    ///   EINTR is retried with the remaining time.
    public static func poll(_ items: [PollItem], timeout: Int) throws(ZMQError) -> [PollEvents] {
        var raw = [zmq_pollitem_t]()
        raw.reserveCapacity(items.count)
        for item in items {
            let socket = try item.socket.liveHandle("zmq_poll")
            raw.append(zmq_pollitem_t(socket: socket, fd: 0, events: item.events.rawValue, revents: 0))
        }
        let clock = ContinuousClock()
        let deadline = timeout > 0 ? clock.now.advanced(by: .milliseconds(timeout)) : nil
        let count = Int32(raw.count)
        // zmqCheck retries EINTR by re-running the closure, which recomputes the time left.
        _ = try raw.withUnsafeMutableBufferPointer { (buffer) throws(ZMQError) in
            try zmqCheck("zmq_poll") {
                var remaining = timeout
                if let deadline {
                    let left = clock.now.duration(to: deadline).components
                    remaining = max(0, Int(left.seconds) * 1000 + Int(left.attoseconds / 1_000_000_000_000_000))
                }
                return zmq_poll(buffer.baseAddress, count, remaining)
            }
        }
        return raw.map { PollEvents(rawValue: $0.revents) }
    }
}
