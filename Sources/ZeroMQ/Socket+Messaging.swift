import CZeroMQ

extension Socket {
    /// Sends `frames` as one multipart message (libzmq delivers all frames or none).
    ///
    /// - Returns: false if the message could not be queued now: `dontWait` and the socket would
    ///   block, or the send timeout expired. Nothing was sent in that case.
    /// - Throws: `ZMQError`; `.hostUnreachable` when a ROUTER with `routerMandatory` has no peer
    ///   for the routing id in the first frame (treat as "peer gone").
    public func send(_ frames: [[UInt8]], dontWait: Bool = false) throws(ZMQError) -> Bool {
        let socket = try liveHandle("zmq_send")
        guard !frames.isEmpty else {
            throw .invalidArgument("zmq_send", "a message needs at least one frame")
        }
        for (index, frame) in frames.enumerated() {
            var flags: Int32 = index < frames.count - 1 ? ZMQ_SNDMORE : 0
            // Only the first frame may legitimately block: once it is queued, libzmq accepts the
            // remaining frames of the message without checking the high-water mark again.
            if dontWait && index == 0 { flags |= ZMQ_DONTWAIT }
            // Array.withUnsafeBytes is not typed-throws, so the error travels in a Result.
            let sent = try frame.withUnsafeBytes { buffer in
                Result { () throws(ZMQError) in
                    try zmqCall("zmq_send") { zmq_send(socket, buffer.baseAddress, buffer.count, flags) }
                }
            }.get()
            if sent == nil {
                if index == 0 { return false }
                // Not expected from libzmq; the message is half-sent and the socket unusable.
                throw ZMQError(operation: "zmq_send (frame \(index))", errno: czmq_eagain())
            }
        }
        return true
    }

    /// Sends a single-frame message. See `send(_:dontWait:)`.
    public func send(_ frame: [UInt8], dontWait: Bool = false) throws(ZMQError) -> Bool {
        try send([frame], dontWait: dontWait)
    }

    /// Receives one multipart message.
    ///
    /// - Parameters:
    ///   - dontWait: return nil at once if no message is waiting.
    ///   - maxFrames: if the message has more frames than this, the rest of it is received and
    ///     discarded (so the socket stays usable) and `.tooManyFrames` is thrown — or, with
    ///     `truncating`, the first `maxFrames` frames are returned with `discardedFrames` set.
    /// - Returns: the message, or nil if none was available (`dontWait`) or the receive timeout expired.
    public func receive(dontWait: Bool = false, maxFrames: Int? = nil, truncating: Bool = false) throws(ZMQError) -> Message? {
        let socket = try liveHandle("zmq_msg_recv")
        // A zmq_msg_t must not move while libzmq uses it, so it lives in manually managed memory.
        let message = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
        defer { message.deallocate() }

        var frames: [[UInt8]] = []
        var properties: [String: String] = [:]
        var received = 0
        var more = true
        while more {
            zmq_msg_init(message)  // Cannot fail for an empty message.
            defer { zmq_msg_close(message) }
            // Only the first frame can block; later frames of a message have already arrived.
            let flags: Int32 = dontWait && received == 0 ? ZMQ_DONTWAIT : 0
            guard try zmqCall("zmq_msg_recv", { zmq_msg_recv(message, socket, flags) }) != nil else {
                if received == 0 { return nil }
                throw ZMQError(operation: "zmq_msg_recv (frame \(received))", errno: czmq_eagain())
            }
            // A ROUTER's routing-id frame is made locally and carries no connection metadata,
            // so look on the frames that came over the wire.
            if properties.isEmpty { properties = Self.readProperties(message) }
            received += 1
            if maxFrames.map({ received <= $0 }) ?? true {
                let size = zmq_msg_size(message)
                if size == 0 {
                    frames.append([])
                } else {
                    let bytes = UnsafeRawBufferPointer(start: zmq_msg_data(message), count: size)
                    frames.append([UInt8](bytes))
                }
            }
            more = zmq_msg_more(message) != 0
        }
        if let maxFrames, received > maxFrames {
            if truncating {
                var truncated = Message(frames: frames, properties: properties)
                truncated.discardedFrames = received - maxFrames
                return truncated
            }
            throw ZMQError(
                kind: .tooManyFrames(received: received, limit: maxFrames), operation: "receive",
                errno: czmq_eproto(), reason: "message had too many frames and was discarded")
        }
        return Message(frames: frames, properties: properties)
    }

    private static func readProperties(_ message: UnsafeMutablePointer<zmq_msg_t>) -> [String: String] {
        var properties: [String: String] = [:]
        for name in Message.propertyNames {
            // NULL (EINVAL) just means the connection has no such property.
            if let value = zmq_msg_gets(message, name) {
                properties[name] = String(cString: value)
            }
        }
        return properties
    }
}
