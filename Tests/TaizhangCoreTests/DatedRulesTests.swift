import TaizhangCore
import XCTest

/// Stock and item rules judged on the entry's date (docs/PROTOCOL.md, "Entry rules").
final class DatedRulesTests: XCTestCase {
    func day(_ text: String) -> CivilDate { CivilDate(text)! }

    func testABackdatedDistributionBeforeTheReceiptIsRefusedNamingItsDate() throws {
        var s = LedgerScript()
        try s.record(s.draft(.card, .receive, quantity: 100, on: day("2008-04-01")))
        XCTAssertThrowsError(try s.record(s.draft(.card, .distribute, quantity: 30, EntryDetails(channel: "窗口"), on: day("2008-03-15")))) {
            let violation = $0 as? RuleViolation
            XCTAssertEqual(violation?.code, .notEnoughOnHand)
            XCTAssertTrue(violation?.message.contains("only 0 service cards were on hand on 2008-03-15") == true, "\($0)")
        }
        XCTAssertEqual(s.fold.inventory[.card].onHand, 100)
        // On or after the receipt it is fine, and so is a backdated receipt.
        try s.record(s.draft(.card, .distribute, quantity: 30, EntryDetails(channel: "窗口"), on: day("2008-04-01")))
        try s.record(s.draft(.card, .receive, quantity: 5, on: day("2008-02-01")))
        try s.record(s.draft(.card, .distribute, quantity: 5, EntryDetails(channel: "窗口"), on: day("2008-02-02")))
        XCTAssertEqual(s.fold.inventory[.card].onHand, 70)
    }

    func testABackdatedEntryThatBreaksALaterDayNamesThatDay() throws {
        var s = LedgerScript()
        try s.record(s.draft(.guide, .receive, quantity: 50, on: day("2008-03-01")))
        try s.record(s.draft(.guide, .distribute, quantity: 40, EntryDetails(channel: "窗口"), on: day("2008-03-20")))
        // On 03-10 there are 50, but taking 20 then leaves −10 on 03-20.
        XCTAssertThrowsError(try s.record(s.draft(.guide, .distribute, quantity: 20, EntryDetails(channel: "集市"), on: day("2008-03-10")))) {
            let violation = $0 as? RuleViolation
            XCTAssertEqual(violation?.code, .laterDayBelowZero)
            XCTAssertTrue(violation?.message.contains("-10 service guides on hand on 2008-03-20") == true, "\($0)")
        }
        XCTAssertThrowsError(try s.record(s.draft(.guide, .adjust, quantity: -11, EntryDetails(reason: "盘点"), on: day("2008-03-05"))))
        try s.record(s.draft(.guide, .adjust, quantity: -10, EntryDetails(reason: "盘点"), on: day("2008-03-05")))
        XCTAssertEqual(s.fold.inventory[.guide].onHand, 0)
    }

    func testVoidingAReceiptLaterEntriesRestOnIsRefused() throws {
        var s = LedgerScript()
        try s.record(s.draft(.card, .receive, quantity: 100, on: day("2008-03-01")))
        try s.record(s.draft(.card, .receive, quantity: 100, on: day("2008-05-01")))
        try s.record(s.draft(.card, .distribute, quantity: 150, EntryDetails(channel: "窗口"), on: day("2008-05-02")))
        try s.record(s.draft(.card, .receive, quantity: 500, on: day("2008-06-01")))
        // Today's stock (550) would survive voiding #1, but 2008-05-02 would fall to −50.
        XCTAssertThrowsError(try s.record(s.draft(.card, .void, EntryDetails(reason: "错"), on: day("2008-06-02"), voids: 1))) {
            XCTAssertEqual(($0 as? RuleViolation)?.code, .voidLeavesNegative)
            XCTAssertTrue("\($0)".contains("on 2008-05-02"), "\($0)")
        }
        try s.record(s.draft(.card, .void, EntryDetails(reason: "错"), on: day("2008-06-02"), voids: 4))
        XCTAssertEqual(s.fold.inventory[.card].onHand, 50)
    }

    func testATagCannotBeInstalledIntoAPeriodItWasInService() throws {
        var s = LedgerScript()
        try s.record(s.draft(.board, .install, item: "GS-01", EntryDetails(location: "hall"), on: day("2008-01-01")))
        try s.record(s.draft(.board, .retire, item: "GS-01", EntryDetails(reason: "old"), on: day("2008-06-01")))
        XCTAssertThrowsError(try s.record(s.draft(.board, .install, item: "GS-01", EntryDetails(location: "hall"), on: day("2008-03-01")))) {
            XCTAssertEqual(($0 as? RuleViolation)?.code, .reinstalledEarlier)
        }
        // The same tag typed full-width or in lower case is the same board.
        XCTAssertThrowsError(try s.record(s.draft(.board, .install, item: "ｇｓ－０１", EntryDetails(location: "hall"), on: day("2008-03-01")))) {
            XCTAssertEqual(($0 as? RuleViolation)?.code, .reinstalledEarlier)
        }
        try s.record(s.draft(.board, .install, item: "gs-01", EntryDetails(location: "hall"), on: day("2008-07-01")))
        XCTAssertThrowsError(try s.record(s.draft(.board, .install, item: "ＧＳ－０１", EntryDetails(location: "二楼"), on: day("2008-07-02")))) {
            XCTAssertEqual(($0 as? RuleViolation)?.code, .alreadyInService)
        }
        XCTAssertEqual(s.fold.inventory[.board].inService, 1)
        XCTAssertEqual(s.fold.items.values.first?.item, "gs-01", "the ledger shows what was typed")
        try s.record(s.draft(.board, .retire, item: "GS-01", EntryDetails(reason: "old"), on: day("2008-08-01")))
        try s.record(s.draft(.board, .void, item: "Gs-01", EntryDetails(reason: "错"), on: day("2008-08-01"), voids: 4))
        XCTAssertEqual(s.fold.inventory[.board].inService, 1)
    }

    func testOnlyTheFieldsOfItsMaterialAndActionAreAllowed() {
        var s = LedgerScript()
        XCTAssertThrowsError(try s.record(s.draft(.card, .distribute, quantity: 1, EntryDetails(channel: "c", batch: "b")))) {
            XCTAssertEqual(($0 as? RuleViolation)?.code, .fieldNotAllowed)
        }
        XCTAssertThrowsError(try s.record(s.draft(.sign, .install, item: "S1", EntryDetails(location: "hall", standard: true)))) {
            XCTAssertEqual(($0 as? RuleViolation)?.code, .fieldNotAllowed)
        }
        XCTAssertEqual(EntryFields.allowed(.board, .install), [.item, .location, .standard])
        XCTAssertEqual(EntryFields.allowed(.card, .void), [.reason, .voids])
    }

    func testTheHubAllowsOneDayOfClockSkew() {
        let today = day("2008-06-01")
        XCTAssertNoThrow(try LedgerRules.checkArrivalDate(day("2008-06-02"), hubToday: today))
        XCTAssertThrowsError(try LedgerRules.checkArrivalDate(day("2008-06-03"), hubToday: today)) {
            XCTAssertEqual(($0 as? RuleViolation)?.code, .dateBeyondSkew)
        }
        XCTAssertThrowsError(try LedgerRules.checkArrivalDate(day("9999-12-31"), hubToday: today))
    }
}
