import Foundation
import TaizhangTesting
import XCTest
import ZeroMQ

/// What the hub operator works through and the mistakes the hub refuses, on real processes:
/// flags listed and settled, enrolments that cannot be right, a second `serve` on one data
/// folder, a port that does not exist.
final class OperatorTests: XCTestCase {
    /// A branch flagged for a second ledger: `flags` lists it with what to do (fitting 80
    /// columns in both languages), `resolve` settles it with who and when, `branches` shows the
    /// branch's real state again, and `flags --all` keeps the history.
    func testAFlagIsListedSettledAndKeptInTheHistory() throws {
        let bureau = try TestBureau(self)
        let first = try bureau.addAgent("sanchang", name: "三厂分局")
        try first.ok(["card", "receive", "--quantity", "5"])
        try first.ok(["sync"])
        let second = try bureau.addAgent("sanchang", name: "三厂分局")
        try second.ok(["card", "receive", "--quantity", "700"])
        XCTAssertNotEqual(try second.program.run(["sync", "--timeout", "30"]).status, 0, "a second ledger is refused")
        XCTAssertEqual(try bureau.branchStatus("sanchang")?["state"] as? String, "flagged")

        let open = try XCTUnwrap(bureau.json(["flags"]) as? [[String: Any]])
        XCTAssertEqual(open.count, 1, "\(open)")
        let flag = try XCTUnwrap(open.first)
        XCTAssertEqual(flag["branch"] as? String, "sanchang")
        XCTAssertEqual(flag["kind"] as? String, "incarnation")
        XCTAssertEqual(flag["open"] as? Bool, true)
        XCTAssertNotNil(flag["since"] as? String)
        let id = try XCTUnwrap(flag["id"] as? Int)
        for (language, heading, toDo) in [("zh_CN.UTF-8", "处理办法", "另一份台账"), ("C.UTF-8", "What to do", "other ledger")] {
            let hub = Program("taizhang-hub", environment: ["TAIZHANG_HUB_DATA": bureau.hubData, "COLUMNS": "80",
                                                            "LANG": language, "LC_ALL": "", "TAIZHANG_LANG": ""])
            let table = try hub.run(["flags"])
            XCTAssertEqual(table.status, 0, table.stderr)
            XCTAssertTrue(table.stdout.contains(heading) && table.stdout.contains(toDo), table.stdout)
            for line in table.stdout.split(separator: "\n") {
                XCTAssertLessThanOrEqual(TerminalFitTests.width(String(line)), 80, "\(language):\n\(table.stdout)")
            }
        }
        let unknown = try bureau.hub.run(["flags", "--branch", "haimen"])
        XCTAssertNotEqual(unknown.status, 0, "an unknown branch is refused")
        XCTAssertEqual(unknown.stderr.split(separator: "\n").count, 1, unknown.stderr)

        let settled = try bureau.ok(["resolve", "--flag", "\(id)", "--note", "旧电脑的台账已拷到新电脑"])
        XCTAssertTrue(settled.contains("sanchang"), settled)
        XCTAssertEqual((try bureau.json(["flags"]) as? [Any])?.count, 0)
        let status = try XCTUnwrap(bureau.branchStatus("sanchang"))
        XCTAssertNotEqual(status["state"] as? String, "flagged", "\(status)")
        XCTAssertEqual((status["flags"] as? [Any])?.count, 0, "\(status)")
        XCTAssertFalse(try bureau.ok(["branches"]).contains("flagged"))

        let history = try XCTUnwrap(bureau.json(["flags", "--all"]) as? [[String: Any]])
        XCTAssertEqual(history.count, 1)
        XCTAssertEqual(history[0]["open"] as? Bool, false)
        XCTAssertEqual(history[0]["note"] as? String, "旧电脑的台账已拷到新电脑")
        XCTAssertEqual(history[0]["settledBy"] as? String, Self.login)
        XCTAssertNotNil(history[0]["settledAt"] as? String)
        XCTAssertTrue(try bureau.ok(["flags", "--all", "--branch", "sanchang"]).contains("旧电脑的台账已拷到新电脑"))
    }

