import CZeroMQ

// Typed socket options. Getters are throwing properties; setters are methods because Swift
// setters cannot throw. Durations are milliseconds as in libzmq (-1 usually means "infinite").
extension Socket {
    // MARK: Connection management

    /// ZMQ_LINGER: ms to keep unsent messages after close (0 = drop; this wrapper's default).
    public var linger: Int { get throws(ZMQError) { try intOption(ZMQ_LINGER, "ZMQ_LINGER") } }
    public func setLinger(_ milliseconds: Int) throws(ZMQError) {
        try setIntOption(ZMQ_LINGER, "ZMQ_LINGER", milliseconds)
    }

    /// ZMQ_IMMEDIATE: queue messages only to completed connections.
    public var immediate: Bool { get throws(ZMQError) { try intOption(ZMQ_IMMEDIATE, "ZMQ_IMMEDIATE") != 0 } }
    public func setImmediate(_ enabled: Bool) throws(ZMQError) {
        try setIntOption(ZMQ_IMMEDIATE, "ZMQ_IMMEDIATE", enabled ? 1 : 0)
    }

    /// ZMQ_RECONNECT_IVL: ms before reconnecting (-1 = never reconnect).
    public var reconnectInterval: Int { get throws(ZMQError) { try intOption(ZMQ_RECONNECT_IVL, "ZMQ_RECONNECT_IVL") } }
    public func setReconnectInterval(_ milliseconds: Int) throws(ZMQError) {
        try setIntOption(ZMQ_RECONNECT_IVL, "ZMQ_RECONNECT_IVL", milliseconds)
    }

    /// ZMQ_RECONNECT_IVL_MAX: upper bound of exponential reconnect backoff in ms (0 = no backoff).
    public var reconnectIntervalMax: Int {
        get throws(ZMQError) { try intOption(ZMQ_RECONNECT_IVL_MAX, "ZMQ_RECONNECT_IVL_MAX") }
    }
    public func setReconnectIntervalMax(_ milliseconds: Int) throws(ZMQError) {
        try setIntOption(ZMQ_RECONNECT_IVL_MAX, "ZMQ_RECONNECT_IVL_MAX", milliseconds)
    }

    /// ZMQ_HANDSHAKE_IVL: ms allowed for the ZMTP (and CURVE/ZAP) handshake (0 = no limit).
    public var handshakeInterval: Int { get throws(ZMQError) { try intOption(ZMQ_HANDSHAKE_IVL, "ZMQ_HANDSHAKE_IVL") } }
    public func setHandshakeInterval(_ milliseconds: Int) throws(ZMQError) {
        try setIntOption(ZMQ_HANDSHAKE_IVL, "ZMQ_HANDSHAKE_IVL", milliseconds)
    }

    /// ZMQ_HEARTBEAT_IVL: ms between ZMTP PINGs (0 = off).
    public var heartbeatInterval: Int { get throws(ZMQError) { try intOption(ZMQ_HEARTBEAT_IVL, "ZMQ_HEARTBEAT_IVL") } }
    public func setHeartbeatInterval(_ milliseconds: Int) throws(ZMQError) {
        try setIntOption(ZMQ_HEARTBEAT_IVL, "ZMQ_HEARTBEAT_IVL", milliseconds)
    }

    /// ZMQ_HEARTBEAT_TIMEOUT: ms without traffic after a PING before the connection is dropped.
    public var heartbeatTimeout: Int {
        get throws(ZMQError) { try intOption(ZMQ_HEARTBEAT_TIMEOUT, "ZMQ_HEARTBEAT_TIMEOUT") }
    }
    public func setHeartbeatTimeout(_ milliseconds: Int) throws(ZMQError) {
        try setIntOption(ZMQ_HEARTBEAT_TIMEOUT, "ZMQ_HEARTBEAT_TIMEOUT", milliseconds)
    }

