import Foundation
import GRDB
import HubKit
import TaizhangCore
import XCTest

/// A hub database written before the chain existed gets every held entry's chain computed
/// from its stored bytes when it is first opened.
final class HubChainMigrationTests: XCTestCase {
    func testTheMigrationComputesTheChainFromTheStoredBytes() throws {
        let hub = try TemporaryHub()
        try hub.enrolAndGreet("sanchang", key: 1, incarnation: "00112233-4455-6677-8899-aabbccddeeff")
        var script = EntryScript(branch: "sanchang")
        for quantity: Int64 in [5, 6, 7] { try script.record(script.draft(.card, .receive, quantity: quantity)) }
        guard case .ack(3, let chain) = try hub.ingest("sanchang", script.entries) else { return XCTFail() }
        let queue = try DatabaseQueue(path: hub.database.path)
        try queue.write { db in
            try db.execute(sql: "ALTER TABLE entry DROP COLUMN chain")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4-chain'")
        }
        try queue.close()
        let reopened = try HubDatabase(openingAt: hub.database.path)
        let verified = try reopened.verify()
        XCTAssertEqual(verified.map(\.firstBadSeq), [nil])
        XCTAssertEqual(verified.first?.chain, chain)
        XCTAssertEqual(try reopened.hello(branch: "sanchang", incarnation: "00112233-4455-6677-8899-aabbccddeeff",
                                          agentLastSeq: 3, agentChain: chain, at: TemporaryHub.t0),
                       .welcome(heldSeq: 3, chain: chain))
        try reopened.checkAtStart()
    }
}
