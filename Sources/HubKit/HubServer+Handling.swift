import Logging
import TaizhangCore
import ZeroMQ

extension HubServer {
    /// Answers one message; nothing an agent sends can stop the loop.
    func handle(_ message: Message, on router: Socket) {
        guard message.frames.count >= 1 else { return }
        let routingId = message.frames[0]
        let address = message.peerAddress ?? "?"
        guard let key = message.userId, !key.isEmpty else {
            problems.count("no authenticated key", branch: "?", address: address, logger: logger)
            return
        }
        // The branch comes from the authenticated key alone; the message never names it.
        let branch: String
        switch keyCache.standing(of: key) {
        case .enrolled(let enrolled):
            branch = enrolled
        case .refused(let refused, let state):
            problems.count("key \(state.rawValue)", branch: refused, address: address, logger: logger)
            let why = state == .replaced ? "was replaced by a newer key for branch \(refused)" : "was revoked at the hub"
            reply(.error(.revoked, heldSeq: 0, seq: 0, message: "this office's key \(why)"), to: routingId, on: router)
            return
        case .unknown:
            problems.count("unknown key", branch: "?", address: address, logger: logger)
            return
        }
        guard message.frames.count == 2 else {
            return refuse(.malformed, "one frame per message", branch: branch, address: address, to: routingId, on: router)
        }
        let now = Timestamp.now()
        var session = sessions[routingId].flatMap { $0.key == key ? $0 : nil } ?? Session(key: key, lastSeen: now)
        session.lastSeen = now
        defer { sessions[routingId] = session }
        let decoded: WireMessage
        do {
            decoded = try WireMessage.decode(message.frames[1], maxEntries: Int(Self.maxEntriesPerBatch))
        } catch {
            let status: WireStatus = if case .unsupportedVersion = error { .unsupportedVersion } else { .malformed }
            return refuse(status, error.description, branch: branch, address: address, to: routingId, on: router)
        }
        do {
            switch decoded {
            case .hello(let incarnation, let lastSeq):
                let reply = try database.hello(branch: branch, incarnation: Self.uuidString(incarnation), agentLastSeq: lastSeq, at: now)
                if case .welcome = reply { session.welcomed = true }
                send(reply, branch: branch, to: routingId, on: router)
            case .batch(let frames):
                guard session.welcomed else {
                    return refuse(.helloRequired, "send HELLO first", branch: branch, address: address, to: routingId, on: router)
                }
                guard frames.reduce(0, { $0 + $1.count }) <= Int(Self.maxBatchBytes) else {
                    return refuse(.tooLarge, "a batch holds at most \(Self.maxBatchBytes) bytes", branch: branch, address: address, to: routingId, on: router)
                }
                let entries: [Entry]
                do {
                    entries = try frames.map { frame throws(WireError) in try EntryCodec.decode(frame, branch: branch) }
                } catch {
                    return refuse(.malformed, error.description, branch: branch, address: address, to: routingId, on: router)
                }
                guard zip(entries, entries.dropFirst()).allSatisfy({ $1.seq == $0.seq + 1 }) else {
                    return refuse(.malformed, "a batch holds consecutive entries", branch: branch, address: address, to: routingId, on: router)
                }
                send(try database.ingest(branch: branch, entries: entries, bodies: frames, at: now), branch: branch, to: routingId, on: router)
            case .ping(let lastSeq):
                guard session.welcomed else {
                    return refuse(.helloRequired, "send HELLO first", branch: branch, address: address, to: routingId, on: router)
                }
                reply(.pong(heldSeq: try database.heard(branch: branch, agentLastSeq: lastSeq, at: now)), to: routingId, on: router)
            case .welcome, .ack, .pong, .error:
                refuse(.malformed, "a hub's message sent to the hub", branch: branch, address: address, to: routingId, on: router)
            }
        } catch {
            logger.error("cannot store", metadata: ["branch": "\(branch)", "error": "\(error)"])
            refuse(.storageFailed, "the hub cannot store entries right now; retry later", branch: branch, address: address, to: routingId, on: router)
        }
    }

    private func send(_ reply: HubReply, branch: String, to routingId: [UInt8], on router: Socket) {
        switch reply {
        case .welcome(let held):
            self.reply(.welcome(heldSeq: held, maxEntries: Self.maxEntriesPerBatch, maxBytes: Self.maxBatchBytes), to: routingId, on: router)
        case .ack(let held):
            self.reply(.ack(heldSeq: held), to: routingId, on: router)
        case .refused(let status, let held, let seq, let text):
            logger.warning("refused", metadata: ["branch": "\(branch)", "status": "\(status.rawValue)", "seq": "\(seq)", "message": "\(text)"])
            self.reply(.error(status, heldSeq: held, seq: seq, message: text), to: routingId, on: router)
        }
    }

    private func refuse(_ status: WireStatus, _ text: String, branch: String, address: String,
                        to routingId: [UInt8], on router: Socket) {
        problems.count("status \(status.rawValue)", branch: branch, address: address, logger: logger)
        let second = Timestamp.now().millisecondsSinceEpoch / 1000
        var budget = errorReplies[routingId] ?? (second, 0)
        if budget.second != second { budget = (second, 0) }
        budget.count += 1
        errorReplies[routingId] = budget
        guard budget.count <= Self.errorRepliesPerSecond else { return }
        reply(.error(status, heldSeq: 0, seq: 0, message: text), to: routingId, on: router)
    }

    /// 16 bytes as the lowercase UUID text the agent stores.
    static func uuidString(_ bytes: [UInt8]) -> String {
        let hex = bytes.hexString
        guard hex.count == 32 else { return hex }
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return parts.joined(separator: "-")
    }
}
