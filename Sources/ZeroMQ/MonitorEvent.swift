import CZeroMQ

/// A socket monitor event (ZMQ_EVENT_*), decoded; Sendable value, safe on any thread.
public enum MonitorEvent: Sendable, Hashable {
    case connected
    case connectDelayed
    /// A connect attempt failed; libzmq retries after the reconnect interval.
    case connectRetried
    case listening
    /// Value: the errno of the failed bind.
    case bindFailed(errno: Int32)
    case accepted
    case acceptFailed(errno: Int32)
    case closed
    case closeFailed(errno: Int32)
    case disconnected
    /// Monitoring ended (zmq_socket_monitor with NULL, or the socket closed); no more events follow.
    case monitorStopped
    /// The handshake failed for a non-protocol reason, e.g. the handshake timed out.
    case handshakeFailedNoDetail(errno: Int32)
    case handshakeSucceeded
    /// A ZMTP/CURVE protocol error; `code` is one of ZMQ_PROTOCOL_ERROR_* (e.g. 0x11000001 cryptographic).
    case handshakeFailedProtocol(code: Int32)
    /// ZAP refused the peer; `statusCode` is the ZAP status (e.g. 400). Reported on both sides.
    case handshakeFailedAuth(statusCode: Int32)
    /// An event id this wrapper does not decode.
    case other(id: UInt16, value: Int32)

    /// Decodes a raw (event id, value) pair from the monitor's first frame.
    public init(id: UInt16, value: Int32) {
        switch Int32(id) {
        case ZMQ_EVENT_CONNECTED: self = .connected
        case ZMQ_EVENT_CONNECT_DELAYED: self = .connectDelayed
        case ZMQ_EVENT_CONNECT_RETRIED: self = .connectRetried
        case ZMQ_EVENT_LISTENING: self = .listening
        case ZMQ_EVENT_BIND_FAILED: self = .bindFailed(errno: value)
        case ZMQ_EVENT_ACCEPTED: self = .accepted
        case ZMQ_EVENT_ACCEPT_FAILED: self = .acceptFailed(errno: value)
        case ZMQ_EVENT_CLOSED: self = .closed
        case ZMQ_EVENT_CLOSE_FAILED: self = .closeFailed(errno: value)
        case ZMQ_EVENT_DISCONNECTED: self = .disconnected
        case ZMQ_EVENT_MONITOR_STOPPED: self = .monitorStopped
        case ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL: self = .handshakeFailedNoDetail(errno: value)
        case ZMQ_EVENT_HANDSHAKE_SUCCEEDED: self = .handshakeSucceeded
        case ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL: self = .handshakeFailedProtocol(code: value)
        case ZMQ_EVENT_HANDSHAKE_FAILED_AUTH: self = .handshakeFailedAuth(statusCode: value)
        default: self = .other(id: id, value: value)
        }
    }

    /// Whether this is one of the three handshake failure events.
    public var isHandshakeFailure: Bool {
        switch self {
        case .handshakeFailedNoDetail, .handshakeFailedProtocol, .handshakeFailedAuth: true
        default: false
        }
    }
}

/// One monitor notification: the decoded event, its raw id/value (e.g. the fd) and the endpoint; Sendable value, safe on any thread.
public struct MonitorEventRecord: Sendable, Hashable {
    public let event: MonitorEvent
    public let id: UInt16
    /// The raw event value: an fd, errno, retry interval, protocol error or ZAP status, by event.
    public let value: Int32
    /// The endpoint the event concerns, e.g. "tcp://127.0.0.1:5555".
    public let endpoint: String

    public init(id: UInt16, value: Int32, endpoint: String) {
        self.event = MonitorEvent(id: id, value: value)
        self.id = id
        self.value = value
        self.endpoint = endpoint
    }

    /// Parses libzmq's two-frame monitor message: [uint16 id + int32 value, native byte order][endpoint].
    init?(frames: [[UInt8]]) {
        guard frames.count == 2, frames[0].count == 6 else { return nil }
        let header = frames[0]
        let (id, value) = header.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt16.self),
             raw.loadUnaligned(fromByteOffset: 2, as: Int32.self))
        }
        self.init(id: id, value: value, endpoint: String(decoding: frames[1], as: UTF8.self))
    }
}

/// Which events a monitor reports (ZMQ_EVENT_* bits); Sendable value, safe on any thread.
public struct MonitorEventMask: OptionSet, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let connected = MonitorEventMask(rawValue: ZMQ_EVENT_CONNECTED)
    public static let connectDelayed = MonitorEventMask(rawValue: ZMQ_EVENT_CONNECT_DELAYED)
    public static let connectRetried = MonitorEventMask(rawValue: ZMQ_EVENT_CONNECT_RETRIED)
    public static let listening = MonitorEventMask(rawValue: ZMQ_EVENT_LISTENING)
    public static let bindFailed = MonitorEventMask(rawValue: ZMQ_EVENT_BIND_FAILED)
    public static let accepted = MonitorEventMask(rawValue: ZMQ_EVENT_ACCEPTED)
    public static let acceptFailed = MonitorEventMask(rawValue: ZMQ_EVENT_ACCEPT_FAILED)
    public static let closed = MonitorEventMask(rawValue: ZMQ_EVENT_CLOSED)
    public static let closeFailed = MonitorEventMask(rawValue: ZMQ_EVENT_CLOSE_FAILED)
    public static let disconnected = MonitorEventMask(rawValue: ZMQ_EVENT_DISCONNECTED)
    public static let monitorStopped = MonitorEventMask(rawValue: ZMQ_EVENT_MONITOR_STOPPED)
    public static let handshakeFailedNoDetail = MonitorEventMask(rawValue: ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL)
    public static let handshakeSucceeded = MonitorEventMask(rawValue: ZMQ_EVENT_HANDSHAKE_SUCCEEDED)
    public static let handshakeFailedProtocol = MonitorEventMask(rawValue: ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL)
    public static let handshakeFailedAuth = MonitorEventMask(rawValue: ZMQ_EVENT_HANDSHAKE_FAILED_AUTH)

    /// All handshake outcomes.
    public static let handshake: MonitorEventMask = [
        .handshakeSucceeded, .handshakeFailedNoDetail, .handshakeFailedProtocol, .handshakeFailedAuth,
    ]
    /// Every event libzmq 4.3 reports with the v1 monitor protocol (ZMQ_EVENT_ALL).
    public static let all = MonitorEventMask(rawValue: ZMQ_EVENT_ALL)
}
