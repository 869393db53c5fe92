import TaizhangCore

/// How entries and counts read to a clerk.
enum EntryText {
    static func summary(_ entry: Entry) -> String {
        let details = entry.details
        let name = entry.material.englishName
        switch entry.action {
        case .install:
            let standard = entry.material == .board ? (details.standard == false ? ", not to the standard" : ", to the standard") : ""
            return "\(name) \(entry.item ?? "") installed at \(details.location ?? "?")\(standard)"
        case .issue:
            return "\(name) \(entry.item ?? "") issued to \(details.staff ?? "?")"
        case .retire, .revoke:
            return "\(name) \(entry.item ?? "") \(entry.action.pastTense) (\(details.reason ?? ""))"
        case .receive:
            return "\(entry.quantity ?? 0) \(name)s received" + (details.batch.map { " (batch \($0))" } ?? "")
        case .distribute:
            return "\(entry.quantity ?? 0) \(name)s distributed at \(details.channel ?? "?")"
        case .adjust:
            let quantity = entry.quantity ?? 0
            return "\(name)s adjusted by \(quantity > 0 ? "+" : "")\(quantity) (\(details.reason ?? ""))"
        case .void:
            return "entry #\(entry.voids ?? 0) voided (\(details.reason ?? ""))"
        }
    }

    /// Where the material stands now, e.g. "Notice boards in service: 4 (4 to the standard)".
    static func standing(_ tally: Tally, _ material: Material) -> String {
        switch material {
        case .board: "Notice boards in service: \(tally.inService) (\(tally.standard) to the standard)"
        case .sign: "Whereabouts signs in service: \(tally.inService)"
        case .badge: "Staff badges active: \(tally.inService)"
        case .card: "Service cards on hand: \(tally.onHand)"
        case .guide: "Service guides on hand: \(tally.onHand)"
        }
    }
}
