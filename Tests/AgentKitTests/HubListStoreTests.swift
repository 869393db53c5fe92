import AgentKit
import Foundation
import GRDB
import TaizhangCore
import XCTest

/// The ledger keeps the hub's front-ends as a list (migration `failover-hub-list`) and the one
/// that last welcomed the office; a ledger of one endpoint from before keeps working.
final class HubListStoreTests: XCTestCase {
    typealias T = TemporaryLedger

    func testInitAndSetHubStoreTheListInOrder() throws {
        let ledger = try T()
        XCTAssertEqual(try ledger.database.info().hubEndpoints, ["tcp://127.0.0.1:7447"])
        try ledger.database.setHub(endpoint: "tcp://b:2, tcp://a:1", key: nil)
        let info = try ledger.database.info()
        XCTAssertEqual(info.hubEndpoints, ["tcp://b:2", "tcp://a:1"])
        XCTAssertEqual(info.hubList, "tcp://b:2,tcp://a:1")
        XCTAssertEqual(info.hubKey, T.hubKey, "no --hub-key: the key stays")
    }

    func testAMalformedListChangesNothing() throws {
        let ledger = try T()
        try ledger.database.setHub(endpoint: "tcp://a:1,tcp://b:2", key: nil)
        for bad in ["tcp://a:1,tcp://b", "tcp://a:1,,tcp://b:2", "tcp://a:1,tcp://a:1", "tcp://c:3,http://d:4"] {
            XCTAssertThrowsError(try ledger.database.setHub(endpoint: bad, key: nil), bad)
        }
        XCTAssertThrowsError(try ledger.database.setHub(endpoint: "tcp://c:3", key: "short"))
        XCTAssertEqual(try ledger.database.info().hubEndpoints, ["tcp://a:1", "tcp://b:2"])
    }

    func testTheListsErrorsNameTheBadEndpoint() {
        XCTAssertThrowsError(try AgentSetup.hubEndpoints("tcp://a:1,tcp://b:0")) { error in
            guard case AgentError.badHubEndpoint("tcp://b:0", .portRange) = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try AgentSetup.hubEndpoints("tcp://a:1,tcp://a:1")) { error in
            guard case AgentError.duplicateHubEndpoint("tcp://a:1") = error else { return XCTFail("\(error)") }
        }
    }

    func testTheFrontEndThatAnsweredIsRemembered() throws {
        let ledger = try T()
        XCTAssertNil(try ledger.database.syncState().hubAnswered)
        try ledger.database.noteHubAnswered("tcp://127.0.0.1:7447")
        XCTAssertEqual(try ledger.database.syncState().hubAnswered, "tcp://127.0.0.1:7447")
    }

    func testALedgerOfOneEndpointFromBeforeTheListIsMigrated() throws {
        let ledger = try T()
        let path = ledger.database.path
        try ledger.database.record(T.draft(.card, .receive, quantity: 10))
        // Turn the file back into a ledger of before: one hub_endpoint column, no list.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                ALTER TABLE ledger ADD COLUMN hub_endpoint TEXT NOT NULL DEFAULT '';
                UPDATE ledger SET hub_endpoint = 'tcp://old.hub:7447';
                DROP TABLE hub_endpoint;
                ALTER TABLE sync_state DROP COLUMN hub_answered;
                DELETE FROM grdb_migrations WHERE identifier = 'failover-hub-list';
                """)
        }
        try queue.close()
        let reopened = try AgentDatabase(openingAt: path)
        XCTAssertEqual(try reopened.info().hubEndpoints, ["tcp://old.hub:7447"])
        XCTAssertNil(try reopened.syncState().hubAnswered)
        XCTAssertEqual(try reopened.syncState().lastSeq, 1)
        XCTAssertEqual(try reopened.verify().lastSeq, 1)
        withExtendedLifetime(ledger) {}
    }
}
