import TaizhangCore

/// One connection's conversation at the hub (docs/PROTOCOL.md, "Conversation"), as a pure
/// state machine: the input is a received frame, the output is what the driver must do — greet,
/// store, note a ping, or refuse. The driver (HubServer) owns the socket and the database and
/// tells the machine how the database answered, so every transition is unit-tested without
/// either.
public struct HubConversation: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        /// A new connection, or one whose last HELLO or BATCH was refused: HELLO comes next.
        case awaitingHello
        /// WELCOME sent: batches and pings are taken.
        case welcomed
    }

    public enum Action: Sendable, Equatable {
        /// Answer HELLO from what the database holds.
        case greet(incarnation: String, lastSeq: Int64, chain: [UInt8])
        /// Store the batch (one transaction), then answer what the database says.
        case store(previousChain: [UInt8], entries: [Entry], bodies: [[UInt8]])
        /// Note a PING and answer PONG.
        case heard(lastSeq: Int64)
        /// The office says it was set up as `claimed`, not the branch its key is enrolled for:
        /// note it for the operator and refuse (421); nothing is stored.
        case misenrolled(claimed: String)
        /// Answer ERROR `status` about entry `seq` (0: none), framed in `version` (the sender's).
        case refuse(WireStatus, String, version: UInt8, seq: Int64)
    }

    public private(set) var state: State = .awaitingHello

    public init() {}

    /// The action for one frame from `branch` (the authenticated one).
    public mutating func receive(_ frame: [UInt8], branch: String) -> Action {
        let message: WireMessage
        do {
            message = try WireMessage.decode(frame, maxEntries: Int(HubServer.maxEntriesPerBatch))
        } catch {
            switch error {
            case .unsupportedVersion(let version):
                // Framed in the sender's version, whatever it is: an ERROR reads the same in every version.
                let older = version >= 1 && version < WireMessage.version
                return .refuse(.unsupportedVersion, older ? """
                    this office's taizhang-agent speaks protocol version \(version), but the hub speaks version \
                    \(WireMessage.version): upgrade taizhang-agent on this PC to the hub's release; nothing was sent
                    """ : "protocol version \(version) is not supported; this hub speaks version \(WireMessage.version)",
                    version: version, seq: 0)
            case .tooManyEntries:
                return refuse(.tooLarge, error.description)
            case .malformed:
                return refuse(.malformed, error.description)
            }
        }
        switch message {
        case .hello(let incarnation, let lastSeq, let chain, let claimed):
            // A second HELLO on a connection starts the greeting again.
            state = .awaitingHello
            guard claimed == branch else { return .misenrolled(claimed: claimed) }
            return .greet(incarnation: Self.uuidString(incarnation), lastSeq: lastSeq, chain: chain)
        case .batch(let previousChain, let frames):
            guard state == .welcomed else { return refuse(.helloRequired, "send HELLO first") }
            guard frames.reduce(0, { $0 + $1.count }) <= Int(HubServer.maxBatchBytes) else {
                return refuse(.tooLarge, "a batch holds at most \(HubServer.maxBatchBytes) bytes; resend it in smaller batches")
            }
            var entries: [Entry] = []
            entries.reserveCapacity(frames.count)
            for frame in frames {
                do {
                    entries.append(try EntryCodec.decode(frame, branch: branch))
                } catch {
                    // The entry concerned: its seq, when its first 8 bytes are there to say it.
                    return refuse(.malformed, error.description, seq: Self.seqPrefix(frame))
                }
            }
            // Seqs that do not follow on are the store's to answer (416), after what came before.
            return .store(previousChain: previousChain, entries: entries, bodies: frames)
        case .ping(let lastSeq):
            guard state == .welcomed else { return refuse(.helloRequired, "send HELLO first") }
            return .heard(lastSeq: lastSeq)
        case .welcome, .ack, .pong, .error:
            return refuse(.malformed, "a hub's message sent to the hub")
        }
    }

    /// How the database answered a `greet` or `store`: a WELCOME opens the conversation, a
    /// refusal of a HELLO or a conflict closes it until the next HELLO.
    public mutating func answered(_ reply: HubReply) {
        switch reply {
        case .welcome: state = .welcomed
        case .ack, .pong: break
        case .refused(let status, _, _, _):
            if status != .gap { state = .awaitingHello }
        }
    }

    /// The database could not store: the agent must start again with HELLO after its backoff.
    public mutating func storageFailed() { state = .awaitingHello }

    private func refuse(_ status: WireStatus, _ text: String, seq: Int64 = 0) -> Action {
        .refuse(status, text, version: WireMessage.version, seq: seq)
    }

    /// The seq at the start of an entry's bytes (0 if it is shorter than a seq, or out of range).
    static func seqPrefix(_ frame: [UInt8]) -> Int64 {
        guard frame.count >= 8 else { return 0 }
        let raw = frame.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return raw <= UInt64(Int64.max) ? Int64(raw) : 0
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
