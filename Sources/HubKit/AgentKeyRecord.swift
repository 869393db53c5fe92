import TaizhangCore

/// One agent key the hub has met, for `taizhang-hub keys`.
public struct AgentKeyRecord: Sendable, Hashable {
    public enum State: String, Sendable, CaseIterable {
        /// Tried to connect; not enrolled. The operator may enrol it by its fingerprint.
        case pending
        case enrolled
        case revoked
        /// Its branch was enrolled with a newer key.
        case replaced
    }

    public var publicKey: String
    public var fingerprint: String
    public var branch: String?
    public var state: State
    /// Where a pending key last connected from.
    public var address: String?
    public var firstSeenAt: Timestamp?
    public var lastSeenAt: Timestamp?
    public var attempts: Int64
    public var changedAt: Timestamp
    /// The branch the office holding this key says it was set up as, when that is not the
    /// branch the key is enrolled for (the office is refused until the operator puts it right).
    public var setUpAs: String? = nil
}

/// What the hub's server may do with a connecting key.
public enum KeyStanding: Sendable, Hashable {
    case enrolled(branch: String)
    /// Revoked or replaced: admitted to the handshake only to be told so, never stored from.
    case refused(branch: String, state: AgentKeyRecord.State)
    case unknown
}
