import TaizhangCore

/// One flag as the operator works through it: what was raised, and, once settled, when, by
/// whom and with what note. A flag the office's own entry settled has no `settledBy`.
public struct FlagRecord: Sendable, Hashable {
    public var id: Int64
    public var branch: String
    /// `BranchFlag.Kind`'s raw value (kept as text, so a kind this build does not know still shows).
    public var kind: String
    /// The entry concerned, if any.
    public var seq: Int64?
    /// What the hub found, in English, as it was stored.
    public var detail: String
    /// When it was raised.
    public var since: Timestamp
    public var settledAt: Timestamp?
    /// The operator's login on the hub's machine.
    public var settledBy: String?
    public var note: String?
    /// The detail as data, to show in the reader's language; nil for flags raised before it was kept.
    public var wording: FlagWording?

    public var isOpen: Bool { settledAt == nil }

    public init(id: Int64, branch: String, kind: String, seq: Int64?, detail: String, since: Timestamp,
                settledAt: Timestamp?, settledBy: String?, note: String?, wording: FlagWording? = nil) {
        self.id = id
        self.branch = branch
        self.kind = kind
        self.seq = seq
        self.detail = detail
        self.since = since
        self.settledAt = settledAt
        self.settledBy = settledBy
        self.note = note
        self.wording = wording
    }
}

/// Why a flag could not be settled; nothing was changed.
public enum FlagError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknown(id: String)
    case alreadySettled(FlagRecord)
    case emptyNote
    case noteTooLong(limit: Int)

    /// The longest note kept, in characters.
    public static let noteLimit = 500

    public var description: String {
        switch self {
        case .unknown(let id): "there is no flag '\(id)' at this hub; 'taizhang-hub flags --all' lists every flag with its ID"
        case .alreadySettled(let flag):
            "flag \(flag.id) was already settled at \(flag.settledAt?.description ?? "?") by \(flag.settledBy ?? "the office's own entry"); nothing was changed"
        case .emptyNote: "--note must say what was done about the flag (it is kept in the history); an empty note was refused"
        case .noteTooLong(let limit): "--note is longer than \(limit) characters; say what was done in fewer words"
        }
    }
}
