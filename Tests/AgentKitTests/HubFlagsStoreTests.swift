import AgentKit
import Foundation
import TaizhangCore
import XCTest

/// The office keeps the last flag notice the hub sent with a receipt whose chain agrees with
/// its own, replacing the one before; a disagreeing receipt changes nothing.
final class HubFlagsStoreTests: XCTestCase {
    func testTheLastAgreeingNoticeIsKept() throws {
        let ledger = try TemporaryLedger()
        let database = ledger.database
        try database.record([TemporaryLedger.draft(.card, .receive, quantity: 5), TemporaryLedger.draft(.card, .receive, quantity: 6)])
        XCTAssertNil(try database.syncState().hubFlags, "nothing heard yet")
        let chain = try XCTUnwrap(try database.chain(at: 2))
        let notice = FlagNotice(entries: [.init(seq: 2, kind: .stock), .init(seq: 2, kind: .conflict)], others: 1)
        let heard = Timestamp(millisecondsSinceEpoch: 1_700_000_000_000)
        XCTAssertTrue(try database.confirm(2, chain: chain, at: heard, flags: notice))
        XCTAssertEqual(try database.syncState().hubFlags, HubFlags(notice: notice, heardAt: heard))

        XCTAssertFalse(try database.confirm(2, chain: Array(repeating: 0, count: 32), flags: .empty), "another chain")
        XCTAssertEqual(try database.syncState().hubFlags?.notice, notice, "is not believed")
        XCTAssertTrue(try database.confirm(2, chain: chain, flags: .empty))
        XCTAssertEqual(try database.syncState().hubFlags?.notice, FlagNotice.empty, "a later notice replaces it")
    }
}
