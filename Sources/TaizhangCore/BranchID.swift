/// The rule for branch IDs, shared by the agent's `init` and the hub's `enroll` so any ID an
/// office can choose enrols: 1 to 32 lowercase ASCII letters, digits or hyphens, not
/// starting with a hyphen.
public enum BranchID {
    public static func isValid(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...32).contains(bytes.count), bytes[0] != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}

extension BranchID {
    /// Checks an office's branch ID and name as both `taizhang-agent init` and
    /// `taizhang-hub enroll` take them; the message says what a valid one looks like.
    public static func checkOffice(id: String, name: String) throws(RuleViolation) {
        guard isValid(id) else {
            throw RuleViolation(.malformed, .badBranchID, [id], "the branch ID '\(id)' must be 1 to 32 lowercase letters, digits or hyphens, starting with a letter or digit (e.g. sanchang)")
        }
        try LedgerRules.checkText(name, "office name")
    }
}
