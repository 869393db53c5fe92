import TaizhangCore

extension Inventory {
    /// The `inventory` object of CLI.md: one member per material, in the documented order.
    public var json: JSONValue {
        .object(Material.allCases.map { ($0.rawValue, self[$0].json(for: $0)) })
    }
}

extension Tally {
    public func json(for material: Material) -> JSONValue {
        switch material {
        case .board: .object([("inService", .int(inService)), ("standard", .int(standard))])
        case .sign: .object([("inService", .int(inService))])
        case .badge: .object([("active", .int(inService))])
        case .card, .guide:
            .object([("onHand", .int(onHand)), ("received", .int(received)),
                     ("distributed", .int(distributed)), ("adjusted", .int(adjusted))])
        }
    }
}
