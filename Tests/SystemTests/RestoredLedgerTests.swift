import Foundation
import TaizhangTesting
import XCTest

/// A ledger restored from an older backup is detected; nothing is silently dropped or
/// overwritten.
final class RestoredLedgerTests: XCTestCase {
    /// An agent that delivered 10 entries, and a copy of its ledger taken after 5.
    func deliveredWithBackup() throws -> (TestBureau, TestAgent, backup: String) {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try agent.recordDay("GS-01")
        let backup = agent.data + "/ledger.backup"
        try FileManager.default.copyItem(atPath: agent.ledgerPath, toPath: backup)
        try agent.recordDay("GS-02")
        try agent.ok(["sync"])
        return (bureau, agent, backup)
    }

    func restore(_ backup: String, into agent: TestAgent) throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: agent.ledgerPath + suffix) }
        try FileManager.default.copyItem(atPath: backup, toPath: agent.ledgerPath)
    }

    func testLedgerOlderThanTheHubsCopyIsRefused() throws {
        let (bureau, agent, backup) = try deliveredWithBackup()
        let before = try bureau.inventory(of: "sanchang")
        try restore(backup, into: agent)
        let result = try agent.program.run(["sync", "--timeout", "10"])
        XCTAssertEqual(result.status, 4)
        XCTAssertTrue(result.stderr.contains("older than the copy at the hub"), result.stderr)
        let status = try bureau.branchStatus("sanchang")
        XCTAssertEqual(status?["state"] as? String, "flagged")
        XCTAssertEqual(status?["heldSeq"] as? Int, 10)
        XCTAssertEqual(try bureau.inventory(of: "sanchang"), before)
    }

    func testNewEntriesReusingNumbersAreRefusedNotOverwritten() throws {
        let (bureau, agent, backup) = try deliveredWithBackup()
        let before = try bureau.inventory(of: "sanchang")
        try restore(backup, into: agent)
        // Different entries under numbers 6…12.
        for index in 0..<7 { try agent.ok(["guide", "receive", "--quantity", "\(100 + index)"]) }
        let result = try agent.program.run(["sync", "--timeout", "10"])
        XCTAssertEqual(result.status, 4)
        XCTAssertTrue(result.stderr.contains("different entry under the same number"), result.stderr)
        let status = try bureau.branchStatus("sanchang")
        XCTAssertEqual(status?["state"] as? String, "flagged")
        let flags = status?["flags"] as? [[String: Any]] ?? []
        XCTAssertTrue(flags.contains { $0["kind"] as? String == "conflict" }, "\(flags)")
        XCTAssertEqual(status?["heldSeq"] as? Int, 10)
        XCTAssertEqual(try bureau.inventory(of: "sanchang"), before, "the hub's entries were not overwritten")
    }
}
