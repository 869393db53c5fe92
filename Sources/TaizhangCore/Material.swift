/// One of the five public-disclosure materials a branch office keeps a ledger of.
public enum Material: String, CaseIterable, Sendable, Comparable {
    case board, sign, badge, card, guide

    /// How the ledger tracks a material: individual items, or a counted stock.
    public enum Kind: Sendable { case unit, stock }

    public var kind: Kind {
        switch self {
        case .board, .sign, .badge: .unit
        case .card, .guide: .stock
        }
    }

    /// What one item of a unit material is called on the command line.
    public var itemNoun: String { self == .badge ? "number" : "tag" }

    public var englishName: String {
        switch self {
        case .board: "notice board"
        case .sign: "whereabouts sign"
        case .badge: "staff badge"
        case .card: "service card"
        case .guide: "service guide"
        }
    }

    public var chineseName: String {
        switch self {
        case .board: "公示栏"
        case .sign: "人员去向牌"
        case .badge: "胸卡"
        case .card: "便民服务联系卡"
        case .guide: "办事指南"
        }
    }

    /// The action that puts an item in service or stock in hand, and the one that takes it out.
    public var inAction: Action {
        switch self {
        case .board, .sign: .install
        case .badge: .issue
        case .card, .guide: .receive
        }
    }

    public var outAction: Action {
        switch self {
        case .board, .sign: .retire
        case .badge: .revoke
        case .card, .guide: .distribute
        }
    }

    /// Actions a clerk may record for this material (`void` applies to every material).
    public var actions: [Action] {
        kind == .unit ? [inAction, outAction, .void] : [inAction, outAction, .adjust, .void]
    }

    /// Whether a clerk may record `action` for this material (as `actions`, without an array).
    public func allows(_ action: Action) -> Bool {
        action == inAction || action == outAction || action == .void || (action == .adjust && kind == .stock)
    }

    /// The position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .board: 0
        case .sign: 1
        case .badge: 2
        case .card: 3
        case .guide: 4
        }
    }

    public static func < (lhs: Material, rhs: Material) -> Bool { lhs.ordinal < rhs.ordinal }

    // By position, not by the raw value's text (RawRepresentable's default): materials key
    // the dictionaries of the hub's ingest, once or more per entry.
    public static func == (lhs: Material, rhs: Material) -> Bool { lhs.ordinal == rhs.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}
