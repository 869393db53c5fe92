import TaizhangCore
import TaizhangText

/// Boards, signs and badges as a table or JSON.
enum ItemText {
    static func table(_ items: [ItemState], _ material: Material) -> String {
        let noun = material.itemNoun.capitalized
        var table: TextTable
        switch material {
        case .badge: table = TextTable([.init(noun), .init("Staff"), .init("Since"), .init("Status")])
        case .board: table = TextTable([.init(noun), .init("Location"), .init("Standard"), .init("Since"), .init("Status")])
        default: table = TextTable([.init(noun), .init("Location"), .init("Since"), .init("Status")])
        }
        for item in items {
            let status = item.inService ? (material == .badge ? "active" : "in service")
                : "\(material.outAction.pastTense): \(item.reason ?? "")"
            switch material {
            case .badge: table.append([item.item, item.staff ?? "", item.since.description, status])
            case .board: table.append([item.item, item.location ?? "", item.standard ? "yes" : "no", item.since.description, status])
            default: table.append([item.item, item.location ?? "", item.since.description, status])
            }
        }
        return table.render()
    }

    static func json(_ item: ItemState) -> JSONValue {
        var members: [(String, JSONValue)] = [(item.material.itemNoun, .string(item.item))]
        switch item.material {
        case .badge: members.append(("staff", .optional(item.staff)))
        case .board: members += [("location", .optional(item.location)), ("standard", .bool(item.standard))]
        default: members.append(("location", .optional(item.location)))
        }
        members += [("inService", .bool(item.inService)), ("since", .string(item.since.description)),
                    ("reason", .optional(item.reason)), ("lastSeq", .int(item.lastSeq))]
        return .object(members)
    }
}

extension String {
    var capitalized: String { prefix(1).uppercased() + dropFirst() }
}
