/// What a ledger entry records happening to a material.
public enum Action: String, CaseIterable, Sendable {
    case install, retire, issue, revoke, receive, distribute, adjust, void

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
