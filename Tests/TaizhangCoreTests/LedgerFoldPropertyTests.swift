import TaizhangCore
import TaizhangTesting
import XCTest

/// Random clerk sessions: whatever is accepted, the inventory stays consistent with the items.
final class LedgerFoldPropertyTests: XCTestCase {
    func testRandomSessionsKeepInvariants() throws {
        var generator = SplitMix64(seed: 20081109)
        for _ in 0..<40 {
            var script = LedgerScript()
            for _ in 0..<300 {
                let draft = RandomDrafts.next(&generator, script: script)
                let before = script.fold
                do {
                    try script.record(draft)
                } catch is RuleViolation {
                    XCTAssertEqual(script.fold.lastSeq, before.lastSeq)
                    XCTAssertEqual(script.fold.inventory, before.inventory)
                }
                Self.checkInvariants(script.fold)
            }
            // Replaying the accepted entries gives the same result.
            let replay = try LedgerFold(entries: (1...max(1, script.fold.lastSeq)).compactMap { script.fold.entry(seq: $0) })
            XCTAssertEqual(replay.inventory, script.fold.inventory)
        }
    }

    static func checkInvariants(_ fold: LedgerFold, file: StaticString = #filePath, line: UInt = #line) {
        for material in Material.allCases {
            let tally = fold.inventory[material]
            if material.kind == .stock {
                XCTAssertGreaterThanOrEqual(tally.onHand, 0, file: file, line: line)
            } else {
                let inService = fold.items.values.filter { $0.material == material && $0.inService }
                XCTAssertEqual(tally.inService, Int64(inService.count), file: file, line: line)
                XCTAssertEqual(tally.standard, Int64(inService.filter(\.standard).count), file: file, line: line)
            }
        }
    }
}

/// Drafts a clerk might type, good and bad.
enum RandomDrafts {
    static func next(_ g: inout SplitMix64, script: LedgerScript) -> EntryDraft {
        let material = Material.allCases[Int(g.next() % 5)]
        let tag = "T\(g.next() % 8)"
        let quantity = Int64(g.next() % 300) - 20
        switch g.next() % 6 {
        case 0 where script.fold.lastSeq > 0:
            let target = Int64(g.next() % UInt64(script.fold.lastSeq)) + 1
            let entry = script.fold.entry(seq: target)
            return script.draft(entry?.material ?? material, .void, item: entry?.item, EntryDetails(reason: "oops"), voids: target)
        case 1, 2:
            return material.kind == .unit
                ? EntryFields.keepingAllowed(script.draft(material, material.inAction, item: tag,
                               EntryDetails(location: "hall", staff: "王芳", standard: g.next() % 3 != 0)))
                : script.draft(material, .receive, quantity: quantity)
        case 3, 4:
            return material.kind == .unit
                ? script.draft(material, material.outAction, item: tag, EntryDetails(reason: "lost"))
                : script.draft(material, .distribute, quantity: quantity, EntryDetails(channel: "desk"))
        default:
            return script.draft(material, .adjust, quantity: quantity - 100, EntryDetails(reason: "count"))
        }
    }
}
