import TaizhangCore

/// The hub's answer to an agent's HELLO or BATCH, before it is put on the wire.
public enum HubReply: Sendable, Equatable {
    /// HELLO accepted: the agent resumes from `heldSeq + 1`.
    case welcome(heldSeq: Int64)
    /// The batch is committed; the hub holds every entry up to `heldSeq`.
    case ack(heldSeq: Int64)
    /// An ERROR: the status, where the hub stands, the entry concerned (0 if none) and why.
    case refused(WireStatus, heldSeq: Int64, seq: Int64, message: String)

    /// The highest sequence number the hub holds for the branch, whatever the answer.
    public var heldSeq: Int64 {
        switch self {
        case .welcome(let held), .ack(let held), .refused(_, let held, _, _): held
        }
    }
}
