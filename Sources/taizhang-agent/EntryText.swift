import TaizhangCore
import TaizhangText

/// How entries and counts read to a clerk, in the clerk's language.
enum EntryText {
    static func summary(_ entry: Entry) -> String {
        let details = entry.details
        let material = entry.material.rawValue
        let item = entry.item ?? ""
        switch entry.action {
        case .install:
            let standard = entry.material == .board ? (details.standard == false ? Message.sumNonstandard() : Message.sumStandard()) : ""
            return Message.sumInstall(material, item, details.location ?? "?") + standard
        case .issue:
            return Message.sumIssue(material, item, details.staff ?? "?")
        case .retire:
            return Message.sumRetire(material, item, details.reason ?? "")
        case .revoke:
            return Message.sumRevoke(material, item, FixedValues.reasonText(details.reason ?? "", Language.current))
        case .receive:
            return Message.sumReceive(entry.quantity ?? 0, material) + (details.batch.map { Message.sumBatch($0) } ?? "")
        case .distribute:
            return Message.sumDistribute(entry.quantity ?? 0, material, details.channel ?? "?")
        case .adjust:
            let quantity = entry.quantity ?? 0
            return Message.sumAdjust(material, "\(quantity > 0 ? "+" : "")\(quantity)", details.reason ?? "")
        case .void:
            return Message.sumVoid(entry.voids ?? 0, details.reason ?? "")
        }
    }

    /// Where the material stands now, e.g. "Notice boards in service: 4 (4 to the standard)".
    static func standing(_ tally: Tally, _ material: Material) -> String {
        switch material {
        case .board: Message.standBoard(tally.inService, tally.standard)
        case .sign: Message.standSign(tally.inService)
        case .badge: Message.standBadge(tally.inService)
        case .card: Message.standCard(tally.onHand)
        case .guide: Message.standGuide(tally.onHand)
        }
    }
}
