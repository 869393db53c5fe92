import CZeroMQ

/// An error from libzmq or from this wrapper; an immutable value, safe to share across threads.
public struct ZMQError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, coarsely, so callers can branch without comparing errno values; Sendable value, safe on any thread.
    public enum Kind: Sendable, Equatable {
        /// ROUTER with `routerMandatory`: no connected peer has that routing id ("peer gone").
        case hostUnreachable
        /// The context was shut down or terminated; the socket should be closed.
        case contextTerminated
        /// The wrapper's socket was already closed.
        case socketClosed
        /// A multipart message exceeded `maxFrames`; the whole message was drained and dropped.
        case tooManyFrames(received: Int, limit: Int)
        /// A message did not have the expected shape (e.g. a malformed monitor event).
        case malformedMessage
        /// Any other errno; see `errno` and `reason`.
        case system
    }

    public let kind: Kind
    /// The libzmq call or wrapper operation that failed, e.g. "zmq_bind".
    public let operation: String
    /// The errno reported by zmq_errno() (0 for wrapper-level errors without one).
    public let errno: Int32
    /// zmq_strerror(errno), or a wrapper explanation.
    public let reason: String
    /// The endpoint involved, for bind/connect/unbind/disconnect/monitor.
    public let endpoint: String?

    public init(kind: Kind, operation: String, errno: Int32, reason: String, endpoint: String? = nil) {
        self.kind = kind
        self.operation = operation
        self.errno = errno
        self.reason = reason
        self.endpoint = endpoint
    }

    /// Builds the error for `code`, classifying the errno values callers commonly branch on.
    public init(operation: String, errno code: Int32, endpoint: String? = nil) {
        let kind: Kind
        switch code {
        case czmq_ehostunreach(): kind = .hostUnreachable
        case czmq_eterm(): kind = .contextTerminated
        default: kind = .system
        }
        self.init(
            kind: kind, operation: operation, errno: code,
            reason: String(cString: zmq_strerror(code)), endpoint: endpoint)
    }

    public var description: String {
        var text = "\(operation) failed: \(reason) (errno \(errno))"
        if let endpoint { text += " [\(endpoint)]" }
        if case .tooManyFrames(let received, let limit) = kind {
            text += " [\(received) frames, limit \(limit)]"
        }
        return text
    }

    static func socketClosed(_ operation: String) -> ZMQError {
        ZMQError(
            kind: .socketClosed, operation: operation, errno: czmq_enotsock(),
            reason: "socket already closed")
    }

    static func invalidArgument(_ operation: String, _ reason: String) -> ZMQError {
        ZMQError(kind: .system, operation: operation, errno: czmq_einval(), reason: reason)
    }
}

/// Runs a libzmq call that returns -1 and sets errno on failure (modelled on SwiftNIO's `syscall`).
///
/// - Retries on EINTR (the call had no effect).
/// - Returns nil on EAGAIN: "would block" for non-blocking calls, "timed out" with SNDTIMEO/RCVTIMEO.
/// - Throws `ZMQError` for any other errno.
///
/// errno is read immediately after the call, before any other code can run and clobber it.
@inline(__always)
func zmqCall(
    _ operation: String, endpoint: String? = nil, _ body: () -> CInt
) throws(ZMQError) -> CInt? {
    while true {
        let result = body()
        if result != -1 { return result }
        let code = zmq_errno()
        switch code {
        case czmq_eintr():
            continue
        case czmq_eagain():
            return nil
        default:
            throw ZMQError(operation: operation, errno: code, endpoint: endpoint)
        }
    }
}

/// `zmqCall` for calls where EAGAIN is not a normal outcome (bind, setsockopt, ...): it becomes an error.
@inline(__always)
@discardableResult
func zmqCheck(
    _ operation: String, endpoint: String? = nil, _ body: () -> CInt
) throws(ZMQError) -> CInt {
    guard let result = try zmqCall(operation, endpoint: endpoint, body) else {
        throw ZMQError(operation: operation, errno: czmq_eagain(), endpoint: endpoint)
    }
    return result
}
