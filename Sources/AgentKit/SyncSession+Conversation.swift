import Lifecycle
import Logging
import TaizhangCore
import ZeroMQ

extension SyncSession {
    /// One connection's life, driving `SyncConversation`: HELLO, stream, until `finished`, a
    /// silent hub, or `stop`. The socket and the ledger are here; the decisions are there.
    func converse(
        _ state: inout SyncConversation, until finished: (SyncConversation) -> Bool, deadline: Int64, stop: StopSignal,
        progress: (Progress) -> Void, handshakeFailed: inout Bool
    ) throws -> Outcome {
        let head = try ledger.syncState().lastSeq
        guard let chain = try ledger.chain(at: head) else {
            throw AgentError.damaged(path: database.path, detail: "entry #\(head) has no chain")
        }
        var dataVersion = try ledger.dataVersion()
        // `taizhang-agent set-hub` under a running agent: the next connection goes to the new hub.
        if salvage == nil, let current = try? database.info(),
           current.hubEndpoints != rotation.endpoints || current.hubKey != link.hubKey {
            logger.info("hub changed", metadata: ["endpoints": "\(current.hubList)"])
            rotation.retarget(current.hubEndpoints)
            link.retarget(endpoint: rotation.current, hubKey: current.hubKey)
        }
        // The rotation moved on to the next front-end of the list.
        if link.endpoint != rotation.current { link.retarget(endpoint: rotation.current, hubKey: link.hubKey) }
        try link.open()
        defer { link.close() }
        var actions = state.start(incarnation: LedgerChain.incarnationBytes(info.incarnation), lastSeq: head, chain: chain,
                                  branch: info.branch, now: Self.nowMs())
        while !stop.isRaised {
            if try perform(actions, &state, progress: progress) == .reconnect { return .reconnect }
            actions = []
            if finished(state) { return .done }
            try fillWindow(&state)
            let now = Self.nowMs()
            if now >= deadline { return .reconnect }
            switch try link.next(timeout: state.waitMs(now: now, tickMs: options.tickMs, capMs: options.blockedWaitMs)) {
            case .message(let message)?:
                actions = state.receive(message, now: Self.nowMs())
            case .undecodable(let error)?:
                if case .unsupportedVersion = error { throw noted(.refused(status: 505, message: "\(error)")) }
                throw SyncError.protocolViolation("\(error)")
            case .monitor(let event)?:
                switch event {
                case .handshakeFailedAuth:
                    throw noted(.keyNotEnrolled(endpoint: link.endpoint))
                case .handshakeFailedProtocol, .handshakeFailedNoDetail:
                    // One failure may be a hub dying mid-handshake; two in a row, with no
                    // success between, is a key that does not match.
                    if handshakeFailed { throw noted(.wrongHubKey(endpoint: link.endpoint)) }
                    handshakeFailed = true
                case .handshakeSucceeded:
                    handshakeFailed = false
                default:
                    break
                }
            case nil:
                let version = try ledger.dataVersion()
                var lastSeq = state.lastSeq
                if version != dataVersion {
                    dataVersion = version
                    lastSeq = try ledger.syncState().lastSeq
                }
                actions = state.tick(now: now, lastSeq: lastSeq)
            }
        }
        return .reconnect
    }

    /// Carries out the machine's actions, feeding the ledger's answers back to it.
    private func perform(_ actions: [SyncConversation.Action], _ state: inout SyncConversation,
                         progress: (Progress) -> Void) throws -> Outcome {
        var queue = actions
        while !queue.isEmpty {
            switch queue.removeFirst() {
            case .send(let message):
                _ = try link.send(message)
            case .confirm(let seq, let chain, let fromWelcome, let flags):
                let agreed = try ledger.confirm(seq, chain: chain, at: .now(), fromWelcome: fromWelcome, flags: flags)
                queue += state.confirmed(seq: seq, agreed: agreed, fromWelcome: fromWelcome)
            case .progress(let clearProblem):
                if clearProblem {
                    resetBackoff()
                    try ledger.noteSyncProblem(nil, at: .now())
                    // Welcomed: this front-end is where the next connection starts.
                    rotation.answered()
                    try ledger.noteHubAnswered(link.endpoint)
                }
                progress(Progress(ackedSeq: state.acked, lastSeq: state.lastSeq))
            case .reconnect:
                logger.info("reconnecting", metadata: ["endpoint": "\(link.endpoint)"])
                return .reconnect
            case .fail(let error):
                logger.info("sync stopped", metadata: ["problem": "\(error)"])
                throw noted(error)
            }
        }
        return .done
    }

    /// Sends the batches the machine asks for, each anchored at the ledger's chain before it.
    private func fillWindow(_ state: inout SyncConversation) throws {
        while let request = state.nextBatch() {
            guard let previousChain = try ledger.chain(at: request.after) else { return }
            var encoded: [[UInt8]] = []
            var bytes = 16 + previousChain.count
            var last = request.after
            for entry in try ledger.outbox(after: request.after, limit: request.maxEntries) {
                let data = EntryCodec.encode(entry)
                if !encoded.isEmpty, bytes + data.count + 2 > request.maxBytes { break }
                encoded.append(data)
                bytes += data.count + 2
                last = entry.seq
            }
            guard !encoded.isEmpty, try link.send(.batch(previousChain: previousChain, entries: encoded)) else { return }
            state.sent(through: last, now: Self.nowMs())
        }
    }

    /// Records `problem` for `status` and returns it to be thrown.
    func noted(_ problem: SyncError) -> SyncError {
        try? ledger.noteSyncProblem(problem, at: .now())
        return problem
    }
}
