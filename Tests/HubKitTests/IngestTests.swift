import Foundation
import GRDB
import HubKit
import TaizhangCore
import XCTest

final class IngestTests: XCTestCase {
    typealias T = TemporaryHub

    func testResentBatchIsNotCountedTwice() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        try script.record(script.draft(.card, .receive, quantity: 1000))
        try script.record(script.draft(.board, .install, item: "GS-01", EntryDetails(location: "大厅")))
        try script.record(script.draft(.card, .distribute, quantity: 200, EntryDetails(channel: "市场")))
        XCTAssertEqual(try hub.ingest("sanchang", script.entries).accepted, 3)
        XCTAssertEqual(try hub.ingest("sanchang", script.entries).accepted, 3)
        XCTAssertEqual(try hub.ingest("sanchang", Array(script.entries[1...])).accepted, 3)
        XCTAssertEqual(try hub.inventory("sanchang"), script.fold.inventory + Inventory())
        XCTAssertEqual(try hub.inventory("sanchang")[.card].onHand, 800)
        let status = try hub.status("sanchang")
        XCTAssertEqual(status.lastEntryAt, script.entries[2].recordedAt)
        XCTAssertTrue(status.flags.isEmpty)
        XCTAssertEqual(status.state, .current)
    }

    func testSameSeqWithOtherContentIsRefusedAndTheStoredEntryKept() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        try script.record(script.draft(.card, .receive, quantity: 100))
        try script.record(script.draft(.card, .receive, quantity: 50))
        XCTAssertEqual(try hub.ingest("sanchang", script.entries).accepted, 2)
        // A restored ledger recorded something else as #2, then #3.
        var other = EntryScript(branch: "sanchang")
        try other.record(other.draft(.card, .receive, quantity: 100))
        try other.record(other.draft(.card, .receive, quantity: 9))
        try other.record(other.draft(.card, .receive, quantity: 1))
        let reply = try hub.ingest("sanchang", other.entries)
        guard case .refused(.conflict, 2, 2, let message) = reply else { return XCTFail("\(reply)") }
        XCTAssertTrue(message.contains("different entry #2"), message)
        XCTAssertEqual(try hub.inventory("sanchang")[.card].received, 150, "#2 kept, #3 not taken")
        XCTAssertEqual(try hub.status("sanchang").heldSeq, 2)
        let flags = try hub.status("sanchang").flags
        XCTAssertEqual(flags.map(\.kind), [.conflict])
        XCTAssertEqual(flags.first?.seq, 2)
        // The stored row is unchanged and the conflicting hash is on record.
        let queue = try DatabaseQueue(path: hub.database.path)
        try queue.read { db in
            XCTAssertEqual(try Int64.fetchOne(db, sql: "SELECT quantity FROM entry WHERE branch = 'sanchang' AND seq = 2"), 50)
            XCTAssertEqual(try Data.fetchOne(db, sql: "SELECT hash FROM conflict WHERE seq = 2"),
                           Data(EntryCodec.contentHash(other.entries[1])))
        }
        // Entries before the conflict in the same batch are committed.
        var next = EntryScript(branch: "sanchang")
        for entry in script.entries { try next.record(entry.draft) }
        try next.record(next.draft(.card, .receive, quantity: 7))
        try next.record(next.draft(.card, .receive, quantity: 8))
        let mixed = [next.entries[2], next.entries[3], other.entries[1]]  // #3, #4, then the other #2
        let mixedReply = try hub.ingest("sanchang", mixed)
        guard case .refused(.conflict, 4, 2, _) = mixedReply else { return XCTFail("\(mixedReply)") }
        XCTAssertEqual(try hub.inventory("sanchang")[.card].received, 165)
    }

    func testGapIsRefusedWithWhereToResume() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        for _ in 0..<4 { try script.record(script.draft(.guide, .receive, quantity: 10)) }
        XCTAssertEqual(try hub.ingest("sanchang", Array(script.entries[0..<2])).accepted, 2)
        let reply = try hub.ingest("sanchang", [script.entries[3]])
        guard case .refused(.gap, 2, 4, let message) = reply else { return XCTFail("\(reply)") }
        XCTAssertTrue(message.contains("resend from #3"), message)
        XCTAssertEqual(WireStatus.gap.rawValue, 416)
        XCTAssertEqual(try hub.inventory("sanchang")[.guide].onHand, 20)
        XCTAssertTrue(try hub.status("sanchang").flags.isEmpty, "a gap is a transport matter, not a flag")
        // A gap inside a batch: what comes before it is stored, then 416 from where the hub stands.
        var sixth = script.entries[3]
        sixth.seq = 6
        let inside = try hub.ingest("sanchang", [script.entries[2], script.entries[3], sixth])
        guard case .refused(.gap, 4, 6, _) = inside else { return XCTFail("\(inside)") }
        XCTAssertEqual(try hub.inventory("sanchang")[.guide].onHand, 40)
    }

    func testRuleBreakingEntryIsStoredFlaggedAndLeftOutOfTheTotals() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        try script.record(script.draft(.card, .receive, quantity: 10))
        let good = script.entries[0]
        let date = script.date
        func entry(_ seq: Int64, _ draft: EntryDraft) -> Entry {
            draft.entry(branch: "sanchang", seq: seq, recordedAt: Timestamp(millisecondsSinceEpoch: seq))
        }
        let entries = [
            good,
            entry(2, script.draft(.card, .distribute, quantity: 50, EntryDetails(channel: "市场"))),  // more than on hand
            entry(3, script.draft(.board, .retire, item: "GHOST", EntryDetails(reason: "old"))),        // never installed
            entry(4, script.draft(.card, .distribute, quantity: 4, EntryDetails(channel: "窗口"))),
        ]
        XCTAssertEqual(try hub.ingest("sanchang", entries).accepted, 4, "a bad entry never blocks the branch")
        XCTAssertEqual(try hub.inventory("sanchang")[.card], Tally(received: 10, distributed: 4))
        XCTAssertEqual(try hub.inventory("sanchang")[.board], Tally())
        var status = try hub.status("sanchang")
        XCTAssertEqual(status.flags.map(\.kind), [.rule, .rule])
        XCTAssertEqual(status.flags.map(\.seq), [2, 3])
        XCTAssertTrue(status.flags[0].detail.contains("only 10 service cards were on hand on"), status.flags[0].detail)
        XCTAssertEqual(status.state, .flagged)
        // The office voids the flagged entries: nothing to undo, the flags are settled.
        let voids = [
            entry(5, EntryDraft(material: .card, action: .void, details: EntryDetails(reason: "错"), occurredOn: date, clerk: "王", voids: 2)),
            entry(6, EntryDraft(material: .board, action: .void, item: "GHOST", details: EntryDetails(reason: "错"), occurredOn: date, clerk: "王", voids: 3)),
            entry(7, EntryDraft(material: .card, action: .void, details: EntryDetails(reason: "错"), occurredOn: date, clerk: "王", voids: 4)),
        ]
        XCTAssertEqual(try hub.ingest("sanchang", voids).accepted, 7)
        XCTAssertEqual(try hub.inventory("sanchang")[.card], Tally(received: 10))
        status = try hub.status("sanchang")
        XCTAssertTrue(status.flags.isEmpty, "\(status.flags)")
        XCTAssertEqual(status.heldSeq, 7)
        let march = try hub.database.monthlyMovements(for: date.yearMonth).first { $0.material == .card }
        XCTAssertEqual(march?.closing, 10)
        XCTAssertEqual(march?.outflow, 0)
    }

    func testVoidReversesTheMovementInTheVoidedEntrysMonth() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        script.date = CivilDate("2008-03-10")!
        try script.record(script.draft(.guide, .receive, quantity: 500))
        try script.record(script.draft(.board, .install, item: "B1", EntryDetails(location: "门口", standard: true)))
        try script.record(script.draft(.board, .install, item: "B2", EntryDetails(location: "门口", standard: false)))
        script.date = CivilDate("2008-05-02")!
        try script.record(script.draft(.guide, .distribute, quantity: 100, EntryDetails(channel: "窗口")))
        try script.record(script.draft(.board, .retire, item: "B1", EntryDetails(reason: "坏了")))
        script.date = CivilDate("2008-06-20")!
        try script.record(script.draft(.guide, .receive, quantity: 450))
        // Backdated: without it, voiding March's receipt would leave May's distribution short.
        script.date = CivilDate("2008-04-01")!
        try script.record(script.draft(.guide, .receive, quantity: 200))
        script.date = CivilDate("2008-06-20")!
        try script.record(script.draft(.guide, .void, EntryDetails(reason: "记错"), voids: 1))
        try script.record(script.draft(.board, .void, item: "B1", EntryDetails(reason: "没拆"), voids: 5))
        for entry in script.entries { _ = try hub.ingest("sanchang", [entry]) }
        func row(_ month: String, _ material: Material) throws -> MonthlyMovement {
            try XCTUnwrap(hub.database.monthlyMovements(for: YearMonth(month)!).first { $0.material == material })
        }
        XCTAssertEqual(try row("2008-03", .guide).inflow, 0, "the voided receipt is gone from March")
        XCTAssertEqual(try row("2008-05", .guide).outflow, 100)
        XCTAssertEqual(try row("2008-04", .guide).inflow, 200)
        XCTAssertEqual(try row("2008-06", .guide).opening, 100)
        XCTAssertEqual(try row("2008-06", .guide).closing, 550)
        let board = try row("2008-03", .board)
        XCTAssertEqual([board.inflow, board.standardChange, board.closing], [2, 1, 2])
        let may = try row("2008-05", .board)
        XCTAssertEqual([may.opening, may.outflow, may.standardOpening, may.standardClosing], [2, 0, 1, 1], "the voided retirement")
        XCTAssertEqual(try hub.inventory("sanchang"), script.fold.inventory + Inventory())
        XCTAssertEqual(try row("2009-01", .board).opening, script.fold.inventory[.board].inService)
    }

    func testStoredEntriesCannotBeChangedBehindTheHubsBack() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        try script.record(script.draft(.card, .receive, quantity: 10))
        _ = try hub.ingest("sanchang", script.entries)
        let queue = try DatabaseQueue(path: hub.database.path)
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "UPDATE entry SET quantity = 99") })
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "DELETE FROM entry") })
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: """
            INSERT INTO entry (branch, seq, material, action, quantity, occurred_on, recorded_at, body, hash, stored_at)
            VALUES ('sanchang', 1, 'card', 'receive', 5, '2008-01-01', 0, x'00', x'00', 0)
            """) }, "one entry per (branch, seq)")
    }
}