    /// ZMQ_HEARTBEAT_TTL: ms the peer should wait for traffic before dropping us (decisecond resolution).
    public var heartbeatTTL: Int { get throws(ZMQError) { try intOption(ZMQ_HEARTBEAT_TTL, "ZMQ_HEARTBEAT_TTL") } }
    public func setHeartbeatTTL(_ milliseconds: Int) throws(ZMQError) {
        try setIntOption(ZMQ_HEARTBEAT_TTL, "ZMQ_HEARTBEAT_TTL", milliseconds)
    }

    // MARK: Queues, limits and timeouts

    /// ZMQ_SNDHWM: max messages queued per peer for sending (0 = unlimited).
    public var sendHighWaterMark: Int { get throws(ZMQError) { try intOption(ZMQ_SNDHWM, "ZMQ_SNDHWM") } }
    public func setSendHighWaterMark(_ messages: Int) throws(ZMQError) {
        try setIntOption(ZMQ_SNDHWM, "ZMQ_SNDHWM", messages)
    }

    /// ZMQ_RCVHWM: max messages queued per peer for receiving (0 = unlimited).
    public var receiveHighWaterMark: Int { get throws(ZMQError) { try intOption(ZMQ_RCVHWM, "ZMQ_RCVHWM") } }
    public func setReceiveHighWaterMark(_ messages: Int) throws(ZMQError) {
        try setIntOption(ZMQ_RCVHWM, "ZMQ_RCVHWM", messages)
    }

    /// ZMQ_SNDTIMEO: ms a blocking send waits before `send` returns false (-1 = forever).
    public var sendTimeout: Int { get throws(ZMQError) { try intOption(ZMQ_SNDTIMEO, "ZMQ_SNDTIMEO") } }
    public func setSendTimeout(_ milliseconds: Int) throws(ZMQError) {
        try setIntOption(ZMQ_SNDTIMEO, "ZMQ_SNDTIMEO", milliseconds)
    }

    /// ZMQ_RCVTIMEO: ms a blocking receive waits before `receive` returns nil (-1 = forever).
    public var receiveTimeout: Int { get throws(ZMQError) { try intOption(ZMQ_RCVTIMEO, "ZMQ_RCVTIMEO") } }
    public func setReceiveTimeout(_ milliseconds: Int) throws(ZMQError) {
        try setIntOption(ZMQ_RCVTIMEO, "ZMQ_RCVTIMEO", milliseconds)
    }

    /// ZMQ_MAXMSGSIZE: largest inbound frame in bytes; a peer exceeding it is disconnected (-1 = no limit).
    public var maxMessageSize: Int64 {
        get throws(ZMQError) { try scalarOption(ZMQ_MAXMSGSIZE, "ZMQ_MAXMSGSIZE", as: Int64.self) }
    }
    public func setMaxMessageSize(_ bytes: Int64) throws(ZMQError) {
        try setScalarOption(ZMQ_MAXMSGSIZE, "ZMQ_MAXMSGSIZE", bytes)
    }

    // MARK: Routing

    /// ZMQ_ROUTING_ID: this socket's identity as seen by a ROUTER peer (1...255 bytes, set before connect).
    public var routingId: [UInt8] { get throws(ZMQError) { try bytesOption(ZMQ_ROUTING_ID, "ZMQ_ROUTING_ID", capacity: 255) } }
    public func setRoutingId(_ id: [UInt8]) throws(ZMQError) {
        try setBytesOption(ZMQ_ROUTING_ID, "ZMQ_ROUTING_ID", id)
    }

    /// ZMQ_ROUTER_MANDATORY (ROUTER, write-only): unroutable sends throw `.hostUnreachable` instead of dropping.
    public func setRouterMandatory(_ enabled: Bool) throws(ZMQError) {
        try setIntOption(ZMQ_ROUTER_MANDATORY, "ZMQ_ROUTER_MANDATORY", enabled ? 1 : 0)
    }

