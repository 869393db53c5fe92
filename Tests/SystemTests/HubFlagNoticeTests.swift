import AgentKit
import Foundation
import TaizhangCore
import TaizhangTesting
import XCTest

/// The office hears of the hub's flags (issue 10): a real `serve` and a real agent. An entry
/// dated far in the future gets past the clerk's command (written into the ledger directly, as
/// a wrong clock or an older agent would), the hub flags it, and the next `sync` brings the
/// flag back: `status` names the entry, why and what to do, in the clerk's language, within
/// 80 columns; `taizhang-hub flags` words it in the operator's. Once the operator settles it,
/// the next `sync` clears it from `status`.
final class HubFlagNoticeTests: XCTestCase {
    func testTheOfficeHearsOfAFlaggedEntryInItsStatusUntilTheFlagIsSettled() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try agent.ok(["card", "receive", "--quantity", "100", "--on", "2008-05-01"])
        let database = try AgentDatabase(openingAt: agent.ledgerPath)
        try database.record(EntryDraft(material: .card, action: .receive, quantity: 1000, details: EntryDetails(batch: "远期"),
                                       occurredOn: CivilDate("2099-01-01")!, clerk: "测试"))
        let synced = try agent.ok(["sync"])
        XCTAssertTrue(synced.contains("taizhang-agent status"), "sync mentions the flag: \(synced)")
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 100, "the 2099 receipt is not counted")

        for (language, says) in [("zh_CN.UTF-8", ["区局标记了本所的 1 条记录", "第 2 条", "日期晚于本局的今天", "void --seq 2"]),
                                 ("C.UTF-8", ["The hub flagged 1 entry of this office", "#2 ", "dated after the bureau's today",
                                              "void --seq 2"])] {
            let status = try clerk(agent, language).run(["status"])
            XCTAssertEqual(status.status, 0, status.stderr)
            // Lines wrap at 80 columns: between CJK characters, or at a space.
            let joined = status.stdout.replacingOccurrences(of: "\n", with: language.hasPrefix("zh") ? "" : " ")
            for words in says { XCTAssertTrue(joined.contains(words), "\(language) lacks '\(words)':\n\(status.stdout)") }
            for line in status.stdout.split(separator: "\n") {
                XCTAssertLessThanOrEqual(TerminalFitTests.width(String(line)), 80, "\(language):\n\(status.stdout)")
            }
        }
        let json = try agent.status()
        XCTAssertNotNil((json["sync"] as? [String: Any])?["ackedSeq"], "the existing keys stay")
        let heard = try XCTUnwrap(json["hubFlags"] as? [String: Any], "\(json)")
        XCTAssertEqual(heard["onEntries"] as? Int, 1)
        XCTAssertEqual((heard["entries"] as? [[String: Any]])?.map { "\($0["seq"] ?? "")\($0["kind"] ?? "")" }, ["2date"])

        // The operator reads the same flag in the operator's language.
        for (language, words) in [("zh_CN.UTF-8", "已保存，但未计入合计"), ("C.UTF-8", "was stored but left out of the totals")] {
            let flags = try Program("taizhang-hub", environment: ["TAIZHANG_HUB_DATA": bureau.hubData, "COLUMNS": "2000",
                                                                  "LANG": language, "LC_ALL": "", "TAIZHANG_LANG": ""]).run(["flags"])
            XCTAssertEqual(flags.status, 0, flags.stderr)
            XCTAssertTrue(flags.stdout.contains(words) && flags.stdout.contains("2099-01-01"), "\(language):\n\(flags.stdout)")
        }

        let flag = try XCTUnwrap((try bureau.json(["flags"]) as? [[String: Any]])?.first)
        XCTAssertEqual(flag["seq"] as? Int, 2)
        try bureau.ok(["resolve", "--flag", "\(try XCTUnwrap(flag["id"] as? Int))", "--note", "已与三厂所核对"])
        let again = try agent.ok(["sync"])
        XCTAssertFalse(again.contains("taizhang-agent status"), again)
        let cleared = try clerk(agent, "C.UTF-8").run(["status"])
        XCTAssertFalse(cleared.stdout.contains("flagged"), cleared.stdout)
        let after = try XCTUnwrap(try agent.status()["hubFlags"] as? [String: Any])
        XCTAssertEqual(after["onEntries"] as? Int, 0)
        XCTAssertEqual((after["entries"] as? [Any])?.count, 0)
    }

    func clerk(_ agent: TestAgent, _ language: String) -> Program {
        Program("taizhang-agent", environment: ["TAIZHANG_AGENT_DATA": agent.data, "COLUMNS": "80", "LANG": language,
                                                "LC_ALL": "", "TAIZHANG_LANG": ""])
    }
}
