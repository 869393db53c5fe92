import Foundation
import GRDB
import XCTest

/// Every bad input gets one clear sentence on stderr, a non-zero exit, and no write.
final class RefusalTests: XCTestCase {
    /// A ledger with a board, a badge, 100 cards, and entry #4 already voided.
    func preparedLedger() throws -> AgentCLI {
        let cli = try AgentCLI.initialised(self)
        try cli.ok(["board", "install", "--tag", "GS-01", "--location", "大厅"])   // 1
        try cli.ok(["badge", "issue", "--number", "0001", "--staff", "王芳"])       // 2
        try cli.ok(["card", "receive", "--quantity", "100"])                        // 3
        try cli.ok(["card", "distribute", "--quantity", "10", "--channel", "窗口"]) // 4
        try cli.ok(["void", "--seq", "4", "--reason", "错"])                        // 5
        try cli.ok(["board", "install", "--tag", "GS-02", "--location", "走廊"])   // 6
        try cli.ok(["board", "retire", "--tag", "GS-02", "--reason", "旧"])        // 7
        try cli.ok(["card", "distribute", "--quantity", "60", "--channel", "市场"]) // 8
        return cli
    }

    func assertRefused(_ cli: AgentCLI, _ arguments: [String], _ fragment: String, status: Int32? = 1,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try cli.snapshot()
        let result = try cli.run(arguments)
        if let status {
            XCTAssertEqual(result.status, status, "\(arguments)", file: file, line: line)
        } else {
            XCTAssertNotEqual(result.status, 0, "\(arguments)", file: file, line: line)
        }
        XCTAssertTrue(result.stderr.contains(fragment), "\(arguments): '\(result.stderr)' lacks '\(fragment)'", file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertEqual(try cli.snapshot(), before, "\(arguments) changed the ledger", file: file, line: line)
    }

    func testRuleViolationsAreRefused() throws {
        let cli = try preparedLedger()
        try assertRefused(cli, ["board", "retire", "--tag", "GS-09", "--reason", "x"], "there is no notice board GS-09")
        try assertRefused(cli, ["board", "retire", "--tag", "GS-02", "--reason", "x"], "already retired")
        try assertRefused(cli, ["board", "install", "--tag", "GS-01", "--location", "x"], "already in service")
        try assertRefused(cli, ["badge", "issue", "--number", "0001", "--staff", "李雷"], "already in service issued to 王芳")
        try assertRefused(cli, ["badge", "revoke", "--number", "0001", "--reason", "stolen"], "lost, returned or departed")
        try assertRefused(cli, ["sign", "retire", "--tag", "QX-1", "--reason", "x"], "no whereabouts sign QX-1")
        try assertRefused(cli, ["card", "distribute", "--quantity", "41", "--channel", "x"], "only 40 service cards were on hand on")
        try assertRefused(cli, ["guide", "distribute", "--quantity", "1", "--channel", "x"], "only 0 service guides")
        try assertRefused(cli, ["card", "adjust", "--quantity", "-41", "--reason", "x"], "fewer than none")
    }

    func testBadQuantitiesAndDatesAreRefused() throws {
        let cli = try preparedLedger()
        try assertRefused(cli, ["card", "receive", "--quantity", "0"], "from 1 to 1000000000")
        try assertRefused(cli, ["card", "receive", "--quantity=-5"], "from 1 to 1000000000")
        try assertRefused(cli, ["guide", "receive", "--quantity", "1000000001"], "from 1 to 1000000000")
        try assertRefused(cli, ["card", "adjust", "--quantity", "0", "--reason", "x"], "non-zero")
        try assertRefused(cli, ["card", "receive", "--quantity", "99999999999999999999"], "quantity", status: nil)
        try assertRefused(cli, ["card", "receive", "--quantity", "十"], "quantity", status: nil)
        try assertRefused(cli, ["board", "install", "--tag", "X", "--location", "y", "--on", "2026-02-30"], "'2026-02-30' is not a real date")
        try assertRefused(cli, ["board", "install", "--tag", "X", "--location", "y", "--on", "2008/01/01"], "YYYY-MM-DD")
        try assertRefused(cli, ["board", "install", "--tag", "X", "--location", "y", "--on", "2999-01-01"], "in the future")
        try assertRefused(cli, ["board", "install", "--tag", "X", "--location", "y", "--on", "1998-01-01"], "before 2000-01-01")
        try assertRefused(cli, ["board", "install", "--tag", "X"], "--location", status: nil)
        try assertRefused(cli, ["board", "install", "--tag", "", "--location", "y"], "1 to 64 characters")
    }

    func testBadVoidsAreRefused() throws {
        let cli = try preparedLedger()
        try assertRefused(cli, ["void", "--seq", "99", "--reason", "x"], "no entry #99")
        try assertRefused(cli, ["void", "--seq", "4", "--reason", "x"], "already voided by entry #5")
        try assertRefused(cli, ["void", "--seq", "5", "--reason", "x"], "itself a void")
        try assertRefused(cli, ["void", "--seq", "3", "--reason", "x"], "would leave -60")
        try assertRefused(cli, ["void", "--seq", "6", "--reason", "x"], "void #7 first")
    }

    func testCommandsBeforeInitSayToRunInitAndCreateNothing() throws {
        let cli = AgentCLI(data: AgentCLI.scratch(self))
        for arguments in [["status"], ["log"], ["board", "list"], ["card", "receive", "--quantity", "5"],
                          ["void", "--seq", "1", "--reason", "x"]] {
            let result = try cli.run(arguments)
            XCTAssertEqual(result.status, 3, "\(arguments)")
            XCTAssertTrue(result.stderr.contains("taizhang-agent init"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: cli.data + "/ledger.sqlite"))
        }
    }

    func testBadInitSettingsWriteNothing() throws {
        let cli = AgentCLI(data: AgentCLI.scratch(self))
        let cases: [([String], String)] = [
            (["--branch", "San Chang", "--name", "x", "--hub", "tcp://h:1", "--hub-key", AgentCLI.hubKey], "branch ID"),
            (["--branch", "ok", "--name", "x", "--hub", "h:1", "--hub-key", AgentCLI.hubKey], "tcp://HOST:PORT"),
            (["--branch", "ok", "--name", "x", "--hub", "tcp://h:1", "--hub-key", "abc"], "40-character"),
            (["--branch", "ok", "--name", "x", "--hub", "tcp://h:1", "--hub-key", AgentCLI.hubKey, "--time-zone", "Moon/Base"], "time zone"),
        ]
        for (arguments, fragment) in cases {
            let result = try cli.run(["init"] + arguments)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertTrue(result.stderr.contains(fragment), "\(result.stderr) lacks \(fragment)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: cli.data))
        }
    }

    func testForeignDamagedAndLockedLedgersAreLeftUntouched() throws {
        let foreign = AgentCLI(data: AgentCLI.scratch(self))
        try FileManager.default.createDirectory(atPath: foreign.data, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: foreign.data + "/ledger.sqlite")
        try queue.write { try $0.execute(sql: "CREATE TABLE t (x)") }
        try queue.close()
        let foreignBytes = try Data(contentsOf: URL(fileURLWithPath: foreign.data + "/ledger.sqlite"))
        let refusedForeign = try foreign.run(["card", "receive", "--quantity", "5"])
        XCTAssertEqual(refusedForeign.status, 3)
        XCTAssertTrue(refusedForeign.stderr.contains("not a Taizhang ledger"), refusedForeign.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: foreign.data + "/ledger.sqlite")), foreignBytes)

        let damaged = AgentCLI(data: AgentCLI.scratch(self))
        try FileManager.default.createDirectory(atPath: damaged.data, withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x5A, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: damaged.data + "/ledger.sqlite"))
        let refusedDamaged = try damaged.run(["status"])
        XCTAssertEqual(refusedDamaged.status, 3)
        XCTAssertTrue(refusedDamaged.stderr.contains("damaged"), refusedDamaged.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: damaged.data + "/ledger.sqlite")), garbage)

        let locked = try AgentCLI.initialised(self)
        let before = try locked.snapshot()
        let blocker = try DatabaseQueue(path: locked.data + "/ledger.sqlite")
        try blocker.inDatabase { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            let refused = try locked.run(["card", "receive", "--quantity", "5"])
            XCTAssertEqual(refused.status, 3)
            XCTAssertTrue(refused.stderr.contains("stayed locked"), refused.stderr)
            try db.execute(sql: "ROLLBACK")
        }
        XCTAssertEqual(try locked.snapshot(), before)
    }

    func testErrorsAreOneLine() throws {
        let cli = try preparedLedger()
        let result = try cli.run(["board", "retire", "--tag", "NOPE", "--reason", "x"])
        XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("taizhang-agent: "))
    }
}
