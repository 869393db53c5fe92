import Foundation
import GRDB
import HubKit
import TaizhangCore
import XCTest

/// The hub applies the shared rules on the entry's date, with its one day of clock skew
/// (docs/PROTOCOL.md, "Entry rules"): a break is stored, flagged and left out of the totals.
final class DatedIngestTests: XCTestCase {
    typealias T = TemporaryHub

    /// TemporaryHub.t0 is 2008-08-29 in the bureau's zone.
    func testAFutureDatedEntryIsAckedButFlaggedAndLeftOutOfTheTotals() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        script.date = CivilDate("2008-08-30")!  // tomorrow: within the skew
        try script.record(script.draft(.card, .receive, quantity: 10))
        script.date = CivilDate("2008-08-31")!  // the day after: beyond it
        try script.record(script.draft(.card, .receive, quantity: 20))
        script.date = CivilDate("9999-12-31")!
        try script.record(script.draft(.card, .receive, quantity: 30))
        XCTAssertEqual(try hub.ingest("sanchang", script.entries).accepted, 3)
        XCTAssertEqual(try hub.inventory("sanchang")[.card], Tally(received: 10))
        let status = try hub.status("sanchang")
        XCTAssertEqual(status.flags.map(\.seq), [2, 3])
        XCTAssertTrue(status.flags[0].detail.contains("after the hub's today (2008-08-29)"), status.flags[0].detail)
        XCTAssertEqual(status.state, .flagged)
    }

    func testABackdatedDistributionBeforeTheReceiptIsFlagged() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        script.date = CivilDate("2008-04-01")!
        try script.record(script.draft(.card, .receive, quantity: 100))
        XCTAssertEqual(try hub.ingest("sanchang", script.entries).accepted, 1)
        script.date = CivilDate("2008-03-15")!
        let early = script.unchecked(script.draft(.card, .distribute, quantity: 30, EntryDetails(channel: "窗口")))
        XCTAssertEqual(try hub.ingest("sanchang", [early]).accepted, 2)
        XCTAssertEqual(try hub.inventory("sanchang")[.card], Tally(received: 100))
        let status = try hub.status("sanchang")
        XCTAssertEqual(status.flags.map(\.seq), [2])
        XCTAssertTrue(status.flags[0].detail.contains("only 0 service cards were on hand on 2008-03-15"), status.flags[0].detail)
        let march = try hub.database.monthlyMovements(for: YearMonth("2008-03")!).first { $0.material == .card }
        XCTAssertNil(march.map(\.closing).flatMap { $0 < 0 ? $0 : nil }, "March never closes below zero")
    }

    func testLookAlikeTagsAreOneBoardAtTheHub() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        try script.record(script.draft(.board, .install, item: "GS-01", EntryDetails(location: "大厅")))
        let twin = script.unchecked(script.draft(.board, .install, item: "ＧＳ－０１", EntryDetails(location: "二楼")))
        XCTAssertEqual(try hub.ingest("sanchang", script.entries + [twin]).accepted, 2)
        XCTAssertEqual(try hub.inventory("sanchang")[.board].inService, 1)
        XCTAssertEqual(try hub.status("sanchang").flags.map(\.seq), [2])
    }

    /// A hub database from before the rules migration: items get the new identity and the
    /// per-day stock is rebuilt from the held entries.
    func testTheMigrationGivesStoredItemsTheNewIdentityAndDatesTheStock() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        script.date = CivilDate("2008-04-01")!
        try script.record(script.draft(.board, .install, item: "gs-01", EntryDetails(location: "大厅")))
        try script.record(script.draft(.card, .receive, quantity: 100))
        XCTAssertEqual(try hub.ingest("sanchang", script.entries).accepted, 2)
        let queue = try DatabaseQueue(path: hub.database.path)
        try queue.write { db in
            try db.execute(sql: """
                DROP INDEX item_identity; DROP INDEX entry_item_key;
                ALTER TABLE item DROP COLUMN item_key; ALTER TABLE entry DROP COLUMN item_key;
                DROP TABLE stock_day;
                DELETE FROM grdb_migrations WHERE identifier = 'v6-rules';
                """)
        }
        try queue.close()
        let reopened = try HubDatabase(openingAt: hub.database.path)
        script.date = CivilDate("2008-03-15")!
        let twin = script.unchecked(script.draft(.board, .install, item: "ＧＳ－０１", EntryDetails(location: "二楼")))
        var early = script.unchecked(script.draft(.card, .distribute, quantity: 30, EntryDetails(channel: "窗口")))
        early.seq = 4
        XCTAssertEqual(try reopened.ingest(branch: "sanchang", entries: [twin, early], at: T.t0).accepted, 4)
        let status = try XCTUnwrap(reopened.branches(now: T.t0, silentAfterSeconds: 60).first { $0.id == "sanchang" })
        XCTAssertEqual(status.flags.map(\.seq), [3, 4])
        XCTAssertEqual(try reopened.totals().branches["sanchang"]?[.board].inService, 1)
        XCTAssertEqual(try reopened.totals().branches["sanchang"]?[.card].onHand, 100)
    }
}
