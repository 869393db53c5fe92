import TaizhangCore
import TaizhangReport
import TaizhangTesting

/// Random office histories over the twelve months of 2025: entries the rules accept, plus
/// now and then one they refuse (which the hub stores flagged and leaves out of every
/// figure), numbered without gaps as an office's ledger is.
struct RandomLedger {
    var random: SplitMix64
    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func entries(branch: String, count: Int) -> [Entry] {
        var replay = LedgerReplay()
        var entries: [Entry] = []
        var day = CivilDate("2025-01-01")!.daysSinceEpoch
        let last = CivilDate("2025-12-31")!.daysSinceEpoch
        while entries.count < count {
            if random.below(6) == 0 { day = min(last, day + random.below(9)) }
            let date = CivilDate(daysSinceEpoch: day)
            let material = Material.allCases[random.below(5)]
            let tag = "T\(random.below(5))"
            let quantity = Int64(random.below(300) + 1)
            var draft = EntryDraft(material: material, action: material.inAction, occurredOn: date, clerk: "王")
            switch random.below(8) {
            case 0 where !entries.isEmpty:
                let target = entries[random.below(entries.count)]
                draft = EntryDraft(material: target.material, action: .void, item: target.item,
                                   details: EntryDetails(reason: "录入错误"), occurredOn: date, clerk: "王", voids: target.seq)
            case 1, 2, 3:
                draft.item = material.kind == .unit ? tag : nil
                draft.quantity = material.kind == .stock ? quantity : nil
                draft.details = EntryDetails(location: "大厅", staff: "李强", batch: "B", standard: random.below(3) != 0)
                draft = EntryFields.keepingAllowed(draft)
            case 4, 5:
                draft.action = material.outAction
                draft.item = material.kind == .unit ? tag : nil
                draft.quantity = material.kind == .stock ? quantity : nil
                draft.details = material.kind == .unit ? EntryDetails(reason: "lost") : EntryDetails(channel: "窗口")
            default:
                draft.action = material.kind == .stock ? .adjust : material.outAction
                draft.item = material.kind == .unit ? tag : nil
                draft.quantity = material.kind == .stock ? quantity - 150 : nil
                draft.details = EntryDetails(reason: "stocktake")
                if draft.quantity == 0 { continue }
            }
            let entry = draft.entry(branch: branch, seq: Int64(entries.count + 1),
                                    recordedAt: Timestamp(millisecondsSinceEpoch: 1_735_689_600_000 + Int64(entries.count) * 60_000))
            if replay.apply(entry) != nil || random.below(25) == 0 { entries.append(entry) }
        }
        return entries
    }
}

extension YearMonth {
    var next: YearMonth { month == 12 ? YearMonth(year: year + 1, month: 1)! : YearMonth(year: year, month: month + 1)! }
}
