import Foundation
import TaizhangTesting
import XCTest

/// Entries reach the hub exactly once, whatever happens to the link.
final class DeliveryTests: XCTestCase {
    func testSyncDeliversEveryBranchExactlyOnce() throws {
        let bureau = try TestBureau(self)
        let sanchang = try bureau.addAgent("sanchang", name: "三厂分局")
        let haimen = try bureau.addAgent("haimen")
        try sanchang.recordDay("GS-01")
        try haimen.recordDay("GS-01", cards: 5)
        for agent in [sanchang, haimen] {
            let out = try agent.ok(["sync", "--timeout", "30"])
            XCTAssertTrue(out.contains("The hub holds all"), out)
        }
        XCTAssertEqual(try bureau.inventory(of: "sanchang"), try sanchang.inventory())
        XCTAssertEqual(try bureau.inventory(of: "haimen"), try haimen.inventory())
        let bureauTotals = (try bureau.json(["totals"]) as? [String: Any])?["bureau"] as? [String: [String: Int]]
        XCTAssertEqual(bureauTotals?["board"]?["inService"], 2)
        XCTAssertEqual(bureauTotals?["card"]?["received"], 10 + 11 + 12 + 10 + 11 + 12 + 13 + 14)
        let status = try bureau.branchStatus("sanchang")
        XCTAssertEqual(status?["state"] as? String, "current")
        XCTAssertEqual(status?["heldSeq"] as? Int, 5)
        XCTAssertEqual((try sanchang.status()["sync"] as? [String: Any])?["pending"] as? Int, 0)
        // A second sync changes nothing.
        try sanchang.ok(["sync"])
        XCTAssertEqual(try bureau.inventory(of: "sanchang"), try sanchang.inventory())
        let table = try bureau.ok(["totals", "--by-branch"])
        XCTAssertTrue(table.contains("sanchang") && table.contains("bureau (2 branches)"), table)
    }

    func testAgentOfflineKeepsRecordingAndCatchesUp() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try agent.recordDay("GS-01")
        try agent.ok(["sync"])
        XCTAssertEqual(try bureau.stopHub(), 0, "serve stops cleanly on SIGTERM")
        try agent.recordDay("GS-02")
        let offline = try agent.program.run(["sync", "--timeout", "2"])
        XCTAssertEqual(offline.status, 4)
        XCTAssertTrue(offline.stderr.contains("cannot reach the hub"), offline.stderr)
        XCTAssertTrue(offline.stderr.contains("5 entries stay queued"), offline.stderr)
        let sync = try agent.status()["sync"] as? [String: Any]
        XCTAssertEqual(sync?["pending"] as? Int, 5)
        XCTAssertNotNil(sync?["lastProblem"] as? String)
        try bureau.startHub()
        try agent.ok(["sync"])
        XCTAssertEqual(try bureau.inventory(of: "sanchang"), try agent.inventory())
        XCTAssertEqual(try bureau.branchStatus("sanchang")?["heldSeq"] as? Int, 10)
        XCTAssertTrue((try agent.status()["sync"] as? [String: Any])?["lastProblem"] is NSNull)
    }

    func testHubRestoredFromAnOlderCopyIsRefilled() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try agent.recordDay("GS-01")
        try agent.ok(["sync"])
        XCTAssertEqual(try bureau.stopHub(), 0)
        let backup = bureau.databasePath + ".backup"
        try FileManager.default.copyItem(atPath: bureau.databasePath, toPath: backup)
        try bureau.startHub()
        try agent.recordDay("GS-02")
        try agent.ok(["sync"])
        XCTAssertEqual(try bureau.stopHub(), 0)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: bureau.databasePath + suffix) }
        try FileManager.default.copyItem(atPath: backup, toPath: bureau.databasePath)
        try bureau.startHub()
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["board"]?["inService"], 1, "the old copy holds the first day only")
        try agent.ok(["sync"])
        XCTAssertEqual(try bureau.inventory(of: "sanchang"), try agent.inventory())
        XCTAssertEqual(try bureau.branchStatus("sanchang")?["heldSeq"] as? Int, 10)
    }

    func testNewEntriesReachTheHubWhileRunIsUp() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        let daemon = try agent.program.start(["run"])
        try agent.ok(["badge", "issue", "--number", "0001", "--staff", "王芳"])
        try bureau.eventually("the badge reaches the hub") {
            try bureau.inventory(of: "sanchang")?["badge"]?["active"] == 1
        }
        // The hub goes away and comes back; the daemon reconnects by itself.
        XCTAssertEqual(try bureau.stopHub(), 0)
        try agent.ok(["badge", "issue", "--number", "0002", "--staff", "李雷"])
        try bureau.startHub()
        try bureau.eventually("the second badge reaches the hub") {
            try bureau.inventory(of: "sanchang")?["badge"]?["active"] == 2
        }
        XCTAssertEqual(try daemon.stop(SIGTERM), 0, "run stops cleanly on SIGTERM: \(daemon.stderr)")
    }
}
