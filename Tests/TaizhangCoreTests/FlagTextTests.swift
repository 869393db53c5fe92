import TaizhangCore
import TaizhangText
import XCTest

/// Hub flags in the reader's language, and what the office is told about them: every wording
/// and every notice kind has a sentence in both catalogues; what cannot be worded shows the
/// English detail as stored.
final class FlagTextTests: XCTestCase {
    func testEveryWordingAndKindHasASentence() {
        for code in FlagWording.Code.allCases {
            XCTAssertNotNil(Message(rawValue: "flagSays_" + code.rawValue), "no sentence for wording \(code)")
        }
        for kind in FlagNotice.Kind.allCases {
            XCTAssertNotNil(Message(rawValue: "hubFlagWhy_" + kind.name), "no sentence for notice kind \(kind)")
            XCTAssertEqual(FlagNotice.Kind(rawValue: kind.rawValue), kind)
        }
    }

    func testARuleFlagReadsInBothLanguages() {
        let violation = RuleViolation(.malformed, .dateBeyondSkew, ["2099-01-01", "2026-12-02"], "english")
        let wording = FlagWording.rule(seq: 2, material: .card, action: .receive, violation: violation)
        let zh = FlagWording.sentence(wording, detail: "stored English", .zh)
        XCTAssertTrue(zh.hasPrefix("第 2 条记录（便民服务联系卡入库）已保存，但未计入合计：日期 2099-01-01"), zh)
        let en = FlagWording.sentence(wording, detail: "stored English", .en)
        XCTAssertTrue(en.hasPrefix("entry #2 ("), en)
        XCTAssertTrue(en.contains("receive) was stored but left out of the totals: the date 2099-01-01 is more than one day after"), en)
        XCTAssertEqual(FlagWording.sentence(FlagWording(.misenrolled, ["haimen"]), detail: "x", .zh).contains("「haimen」"), true)
    }

    func testWhatCannotBeWordedShowsTheStoredDetail() {
        XCTAssertEqual(FlagWording.sentence(nil, detail: "old English detail", .zh), "old English detail")
        let unknownRule = FlagWording(.rule, ["2", "card", "receive", "aRuleOfANewerHub"])
        XCTAssertEqual(FlagWording.sentence(unknownRule, detail: "newer hub's words", .zh), "newer hub's words")
        let short = FlagWording(.rule, ["2"])
        XCTAssertEqual(FlagWording.sentence(short, detail: "d\u{202E}x", .en), "d\\u{202E}x", "escaped, never raw")
    }
}
