import Foundation
import TaizhangTesting
import XCTest

/// A byte changed inside an acknowledged entry's row — which SQLite's own integrity check
/// does not notice — is found by `verify` on both sides, naming the branch and the seq, and
/// `serve`/`run` refuse to start on a database whose chain head does not verify.
final class VerifyTests: XCTestCase {
    /// Runs SQL on `path` with the `sqlite3` CLI, the immutability trigger lifted for it.
    func edit(_ path: String, _ sql: String, trigger: String) throws {
        let restore = trigger == "hub"
            ? "CREATE TRIGGER entry_immutable BEFORE UPDATE ON entry BEGIN SELECT RAISE(ABORT, 'hub entries are immutable; the branch voids them instead'); END;"
            : "CREATE TRIGGER entry_immutable BEFORE UPDATE ON entry BEGIN SELECT RAISE(ABORT, 'ledger entries are immutable; void them instead'); END;"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, "DROP TRIGGER entry_immutable; \(sql); \(restore)"]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "sqlite3 \(sql)")
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        let pipe = Pipe()
        check.standardOutput = pipe
        check.arguments = [path, "PRAGMA integrity_check"]
        try check.run()
        check.waitUntilExit()
        XCTAssertEqual(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "ok\n",
                       "SQLite itself sees nothing wrong")
    }

    func delivered() throws -> (TestBureau, TestAgent) {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try agent.recordDay("GS-01")
        try agent.ok(["sync"])
        return (bureau, agent)
    }

    func testIntactDatabasesVerify() throws {
        let (bureau, agent) = try delivered()
        XCTAssertTrue(try agent.ok(["verify"]).contains("verifies: 5 entries"))
        XCTAssertTrue(try bureau.ok(["verify"]).contains("verifies: 1 branches, 5 entries"))
        XCTAssertTrue(try bureau.ok(["verify", "--branch", "sanchang"]).contains("5 entries"))
        let chain = try XCTUnwrap((try agent.status()["sync"] as? [String: Any])?["confirmedChain"] as? String)
        XCTAssertTrue(try agent.ok(["verify"]).contains(chain), "the receipt's chain is the ledger's")
    }

    func testAFlippedByteInTheHubIsNamedAndServeRefusesToStart() throws {
        let (bureau, _) = try delivered()
        XCTAssertEqual(try bureau.stopHub(), 0)
        // The last byte of entry #3's stored bytes (a card receipt: its quantity's low byte).
        try edit(bureau.databasePath, """
            UPDATE entry SET body = CAST(substr(body, 1, length(body) - 1) || X'7E' AS BLOB) WHERE branch = 'sanchang' AND seq = 3
            """, trigger: "hub")
        let verify = try bureau.hub.run(["verify"])
        XCTAssertEqual(verify.status, 3, verify.stderr)
        XCTAssertTrue(verify.stderr.contains("branch sanchang, entry #3"), verify.stderr)
        XCTAssertEqual(try bureau.hub.run(["verify", "--branch", "sanchang"]).status, 3)
        // The chain head: serve refuses to start, with what to do.
        try edit(bureau.databasePath, "UPDATE entry SET quantity = 99 WHERE branch = 'sanchang' AND seq = 5", trigger: "hub")
        try edit(bureau.databasePath, """
            UPDATE entry SET body = CAST(substr(body, 1, length(body) - 1) || X'7E' AS BLOB) WHERE branch = 'sanchang' AND seq = 5
            """, trigger: "hub")
        let serve = try bureau.hub.run(["serve", "--bind", "tcp://127.0.0.1:*"], timeout: 60)
        XCTAssertEqual(serve.status, 3, serve.stderr)
        XCTAssertTrue(serve.stderr.contains("entry #5") && serve.stderr.contains("restore a copy"), serve.stderr)
        XCTAssertFalse(serve.stdout.contains("serving"))
    }

    func testAnEditedLedgerRowIsNamedAndRunRefusesToStart() throws {
        let (_, agent) = try delivered()
        try edit(agent.ledgerPath, "UPDATE entry SET quantity = 778 WHERE seq = 2", trigger: "agent")
        let verify = try agent.program.run(["verify"])
        XCTAssertEqual(verify.status, 3, verify.stderr)
        XCTAssertTrue(verify.stderr.contains("branch sanchang fails verification at entry #2"), verify.stderr)
        try edit(agent.ledgerPath, "UPDATE entry SET clerk = 'someone else' WHERE seq = 5", trigger: "agent")
        let run = try agent.program.run(["run"], timeout: 60)
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains("entry #5"), run.stderr)
    }
}
