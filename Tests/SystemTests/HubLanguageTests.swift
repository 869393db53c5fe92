import Foundation
import TaizhangTesting
import XCTest

/// The hub's refusals in the language of the locale, with nothing written; a `--config`
/// whose hub differs from the ledger's is said so.
final class HubLanguageTests: XCTestCase {
    static let chinese = ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "TAIZHANG_LANG": ""]
    static let english = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "TAIZHANG_LANG": ""]

    func testHubRefusalsSpeakTheLocaleAndWriteNothing() throws {
        let bureau = try TestBureau(self)
        _ = try bureau.addAgent("sanchang")
        let cases: [([String], zh: String, en: String)] = [
            (["enroll", "--branch", "San Chang", "--name", "x", "--key", bureau.hubKey], "单位代号", "branch ID"),
            (["enroll", "--branch", "ok", "--name", "x", "--key", "abc"], "不是报送程序的公钥", "is not an agent key"),
            (["revoke", "--branch", "nope"], "没有登记“nope”", "no branch 'nope'"),
            (["export", "--month", "2026-13"], "不是月份", "is not a month"),
            (["export", "--month", "2026-11", "--format", "pdf"], "不认识的格式", "unknown format"),
            (["serve", "--bind", "tcp://127.0.0.1"], "格式不对", "is not of the form"),
            (["branches", "--silent-after", "0"], "1 到 8784", "from 1 to 8784"),
            (["totals", "--by-brunch"], "“--by-branch”", "did you mean '--by-branch'?"),
            (["enrol", "--branch", "x"], "“enroll”", "did you mean 'enroll'?"),
        ]
        let snapshot = { () throws -> String in try bureau.ok(["branches", "--json"]) + bureau.ok(["keys", "--json"]) }
        let before = try snapshot()
        for (arguments, zh, en) in cases {
            for (environment, fragment) in [(Self.chinese, zh), (Self.english, en)] {
                let hub = Program("taizhang-hub", environment: ["TAIZHANG_HUB_DATA": bureau.hubData].merging(environment) { $1 })
                let result = try hub.run(arguments)
                XCTAssertNotEqual(result.status, 0, "\(arguments)")
                XCTAssertEqual(result.stdout, "", "\(arguments)")
                XCTAssertTrue(result.stderr.hasPrefix("taizhang-hub: ") && result.stderr.contains(fragment),
                              "\(environment["LANG"]!) \(arguments): '\(result.stderr)' lacks '\(fragment)'")
                XCTAssertLessThanOrEqual(result.stderr.split(separator: "\n").count, 2, result.stderr)
            }
        }
        XCTAssertEqual(try snapshot(), before, "a refusal changed the hub")
    }

    func testAConfigFileNamingAnotherHubIsSaidSo() throws {
        let data = scratchDirectory("taizhang-agent") { addTeardownBlock($0) }
        let agent = Program("taizhang-agent", environment: ["TAIZHANG_AGENT_DATA": data].merging(Self.chinese) { $1 })
        let created = try agent.run(["init", "--branch", "sanchang", "--name", "三厂分局", "--hub", "tcp://127.0.0.1:1",
                                     "--hub-key", "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"])
        XCTAssertEqual(created.status, 0, created.stderr)
        let config = data + "/office.toml"
        try "data = \"\(data)\"\nhub = \"tcp://10.9.9.9:7447\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try agent.run(["sync", "--timeout", "1", "--config", config])
        XCTAssertEqual(result.status, 4, result.stderr)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertTrue(lines.first?.contains("--config 文件里的区局地址是 tcp://10.9.9.9:7447") ?? false, result.stderr)
        XCTAssertTrue(lines.first?.contains("set-hub") ?? false, result.stderr)
        XCTAssertTrue(lines.dropFirst().first?.hasPrefix("正在连接区局 tcp://127.0.0.1:1") ?? false, result.stderr)
        XCTAssertTrue(lines.last?.contains("连不上区局") ?? false, result.stderr)
    }
}
