import TaizhangText
import XCTest

/// Display width, wrapping, escaping and tables that fit a width.
final class TerminalTextTests: XCTestCase {
    func testDisplayWidthCountsWideCharactersAndEmoji() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("三厂分局"), 8)
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 2)      // ZWJ sequence: one cluster
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2)          // skin tone
        XCTAssertEqual(DisplayWidth.of("🇨🇳"), 2)           // flag
        XCTAssertEqual(DisplayWidth.of("❤️"), 2)            // VS16
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)     // combining accent
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4)          // fullwidth
    }

    func testControlAndBidiCharactersAreEscaped() {
        XCTAssertEqual(PrintableText.escaped("abc"), "abc")
        XCTAssertEqual(PrintableText.escaped("三厂"), "三厂")
        XCTAssertEqual(PrintableText.escaped("a\u{202E}b"), "a\\u{202E}b")
        XCTAssertEqual(PrintableText.escaped("\u{1B}[31m"), "\\u{1B}[31m")
        XCTAssertEqual(PrintableText.escaped("x\u{2067}y\u{2069}"), "x\\u{2067}y\\u{2069}")
    }

    func testWrapBreaksAtWordsOrBetweenChineseCharacters() {
        XCTAssertEqual(TextWrap.lines("the quick brown fox", width: 10), ["the quick", "brown fox"])
        let chinese = TextWrap.lines("本所台账里没有公示栏，请核对编号。", width: 10)
        XCTAssertTrue(chinese.allSatisfy { DisplayWidth.of($0) <= 10 }, "\(chinese)")
        XCTAssertEqual(chinese.joined(), "本所台账里没有公示栏，请核对编号。")
        XCTAssertFalse(chinese.contains { $0.hasPrefix("，") || $0.hasPrefix("。") }, "\(chinese)")
        XCTAssertEqual(TextWrap.lines("install,", width: 5), ["insta", "ll,"])
        XCTAssertEqual(TextWrap.lines("short", width: 80), ["short"])
    }

    func testTablesFitTheWidth() {
        var table = TextTable([.init("编号"), .init("位置", fit: .wrap), .init("日期"), .init("状态", fit: .wrap)])
        for index in 0..<5 {
            table.append(["GS-0\(index)", String(repeating: "区政务服务中心一楼大厅东侧", count: 3), "2026-12-01", "已撤下：更换为统一标准公示栏😀"])
        }
        for width in [80, 60, 40] {
            let lines = table.render(width: width).split(separator: "\n")
            XCTAssertTrue(lines.allSatisfy { DisplayWidth.of(String($0)) <= width }, "width \(width):\n\(lines.joined(separator: "\n"))")
        }
        XCTAssertEqual(table.render(width: nil).split(separator: "\n").count, 6)
    }

    func testTooNarrowTablesBecomeBlocks() {
        var table = TextTable([.init("A"), .init("B"), .init("C")])
        table.append([String(repeating: "x", count: 30), String(repeating: "y", count: 30), String(repeating: "z", count: 30)])
        let text = table.render(width: 40)
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 40 }, text)
        XCTAssertTrue(text.hasPrefix("A  xxx"), text)
    }

    func testHelpIsWrappedUnderItsLabel() {
        let help = "OPTIONS:\n  --location <text>       " + String(repeating: "悬挂位置很长的说明文字", count: 8)
            + "\n  taizhang-agent board install --tag GS-01 --location 大厅东墙 --on 2026-12-01 --clerk 王芳 --data /very/long/path\n"
        let wrapped = HelpText.render(help, width: 60, language: .zh, program: "taizhang-agent")
        let lines = wrapped.split(separator: "\n").map(String.init)
        for line in lines where !line.contains("taizhang-agent board") {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 60, line)
        }
        XCTAssertTrue(lines.contains { $0.hasPrefix("  taizhang-agent board install") && $0.hasSuffix("/very/long/path") }, "an example stays whole")
        XCTAssertTrue(lines[2].hasPrefix(String(repeating: " ", count: 26)), "continuation under the text: \(lines[2])")
    }

    func testSuggestions() {
        XCTAssertEqual(EditDistance.suggestion(for: "bord", among: ["board", "sign", "badge"]), "board")
        XCTAssertEqual(EditDistance.suggestion(for: "recieve", among: ["receive", "distribute", "adjust"]), "receive")
        XCTAssertEqual(EditDistance.suggestion(for: "stat", among: ["status", "sync"]), "status")
        XCTAssertNil(EditDistance.suggestion(for: "xyzzy", among: ["board", "sign"]))
    }

    func testParserMessagesBecomeSentences() {
        XCTAssertEqual(CommandLineText.sentence("Missing expected argument '--location <text>'", command: "taizhang-agent board install", language: .zh),
                       "缺少 --location：请给出 --location <text>。")
        XCTAssertEqual(CommandLineText.sentence("Unknown option '--tga'. Did you mean '--tag'?", command: "taizhang-agent board install", language: .zh),
                       "taizhang-agent board install 没有“--tga”这个选项；您是不是要输入“--tag”？")
        XCTAssertEqual(CommandLineText.sentence("The value '十' is invalid for '--quantity <n>'", command: "x", language: .en),
                       "'十' is not a valid value for --quantity: write a whole number in digits, e.g. 20.")
    }
}
