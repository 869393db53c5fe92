import TaizhangCore
import TaizhangText

/// Boards, signs and badges as a table or JSON.
enum ItemText {
    static func table(_ items: [ItemState], _ material: Material) -> TextTable {
        let noun = TextTable.Column(material == .badge ? Message.colNumber() : Message.colTag())
        let since = TextTable.Column(Message.colSince()), status = TextTable.Column(Message.colStatus(), fit: .wrap)
        var table: TextTable
        switch material {
        case .badge: table = TextTable([noun, .init(Message.colStaff(), fit: .wrap), since, status])
        case .board: table = TextTable([noun, .init(Message.colLocation(), fit: .wrap), .init(Message.colStandard()), since, status])
        default: table = TextTable([noun, .init(Message.colLocation(), fit: .wrap), since, status])
        }
        for item in items {
            let status = item.inService ? (material == .badge ? Message.stateActive() : Message.stateInService())
                : material == .badge ? Message.stateRevoked(FixedValues.reasonText(item.reason ?? "", Language.current))
                : Message.stateRetired(item.reason ?? "")
            switch material {
            case .badge: table.append([item.item, item.staff ?? "", item.since.description, status])
            case .board: table.append([item.item, item.location ?? "", item.standard ? Message.yes() : Message.no(), item.since.description, status])
            default: table.append([item.item, item.location ?? "", item.since.description, status])
            }
        }
        return table
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
