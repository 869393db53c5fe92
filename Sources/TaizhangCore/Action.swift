/// What a ledger entry records happening to a material.
public enum Action: String, CaseIterable, Sendable {
    case install, retire, issue, revoke, receive, distribute, adjust, void

    /// The position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .install: 0
        case .retire: 1
        case .issue: 2
        case .revoke: 3
        case .receive: 4
        case .distribute: 5
        case .adjust: 6
        case .void: 7
        }
    }

    // By position, not by the raw value's text (RawRepresentable's default).
    public static func == (lhs: Action, rhs: Action) -> Bool { lhs.ordinal == rhs.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// Past-tense verb for messages ("board B-01 installed").
    public var pastTense: String {
        switch self {
        case .install: "installed"
        case .retire: "retired"
        case .issue: "issued"
        case .revoke: "revoked"
        case .receive: "received"
        case .distribute: "distributed"
        case .adjust: "adjusted"
        case .void: "voided"
        }
    }
}

/// Why a badge was taken out of use.
public enum RevokeReason: String, CaseIterable, Sendable {
    case lost, returned, departed
}
