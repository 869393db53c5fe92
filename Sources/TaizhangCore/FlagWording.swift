/// A hub flag's sentence as data — which sentence and its variable parts — so that it can be
/// shown in the reader's language (TaizhangText renders it from the catalogue). The hub stores
/// it beside the English `detail`; a flag stored before this existed has only the detail.
public struct FlagWording: Sendable, Hashable {
    /// Which sentence; its arguments, in order, are listed with each case.
    public enum Code: String, Sendable, CaseIterable {
        /// seq, material, action, the rule's code, then the rule's own arguments.
        case rule
        /// seq, the first bytes of the arriving content hash, of the stored one (hex).
        case entryConflict
        /// seq: the office's chain differs from the hub's there or earlier.
        case chainDiffers
        /// the other ledger's incarnation, the entries held, the bound incarnation.
        case otherIncarnation
        /// the entries held, the entries in the office's (restored) ledger.
        case restored
        /// the branch the office says it was set up as.
        case misenrolled
    }

    public var code: Code
    public var arguments: [String]

    public init(_ code: Code, _ arguments: [String]) {
        self.code = code
        self.arguments = arguments
    }

    /// An entry stored but left out of the totals because it broke `violation`.
    public static func rule(seq: Int64, material: Material, action: Action, violation: RuleViolation) -> FlagWording {
        FlagWording(.rule, ["\(seq)", material.rawValue, action.rawValue, violation.code.rawValue] + violation.arguments)
    }

    /// For a rule flag: the rule broken (nil if not a rule flag or the code is unknown).
    public var ruleCode: RuleViolation.Code? {
        guard code == .rule, arguments.count >= 4 else { return nil }
        return RuleViolation.Code(rawValue: arguments[3])
    }

    /// For a rule flag: the rule's own arguments.
    public var ruleArguments: [String] { code == .rule ? Array(arguments.dropFirst(4)) : [] }
}
