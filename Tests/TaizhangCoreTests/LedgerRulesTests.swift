import TaizhangCore
import XCTest

/// Builds ledgers in memory for rule tests.
struct LedgerScript {
    var fold = LedgerFold()
    let date = CivilDate("2008-06-01")!

    mutating func record(_ draft: EntryDraft) throws {
        try fold.apply(draft.entry(branch: "test", seq: fold.lastSeq + 1, recordedAt: Timestamp(millisecondsSinceEpoch: 0)))
    }

    func draft(_ material: Material, _ action: Action, item: String? = nil, quantity: Int64? = nil,
               _ details: EntryDetails = EntryDetails(), on date: CivilDate? = nil, voids: Int64? = nil) -> EntryDraft {
        EntryDraft(material: material, action: action, item: item, quantity: quantity, details: details,
                   occurredOn: date ?? self.date, clerk: "clerk", voids: voids)
    }

    mutating func install(_ tag: String, standard: Bool = true) throws {
        try record(draft(.board, .install, item: tag, EntryDetails(location: "hall", standard: standard)))
    }
}

final class LedgerRulesTests: XCTestCase {
    func assertRefused(_ script: inout LedgerScript, _ draft: EntryDraft, _ fragment: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        let before = script.fold
        XCTAssertThrowsError(try script.record(draft), file: file, line: line) { error in
            let message = (error as? RuleViolation)?.message ?? "\(error)"
            XCTAssertTrue(message.contains(fragment), "'\(message)' lacks '\(fragment)'", file: file, line: line)
        }
        XCTAssertEqual(script.fold.inventory, before.inventory, file: file, line: line)
        XCTAssertEqual(script.fold.lastSeq, before.lastSeq, file: file, line: line)
    }

    func testBoardsInstallAndRetire() throws {
        var s = LedgerScript()
        try s.install("GS-01")
        try s.install("GS-02", standard: false)
        XCTAssertEqual(s.fold.inventory[.board], Tally(inService: 2, standard: 1))
        try s.record(s.draft(.board, .retire, item: "GS-02", EntryDetails(reason: "replaced")))
        XCTAssertEqual(s.fold.inventory[.board], Tally(inService: 1, standard: 1))
        assertRefused(&s, s.draft(.board, .retire, item: "GS-02", EntryDetails(reason: "again")), "already retired")
        assertRefused(&s, s.draft(.board, .retire, item: "GS-09", EntryDetails(reason: "x")), "there is no notice board GS-09")
        assertRefused(&s, s.draft(.board, .install, item: "GS-01", EntryDetails(location: "x")), "already in service")
        assertRefused(&s, s.draft(.board, .install, item: "GS-03"), "--location")
        assertRefused(&s, s.draft(.board, .retire, item: "GS-01"), "--reason")
        // A retired tag may go up again.
        try s.install("GS-02")
        XCTAssertEqual(s.fold.inventory[.board], Tally(inService: 2, standard: 2))
    }

    func testDatesCannotRunBackwardsForAnItem() throws {
        var s = LedgerScript()
        try s.install("GS-01")
        assertRefused(&s, s.draft(.board, .retire, item: "GS-01", EntryDetails(reason: "x"), on: CivilDate("2008-05-01")),
                      "earlier date")
    }

    func testBadgesNeedAStaffNameAndAKnownReason() throws {
        var s = LedgerScript()
        assertRefused(&s, s.draft(.badge, .issue, item: "0001"), "--staff")
        try s.record(s.draft(.badge, .issue, item: "0001", EntryDetails(staff: "王芳")))
        assertRefused(&s, s.draft(.badge, .issue, item: "0001", EntryDetails(staff: "李雷")), "issued to 王芳")
        assertRefused(&s, s.draft(.badge, .revoke, item: "0001", EntryDetails(reason: "stolen")), "lost, returned or departed")
        try s.record(s.draft(.badge, .revoke, item: "0001", EntryDetails(reason: "lost")))
        XCTAssertEqual(s.fold.inventory[.badge].inService, 0)
    }

    func testStockCannotGoBelowZero() throws {
        var s = LedgerScript()
        try s.record(s.draft(.card, .receive, quantity: 1000))
        try s.record(s.draft(.card, .distribute, quantity: 400, EntryDetails(channel: "market")))
        assertRefused(&s, s.draft(.card, .distribute, quantity: 601, EntryDetails(channel: "market")), "only 600")
        assertRefused(&s, s.draft(.card, .distribute, quantity: 10), "--channel")
        assertRefused(&s, s.draft(.card, .adjust, quantity: -601, EntryDetails(reason: "count")), "fewer than none")
        try s.record(s.draft(.card, .adjust, quantity: -600, EntryDetails(reason: "count")))
        XCTAssertEqual(s.fold.inventory[.card], Tally(received: 1000, distributed: 400, adjusted: -600))
        XCTAssertEqual(s.fold.inventory[.card].onHand, 0)
    }

