import TaizhangCore

/// The Chinese (and other) spellings a clerk may type for the programs' fixed values; each
/// maps to the canonical value the ledger, the wire and `--json` keep.
public enum FixedValues {
    /// `badge revoke --reason`.
    public static let revokeReasons: [String: RevokeReason] = [
        "lost": .lost, "丢失": .lost, "遗失": .lost, "丢了": .lost,
        "returned": .returned, "交回": .returned, "退回": .returned, "归还": .returned,
        "departed": .departed, "离职": .departed, "调离": .departed, "调走": .departed,
    ]

    /// `--format` of `report` and `export`.
    public static let formats: [String: String] = [
        "csv": "csv", "json": "json", "xlsx": "xlsx", "excel": "xlsx", "表格": "xlsx", "电子表格": "xlsx",
        "table": "table", "终端": "table",
    ]

    /// The canonical reason for what a clerk typed (unknown text is passed on for the rules to refuse).
    public static func revokeReason(_ typed: String) -> String {
        revokeReasons[typed.lowercased()]?.rawValue ?? typed
    }

    public static func format(_ typed: String) -> String {
        formats[typed.lowercased()] ?? typed
    }

    /// Every spelling, for shell completion.
    public static var revokeReasonSpellings: [String] { revokeReasons.keys.sorted() }

    /// A badge's revocation reason as the clerk reads it.
    public static func reasonText(_ reason: String, _ language: Language) -> String {
        guard RevokeReason(rawValue: reason) != nil, let message = Message(rawValue: "reason_" + reason) else { return reason }
        return message.text(language)
    }
}
