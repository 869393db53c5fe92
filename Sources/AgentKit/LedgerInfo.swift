import TaizhangCore

/// Who this ledger belongs to and where it reports: written once, at `init`.
public struct LedgerInfo: Sendable, Hashable {
    public var branch: String
    public var name: String
    /// Made at `init`; a ledger restored from a backup keeps it, a new ledger gets a new one.
    public var incarnation: String
    /// The hub's front-ends, in the order `--hub` listed them (one for a single hub); the agent
    /// talks to one at a time (`HubRotation`).
    public var hubEndpoints: [String]
    public var hubKey: String
    public var timeZone: BureauTimeZone
    public var createdAt: Timestamp

    /// The front-ends as `--hub` takes them: comma-separated.
    public var hubList: String { Endpoint.listText(hubEndpoints) }

    public init(branch: String, name: String, incarnation: String, hubEndpoints: [String],
                hubKey: String, timeZone: BureauTimeZone, createdAt: Timestamp) {
        self.branch = branch
        self.name = name
        self.incarnation = incarnation
        self.hubEndpoints = hubEndpoints
        self.hubKey = hubKey
        self.timeZone = timeZone
        self.createdAt = createdAt
    }
}

/// How far the hub has acknowledged this ledger.
public struct SyncState: Sendable, Hashable {
    public var lastSeq: Int64
    public var ackedSeq: Int64
    public var lastAckAt: Timestamp?
    /// The last problem met talking to the hub, cleared by the next successful exchange.
    public var lastProblem: String?
    public var lastProblemAt: Timestamp?
    /// `lastProblem` as data, for wording it in the clerk's language (nil for older rows).
    public var lastProblemError: SyncError?
    /// The hub's last confirmation (the receipt): the seq it holds and its chain there.
    public var confirmation: Confirmation?
    /// What the hub last said of the flags it holds open on this office (nil: not heard yet).
    public var hubFlags: HubFlags?
    /// The front-end that last welcomed this office (nil: none yet); the next connection
    /// starts there.
    public var hubAnswered: String?

    public var pending: Int64 { lastSeq - ackedSeq }

    public init(lastSeq: Int64, ackedSeq: Int64, lastAckAt: Timestamp?, lastProblem: String? = nil, lastProblemAt: Timestamp? = nil) {
        self.lastSeq = lastSeq
        self.ackedSeq = ackedSeq
        self.lastAckAt = lastAckAt
        self.lastProblem = lastProblem
        self.lastProblemAt = lastProblemAt
    }
}

/// A receipt: the hub confirmed that it holds this ledger up to `seq`, with chain `chain` there.
public struct Confirmation: Sendable, Hashable {
    public var seq: Int64
    public var chain: [UInt8]
    public var at: Timestamp

    public init(seq: Int64, chain: [UInt8], at: Timestamp) {
        self.seq = seq
        self.chain = chain
        self.at = at
    }
}
