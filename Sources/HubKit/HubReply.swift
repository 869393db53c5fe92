import TaizhangCore

/// The hub's answer to an agent's HELLO or BATCH, before it is put on the wire.
public enum HubReply: Sendable, Equatable {
    /// HELLO accepted: the agent resumes from `heldSeq + 1`; `chain` is the hub's chain there.
    case welcome(heldSeq: Int64, chain: [UInt8])
    /// The batch is committed; the hub holds every entry up to `heldSeq`, with `chain` there.
    case ack(heldSeq: Int64, chain: [UInt8])
    /// A PING heard: where the hub stands.
    case pong(heldSeq: Int64, chain: [UInt8])
    /// An ERROR: the status, where the hub stands, the entry concerned (0 if none) and why.
    case refused(WireStatus, heldSeq: Int64, seq: Int64, message: String)

    /// The highest sequence number the hub holds for the branch, whatever the answer.
    public var heldSeq: Int64 {
        switch self {
        case .welcome(let held, _), .ack(let held, _), .pong(let held, _), .refused(_, let held, _, _): held
        }
    }

    /// The held seq of a WELCOME or ACK, nil for a refusal (what most tests compare).
    public var accepted: Int64? {
        switch self {
        case .welcome(let held, _), .ack(let held, _), .pong(let held, _): held
        case .refused: nil
        }
    }

    /// The status of a refusal, nil otherwise.
    public var status: WireStatus? {
        if case .refused(let status, _, _, _) = self { status } else { nil }
    }
}
