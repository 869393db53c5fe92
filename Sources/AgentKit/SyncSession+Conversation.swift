import Lifecycle
import Logging
import TaizhangCore
import ZeroMQ

extension SyncSession {
    /// One connection's life: HELLO, stream, until `finished`, a silent hub, or `stop`.
    func converse(
        _ state: inout Stream, until finished: (Stream) -> Bool, deadline: Int64, stop: StopSignal,
        progress: (Progress) -> Void, handshakeFailed: inout Bool
    ) throws -> Outcome {
        state.welcomed = false
        state.inFlight = []
        state.lastSeq = try database.syncState().lastSeq
        var dataVersion = try database.dataVersion()
        try link.open()
        defer { link.close() }
        var lastReplyAt = Self.nowMs()
        var lastSentAt = lastReplyAt
        var awaitingPong = false
        guard try link.send(.hello(incarnation: Self.incarnationBytes(info.incarnation), lastSeq: state.lastSeq)) else {
            return .reconnect
        }
        while !stop.isRaised {
            if state.welcomed {
                if finished(state) { return .done }
                if try fillWindow(&state) { lastSentAt = Self.nowMs() }
            }
            let now = Self.nowMs()
            if now >= deadline { return .reconnect }
            switch try link.next(timeout: options.tickMs) {
            case .message(let message)?:
                lastReplyAt = Self.nowMs()
                awaitingPong = false
                if try handle(message, &state, progress: progress) == .reconnect { return .reconnect }
            case .undecodable(let error)?:
                throw SyncError.protocolViolation("\(error)")
            case .monitor(let event)?:
                switch event {
                case .handshakeFailedAuth:
                    throw noted(.keyNotEnrolled(endpoint: info.hubEndpoint))
                case .handshakeFailedProtocol, .handshakeFailedNoDetail:
                    // One failure may be a hub dying mid-handshake; two in a row, with no
                    // success between, is a key that does not match.
                    if handshakeFailed { throw noted(.wrongHubKey(endpoint: info.hubEndpoint)) }
                    handshakeFailed = true
                case .handshakeSucceeded:
                    handshakeFailed = false
                default:
                    break
                }
            case nil:
                let waiting = !state.welcomed || !state.inFlight.isEmpty || awaitingPong
                if waiting, now - lastReplyAt > Int64(options.replyTimeoutMs) {
                    logger.info("hub silent; reconnecting", metadata: ["endpoint": "\(info.hubEndpoint)"])
                    return .reconnect
                }
                let version = try database.dataVersion()
                if version != dataVersion {
                    dataVersion = version
                    state.lastSeq = try database.syncState().lastSeq
                }
                if state.welcomed, !waiting, now - lastSentAt > Int64(options.heartbeatMs) {
                    _ = try link.send(.ping(lastSeq: state.lastSeq))
                    awaitingPong = true
                    lastSentAt = now
                    lastReplyAt = now
                }
            }
        }
        return .reconnect
    }

    /// Keeps up to `window` batches in flight; true if anything was sent.
    private func fillWindow(_ state: inout Stream) throws -> Bool {
        var sent = false
        while state.inFlight.count < options.window, state.nextSeq <= state.lastSeq {
            let limit = min(options.batchEntries, state.maxEntries)
            var encoded: [[UInt8]] = []
            var bytes = 16
            var last = state.nextSeq - 1
            for entry in try database.outbox(after: state.nextSeq - 1, limit: limit) {
                let data = EntryCodec.encode(entry)
                if !encoded.isEmpty, bytes + data.count + 2 > state.maxBytes { break }
                encoded.append(data)
                bytes += data.count + 2
                last = entry.seq
            }
            guard !encoded.isEmpty, try link.send(.batch(entries: encoded)) else { break }
            state.inFlight.append(last)
            state.nextSeq = last + 1
            sent = true
        }
        return sent
    }

    private func handle(_ message: WireMessage, _ state: inout Stream, progress: (Progress) -> Void) throws -> Outcome {
        switch message {
        case .welcome(let held, let maxEntries, let maxBytes):
            try database.acknowledge(held, fromWelcome: true)
            state.acked = min(held, state.lastSeq)
            // Resend the hub's last entry too: if this ledger diverged from what the hub holds
            // (restored from a backup, then new entries), the hub sees a different hash there.
            state.nextSeq = max(1, state.acked)
            state.maxEntries = max(1, Int(maxEntries))
            state.maxBytes = max(1024, Int(maxBytes))
            state.welcomed = true
            resetBackoff()
            try database.noteSyncProblem(nil)
            progress(Progress(ackedSeq: state.acked, lastSeq: state.lastSeq))
        case .ack(let held), .pong(let held):
            if held > state.acked {
                try database.acknowledge(held)
                state.acked = min(held, state.lastSeq)
                progress(Progress(ackedSeq: state.acked, lastSeq: state.lastSeq))
            }
            state.inFlight.removeAll { $0 <= held }
        case .error(let status, let held, let seq, let text):
            logger.warning("hub refused", metadata: ["status": "\(status.rawValue)", "seq": "\(seq)", "message": "\(text)"])
            switch status {
            case .gap, .tooLarge:
                if status == .tooLarge { state.maxEntries = max(1, state.maxEntries / 2) }
                state.nextSeq = held + 1
                state.inFlight = []
            case .storageFailed, .helloRequired:
                return .reconnect
            case .revoked:
                throw noted(.revoked(message: text))
            default:
                throw noted(.refused(status: status.rawValue, message: text))
            }
        case .hello, .batch, .ping:
            throw SyncError.protocolViolation("a hub sent an agent's message")
        }
        return .done
    }

    /// Records `problem` for `status` and returns it to be thrown.
    func noted(_ problem: SyncError) -> SyncError {
        try? database.noteSyncProblem(problem.description)
        return problem
    }

    /// The incarnation UUID as its 16 bytes.
    static func incarnationBytes(_ uuid: String) -> [UInt8] {
        let hex = Array(uuid.utf8.filter { $0 != UInt8(ascii: "-") })
        return stride(from: 0, to: min(hex.count, 32), by: 2).map { index in
            UInt8(String(decoding: hex[index..<index + 2], as: UTF8.self), radix: 16) ?? 0
        }
    }
}
