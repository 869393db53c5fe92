import Foundation
import TaizhangTesting
import XCTest

/// A hub and its agents on this machine, each a real process on a loopback port the
/// system chose.
final class TestBureau {
    let hubData: String
    let hub: Program
    let hubKey: String
    private(set) var endpoint: String?
    private(set) var server: RunningProgram?
    private let test: XCTestCase

    init(_ test: XCTestCase) throws {
        self.test = test
        hubData = scratchDirectory("taizhang-hub") { test.addTeardownBlock($0) }
        hub = Program("taizhang-hub", environment: ["TAIZHANG_HUB_DATA": hubData])
        let created = try hub.run(["init"])
        guard created.status == 0, let key = created.stdout.split(separator: "\n").last else {
            throw RunningProgram.Failure(message: "hub init failed: \(created.stderr)")
        }
        hubKey = String(key)
    }

    deinit { _ = try? server?.stop(SIGKILL) }

    var databasePath: String { hubData + "/hub.sqlite" }
    var serverPID: Int32? { server?.pid }

    /// Starts `serve` (on the endpoint of the first start, after a restart) and waits for its
    /// ready line.
    @discardableResult
    func startHub() throws -> String {
        let server = try hub.start(["serve", "--bind", endpoint ?? "tcp://127.0.0.1:*"])
        let bound = try server.waitForLine(startingWith: "serving on ")
        self.server = server
        endpoint = bound
        return bound
    }

    func stopHub(_ signal: Int32 = SIGTERM) throws -> Int32 {
        guard let server else { return 0 }
        self.server = nil
        return try server.stop(signal)
    }

    /// A new office: `taizhang-agent init` against this hub, enrolled with its printed key.
    func addAgent(_ branch: String, name: String? = nil) throws -> TestAgent {
        if endpoint == nil { try startHub() }
        let agent = TestAgent(branch: branch, data: scratchDirectory("taizhang-agent") { test.addTeardownBlock($0) })
        let created = try agent.program.run(["init", "--branch", branch, "--name", name ?? "\(branch)分局",
                                             "--hub", endpoint!, "--hub-key", hubKey])
        guard created.status == 0, let key = created.stdout.split(separator: "\n").last else {
            throw RunningProgram.Failure(message: "agent init failed: \(created.stderr)")
        }
        try ok(["enroll", "--branch", branch, "--name", name ?? "\(branch)分局", "--key", String(key)])
        return agent
    }

    @discardableResult
    func ok(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try hub.run(arguments)
        XCTAssertEqual(result.status, 0, "taizhang-hub \(arguments): \(result.stderr)", file: file, line: line)
        return result.stdout
    }

    func json(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try ok(arguments + ["--json"]).utf8))
    }

    /// `totals --json`: the inventory of one branch.
    func inventory(of branch: String) throws -> [String: [String: Int]]? {
        let totals = try json(["totals"]) as? [String: Any]
        return (totals?["branches"] as? [String: Any])?[branch] as? [String: [String: Int]]
    }

    func branchStatus(_ branch: String) throws -> [String: Any]? {
        (try json(["branches"]) as? [[String: Any]])?.first { $0["branch"] as? String == branch }
    }

    /// Waits until `condition` holds, checking every 100 ms; fails after `timeout`.
    func eventually(_ what: String, timeout: TimeInterval = 120, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try !condition() {
            guard Date() < deadline else { throw RunningProgram.Failure(message: "never happened: \(what)") }
            usleep(100_000)
        }
    }
}

/// One office's agent, run as real processes.
struct TestAgent {
    let branch: String
    let data: String
    var program: Program { Program("taizhang-agent", environment: ["TAIZHANG_AGENT_DATA": data]) }
    var ledgerPath: String { data + "/ledger.sqlite" }

    @discardableResult
    func ok(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try program.run(arguments)
        XCTAssertEqual(result.status, 0, "taizhang-agent \(arguments): \(result.stderr)", file: file, line: line)
        return result.stdout
    }

    func status() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(try ok(["status", "--json"]).utf8)) as? [String: Any] ?? [:]
    }

    func inventory() throws -> [String: [String: Int]]? { try status()["inventory"] as? [String: [String: Int]] }

    /// Records a small mixed day: `n` card receipts and one board.
    func recordDay(_ tag: String, cards: Int = 3) throws {
        try ok(["board", "install", "--tag", tag, "--location", "大厅"])
        for index in 0..<cards { try ok(["card", "receive", "--quantity", "\(10 + index)"]) }
        try ok(["card", "distribute", "--quantity", "5", "--channel", "窗口"])
    }
}
