import AgentKit
import Foundation
import TaizhangCore
import TaizhangTesting
import XCTest

/// Zeroed pages, a deleted data folder and a full disk: never written to, never a crash,
/// always reported as what they are.
final class DamagedFileTests: XCTestCase {
    /// Records `count` card receipts straight into the office's ledger (in-process, quicker
    /// than a process each), then closes it so that the file holds them all.
    func fill(_ agent: TestAgent, count: Int) throws {
        let database = try AgentDatabase(openingAt: agent.ledgerPath)
        let drafts = (0..<count).map { index in
            EntryDraft(material: .card, action: .receive, quantity: Int64(index % 7 + 1),
                       details: EntryDetails(batch: "批次-\(index)"), occurredOn: CivilDate("2008-06-01")!, clerk: "测试")
        }
        for chunk in stride(from: 0, to: count, by: 500) {
            try database.record(Array(drafts[chunk..<min(count, chunk + 500)]))
        }
    }

    /// Zeroes 8 KiB in the middle of the file (on a page boundary).
    func zeroMiddle(of path: String) throws {
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 / 4096 * 4096)
        try handle.write(contentsOf: Data(count: 8192))
        try handle.close()
    }

    func testADamagedLedgerIsRefusedByEveryCommandAndSyncDeliversWhatItCanRead() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try fill(agent, count: 3000)
        try zeroMiddle(of: agent.ledgerPath)
        for command in [["card", "receive", "--quantity", "5"], ["void", "--seq", "1", "--reason", "错了"], ["log"],
                        ["report", "--month", "2008-06", "--out", "-"], ["status"], ["status", "--json"], ["verify"],
                        ["guide", "receive", "--quantity", "1"]] {
            let result = try agent.program.run(command)
            XCTAssertEqual(result.status, 3, "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("is damaged") || result.stderr.contains("fails verification"), "\(command): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one sentence: \(command): \(result.stderr)")
        }
        let run = try agent.program.run(["run"], timeout: 60)
        XCTAssertEqual(run.status, 3, run.stderr)

        let sync = try agent.program.run(["sync", "--timeout", "30"])
        XCTAssertEqual(sync.status, 3, sync.stderr)
        let pattern = try NSRegularExpression(pattern: "the hub now holds entries 1–([0-9]+)")
        let text = sync.stderr
        let match = try XCTUnwrap(pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), text)
        let delivered = try XCTUnwrap(Int(text[Range(match.range(at: 1), in: text)!]))
        XCTAssertGreaterThan(delivered, 0, "the intact entries before the damage are delivered")
        XCTAssertLessThan(delivered, 3000)
        XCTAssertTrue(text.contains("entries from #\(delivered + 1) on could not be read"), text)
        XCTAssertEqual(try bureau.branchStatus("sanchang")?["heldSeq"] as? Int, delivered)
        XCTAssertEqual(try bureau.ok(["verify"]).contains("\(delivered) entries"), true)
    }

    func testServeRefusesADamagedHubDatabase() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try fill(agent, count: 3000)
        try agent.ok(["sync", "--timeout", "60"])
        XCTAssertEqual(try bureau.stopHub(), 0)
        try zeroMiddle(of: bureau.databasePath)
        let serve = try bureau.hub.run(["serve", "--bind", "tcp://127.0.0.1:*"], timeout: 60)
        XCTAssertEqual(serve.status, 3, serve.stderr)
        XCTAssertTrue(serve.stderr.contains("is damaged") && serve.stderr.contains("restore it from a backup"), serve.stderr)
        XCTAssertFalse(serve.stdout.contains("serving"))
        XCTAssertEqual(try bureau.hub.run(["verify"]).status, 3)
    }

    func testServeStopsWhenItsDataFolderIsDeleted() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try agent.ok(["card", "receive", "--quantity", "3"])
        try agent.ok(["sync"])
        let server = try XCTUnwrap(bureau.server)
        try FileManager.default.removeItem(atPath: bureau.hubData)
        try bureau.eventually("serve notices its database is gone and exits", timeout: 30) { !server.isRunning }
        XCTAssertNotEqual(try bureau.stopHub(), 0)
        let errors = server.stderr.split(separator: "\n").filter { $0.contains("error") }
        XCTAssertEqual(errors.count, 1, "logged once at error level: \(server.stderr)")
        XCTAssertTrue(server.stderr.contains("the database file was deleted") || server.stderr.contains("is gone"), server.stderr)
        try agent.ok(["card", "receive", "--quantity", "4"])
        let sync = try agent.program.run(["sync", "--timeout", "3"])
        XCTAssertEqual(sync.status, 4, "nothing acknowledges into the deleted file: \(sync.stderr)")
    }
}
