import TaizhangCore

/// Where one enrolled branch stands: its progress, when it was last heard from, its flags.
public struct BranchStatus: Sendable, Hashable {
    /// At a glance: in order of precedence, the first that applies.
    public enum State: String, Sendable, CaseIterable {
        case revoked, flagged, silent, behind, current
    }

    public var id: String
    public var name: String
    public var publicKey: String
    /// When the current key was enrolled.
    public var enrolledAt: Timestamp
    public var revokedAt: Timestamp?
    /// The ledger bound to this branch by its first delivery.
    public var incarnation: String?
    /// The highest seq the hub holds, all from 1 with no gap.
    public var heldSeq: Int64
    /// The highest seq in the office's ledger, as last reported by HELLO or PING.
    public var agentLastSeq: Int64
    public var lastHeardAt: Timestamp?
    /// When the highest held entry was recorded at the office.
    public var lastEntryAt: Timestamp?
    /// Unresolved flags, oldest first.
    public var flags: [BranchFlag]
    public var state: State

    /// Entries the office has recorded that the hub does not hold yet.
    public var pending: Int64 { max(0, agentLastSeq - heldSeq) }

    public init(id: String, name: String, publicKey: String, enrolledAt: Timestamp, revokedAt: Timestamp?,
                incarnation: String?, heldSeq: Int64, agentLastSeq: Int64, lastHeardAt: Timestamp?,
                lastEntryAt: Timestamp?, flags: [BranchFlag], state: State) {
        self.id = id
        self.name = name
        self.publicKey = publicKey
        self.enrolledAt = enrolledAt
        self.revokedAt = revokedAt
        self.incarnation = incarnation
        self.heldSeq = heldSeq
        self.agentLastSeq = agentLastSeq
        self.lastHeardAt = lastHeardAt
        self.lastEntryAt = lastEntryAt
        self.flags = flags
        self.state = state
    }

    /// The state a branch is in, given its other fields.
    static func state(revoked: Bool, flagged: Bool, lastHeardAt: Timestamp?, pending: Int64,
                      now: Timestamp, silentAfterSeconds: Int64) -> State {
        if revoked { return .revoked }
        if flagged { return .flagged }
        guard let lastHeardAt,
              now.millisecondsSinceEpoch - lastHeardAt.millisecondsSinceEpoch <= silentAfterSeconds * 1000 else {
            return .silent
        }
        return pending > 0 ? .behind : .current
    }
}

/// Something about a branch that needs the operator's attention.
public struct BranchFlag: Sendable, Hashable {
    /// What went wrong.
    public enum Kind: String, Sendable, CaseIterable {
        /// An entry broke a ledger rule: stored, excluded from the totals.
        case rule
        /// An entry arrived with a seq the hub holds with different content.
        case conflict
        /// Another ledger (a new PC, a fresh `init`) reported for the branch.
        case incarnation
        /// The office's ledger is older than the hub's copy: restored from a backup.
        case behind
        /// An office set up as another branch reported with this branch's key.
        case misenrolled
    }

    public var kind: Kind
    /// The entry concerned, if any.
    public var seq: Int64?
    public var detail: String
    /// When it was first raised.
    public var at: Timestamp
    /// The detail as data, to show in the reader's language; nil for flags raised before it was kept.
    public var wording: FlagWording?

    public init(kind: Kind, seq: Int64?, detail: String, at: Timestamp, wording: FlagWording? = nil) {
        self.kind = kind
        self.seq = seq
        self.detail = detail
        self.at = at
        self.wording = wording
    }
}

extension BranchStatus {
    /// The same branch judged at `now`: its state is the only thing about it that time alone
    /// changes (a branch falls silent), so a kept reading can be judged again without a query.
    public func judged(now: Timestamp, silentAfterSeconds: Int64) -> BranchStatus {
        var branch = self
        branch.state = Self.state(revoked: revokedAt != nil, flagged: !flags.isEmpty, lastHeardAt: lastHeardAt, pending: pending,
                                  now: now, silentAfterSeconds: silentAfterSeconds)
        return branch
    }
}