    /// ZMQ_PROBE_ROUTER (write-only): send an empty message to a ROUTER peer on connect.
    public func setProbeRouter(_ enabled: Bool) throws(ZMQError) {
        try setIntOption(ZMQ_PROBE_ROUTER, "ZMQ_PROBE_ROUTER", enabled ? 1 : 0)
    }

    /// ZMQ_SUBSCRIBE (SUB): receive messages starting with `prefix` (empty = everything).
    public func subscribe(_ prefix: [UInt8] = []) throws(ZMQError) {
        try setBytesOption(ZMQ_SUBSCRIBE, "ZMQ_SUBSCRIBE", prefix)
    }

    /// ZMQ_UNSUBSCRIBE (SUB): remove a subscription added with `subscribe`.
    public func unsubscribe(_ prefix: [UInt8] = []) throws(ZMQError) {
        try setBytesOption(ZMQ_UNSUBSCRIBE, "ZMQ_UNSUBSCRIBE", prefix)
    }

    // MARK: Security

    /// ZMQ_CURVE_SERVER: act as CURVE server (also needs `setCurveSecretKey`).
    public var curveServer: Bool { get throws(ZMQError) { try intOption(ZMQ_CURVE_SERVER, "ZMQ_CURVE_SERVER") != 0 } }
    public func setCurveServer(_ enabled: Bool) throws(ZMQError) {
        try setIntOption(ZMQ_CURVE_SERVER, "ZMQ_CURVE_SERVER", enabled ? 1 : 0)
    }

    /// ZMQ_CURVE_PUBLICKEY: this socket's long-term public key (Z85, 40 characters).
    public var curvePublicKey: String { get throws(ZMQError) { try z85Option(ZMQ_CURVE_PUBLICKEY, "ZMQ_CURVE_PUBLICKEY") } }
    public func setCurvePublicKey(_ z85: String) throws(ZMQError) {
        try setCurveKeyOption(ZMQ_CURVE_PUBLICKEY, "ZMQ_CURVE_PUBLICKEY", z85)
    }

    /// ZMQ_CURVE_SECRETKEY (write-only here, to keep secrets out of logs): Z85, 40 characters.
    public func setCurveSecretKey(_ z85: String) throws(ZMQError) {
        try setCurveKeyOption(ZMQ_CURVE_SECRETKEY, "ZMQ_CURVE_SECRETKEY", z85)
    }

    /// ZMQ_CURVE_SERVERKEY (client): the server's public key (Z85, 40 characters); enables CURVE.
    public var curveServerKey: String { get throws(ZMQError) { try z85Option(ZMQ_CURVE_SERVERKEY, "ZMQ_CURVE_SERVERKEY") } }
    public func setCurveServerKey(_ z85: String) throws(ZMQError) {
        try setCurveKeyOption(ZMQ_CURVE_SERVERKEY, "ZMQ_CURVE_SERVERKEY", z85)
    }

    /// ZMQ_ZAP_DOMAIN: the domain passed to the ZAP handler.
    public var zapDomain: String { get throws(ZMQError) { try stringOption(ZMQ_ZAP_DOMAIN, "ZMQ_ZAP_DOMAIN", capacity: 256) } }
    public func setZapDomain(_ domain: String) throws(ZMQError) {
        try setBytesOption(ZMQ_ZAP_DOMAIN, "ZMQ_ZAP_DOMAIN", Array(domain.utf8))
    }

    // MARK: State

    /// ZMQ_LAST_ENDPOINT: the last endpoint bound or connected, with the real port after binding "tcp://...:*".
    public var lastEndpoint: String? {
        get throws(ZMQError) {
            let value = try stringOption(ZMQ_LAST_ENDPOINT, "ZMQ_LAST_ENDPOINT", capacity: 1024)
            return value.isEmpty ? nil : value
        }
    }

