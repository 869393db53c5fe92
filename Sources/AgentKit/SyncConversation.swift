import TaizhangCore

/// The agent's side of the conversation (docs/PROTOCOL.md, "Conversation"), as a pure state
/// machine: inputs are a connection's start, a decoded message, the ledger's answer to a
/// confirmation and a timer tick; outputs are actions for the driver (`SyncSession`), which
/// owns the socket and the ledger. Every transition is unit-tested without either.
public struct SyncConversation: Sendable {
    public struct Limits: Sendable, Equatable {
        public var window = 4
        public var batchEntries = 500
        public var replyTimeoutMs: Int64 = 3000
        public var heartbeatMs: Int64 = 5000
        public init() {}
    }

    public enum Action: Sendable, Equatable {
        case send(WireMessage)
        /// Check the hub's chain at `seq` against the ledger's own and, if equal, record the
        /// receipt and what the hub said of its open flags; answer with `confirmed(_:agreed:)`.
        case confirm(seq: Int64, chain: [UInt8], fromWelcome: Bool, flags: FlagNotice = .empty)
        /// The hub confirmed more: report progress (and clear the last problem after a WELCOME).
        case progress(clearProblem: Bool)
        /// Close the socket, back off, start again with HELLO.
        case reconnect
        /// Stop: the clerk must hear this.
        case fail(SyncError)
    }

    /// A batch to send: the entries after `after`, at most `maxEntries` of them and
    /// `maxBytes` in all, anchored at the ledger's chain at `after`.
    public struct BatchRequest: Sendable, Equatable {
        public var after: Int64
        public var maxEntries: Int
        public var maxBytes: Int

        public init(after: Int64, maxEntries: Int, maxBytes: Int) {
            self.after = after
            self.maxEntries = maxEntries
            self.maxBytes = maxBytes
        }
    }

    public let limits: Limits
    public private(set) var acked: Int64
    public private(set) var lastSeq: Int64
    public private(set) var nextSeq: Int64 = 1
    public private(set) var welcomed = false
    public private(set) var inFlight: [Int64] = []
    public private(set) var maxEntries = 500
    public private(set) var maxBytes = 1 << 20
    /// Where WELCOME's chain differed from the ledger's: one anchored batch lets the hub see
    /// (and flag) it; nothing more is sent.
    public private(set) var divergedAt: Int64?
    /// The last refusal that a retry may cure (500: the hub cannot store), for the final word.
    public private(set) var lastTransientRefusal: (status: WireStatus, message: String)?
    /// Why this connection's front-end should be left for the next one in the office's list
    /// (`HubRotation`): it fell silent, or answered that it cannot store (ERROR 500). nil: a
    /// reconnection, if any, goes to the same front-end (ERROR 428, a refusal of the data).
    public private(set) var failover: Failover?
    private var branch = ""
    private var awaitingReply = false
    private var awaitingPong = false
    private var lastReplyAt: Int64 = 0
    private var lastSentAt: Int64 = 0

    public enum Failover: Sendable, Equatable {
        /// No answer within the reply timeout: nothing listens, or the hub hangs or died.
        case silent
        /// ERROR 500: the hub answers but cannot store now.
        case cannotStore
    }

    public init(acked: Int64, lastSeq: Int64, limits: Limits = Limits()) {
        self.acked = acked
        self.lastSeq = lastSeq
        self.limits = limits
    }

    /// A new connection: say HELLO with the ledger's length and chain head, and the branch the
    /// office was set up as.
    public mutating func start(incarnation: [UInt8], lastSeq: Int64, chain: [UInt8], branch: String, now: Int64) -> [Action] {
        self.branch = branch
        self.lastSeq = lastSeq
        welcomed = false
        inFlight = []
        divergedAt = nil
        failover = nil
        awaitingReply = true
        awaitingPong = false
        lastReplyAt = now
        lastSentAt = now
        return [.send(.hello(incarnation: incarnation, lastSeq: lastSeq, chain: chain, branch: branch))]
    }

    /// Everything recorded up to `target` is confirmed.
    public func holds(_ target: Int64) -> Bool { welcomed && divergedAt == nil && acked >= target }

    /// The next batch to put in flight, if the window and the ledger allow one.
    public func nextBatch() -> BatchRequest? {
        guard welcomed, nextSeq <= lastSeq else { return nil }
        guard inFlight.count < (divergedAt == nil ? limits.window : 1), divergedAt == nil || inFlight.isEmpty else { return nil }
        return BatchRequest(after: nextSeq - 1, maxEntries: min(limits.batchEntries, maxEntries), maxBytes: maxBytes)
    }

