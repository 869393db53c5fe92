import HubKit
import HubWeb
import TaizhangCore
import TaizhangText
import XCTest

/// The problems page words each flag in the page's language from its stored wording; a flag
/// stored before wordings were kept shows its English detail.
final class FlagSentenceTests: XCTestCase {
    let now = Timestamp(millisecondsSinceEpoch: 1_764_000_000_000)

    func testTheProblemsPageWordsFlagsInThePagesLanguage() {
        let violation = RuleViolation(.malformed, .dateBeyondSkew, ["2099-01-01", "2025-11-25"], "english")
        let flags = [
            BranchFlag(kind: .rule, seq: 2, detail: "entry #2 … English", at: now,
                       wording: .rule(seq: 2, material: .card, action: .receive, violation: violation)),
            BranchFlag(kind: .rule, seq: 3, detail: "an old flag's English detail", at: now),
        ]
        let branch = BranchStatus(id: "sanchang", name: "三厂分局", publicKey: "k", enrolledAt: now, revokedAt: nil, incarnation: nil,
                                  heldSeq: 3, agentLastSeq: 3, lastHeardAt: now, lastEntryAt: nil, flags: flags, state: .flagged)
        for (language, words) in [(WebLanguage.zh, "已保存，但未计入合计"), (.en, "was stored but left out of the totals")] {
            let frame = PageFrame(language: language, path: "/problems", query: [], titleKey: "problems", asOf: now,
                                  time: LocalTime(zone: .default), session: OperatorSession(login: "wang", role: .viewer))
            let page = ProblemsPage.make(frame: frame, language: language, branches: [branch], keys: [], exports: [],
                                         time: LocalTime(zone: .default))
            let details = page.groups.flatMap(\.flags).map(\.detail)
            XCTAssertEqual(details.count, 2)
            XCTAssertTrue(details[0].contains(words) && details[0].contains("2099-01-01"), "\(language): \(details[0])")
            XCTAssertEqual(details[1], "an old flag's English detail")
        }
    }
}
