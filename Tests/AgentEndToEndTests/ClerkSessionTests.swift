import Foundation
import XCTest

/// A clerk's day, every command run as a real process.
final class ClerkSessionTests: XCTestCase {
    func testInitPrintsThePublicKeyAndRefusesASecondInit() throws {
        let cli = AgentCLI(data: AgentCLI.scratch(self))
        let out = try cli.ok(["init", "--branch", "sanchang", "--name", "三厂分局", "--hub", "tcp://127.0.0.1:7447", "--hub-key", AgentCLI.hubKey])
        let key = out.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertEqual(key.count, 40)
        XCTAssertEqual(try String(contentsOfFile: cli.data + "/agent.public", encoding: .utf8), key + "\n")
        let again = try cli.run(["init", "--branch", "x", "--name", "y", "--hub", "tcp://h:1", "--hub-key", AgentCLI.hubKey])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        XCTAssertEqual(try String(contentsOfFile: cli.data + "/agent.public", encoding: .utf8), key + "\n")
    }

    /// One key in 7,225 begins with "-=", which the parser once took for an option of its own
    /// ("init does not take the option '--branch'").
    func testAHubKeyBeginningWithMinusEqualsIsTakenAsTheKey() throws {
        let cli = AgentCLI(data: AgentCLI.scratch(self))
        let key = "-=" + String(repeating: "0", count: 38)
        try cli.ok(["init", "--branch", "sanchang", "--name", "三厂分局", "--hub", "tcp://127.0.0.1:7447", "--hub-key", key])
        try cli.ok(["set-hub", "--hub", "tcp://127.0.0.1:7448", "--hub-key", key])
        XCTAssertTrue(try cli.ok(["status"]).contains("7448"))
    }

    func testEveryRecordingCommandAndTheInventory() throws {
        let cli = try AgentCLI.initialised(self)
        try cli.ok(["board", "install", "--tag", "GS-01", "--location", "大厅东墙", "--on", "2008-03-01"])
        try cli.ok(["board", "install", "--tag", "GS-02", "--location", "二楼", "--nonstandard", "--on", "2008-03-02"])
        try cli.ok(["board", "retire", "--tag", "GS-02", "--reason", "换新", "--on", "2008-04-01"])
        try cli.ok(["sign", "install", "--tag", "QX-01", "--location", "办公室门口"])
        try cli.ok(["sign", "install", "--tag", "QX-02", "--location", "二楼"])
        try cli.ok(["sign", "retire", "--tag", "QX-02", "--reason", "损坏"])
        try cli.ok(["badge", "issue", "--number", "0001", "--staff", "王芳"])
        try cli.ok(["badge", "issue", "--number", "0002", "--staff", "李雷", "--clerk", "张科长"])
        try cli.ok(["badge", "revoke", "--number", "0002", "--reason", "departed"])
        try cli.ok(["card", "receive", "--quantity", "1000", "--batch", "第一批"])
        try cli.ok(["card", "distribute", "--quantity", "200", "--channel", "农贸市场"])
        try cli.ok(["card", "adjust", "--quantity", "-5", "--reason", "盘点短少"])
        try cli.ok(["guide", "receive", "--quantity", "1300"])
        try cli.ok(["guide", "distribute", "--quantity", "1200", "--channel", "窗口"])
        try cli.ok(["guide", "adjust", "--quantity=+3", "--reason", "盘点多出"])
        let out = try cli.ok(["void", "--seq", "11", "--reason", "重复登记"])
        XCTAssertTrue(out.hasPrefix("Recorded #16"), out)

        let status = try cli.json(["status", "--json"]) as? [String: Any]
        let inventory = status?["inventory"] as? [String: [String: Int]]
        XCTAssertEqual(status?["branch"] as? String, "sanchang")
        XCTAssertEqual(inventory?["board"], ["inService": 1, "standard": 1])
        XCTAssertEqual(inventory?["sign"], ["inService": 1])
        XCTAssertEqual(inventory?["badge"], ["active": 1])
        XCTAssertEqual(inventory?["card"], ["onHand": 995, "received": 1000, "distributed": 0, "adjusted": -5])
        XCTAssertEqual(inventory?["guide"], ["onHand": 103, "received": 1300, "distributed": 1200, "adjusted": 3])
        let sync = status?["sync"] as? [String: Any]
        XCTAssertEqual(sync?["lastSeq"] as? Int, 16)
        XCTAssertEqual(sync?["ackedSeq"] as? Int, 0)
        XCTAssertEqual(sync?["pending"] as? Int, 16)
        XCTAssertTrue(sync?["lastAckAt"] is NSNull)

        let statusText = try cli.ok(["status"])
        XCTAssertTrue(statusText.contains("三厂分局 (sanchang)"), statusText)
        XCTAssertTrue(statusText.contains("16 waiting to be sent"), statusText)

        let boards = try cli.json(["board", "list", "--all", "--json"]) as? [[String: Any]]
        XCTAssertEqual(boards?.map { $0["tag"] as? String }, ["GS-01", "GS-02"])
        XCTAssertEqual(boards?.map { $0["inService"] as? Bool }, [true, false])
        XCTAssertEqual(boards?.last?["standard"] as? Bool, false)
        let badges = try cli.json(["badge", "list", "--json"]) as? [[String: Any]]
        XCTAssertEqual(badges?.count, 1)
        XCTAssertEqual(badges?.first?["staff"] as? String, "王芳")

        let log = try cli.json(["log", "--json"]) as? [[String: Any]]
        XCTAssertEqual(log?.map { $0["seq"] as? Int }, (1...16).map { $0 })
        XCTAssertEqual(log?[10]["voidedBy"] as? Int, 16)
        XCTAssertEqual(log?[7]["clerk"] as? String, "张科长")
        XCTAssertEqual(log?[0]["occurredOn"] as? String, "2008-03-01")
        let since = try cli.json(["log", "--since", "14", "--json"]) as? [[String: Any]]
        XCTAssertEqual(since?.map { $0["seq"] as? Int }, [15, 16])
    }

