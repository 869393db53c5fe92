import AgentKit
import Foundation
import HubKit
import TaizhangCore
import TaizhangTesting
import XCTest

/// Property: random ledgers with backdated entries. The office's SQLite ledger refuses
/// exactly the entries the hub (given every draft, numbered in turn) stores flagged, and the
/// accepted ledger's stock never goes below zero on any date.
final class DatedRulesAgreementTests: XCTestCase {
    func testAgentAndHubAgreeOnEveryEntryAndStockNeverGoesNegative() throws {
        var random = SplitMix64(seed: 2026_1202)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-dated-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let setup = AgentSetup(branch: "sanchang", name: "三厂分局", hubEndpoint: "tcp://127.0.0.1:7447",
                               hubKey: "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7")
        let agent = try setup.create(in: AgentDirectory(path: folder)).database
        let hub = try ExportHub()
        try hub.enrol("sanchang", key: 1)

        var accepted: [Entry] = []
        var refusedByAgent: Set<Int64> = []
        var hubEntries: [Entry] = []
        var hubSeq: [Int64: Int64] = [:]  // the office's seq of an accepted entry → the hub's
        let first = CivilDate("2025-01-01")!.daysSinceEpoch
        for seq in Int64(1)...400 {
            let draft = Self.randomDraft(&random, on: CivilDate(daysSinceEpoch: first + random.below(300)), accepted: accepted)
            do {
                let entry = try agent.record(draft)
                accepted.append(entry)
                hubSeq[entry.seq] = seq
            } catch is RuleViolation {
                refusedByAgent.insert(seq)
            }
            // The hub is given every draft, numbered in turn; a void names the hub's number.
            var hubDraft = draft
            hubDraft.voids = draft.voids.flatMap { hubSeq[$0] }
            hubEntries.append(hubDraft.entry(branch: "sanchang", seq: seq, recordedAt: Timestamp(millisecondsSinceEpoch: seq)))
        }
        XCTAssertGreaterThan(refusedByAgent.count, 20, "the mix breaks the dated rules often")
        XCTAssertGreaterThan(accepted.count, 200)
        let late = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000)
        for start in stride(from: 0, to: hubEntries.count, by: 37) {
            try hub.deliver("sanchang", Array(hubEntries[start..<min(hubEntries.count, start + 37)]), at: late)
        }
        let status = try XCTUnwrap(hub.database.branches(now: late, silentAfterSeconds: 60).first { $0.id == "sanchang" })
        let flagged = Set(status.flags.compactMap(\.seq))
        XCTAssertEqual(flagged, refusedByAgent, "the hub flags exactly what the office refuses")
        XCTAssertEqual(try hub.database.totals().branches["sanchang"], try agent.inventory() + Inventory())

        // The accepted ledger, folded by date: no day ends with fewer than none.
        let voided = Set(accepted.compactMap(\.voids))
        for material in [Material.card, .guide] {
            var perDay: [CivilDate: Int64] = [:]
            for entry in accepted where entry.material == material && entry.action != .void && !voided.contains(entry.seq) {
                perDay[entry.occurredOn, default: 0] += entry.action == .distribute ? -entry.quantity! : entry.quantity!
            }
            var onHand: Int64 = 0
            for day in perDay.keys.sorted() {
                onHand += perDay[day]!
                XCTAssertGreaterThanOrEqual(onHand, 0, "\(material) on \(day)")
            }
        }
    }

    static func randomDraft(_ random: inout SplitMix64, on date: CivilDate, accepted: [Entry]) -> EntryDraft {
        let material: Material = [.card, .guide, .board, .badge][random.below(4)]
        let tag = ["GS-1", "gs-1", "ＧＳ－１", "GS-2"][random.below(4)]
        let quantity = Int64(random.below(120) + 1)
        var draft = EntryDraft(material: material, action: material.inAction, occurredOn: date, clerk: "王")
        switch random.below(7) {
        case 0 where !accepted.isEmpty:
            let target = accepted[random.below(accepted.count)]
            draft = EntryDraft(material: target.material, action: .void, item: target.item,
                               details: EntryDetails(reason: "错"), occurredOn: date, clerk: "王", voids: target.seq)
        case 1, 2:
            draft.item = material.kind == .unit ? tag : nil
            draft.quantity = material.kind == .stock ? quantity : nil
            draft.details = material == .badge ? EntryDetails(staff: "李强") : EntryDetails(location: "大厅", batch: "B")
            draft = EntryFields.keepingAllowed(draft)
        case 3, 4:
            draft.action = material.outAction
            draft.item = material.kind == .unit ? tag : nil
            draft.quantity = material.kind == .stock ? quantity : nil
            draft.details = material.kind == .stock ? EntryDetails(channel: "窗口")
                : EntryDetails(reason: material == .badge ? "lost" : "旧了")
        default:
            draft.action = material.kind == .stock ? .adjust : material.outAction
            draft.item = material.kind == .unit ? tag : nil
            draft.quantity = material.kind == .stock ? quantity - 70 : nil
            if draft.quantity == 0 { draft.quantity = 1 }
            draft.details = EntryDetails(reason: material == .badge ? "returned" : "盘点")
        }
        return draft
    }
}
