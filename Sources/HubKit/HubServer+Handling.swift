import Logging
import TaizhangCore
import ZeroMQ

extension HubServer {
    /// Answers one message — the reply joins `outgoing`, sent once its group has committed;
    /// nothing an agent sends can stop the loop. The conversation's logic is
    /// `HubConversation`; this is its driver: key and branch, database, replies.
    func handle(_ message: Message) {
        guard message.frames.count >= 1 else { return }
        let routingId = message.frames[0]
        let address = message.peerAddress ?? "?"
        guard let key = message.userId, !key.isEmpty else {
            problems.count("no authenticated key", branch: "?", address: address, logger: logger)
            return
        }
        // The branch comes from the authenticated key alone; the message never names it.
        let branch: String
        var standing = keyCache.standing(of: key)
        // A HELLO (once per connection) reads the key's standing from the database: the cache
        // may be a second behind an enrolment, a re-enrolment or a revocation.
        if Self.isHello(message), let fresh = try? database.keyStanding(key), fresh != standing {
            keyCache.note(key, fresh)
            standing = fresh
        }
        switch standing {
        case .enrolled(let enrolled):
            branch = enrolled
        case .refused(let refused, let state):
            let why = state == .replaced ? "was replaced by a newer key for branch \(refused)" : "was revoked at the hub"
            return refuse(.revoked, "this office's key \(why); ask the bureau's operator", branch: refused, address: address,
                          to: routingId, reason: "key \(state.rawValue)")
        case .unknown:
            problems.count("unknown key", branch: "?", address: address, logger: logger)
            return
        }
        guard message.frames.count == 2, message.discardedFrames == 0 else {
            return refuse(.malformed, "a message is exactly one frame", branch: branch, address: address, to: routingId)
        }
        let now = Timestamp.now()
        var session = sessions[routingId].flatMap { $0.key == key ? $0 : nil } ?? Session(key: key, lastSeen: now)
        session.lastSeen = now
        defer { sessions[routingId] = session }
        let action = session.conversation.receive(message.frames[1], branch: branch)
        do {
            let reply: HubReply
            switch action {
            case .greet(let incarnation, let lastSeq, let chain):
                reply = try database.hello(branch: branch, incarnation: incarnation, agentLastSeq: lastSeq,
                                           agentChain: chain, at: now)
            case .store(let previousChain, let entries, let bodies):
                reply = try database.ingest(branch: branch, entries: entries, bodies: bodies,
                                            previousChain: previousChain, zone: zone, at: now)
            case .heard(let lastSeq):
                reply = try database.heard(branch: branch, agentLastSeq: lastSeq, at: now)
            case .misenrolled(let claimed):
                reply = try database.noteMisenrolment(branch: branch, claimed: claimed, key: key, at: now)
            case .refuse(let status, let text, let version, let seq):
                return refuse(status, text, branch: branch, address: address, to: routingId, version: version, seq: seq)
            }
            // Revoked in the database before the key cache heard of it: 403 from now on.
            if reply.status == .revoked { keyCache.note(key, .refused(branch: branch, state: .revoked)) }
            // Every WELCOME, ACK and PONG tells the office of the flags open on its branch.
            let notice = reply.accepted == nil ? FlagNotice.empty : try database.flagNotice(branch: branch)
            session.conversation.answered(reply)
            send(reply, notice: notice, branch: branch, to: routingId)
        } catch {
            session.conversation.storageFailed()
            // Once per kind and interval in the log, however many batches meet it.
            problems.count("cannot store: \(Self.storageProblem(error))", branch: branch, address: address, logger: logger,
                           level: .error, detail: "\(error)")
            refuse(.storageFailed, """
                the hub cannot store entries right now (\(Self.storageProblem(error))); nothing is lost — this office \
                keeps every entry and the next sync sends them again
                """, branch: branch, address: address, to: routingId, counted: false)
        }
    }

    /// Whether the payload frame is a HELLO (of any version).
    static func isHello(_ message: Message) -> Bool {
        message.frames.count == 2 && message.frames[1].count > 3 && message.frames[1][3] == 0x01
    }

    private func send(_ reply: HubReply, notice: FlagNotice, branch: String, to routingId: [UInt8]) {
        switch reply {
        case .welcome(let held, let chain):
            self.reply(.welcome(heldSeq: held, chain: chain, maxEntries: Self.maxEntriesPerBatch, maxBytes: Self.maxBatchBytes,
                                flags: notice), to: routingId)
        case .ack(let held, let chain):
            self.reply(.ack(heldSeq: held, chain: chain, flags: notice), to: routingId)
        case .pong(let held, let chain):
            self.reply(.pong(heldSeq: held, chain: chain, flags: notice), to: routingId)
        case .refused(let status, let held, let seq, let text):
            logger.warning("refused", metadata: ["branch": "\(branch)", "status": "\(status.rawValue)", "seq": "\(seq)", "message": "\(text)"])
            self.reply(.error(status, heldSeq: held, seq: seq, message: text), to: routingId)
        }
    }

    /// An ERROR that the conversation itself decided (no database answer): it still carries
    /// the seq the hub holds for the branch, so the agent resumes from the right place.
    private func refuse(_ status: WireStatus, _ text: String, branch: String, address: String,
                        to routingId: [UInt8], version: UInt8 = WireMessage.version,
                        seq: Int64 = 0, reason: String? = nil, counted: Bool = true) {
        if counted { problems.count(reason ?? "status \(status.rawValue)", branch: branch, address: address, logger: logger) }
        let second = Timestamp.now().millisecondsSinceEpoch / 1000
        var budget = errorReplies[routingId] ?? (second, 0)
        if budget.second != second { budget = (second, 0) }
        budget.count += 1
        errorReplies[routingId] = budget
        guard budget.count <= Self.errorRepliesPerSecond else { return }
        let held = (try? database.heldSeq(branch: branch)) ?? 0
        let message = WireMessage.error(status, heldSeq: held, seq: seq, message: text)
        outgoing.append((routingId, message.encoded(version: version)))
    }

    /// What kind of storage failure, in words an office clerk can pass on.
    static func storageProblem(_ error: Error) -> String {
        switch error {
        case HubError.storage(_, let detail) where detail.lowercased().contains("full"): "its disk is full"
        case HubError.damaged: "its database is damaged"
        case HubError.busy: "its database is busy"
        default: "its disk or database failed"
        }
    }
}
