import Foundation
import TaizhangTesting
import XCTest

/// The rules judged on the entry's date, and one identity for text, at the clerk's command
/// line: the real `taizhang-agent` on a real ledger.
final class DatedRuleTests: XCTestCase {
    func testABackdatedDistributionBeforeTheReceiptIsRefusedNamingTheDate() throws {
        let cli = try AgentCLI.initialised(self)
        try cli.ok(["card", "receive", "--quantity", "100", "--on", "2008-04-01"])
        let before = try cli.snapshot()
        let refused = try cli.run(["card", "distribute", "--quantity", "30", "--channel", "窗口", "--on", "2008-03-15", "--lang", "en"])
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("only 0 service cards were on hand on 2008-03-15"), refused.stderr)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, "one sentence")
        XCTAssertEqual(try cli.snapshot(), before, "nothing recorded")
        // After the receipt it is fine; a distribution that starves a later day is refused naming that day.
        try cli.ok(["card", "distribute", "--quantity", "90", "--channel", "窗口", "--on", "2008-04-10"])
        let later = try cli.run(["card", "distribute", "--quantity", "20", "--channel", "集市", "--on", "2008-04-05", "--lang", "en"])
        XCTAssertEqual(later.status, 1)
        XCTAssertTrue(later.stderr.contains("on hand on 2008-04-10"), later.stderr)
    }

    func testLookAlikeTagsAreOneBoardAndTheLedgerShowsWhatWasTyped() throws {
        let cli = try AgentCLI.initialised(self)
        try cli.ok(["board", "install", "--tag", "ｇｓ－０１", "--location", "大厅"])
        for twin in ["GS-01", "gs-01", "ＧＳ－０１"] {
            let result = try cli.run(["board", "install", "--tag", twin, "--location", "二楼", "--lang", "en"])
            XCTAssertEqual(result.status, 1, twin)
            XCTAssertTrue(result.stderr.contains("already in service"), result.stderr)
        }
        XCTAssertTrue(try cli.ok(["board", "list"]).contains("ｇｓ－０１"), "shown as typed")
        try cli.ok(["board", "retire", "--tag", "GS-01", "--reason", "旧"])
        XCTAssertEqual(try cli.ok(["board", "list"]).contains("ｇｓ－０１"), false, "retired: not in service")
    }

    func testAnArgumentThatIsNotUTF8IsRefusedAndNothingIsStored() throws {
        let cli = try AgentCLI.initialised(self)
        let before = try cli.snapshot()
        let agent = Program("taizhang-agent").path
        // "台账" in GBK, as a GBK terminal sends it (not valid UTF-8).
        let shell = Program(executable: "/bin/sh", environment: ["TAIZHANG_AGENT_DATA": cli.data])
        for lang in ["en", "zh"] {
            let result = try shell.run(["-c", "exec \"$0\" card receive --quantity 5 --batch \"$(printf '\\314\\250\\325\\313')\" --lang \(lang)", agent])
            XCTAssertEqual(result.status, 64, result.stderr)
            XCTAssertTrue(result.stderr.contains(lang == "en" ? "switch the terminal to UTF-8" : "请把终端切换为 UTF-8"), result.stderr)
            XCTAssertFalse(result.stderr.contains("\u{FFFD}"))
        }
        XCTAssertEqual(try cli.snapshot(), before)
    }
}
