import Foundation
import TaizhangTesting
import XCTest

/// The clerk's program in Chinese and English: each refusal in the language of the locale,
/// with nothing written; typo suggestions; malformed endpoints; help that fits.
final class LanguageTests: XCTestCase {
    static let chinese = ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "TAIZHANG_LANG": ""]
    static let english = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "TAIZHANG_LANG": ""]

    func run(_ cli: AgentCLI, _ arguments: [String], _ environment: [String: String]) throws -> Program.Result {
        try Program("taizhang-agent", environment: environment.merging(["TAIZHANG_AGENT_DATA": cli.data]) { $1 }).run(arguments)
    }

    /// The refusals of RefusalTests, with the words each language's sentence must have.
    static let refusals: [([String], zh: String, en: String)] = [
        (["board", "retire", "--tag", "GS-09", "--reason", "x"], "本所台账里没有公示栏 GS-09", "there is no notice board GS-09"),
        (["board", "retire", "--tag", "GS-02", "--reason", "x"], "已于", "already retired"),
        (["board", "install", "--tag", "GS-01", "--location", "x"], "已在", "already in service"),
        (["badge", "issue", "--number", "0001", "--staff", "李雷"], "已发给王芳", "already in service issued to 王芳"),
        (["badge", "revoke", "--number", "0001", "--reason", "stolen"], "丢失、交回或离职", "lost, returned or departed"),
        (["sign", "retire", "--tag", "QX-1", "--reason", "x"], "没有人员去向牌 QX-1", "no whereabouts sign QX-1"),
        (["card", "distribute", "--quantity", "41", "--channel", "x"], "库存只有 40", "only 40 service cards were on hand on"),
        (["guide", "distribute", "--quantity", "1", "--channel", "x"], "办事指南库存只有 0", "only 0 service guides"),
        (["card", "adjust", "--quantity", "-41", "--reason", "x"], "少于零", "fewer than none"),
        (["card", "receive", "--quantity", "0"], "1 到 1000000000", "from 1 to 1000000000"),
        (["card", "adjust", "--quantity", "0", "--reason", "x"], "不为零", "non-zero"),
        (["card", "receive", "--quantity", "十"], "阿拉伯数字", "whole number in digits"),
        (["board", "install", "--tag", "X", "--location", "y", "--on", "2026-02-30"], "不是有效日期", "is not a real date"),
        (["board", "install", "--tag", "X", "--location", "y", "--on", "2999-01-01"], "还没到", "in the future"),
        (["board", "install", "--tag", "X", "--location", "y", "--on", "1998-01-01"], "早于 2000-01-01", "before 2000-01-01"),
        (["board", "install", "--tag", "X"], "缺少 --location", "--location is missing"),
        (["board", "install", "--tag", "", "--location", "y"], "1 到 64 个字符", "1 to 64 characters"),
        (["void", "--seq", "99", "--reason", "x"], "没有第 99 条", "no entry #99"),
        (["void", "--seq", "4", "--reason", "x"], "已被第 5 条作废", "already voided by entry #5"),
        (["void", "--seq", "5", "--reason", "x"], "本身就是作废记录", "itself a void"),
        (["void", "--seq", "6", "--reason", "x"], "请先作废第 7 条", "void #7 first"),
        (["bord", "install", "--tag", "GS-09"], "“board”", "did you mean 'board'?"),
        (["card", "recieve", "--quantity", "5"], "“receive”", "did you mean 'receive'?"),
        (["badge", "revok", "--number", "1", "--reason", "lost"], "“revoke”", "did you mean 'revoke'?"),
        (["stauts"], "“status”", "did you mean 'status'?"),
        (["board", "install", "--tga", "GS-09", "--location", "x"], "“--tag”", "did you mean '--tag'?"),
        (["--lang", "fr", "status"], "不认识的语言", "unknown language 'fr'"),
    ]

    func testEveryRefusalSpeaksTheLocaleAndWritesNothing() throws {
        let cli = try Self.preparedLedger(self)
        let before = try cli.snapshot()
        for (arguments, zh, en) in Self.refusals {
            for (environment, fragment, isChinese) in [(Self.chinese, zh, true), (Self.english, en, false)] {
                let result = try run(cli, arguments, environment)
                XCTAssertNotEqual(result.status, 0, "\(arguments)")
                XCTAssertEqual(result.stdout, "", "\(arguments)")
                let sentence = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
                XCTAssertTrue(sentence.contains(fragment), "\(environment["LANG"]!) \(arguments): '\(result.stderr)' lacks '\(fragment)'")
                XCTAssertEqual(Self.hasChineseWords(sentence, besides: arguments), isChinese, "\(arguments): \(sentence)")
                XCTAssertLessThanOrEqual(result.stderr.split(separator: "\n").count, 2, "at most two lines: \(result.stderr)")
            }
        }
        XCTAssertEqual(try cli.snapshot(), before, "a refusal changed the ledger")
    }

    func testChineseRevocationReasonsAreAccepted() throws {
        let cli = try AgentCLI.initialised(self)
        for (number, reason) in [("1", "丢失"), ("2", "遗失"), ("3", "交回"), ("4", "退回"), ("5", "离职"), ("6", "调离")] {
            try cli.ok(["badge", "issue", "--number", number, "--staff", "王芳"])
            try cli.ok(["badge", "revoke", "--number", number, "--reason", reason])
        }
        let reasons = (try cli.json(["badge", "list", "--all", "--json"]) as? [[String: Any]])?.compactMap { $0["reason"] as? String }
        XCTAssertEqual(reasons, ["lost", "lost", "returned", "returned", "departed", "departed"], "the ledger keeps the canonical value")
    }

    func testMalformedEndpointsAreRefusedWithoutACrash() throws {
        let endpoints = ["tcp://127.0.0.1", "tcp://127.0.0.1:", "tcp://127.0.0.1:0", "tcp://127.0.0.1:65536", "tcp://127.0.0.1:99999999999",
                         "tcp://:7447", "udp://127.0.0.1:7447", "127.0.0.1:7447", "tcp://", "tcp://host:port", "http://hub:80", ""]
        for endpoint in endpoints {
            for (environment, fragment) in [(Self.chinese, "格式不对"), (Self.english, "tcp://HOST:PORT")] {
                let cli = AgentCLI(data: AgentCLI.scratch(self))
                let result = try run(cli, ["init", "--branch", "ok", "--name", "x", "--hub", endpoint, "--hub-key", AgentCLI.hubKey], environment)
                XCTAssertEqual(result.status, 1, "'\(endpoint)': \(result.stderr)")
                XCTAssertTrue(result.stderr.contains(fragment), "'\(endpoint)': \(result.stderr)")
                XCTAssertFalse(FileManager.default.fileExists(atPath: cli.data), "'\(endpoint)' wrote something")
            }
            // The same from the configuration file.
            let folder = AgentCLI.scratch(self)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "branch = \"ok\"\nname = \"x\"\nhub = \"\(endpoint)\"\ndata = \"ledger\"\n".write(toFile: folder + "/o.toml", atomically: true, encoding: .utf8)
            let result = try Program("taizhang-agent", environment: Self.english).run(["init", "--config", folder + "/o.toml", "--hub-key", AgentCLI.hubKey])
            XCTAssertEqual(result.status, 1, "'\(endpoint)' in the file: \(result.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/ledger"))
        }
    }

    func testSetHubRefusesMalformedSettingsAndKeepsTheLedger() throws {
        let cli = try AgentCLI.initialised(self)
        let before = try cli.snapshot()
        for arguments in [["set-hub", "--hub", "tcp://10.0.0.1"], ["set-hub", "--hub", "tcp://10.0.0.1:7447", "--hub-key", "short"]] {
            let result = try run(cli, arguments, Self.chinese)
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        }
        XCTAssertEqual(try cli.snapshot(), before)
        try cli.ok(["set-hub", "--hub", "tcp://10.0.0.1:7448"])
        let status = try cli.json(["status", "--json"]) as? [String: Any]
        XCTAssertEqual((status?["sync"] as? [String: Any])?["hub"] as? String, "tcp://10.0.0.1:7448")
    }

    func testLanguageFlagWinsOverTheLocaleAndTheFileSetsIt() throws {
        let cli = try AgentCLI.initialised(self)
        let english = try run(cli, ["--lang", "en", "board", "list"], Self.chinese)
        XCTAssertTrue(english.stdout.contains("No notice boards in service"), english.stdout)
        let chinese = try run(cli, ["board", "list", "--lang=zh"], Self.english)
        XCTAssertTrue(chinese.stdout.contains("没有在用的公示栏"), chinese.stdout)
        let viaEnvironment = try run(cli, ["board", "list"], Self.english.merging(["TAIZHANG_LANG": "zh"]) { $1 })
        XCTAssertTrue(viaEnvironment.stdout.contains("没有在用的公示栏"), viaEnvironment.stdout)
        let folder = AgentCLI.scratch(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "data = \"\(cli.data)\"\nlang = \"zh\"\n".write(toFile: folder + "/o.toml", atomically: true, encoding: .utf8)
        let fromFile = try Program("taizhang-agent", environment: Self.english).run(["board", "list", "--config", folder + "/o.toml"])
        XCTAssertTrue(fromFile.stdout.contains("没有在用的公示栏"), fromFile.stdout + fromFile.stderr)
    }

    func testVersionAndHelpInBothLanguages() throws {
        let cli = AgentCLI(data: AgentCLI.scratch(self))
        let version = try run(cli, ["--version"], Self.english)
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.first?.isNumber ?? false, version.stdout)
        for command in [[], ["init"], ["board", "install"], ["badge", "revoke"], ["card", "distribute"], ["void"], ["sync"], ["set-hub"], ["report"]] {
            for (environment, example) in [(Self.chinese, "示例："), (Self.english, "Example")] {
                let result = try run(cli, command + ["--help"], environment.merging(["COLUMNS": "80"]) { $1 })
                XCTAssertEqual(result.status, 0, "\(command)")
                XCTAssertEqual(result.stderr, "", "\(command)")
                XCTAssertTrue(result.stdout.contains(example), "\(command) help has no example")
                for line in result.stdout.split(separator: "\n") where !line.contains("taizhang-agent ") || line.hasPrefix("  --") {
                    XCTAssertLessThanOrEqual(Self.width(String(line)), 80, "\(command): \(line)")
                }
            }
        }
    }

    /// CJK in the sentence other than what the clerk typed.
    static func hasChineseWords(_ sentence: String, besides arguments: [String]) -> Bool {
        var text = sentence
        for argument in arguments + ["王芳", "大厅", "走廊", "窗口", "市场", "错", "旧", "三厂分局"] {
            text = text.replacingOccurrences(of: argument, with: "")
        }
        return text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
    }

    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ((0x2E80...0x9FFF).contains($1.value) || (0xFF00...0xFF60).contains($1.value) ? 2 : 1) }
    }
}

extension LanguageTests {
    /// The ledger of `RefusalTests.preparedLedger()`.
    static func preparedLedger(_ test: XCTestCase) throws -> AgentCLI {
        let cli = try AgentCLI.initialised(test)
        for arguments in [["board", "install", "--tag", "GS-01", "--location", "大厅"], ["badge", "issue", "--number", "0001", "--staff", "王芳"],
                          ["card", "receive", "--quantity", "100"], ["card", "distribute", "--quantity", "10", "--channel", "窗口"],
                          ["void", "--seq", "4", "--reason", "错"], ["board", "install", "--tag", "GS-02", "--location", "走廊"],
                          ["board", "retire", "--tag", "GS-02", "--reason", "旧"], ["card", "distribute", "--quantity", "60", "--channel", "市场"]] {
            try cli.ok(arguments)
        }
        return cli
    }
}