    /// The driver sent a batch whose last entry is `last`.
    public mutating func sent(through last: Int64, now: Int64) {
        inFlight.append(last)
        nextSeq = last + 1
        if divergedAt != nil { nextSeq = lastSeq + 1 }
        lastSentAt = now
        awaitingReply = true
    }

    public mutating func receive(_ message: WireMessage, now: Int64) -> [Action] {
        lastReplyAt = now
        awaitingPong = false
        switch message {
        case .welcome(let held, let chain, let entries, let bytes, let flags):
            maxEntries = max(1, Int(entries))
            maxBytes = max(1024, Int(bytes))
            guard held <= lastSeq else { return [.fail(.diverged(seq: lastSeq, held: held, message: "the hub holds more entries than this ledger"))] }
            return [.confirm(seq: held, chain: chain, fromWelcome: true, flags: flags)]
        case .ack(let held, let chain, let flags), .pong(let held, let chain, let flags):
            guard welcomed else { return [.fail(.protocolViolation("an acknowledgement before WELCOME"))] }
            guard held <= lastSeq else { return [.fail(.diverged(seq: lastSeq, held: held, message: "the hub acknowledged entries this ledger does not have"))] }
            inFlight.removeAll { $0 <= held }
            awaitingReply = !inFlight.isEmpty
            return [.confirm(seq: held, chain: chain, fromWelcome: false, flags: flags)]
        case .error(let status, let held, let seq, let text):
            return refused(status, held: held, seq: seq, text: text)
        case .hello, .batch, .ping:
            return [.fail(.protocolViolation("a hub sent an agent's message"))]
        }
    }

    /// The ledger's answer to `.confirm`.
    public mutating func confirmed(seq: Int64, agreed: Bool, fromWelcome: Bool) -> [Action] {
        if fromWelcome {
            welcomed = true
            awaitingReply = false
            lastTransientRefusal = nil
            if agreed {
                acked = seq
                nextSeq = seq + 1
                return [.progress(clearProblem: true)]
            }
            // The hub holds less and its chain there differs: send the one batch anchored at
            // its seq, so that the hub sees the difference and flags the branch; its ERROR 409
            // then ends the sync.
            divergedAt = seq
            nextSeq = seq + 1
            return []
        }
        guard agreed else {
            return [.fail(.diverged(seq: seq, held: seq, message: "the hub's chain at entry #\(seq) is not this ledger's"))]
        }
        guard seq > acked else { return [] }
        acked = seq
        return [.progress(clearProblem: false)]
    }

    /// A timer tick with the ledger's current length: a silent hub means reconnect; an idle
    /// one gets a PING.
    public mutating func tick(now: Int64, lastSeq: Int64) -> [Action] {
        self.lastSeq = max(self.lastSeq, lastSeq)
        let waiting = awaitingReply || awaitingPong || !inFlight.isEmpty || !welcomed
        if waiting, now - lastReplyAt > limits.replyTimeoutMs {
            failover = .silent
            return [.reconnect]
        }
        if welcomed, !waiting, now - lastSentAt > limits.heartbeatMs {
            awaitingPong = true
            lastSentAt = now
            lastReplyAt = now
            return [.send(.ping(lastSeq: self.lastSeq))]
        }
        return []
    }

    /// The agent's reaction to each ERROR code (docs/PROTOCOL.md, "Status codes").
    private mutating func refused(_ status: WireStatus, held: Int64, seq: Int64, text: String) -> [Action] {
        switch status {
        case .gap, .tooLarge:
            // Resume from where the hub stands; after 413 in batches half the size.
            if status == .tooLarge {
                maxEntries = max(1, min(maxEntries, limits.batchEntries) / 2)
                maxBytes = max(1024, maxBytes / 2)
            }
            guard held <= lastSeq else { return [.fail(.diverged(seq: lastSeq, held: held, message: text))] }
            nextSeq = held + 1
            inFlight = []
            awaitingReply = false
            return []
        case .helloRequired:
            return [.reconnect]
        case .storageFailed:
            lastTransientRefusal = (status, text)
            failover = .cannotStore
            return [.reconnect]
        case .conflict:
            return [.fail(.diverged(seq: seq, held: held, message: text))]
        case .revoked:
            return [.fail(.revoked(message: text))]
        case .misenrolled:
            return [.fail(.misenrolled(office: branch, message: text))]
        case .malformed, .otherIncarnation, .ledgerBehind, .unsupportedVersion:
            return [.fail(.refused(status: status.rawValue, message: text))]
        }
    }
}