    func testTablesLineUpWithChineseText() throws {
        let cli = try AgentCLI.initialised(self)
        try cli.ok(["board", "install", "--tag", "GS-01", "--location", "大厅东墙"])
        try cli.ok(["board", "install", "--tag", "GS-10", "--location", "hall"])
        let lines = try cli.ok(["board", "list"]).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        // "Standard" starts at the same terminal column on every line (CJK counts as two).
        let columns = lines.map { line -> Int in
            let marker = line.contains("Standard") ? "Standard" : (line.contains("yes") ? "yes" : "no")
            return DisplayColumns.of(String(line[..<line.range(of: marker)!.lowerBound]))
        }
        XCTAssertEqual(Set(columns).count, 1, "\(lines)")
    }

    func testEveryCommandHasHelpWithAnExample() throws {
        let cli = AgentCLI(data: AgentCLI.scratch(self))
        let commands: [[String]] = [
            [], ["init"], ["board", "install"], ["board", "retire"], ["board", "list"], ["sign", "install"],
            ["sign", "retire"], ["sign", "list"], ["badge", "issue"], ["badge", "revoke"], ["badge", "list"],
            ["card", "receive"], ["card", "distribute"], ["card", "adjust"], ["guide", "receive"],
            ["guide", "distribute"], ["guide", "adjust"], ["void"], ["log"], ["status"],
        ]
        for command in commands {
            let result = try cli.run(command + ["--help"])
            XCTAssertEqual(result.status, 0, "\(command)")
            XCTAssertTrue(result.stdout.contains("Example"), "\(command) help has no example")
        }
    }
}

/// Terminal columns of text: CJK ideographs take two.
enum DisplayColumns {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
    }
}

/// Z85 keys may begin with "-"; the key options must still take them.
final class KeyArgumentTests: XCTestCase {
    func testHubKeyStartingWithADashIsAccepted() throws {
        let cli = AgentCLI(data: AgentCLI.scratch(self))
        let key = "-" + AgentCLI.hubKey.dropFirst()
        try cli.ok(["init", "--branch", "sanchang", "--name", "三厂分局", "--hub", "tcp://127.0.0.1:7447", "--hub-key", key])
    }
}
