import TaizhangCore

/// The bureau-wide inventory and every enrolled branch's share of it.
public struct HubTotals: Sendable, Hashable {
    /// The sum over all branches, revoked ones included (their entries stay).
    public var bureau: Inventory
    /// Every enrolled branch, with a zero inventory if it has sent nothing yet.
    public var branches: [String: Inventory]

    public init(bureau: Inventory, branches: [String: Inventory]) {
        self.bureau = bureau
        self.branches = branches
    }
}
