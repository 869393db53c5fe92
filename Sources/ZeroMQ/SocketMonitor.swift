import CZeroMQ
import Synchronization

/// Makes inproc monitor endpoints unique within the process (and so within any context).
private let monitorCounter = Atomic<Int>(0)

extension Socket {
    /// Starts monitoring this socket (zmq_socket_monitor) and returns a reader for its events.
    ///
    /// Call this BEFORE `connect`/`bind`: libzmq drops events emitted while no reader is
    /// connected, so the reader (a PAIR socket) is connected here before returning.
    /// Only one monitor per socket is active; starting another replaces it.
    public func monitor(events: MonitorEventMask = .all) throws(ZMQError) -> SocketMonitor {
        let socket = try liveHandle("zmq_socket_monitor")
        let number = monitorCounter.wrappingAdd(1, ordering: .relaxed).newValue
        let endpoint = "inproc://zeromq.monitor.\(number)"
        try zmqCheck("zmq_socket_monitor", endpoint: endpoint) {
            zmq_socket_monitor(socket, endpoint, events.rawValue)
        }
        do {
            let reader = try Socket(context: context, type: .pair)
            try reader.connect(endpoint)
            return SocketMonitor(reader: reader, endpoint: endpoint)
        } catch {
            _ = zmq_socket_monitor(socket, nil, 0)
            throw error
        }
    }

    /// Stops any active monitor; its reader then sees `.monitorStopped`.
    public func stopMonitor() throws(ZMQError) {
        let socket = try liveHandle("zmq_socket_monitor")
        try zmqCheck("zmq_socket_monitor") { zmq_socket_monitor(socket, nil, 0) }
    }
}

/// Reads events of a monitored socket; NOT thread-safe (owns a PAIR socket), use from one thread.
public final class SocketMonitor {
    /// The PAIR socket the events arrive on; usable in `Poller.poll`.
    public let reader: Socket
    /// The inproc endpoint libzmq publishes the events on.
    public let endpoint: String

    init(reader: Socket, endpoint: String) {
        self.reader = reader
        self.endpoint = endpoint
    }

    /// Waits up to `timeout` ms (-1 = forever, 0 = poll) for the next event; nil on timeout.
    /// Throws `.malformedMessage` for a message that is not a monitor event.
    public func nextEvent(timeout: Int) throws(ZMQError) -> MonitorEventRecord? {
        let ready = try Poller.poll([PollItem(reader, .readable)], timeout: timeout)
        guard ready[0].contains(.readable), let message = try reader.receive(dontWait: true, maxFrames: 2) else {
            return nil
        }
        guard let record = MonitorEventRecord(frames: message.frames) else {
            throw ZMQError(
                kind: .malformedMessage, operation: "SocketMonitor.nextEvent", errno: czmq_eproto(),
                reason: "monitor message is not [6-byte header][endpoint]", endpoint: endpoint)
        }
        return record
    }

    /// Waits up to `timeout` ms in total for an event matching `predicate`, skipping others; nil on timeout.
    public func waitFor(
        timeout: Int, where predicate: (MonitorEvent) -> Bool
    ) throws(ZMQError) -> MonitorEventRecord? {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(timeout))
        while true {
            let left = clock.now.duration(to: deadline).components
            let remaining = max(0, Int(left.seconds) * 1000 + Int(left.attoseconds / 1_000_000_000_000_000))
            guard let record = try nextEvent(timeout: remaining) else { return nil }
            if predicate(record.event) { return record }
        }
    }

    /// Closes the reader socket. The monitored socket keeps emitting into the void until it
    /// closes or `stopMonitor()` is called on it.
    public func close() {
        reader.close()
    }
}

// Explicitly not Sendable: it owns a libzmq socket.
@available(*, unavailable)
extension SocketMonitor: Sendable {}
