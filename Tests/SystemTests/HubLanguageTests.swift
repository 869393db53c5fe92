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
            // HubKit's own refusals, once English free text.
            (["enroll", "--branch", "ok", "--name", "x", "--key", "3fa4c2e9b1"], "没有指纹为 3fa4c2e9b1", "no pending key has the fingerprint"),
            (["settings", "--report-deadline-workdays", "99"], "工作日天数", "from 1 to 30, not '99'"),
            (["settings", "--preparer", String(repeating: "王", count: 61)], "超过 60 个字符", "longer than 60 characters"),
            (["settings", "--reviewer", "a\u{7}b"], "--reviewer 未被接受：审核人姓名含有控制字符", "--reviewer was refused: the reviewer name"),
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

    /// What is wrong in a --config file is data (ConfigProblem, ConfigValueKind), worded here.
    func testConfigFileProblemsSpeakTheLocale() throws {
        let bureau = try TestBureau(self)
        let folder = scratchDirectory("taizhang-config") { addTeardownBlock($0) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let cases: [(toml: String, zh: String, en: String)] = [
            ("silent_after_hours = 0", "应为 1 到 8784 之间的小时数，而不是 0", "takes a number of hours from 1 to 8784, not 0"),
            ("silent_after_hours = \"24\"", "应为整数，而不是字符串", "must be a whole number, not a string"),
            ("time_zone = \"Mars/Olympus\"", "不是已知的时区", "names no known time zone"),
            ("preparer = \"a\\u0007b\"", "填报人姓名含有控制字符", "the preparer name contains control characters"),
        ]
        for (index, item) in cases.enumerated() {
            let file = folder + "/hub-\(index).toml"
            try (item.toml + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            for (environment, fragment) in [(Self.chinese, item.zh), (Self.english, item.en)] {
                let hub = Program("taizhang-hub", environment: ["TAIZHANG_HUB_DATA": bureau.hubData].merging(environment) { $1 })
                let result = try hub.run(["branches", "--config", file])
                XCTAssertNotEqual(result.status, 0, item.toml)
                XCTAssertTrue(result.stderr.contains(fragment), "\(environment["LANG"]!) \(item.toml): '\(result.stderr)' lacks '\(fragment)'")
            }
        }
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
        // The problem is kept as data: status words it in the clerk's language, --json in English.
        let status = try agent.run(["status"])
        let problem = status.stdout.split(separator: "\n").first { $0.hasPrefix("最近的问题") }
        XCTAssertTrue(problem?.contains("连不上区局 tcp://127.0.0.1:1") ?? false, status.stdout)
        XCTAssertFalse(status.stdout.contains("cannot reach"), status.stdout)
        let json = try agent.run(["status", "--json"])
        XCTAssertTrue(json.stdout.contains("cannot reach the hub at tcp://127.0.0.1:1"), json.stdout)
    }
}
