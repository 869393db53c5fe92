import Foundation
import GRDB
import HubKit
import TaizhangCore
import XCTest

/// Flags keep their sentence as data beside the English detail (so every reader gets it in
/// their language), and the flag notice the office hears is read from the open flags.
final class FlagWordingTests: XCTestCase {
    typealias T = TemporaryHub

    func testARuleFlagKeepsItsRuleAndTheNoticeListsItsEntryUntilSettled() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        try script.record(script.draft(.card, .receive, quantity: 10))
        script.date = CivilDate("9999-12-31")!
        try script.record(script.draft(.card, .receive, quantity: 30))
        XCTAssertEqual(try hub.ingest("sanchang", script.entries).accepted, 2)

        let flag = try XCTUnwrap(try hub.database.flags(branch: "sanchang").first)
        let wording = try XCTUnwrap(flag.wording, "a new flag keeps its wording")
        XCTAssertEqual(wording.code, .rule)
        XCTAssertEqual(Array(wording.arguments.prefix(3)), ["2", "card", "receive"])
        XCTAssertEqual(wording.ruleCode, .dateBeyondSkew)
        XCTAssertEqual(wording.ruleArguments, ["9999-12-31", "2008-08-29"])
        XCTAssertEqual(try hub.status("sanchang").flags.first?.wording, wording, "branches reads it too")
        XCTAssertEqual(try hub.database.flagNotice(branch: "sanchang"),
                       FlagNotice(openFlags: 1, entryFlags: 1, entries: [.init(seq: 2, kind: .date)]))

        _ = try hub.database.resolveFlag(id: "\(flag.id)", note: "checked", by: "op", at: T.at(seconds: 5))
        XCTAssertEqual(try hub.database.flagNotice(branch: "sanchang"), .empty, "a settled flag leaves the notice")
    }

    func testFlagsWithoutAnEntryAreCountedNotListedAndOldRowsKeepTheirDetail() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        _ = try hub.database.noteMisenrolment(branch: "sanchang", claimed: "haimen", key: T.key(1), at: T.t0)
        let misenrolled = try XCTUnwrap(try hub.database.flags(branch: "sanchang").first)
        XCTAssertEqual(misenrolled.wording, FlagWording(.misenrolled, ["haimen"]))
        // A flag raised before wordings were kept: only the English detail.
        let queue = try DatabaseQueue(path: hub.directory + "/hub.sqlite")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO flag (branch, kind, seq, detail, at) VALUES ('sanchang', 'rule', 7, 'old words', 0)")
        }
        let old = try XCTUnwrap(try hub.database.flags(branch: "sanchang").first { $0.seq == 7 })
        XCTAssertNil(old.wording)
        XCTAssertEqual(old.detail, "old words")
        XCTAssertEqual(try hub.database.flagNotice(branch: "sanchang"),
                       FlagNotice(openFlags: 2, entryFlags: 1, entries: [.init(seq: 7, kind: .other)]),
                       "an unworded rule flag is of kind 'other'; the mis-enrolment is counted only")
    }
}
