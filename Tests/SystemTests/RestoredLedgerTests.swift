import Foundation
import TaizhangTesting
import XCTest

/// A ledger restored from an older backup is detected by the chain on the next connect,
/// whatever its length; nothing is silently dropped or overwritten, the clerk hears which
/// seq diverged, `status` keeps it, and the hub flags the branch with that seq.
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

    /// `sync` exits 4 naming `seq`; `status` keeps the sentence; the hub flags the branch
    /// (conflict at `seq`), still holds its 10 entries and its totals did not move.
    func assertDiverged(_ bureau: TestBureau, _ agent: TestAgent, at seq: Int, before: [String: [String: Int]]?,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try agent.program.run(["sync", "--timeout", "10"])
        XCTAssertEqual(result.status, 4, result.stderr, file: file, line: line)
        let sentence = "differs from the hub's copy at entry #\(seq) or before"
        XCTAssertTrue(result.stderr.contains(sentence), result.stderr, file: file, line: line)
        // After the line that says where sync connects (printed at once), one sentence.
        let sentences = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("Connecting to the hub at ") }
        XCTAssertEqual(sentences.count, 1, "one sentence: \(result.stderr)", file: file, line: line)
        let sync = try agent.status()["sync"] as? [String: Any]
        XCTAssertTrue((sync?["lastProblem"] as? String)?.contains(sentence) ?? false, "\(sync ?? [:])", file: file, line: line)
        let status = try bureau.branchStatus("sanchang")
        XCTAssertEqual(status?["state"] as? String, "flagged", file: file, line: line)
        XCTAssertEqual(status?["heldSeq"] as? Int, 10, file: file, line: line)
        let flags = status?["flags"] as? [[String: Any]] ?? []
        XCTAssertTrue(flags.contains { $0["kind"] as? String == "conflict" && $0["seq"] as? Int == seq }, "\(flags)", file: file, line: line)
        XCTAssertEqual(try bureau.inventory(of: "sanchang"), before, "the hub's entries were not overwritten", file: file, line: line)
        XCTAssertTrue(try bureau.ok(["branches"]).contains("flagged"), file: file, line: line)
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

    /// The case: the restored ledger gets a different entry under each number up to the
    /// hub's length, so the lengths are equal and only the chains tell them apart.
    func testEqualLengthRestoreIsAConflict() throws {
        let (bureau, agent, backup) = try deliveredWithBackup()
        let before = try bureau.inventory(of: "sanchang")
        try restore(backup, into: agent)
        for index in 0..<5 { try agent.ok(["card", "receive", "--quantity", "\(777 + index)"]) }
        XCTAssertEqual(try agent.status()["sync"].flatMap { ($0 as? [String: Any])?["lastSeq"] as? Int }, 10)
        try assertDiverged(bureau, agent, at: 10, before: before)
    }

    func testShorterRestoreWithNewEntriesIsAConflict() throws {
        let (bureau, agent, backup) = try deliveredWithBackup()
        let before = try bureau.inventory(of: "sanchang")
        try restore(backup, into: agent)
        for index in 0..<2 { try agent.ok(["guide", "receive", "--quantity", "\(100 + index)"]) }
        try assertDiverged(bureau, agent, at: 7, before: before)
    }

    func testLongerRestoreIsAConflict() throws {
        let (bureau, agent, backup) = try deliveredWithBackup()
        let before = try bureau.inventory(of: "sanchang")
        try restore(backup, into: agent)
        // Different entries under numbers 6…12.
        for index in 0..<7 { try agent.ok(["guide", "receive", "--quantity", "\(100 + index)"]) }
        try assertDiverged(bureau, agent, at: 10, before: before)
    }

    /// A copy taken before the first entry: everything differs from seq 1 on.
    func testRestoreDivergingAtTheFirstEntryIsAConflict() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        let backup = agent.data + "/ledger.backup"
        try FileManager.default.copyItem(atPath: agent.ledgerPath, toPath: backup)
        try agent.recordDay("GS-01")
        try agent.recordDay("GS-02")
        try agent.ok(["sync"])
        let before = try bureau.inventory(of: "sanchang")
        try restore(backup, into: agent)
        try agent.ok(["card", "receive", "--quantity", "1"])
        try assertDiverged(bureau, agent, at: 1, before: before)
    }
}
