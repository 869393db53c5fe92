import Foundation
import GRDB
import HubKit
import TaizhangCore
import XCTest

/// `serve` stores the batches waiting on its socket in one transaction (HubDatabase.group):
/// one commit for all, each batch's writes a savepoint of it.
final class GroupCommitTests: XCTestCase {
    typealias T = TemporaryHub

    private func cards(_ branch: String, _ quantities: [Int64]) throws -> [Entry] {
        var script = EntryScript(branch: branch)
        for quantity in quantities { try script.record(script.draft(.card, .receive, quantity: quantity)) }
        return script.entries
    }

    private func storedEntries(_ hub: T) throws -> Int {
        // Another connection, as `totals` or the dashboard would read the file.
        try DatabaseQueue(path: hub.database.path).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM entry") ?? -1 }
    }

    func testBatchesOfSeveralBranchesCommitTogetherAndNotBefore() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        try hub.enrolAndGreet("xiaozhuang", key: 2)
        var seenInside: (stored: Int, total: Int64, held: Int64)?
        try hub.database.group {
            XCTAssertEqual(try hub.ingest("sanchang", cards("sanchang", [5, 7])).accepted, 2)
            XCTAssertEqual(try hub.ingest("xiaozhuang", cards("xiaozhuang", [11])).accepted, 1)
            // Reads inside the group see its writes; other connections do not, yet.
            seenInside = (try storedEntries(hub), try hub.inventory("sanchang")[.card].received,
                          try hub.database.heldSeq(branch: "xiaozhuang"))
        }
        XCTAssertEqual(seenInside?.stored, 0, "nothing is visible to another connection before the group commits")
        XCTAssertEqual(seenInside?.total, 12)
        XCTAssertEqual(seenInside?.held, 1)
        XCTAssertEqual(try storedEntries(hub), 3)
        XCTAssertEqual(try hub.inventory("xiaozhuang")[.card].received, 11)
    }

    func testAWriteThatFailsInsideAGroupUndoesOnlyItself() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        try hub.enrolAndGreet("xiaozhuang", key: 2)
        try hub.database.group {
            XCTAssertEqual(try hub.ingest("sanchang", cards("sanchang", [5])).accepted, 1)
            // Enrolling a key that another branch holds is refused: that write alone is undone.
            XCTAssertThrowsError(try hub.database.enroll(branch: "dongcheng", name: "东城", publicKey: T.key(1), at: T.t0))
            XCTAssertEqual(try hub.ingest("xiaozhuang", cards("xiaozhuang", [11])).accepted, 1)
        }
        XCTAssertEqual(try storedEntries(hub), 2)
        XCTAssertNil(try hub.database.branches(now: T.t0, silentAfterSeconds: 60).first { $0.id == "dongcheng" })
    }

    func testAGroupThatFailsStoresNothing() throws {
        struct Interrupted: Error {}
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        XCTAssertThrowsError(try hub.database.group {
            XCTAssertEqual(try hub.ingest("sanchang", cards("sanchang", [5, 7])).accepted, 2)
            throw Interrupted()
        })
        XCTAssertEqual(try storedEntries(hub), 0)
        XCTAssertEqual(try hub.database.heldSeq(branch: "sanchang"), 0)
        // The same batch afterwards is stored whole, as if the group had never been.
        XCTAssertEqual(try hub.ingest("sanchang", cards("sanchang", [5, 7])).accepted, 2)
        XCTAssertEqual(try hub.inventory("sanchang")[.card].received, 12)
    }
}