    /// ZMQ_EVENTS: whether a message can be received / sent right now without blocking.
    public var events: PollEvents {
        get throws(ZMQError) { PollEvents(rawValue: Int16(truncatingIfNeeded: try intOption(ZMQ_EVENTS, "ZMQ_EVENTS"))) }
    }

    /// ZMQ_FD: a file descriptor that becomes readable when `events` may have changed (edge-triggered).
    public var fileDescriptor: Int32 { get throws(ZMQError) { try scalarOption(ZMQ_FD, "ZMQ_FD", as: Int32.self) } }

    // MARK: Helpers

    private func setScalarOption<T: FixedWidthInteger>(_ option: Int32, _ name: String, _ value: T) throws(ZMQError) {
        let socket = try liveHandle("zmq_setsockopt(\(name))")
        var value = value
        try zmqCheck("zmq_setsockopt(\(name))") {
            zmq_setsockopt(socket, option, &value, MemoryLayout<T>.size)
        }
    }

    private func scalarOption<T: FixedWidthInteger>(_ option: Int32, _ name: String, as _: T.Type) throws(ZMQError) -> T {
        let socket = try liveHandle("zmq_getsockopt(\(name))")
        var value: T = 0
        var size = MemoryLayout<T>.size
        try zmqCheck("zmq_getsockopt(\(name))") { zmq_getsockopt(socket, option, &value, &size) }
        return value
    }

    private func setIntOption(_ option: Int32, _ name: String, _ value: Int) throws(ZMQError) {
        guard let value = Int32(exactly: value) else {
            throw .invalidArgument("zmq_setsockopt(\(name))", "value \(value) does not fit a C int")
        }
        try setScalarOption(option, name, value)
    }

    private func intOption(_ option: Int32, _ name: String) throws(ZMQError) -> Int {
        Int(try scalarOption(option, name, as: Int32.self))
    }

    private func setBytesOption(_ option: Int32, _ name: String, _ bytes: [UInt8]) throws(ZMQError) {
        let socket = try liveHandle("zmq_setsockopt(\(name))")
        // Array.withUnsafeBytes is not typed-throws, so the error travels in a Result.
        _ = try bytes.withUnsafeBytes { buffer in
            Result { () throws(ZMQError) in
                try zmqCheck("zmq_setsockopt(\(name))") {
                    zmq_setsockopt(socket, option, buffer.baseAddress, buffer.count)
                }
            }
        }.get()
    }

    private func bytesOption(_ option: Int32, _ name: String, capacity: Int) throws(ZMQError) -> [UInt8] {
        let socket = try liveHandle("zmq_getsockopt(\(name))")
        var buffer = [UInt8](repeating: 0, count: capacity)
        var size = capacity
        _ = try buffer.withUnsafeMutableBytes { raw in
            Result { () throws(ZMQError) in
                try zmqCheck("zmq_getsockopt(\(name))") { zmq_getsockopt(socket, option, raw.baseAddress, &size) }
            }
        }.get()
        return Array(buffer.prefix(size))
    }

    /// String options come back NUL-terminated; the terminator is dropped.
    private func stringOption(_ option: Int32, _ name: String, capacity: Int) throws(ZMQError) -> String {
        var bytes = try bytesOption(option, name, capacity: capacity)
        if let end = bytes.firstIndex(of: 0) { bytes.removeSubrange(end...) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Asking with a 41-byte buffer makes libzmq return the key as Z85 text.
    private func z85Option(_ option: Int32, _ name: String) throws(ZMQError) -> String {
        try stringOption(option, name, capacity: 41)
    }

    private func setCurveKeyOption(_ option: Int32, _ name: String, _ z85: String) throws(ZMQError) {
        // Validated here so a bad key is a clear error rather than libzmq's bare EINVAL.
        guard Z85.isValidCurveKey(z85) else {
            throw .invalidArgument("zmq_setsockopt(\(name))", "not a 40-character Z85 CURVE key")
        }
        try setBytesOption(option, name, Array(z85.utf8))
    }
}