    func testQuantitiesMustBeSane() throws {
        var s = LedgerScript()
        for bad: Int64 in [0, -1, 1_000_000_001, .max, .min] {
            assertRefused(&s, s.draft(.guide, .receive, quantity: bad), "quantity must be")
        }
        assertRefused(&s, s.draft(.guide, .adjust, quantity: 0, EntryDetails(reason: "x")), "non-zero")
        assertRefused(&s, s.draft(.guide, .adjust, quantity: .min, EntryDetails(reason: "x")), "non-zero")
        assertRefused(&s, s.draft(.guide, .receive), "needs a quantity")
        assertRefused(&s, s.draft(.guide, .receive, item: "x", quantity: 5), "counted, not tagged")
        assertRefused(&s, s.draft(.board, .receive, item: "x", quantity: 5), "cannot be 'received'")
        try s.record(s.draft(.guide, .receive, quantity: 1_000_000_000))
    }

    func testTextMustBeReasonable() throws {
        var s = LedgerScript()
        assertRefused(&s, s.draft(.board, .install, item: "", EntryDetails(location: "x")), "1 to 64")
        assertRefused(&s, s.draft(.board, .install, item: " GS-1", EntryDetails(location: "x")), "surrounding spaces")
        assertRefused(&s, s.draft(.board, .install, item: "GS\u{7}1", EntryDetails(location: "x")), "control characters")
        assertRefused(&s, s.draft(.board, .install, item: "GS-1", EntryDetails(location: "  ")), "location is empty")
        assertRefused(&s, s.draft(.board, .install, item: "GS-1", EntryDetails(location: "a\nb")), "one line")
        assertRefused(&s, s.draft(.board, .install, item: "GS-1", EntryDetails(location: String(repeating: "长", count: 201))), "longer than 200")
    }

    func testVoidUndoesAnEntry() throws {
        var s = LedgerScript()
        try s.record(s.draft(.card, .receive, quantity: 100))                                   // 1
        try s.record(s.draft(.card, .distribute, quantity: 30, EntryDetails(channel: "desk")))  // 2
        try s.record(s.draft(.card, .void, EntryDetails(reason: "typo"), voids: 2))             // 3
        XCTAssertEqual(s.fold.inventory[.card].onHand, 100)
        assertRefused(&s, s.draft(.card, .void, EntryDetails(reason: "again"), voids: 2), "already voided by entry #3")
        assertRefused(&s, s.draft(.card, .void, EntryDetails(reason: "x"), voids: 3), "itself a void")
        assertRefused(&s, s.draft(.card, .void, EntryDetails(reason: "x"), voids: 99), "no entry #99")
        assertRefused(&s, s.draft(.card, .void, voids: 1), "reason")
        try s.record(s.draft(.card, .distribute, quantity: 80, EntryDetails(channel: "desk")))  // 4
        assertRefused(&s, s.draft(.card, .void, EntryDetails(reason: "x"), voids: 1), "would leave -80")
    }

    func testVoidOfAnItemRestoresItsEarlierState() throws {
        var s = LedgerScript()
        try s.install("GS-01")                                                                   // 1
        try s.record(s.draft(.board, .retire, item: "GS-01", EntryDetails(reason: "old")))        // 2
        try s.install("GS-01", standard: false)                                                  // 3
        assertRefused(&s, s.draft(.board, .void, item: "GS-01", EntryDetails(reason: "x"), voids: 2), "void #3 first")
        try s.record(s.draft(.board, .void, item: "GS-01", EntryDetails(reason: "dup"), voids: 3)) // 4
        XCTAssertEqual(s.fold.item(.board, "GS-01")?.inService, false)
        try s.record(s.draft(.board, .void, item: "GS-01", EntryDetails(reason: "no"), voids: 2))  // 5
        XCTAssertEqual(s.fold.item(.board, "GS-01")?.inService, true)
        XCTAssertEqual(s.fold.item(.board, "GS-01")?.lastSeq, 1)
        XCTAssertEqual(s.fold.inventory[.board], Tally(inService: 1, standard: 1))
        try s.record(s.draft(.board, .void, item: "GS-01", EntryDetails(reason: "never"), voids: 1)) // 6
        XCTAssertNil(s.fold.item(.board, "GS-01"))
        XCTAssertEqual(s.fold.inventory[.board], Tally())
    }

    func testFoldRefusesGapsInSequence() {
        var fold = LedgerFold()
        let entry = Entry(branch: "b", seq: 2, material: .card, action: .receive, quantity: 1,
                          occurredOn: CivilDate("2008-01-01")!, recordedAt: Timestamp(millisecondsSinceEpoch: 0), clerk: "c")
        XCTAssertThrowsError(try fold.apply(entry))
    }

    func testFutureAndAncientDatesAreRefusedByTheAgentCheck() {
        let today = CivilDate("2026-11-27")!
        XCTAssertThrowsError(try LedgerRules.checkDate(CivilDate("2026-11-28")!, today: today))
        XCTAssertThrowsError(try LedgerRules.checkDate(CivilDate("1999-12-31")!, today: today))
        XCTAssertNoThrow(try LedgerRules.checkDate(today, today: today))
    }
}