    /// A flag ID that does not exist (or is not a number), a flag already settled, an empty
    /// note: one sentence, a non-zero exit, and the flags as they were.
    func testAResolveThatCannotBeRightChangesNothing() throws {
        let bureau = try TestBureau(self)
        let first = try bureau.addAgent("sanchang")
        try first.ok(["card", "receive", "--quantity", "5"])
        try first.ok(["sync"])
        let second = try bureau.addAgent("sanchang")
        try second.ok(["card", "receive", "--quantity", "7"])
        _ = try second.program.run(["sync", "--timeout", "30"])
        let flags = try XCTUnwrap(bureau.json(["flags", "--all"]) as? [[String: Any]])
        let id = try XCTUnwrap(flags.first?["id"] as? Int)
        let before = try bureau.ok(["flags", "--all", "--json"])
        let english = Self.english(bureau)
        for arguments in [["--flag", "\(id + 100)", "--note", "x"], ["--flag", "abc", "--note", "x"],
                          ["--flag", "\(id)", "--note", ""], ["--flag", "\(id)", "--note", "   "]] {
            let refused = try english.run(["resolve"] + arguments)
            XCTAssertNotEqual(refused.status, 0, "\(arguments)")
            XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, "\(arguments): \(refused.stderr)")
            XCTAssertEqual(try bureau.ok(["flags", "--all", "--json"]), before, "\(arguments) changed the flags")
        }
        try bureau.ok(["resolve", "--flag", "\(id)", "--note", "done"])
        let settled = try bureau.ok(["flags", "--all", "--json"])
        let again = try english.run(["resolve", "--flag", "\(id)", "--note", "again"])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("already settled") && again.stderr.contains(Self.login), again.stderr)
        XCTAssertEqual(again.stderr.split(separator: "\n").count, 1, again.stderr)
        XCTAssertEqual(try bureau.ok(["flags", "--all", "--json"]), settled, "settling again changed the history")
    }

    /// The hub's own key, the all-zero key, and a second branch under a name already enrolled
    /// are refused with one sentence; keys and branches stay as they were.
    func testEnrolmentMistakesAreRefusedAndChangeNothing() throws {
        let bureau = try TestBureau(self)
        let office = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "sanchang", "--name", "三厂分局", "--key", office.publicKey])
        let keys = try bureau.ok(["keys", "--json"]), branches = try bureau.ok(["branches", "--json"])
        let other = try CurveKeyPair.generate().publicKey
        let mistakes: [([String], String)] = [
            (["--branch", "haimen", "--name", "海门分局", "--key", bureau.hubKey], "own public key"),
            (["--branch", "haimen", "--name", "海门分局", "--key", String(repeating: "0", count: 40)], "all-zero"),
            (["--branch", "haimen", "--name", "三厂分局", "--key", other], "三厂分局"),
            (["--branch", "haimen", "--name", "三厂分局 ", "--key", other], "三厂分局"),
            (["--branch", "sanchang", "--name", "三厂分局", "--key", bureau.hubKey], "own public key"),
        ]
        for (arguments, says) in mistakes {
            let refused = try Self.english(bureau).run(["enroll"] + arguments)
            XCTAssertNotEqual(refused.status, 0, "\(arguments)")
            XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, "\(arguments): \(refused.stderr)")
            XCTAssertTrue(refused.stderr.contains(says), "\(arguments): \(refused.stderr)")
            XCTAssertEqual(try bureau.ok(["keys", "--json"]), keys, "\(arguments) changed the keys")
            XCTAssertEqual(try bureau.ok(["branches", "--json"]).replacingLastHeard(), branches.replacingLastHeard(),
                           "\(arguments) changed the branches")
        }
        // The same branch under its own name with a new key, and another branch under another name, are fine.
        try bureau.ok(["enroll", "--branch", "sanchang", "--name", "三厂分局", "--key", other])
        try bureau.ok(["enroll", "--branch", "haimen", "--name", "海门分局", "--key", office.publicKey])
    }

    /// While one `serve` holds the data folder, a second refuses naming its PID and the
    /// read-only commands still work; after the first is killed with SIGKILL the lock is gone.
    func testASecondServeOnOneDataFolderRefusesNamingTheFirst() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try agent.ok(["card", "receive", "--quantity", "5"])
        try agent.ok(["sync"])
        let pid = try XCTUnwrap(bureau.serverPID)
        let second = try bureau.hub.run(["serve", "--bind", "tcp://127.0.0.1:*"], timeout: 60)
        XCTAssertNotEqual(second.status, 0)
        XCTAssertFalse(second.stdout.contains("serving on"), second.stdout)
        XCTAssertTrue(second.stderr.contains("PID \(pid)"), second.stderr)
        XCTAssertEqual(second.stderr.split(separator: "\n").count, 1, second.stderr)
        for arguments in [["totals"], ["branches"], ["keys"], ["flags"], ["verify"], ["export", "--month", ExportTests.lastMonth.month]] {
            try bureau.ok(arguments)
        }
        try agent.ok(["card", "receive", "--quantity", "6"])
        try agent.ok(["sync"])
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 11, "the first serve kept serving")

        _ = try bureau.stopHub(SIGKILL)
        try bureau.startHub()
        try agent.ok(["card", "receive", "--quantity", "7"])
        try agent.ok(["sync"])
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 18, "a killed serve leaves no stale lock")
    }

    /// A port outside 1–65535 is refused with one sentence before anything listens, for
    /// `serve --bind` and `web --bind` alike.
    func testABindPortOutsideTheRangeIsRefused() throws {
        let bureau = try TestBureau(self)
        for port in ["99999", "65536", "0", "-1", "123456"] {
            let serve = try bureau.hub.run(["serve", "--bind", "tcp://127.0.0.1:\(port)"], timeout: 60)
            XCTAssertNotEqual(serve.status, 0, "serve port \(port)")
            XCTAssertFalse(serve.stdout.contains("serving on"), "port \(port): \(serve.stdout)")
            XCTAssertEqual(serve.stderr.split(separator: "\n").count, 1, "port \(port): \(serve.stderr)")
        }
        for port in ["99999", "65536", "-1"] {
            let web = try bureau.hub.run(["web", "--bind", "127.0.0.1:\(port)"], timeout: 60)
            XCTAssertNotEqual(web.status, 0, "web port \(port)")
            XCTAssertFalse(web.stdout.contains("http://"), "port \(port): \(web.stdout)")
        }
        // Nothing was left holding the folder: a good bind still serves.
        XCTAssertTrue(try bureau.startHub().hasPrefix("tcp://127.0.0.1:"))
    }

    static func english(_ bureau: TestBureau) -> Program {
        Program("taizhang-hub", environment: ["TAIZHANG_HUB_DATA": bureau.hubData, "TAIZHANG_LANG": "en"])
    }

    static var login: String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "" }
        return String(cString: name)
    }
}

extension String {
    /// `branches --json` with the moving "last heard" times blanked, to compare the rest.
    func replacingLastHeard() -> String {
        split(separator: "\n").filter { !$0.contains("\"lastHeardAt\"") }.joined(separator: "\n")
    }
}
