import Foundation
import TaizhangTesting
import XCTest

/// The recording commands have two readers of their arguments: `PlainRecording` for plain
/// arguments, the parser for everything else (here reached through `--config`, which only the
/// parser reads). Both must record the same entries and say the same things, and the plain
/// reader must know exactly the options each command declares.
final class PlainRecordingTests: XCTestCase {
    /// Every recording command with every option it takes, in a sequence a ledger accepts,
    /// and a few it refuses.
    static let session: [[String]] = [
        ["board", "install", "--tag", "GS-01", "--location", "大厅东墙", "--on", "2026-11-02", "--clerk", "王芳"],
        ["board", "install", "--tag=GS-02", "--location=二楼", "--nonstandard"],
        ["sign", "install", "--tag", "ZS-01", "--location", "一楼", "--clerk", "李明"],
        ["badge", "issue", "--number", "0001", "--staff", "张三", "--on", "2026-11-03"],
        ["badge", "issue", "--number", "0002", "--staff", "李四"],
        ["badge", "revoke", "--number", "0001", "--reason", "丢失"],
        ["card", "receive", "--quantity", "500", "--batch", "2026-11", "--on", "2026-11-04"],
        ["card", "distribute", "--quantity", "20", "--channel", "窗口"],
        ["card", "adjust", "--quantity", "-3", "--reason", "盘点"],
        ["guide", "receive", "--quantity", "+40", "--batch", "第二批"],
        ["guide", "distribute", "--quantity", "5", "--channel", "大厅"],
        ["guide", "adjust", "--quantity=2", "--reason", "盘点"],
        ["board", "retire", "--tag", "GS-02", "--reason", "损坏"],
        ["sign", "retire", "--tag", "ZS-01", "--reason", "搬迁"],
        ["void", "--seq", "8", "--reason", "数量记错", "--clerk", "王芳"],
        // Refused by the rules: the same sentence and status from both readers.
        ["board", "retire", "--tag", "GS-99", "--reason", "损坏"],
        ["card", "distribute", "--quantity", "100000", "--channel", "窗口"],
        ["badge", "revoke", "--number", "0002", "--reason", "丢了"],
        ["board", "install", "--tag", "GS-03", "--location", "门口", "--on", "2026-02-30"],
    ]

    func testBothReadersRecordTheSameLedger() throws {
        let plain = try AgentCLI.initialised(self)
        let parsed = try AgentCLI.initialised(self)
        let config = parsed.data + "/office.toml"
        try "data = \"\(parsed.data)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        for language in ["zh_CN.UTF-8", "C.UTF-8"] {
            for arguments in Self.session {
                let environment = ["LANG": language, "LC_ALL": ""]
                let viaPlain = try Program("taizhang-agent", environment: environment.merging(["TAIZHANG_AGENT_DATA": plain.data]) { $1 })
                    .run(arguments + ["--data=" + plain.data])
                let viaParser = try Program("taizhang-agent", environment: environment).run(arguments + ["--config", config])
                XCTAssertEqual(viaPlain.status, viaParser.status, "\(language) \(arguments)")
                XCTAssertEqual(viaPlain.stdout, viaParser.stdout, "\(language) \(arguments)")
                XCTAssertEqual(viaPlain.stderr, viaParser.stderr, "\(language) \(arguments)")
            }
        }
        XCTAssertEqual(try Self.entries(plain), try Self.entries(parsed))
        XCTAssertGreaterThanOrEqual(try Self.entries(plain).count, 15)
    }

    /// The plain reader takes only the options the parser declares for the command (else it
    /// would accept what the parser refuses) and misses none a clerk uses all day.
    func testPlainOptionsAreTheDeclaredOnes() throws {
        let plain = try AgentCLI.initialised(self)
        var seen: [String: Set<String>] = [:]
        for arguments in Self.session {
            let command = arguments.prefix { !$0.hasPrefix("-") }.joined(separator: " ")
            let names = arguments.filter { $0.hasPrefix("--") }.map { String($0.dropFirst(2).prefix { $0 != "=" }) }
            seen[command, default: []].formUnion(names)
        }
        for (command, used) in seen {
            let dump = try plain.ok(command.split(separator: " ").map(String.init) + ["--experimental-dump-help"])
            let declared = try Self.longOptions(dump)
            // --config is the parser's alone; --data, --on and --clerk every command has.
            let everyCommand: Set<String> = command == "void" ? ["data", "clerk"] : ["data", "on", "clerk"]
            XCTAssertEqual(declared.subtracting(["config", "help", "version"]), used.union(everyCommand), command)
        }
        XCTAssertEqual(seen.count, 13)
    }

    /// Not plain: the parser answers, in the clerk's language, and nothing is recorded.
    func testWhatIsNotPlainGoesToTheParser() throws {
        let cli = try AgentCLI.initialised(self)
        let before = try cli.snapshot()
        for arguments in [["board", "install", "--tag", "GS-01", "--location", "-大厅"],
                          ["board", "install", "--tag", "GS-01", "--loction", "大厅"],
                          ["card", "receive", "--quantity", "五百"],
                          ["board", "install", "--tag", "GS-01", "--location", "大厅", "--nonstandard=yes"],
                          ["board", "install", "--tag", "GS-01"]] {
            let result = try Program("taizhang-agent", environment: ["TAIZHANG_AGENT_DATA": cli.data, "LANG": "zh_CN.UTF-8"])
                .run(arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            XCTAssertTrue(result.stderr.hasPrefix("taizhang-agent: "), result.stderr)
            XCTAssertTrue(result.stderr.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, result.stderr)
        }
        XCTAssertEqual(try cli.snapshot(), before)
    }

    static func entries(_ cli: AgentCLI) throws -> [NSDictionary] {
        let log = try JSONSerialization.jsonObject(with: Data(try cli.ok(["log", "--json"]).utf8))
        let entries = try XCTUnwrap(log as? [[String: Any]])
        return entries.map { entry in
            var kept = entry
            kept.removeValue(forKey: "recordedAt")
            return kept as NSDictionary
        }
    }

    static func longOptions(_ dump: String) throws -> Set<String> {
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any])
        let command = try XCTUnwrap(root["command"] as? [String: Any])
        let arguments = try XCTUnwrap(command["arguments"] as? [[String: Any]])
        return Set(arguments.flatMap { argument in
            (argument["names"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "long" }.compactMap { $0["name"] as? String }
        })
    }
}
