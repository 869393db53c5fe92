/// What a report says beyond its figures: who issues it and who signs it (the hub's report
/// settings; an office's own report: the office), and what about each branch needs the
/// reader's attention as of the report's as-of — open flags and revoked offices.
public struct ReportContext: Sendable, Hashable {
    /// The bureau's name: the title's first words and 填报单位 (nil: neither is named).
    public var issuer: String?
    /// 填报人, 审核人, 单位负责人: printed on the signature block; nil leaves a line to sign on.
    public var preparer: String?
    public var reviewer: String?
    public var head: String?
    /// Branch ID → how many flags were open at the as-of.
    public var openFlags: [String: Int]
    /// Branch IDs whose key was revoked by the as-of.
    public var revoked: Set<String>

    public init(issuer: String? = nil, preparer: String? = nil, reviewer: String? = nil, head: String? = nil,
                openFlags: [String: Int] = [:], revoked: Set<String> = []) {
        self.issuer = issuer
        self.preparer = preparer
        self.reviewer = reviewer
        self.head = head
        self.openFlags = openFlags.filter { $0.value > 0 }
        self.revoked = revoked
    }

    /// The report's figures can be signed as they are: every ledger complete through the
    /// month's end and no open flag.
    public func isClean(_ report: MonthlyReport) -> Bool { report.isComplete && openFlags.isEmpty }
}
