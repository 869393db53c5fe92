import HubKit
import HubWeb
import TaizhangCore
import TaizhangText
import XCTest

final class ViewModelTests: XCTestCase {
    let now = Timestamp(millisecondsSinceEpoch: 1_764_000_000_000)
    var session: OperatorSession { OperatorSession(login: "wang", role: .viewer) }
    var time: LocalTime { LocalTime(zone: .default) }

    func branch(_ id: String, _ state: BranchStatus.State, held: Int64 = 0, last: Int64 = 0, heard: Int64? = nil) -> BranchStatus {
        BranchStatus(id: id, name: "\(id) 分局", publicKey: "k", enrolledAt: now, revokedAt: nil, incarnation: nil, heldSeq: held,
                     agentLastSeq: last, lastHeardAt: heard.map { Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch - $0 * 60_000) },
                     lastEntryAt: nil, flags: [], state: state)
    }

    func frame(_ language: WebLanguage = .zh, path: String = "/") -> PageFrame {
        PageFrame(language: language, path: path, query: language == .en ? [("lang", "en")] : [], titleKey: "overview", asOf: now, time: time, session: session)
    }

    func testOverviewStatesAddUpAndFiguresAreTheJSONs() {
        let branches = [branch("a", .current, held: 5, last: 5), branch("b", .behind, held: 2, last: 9), branch("c", .silent),
                        branch("d", .current), branch("e", .revoked)]
        var inventory = Inventory()
        inventory[.card] = Tally(inService: 0, standard: 0, received: 1000, distributed: 200, adjusted: 0)
        let month = MonthTimeliness(month: YearMonth("2025-10")!, monthEnd: now, deadline: now, workdays: 5, branches: [
            BranchTimeliness(branch: "a", name: "a", mark: .onTime, completeAt: now),
            BranchTimeliness(branch: "b", name: "b", mark: .late, completeAt: now),
            BranchTimeliness(branch: "c", name: "c", mark: .notReported, completeAt: nil),
        ])
        let page = OverviewPage.make(frame: frame(), language: .zh, branches: branches, totals: HubTotals(bureau: inventory, branches: ["a": inventory]),
                                     month: month, activity: [], lastIngest: nil, time: time)
        XCTAssertEqual(page.states.map(\.count).reduce(0, +), page.enrolled)
        XCTAssertEqual(page.states.map(\.state), ["current", "behind", "silent", "flagged", "revoked"])
        XCTAssertEqual(page.states.map(\.count), [2, 1, 1, 0, 1])
        XCTAssertEqual(page.pending, 7)
        XCTAssertEqual(page.reportingRate, "66.6%")
        XCTAssertEqual(page.onTimeRate, "33.3%")
        XCTAssertEqual(page.lastIngest, "从未")
        let card = page.totals.first { $0.material == "card" }
        XCTAssertEqual(card?.figures.map(\.path), ["card.onHand", "card.received", "card.distributed", "card.adjusted"])
        XCTAssertEqual(card?.figures.map(\.value), [800, 1000, 200, 0])
        XCTAssertEqual(card?.label, "便民服务联系卡")
    }

    func testBranchesFilterSortAndLinks() {
        let branches = [branch("a", .current, held: 5, last: 5, heard: 1), branch("b", .behind, held: 2, last: 9, heard: 90),
                        branch("c", .silent, heard: 60 * 50)]
        let page = BranchesPage.make(frame: frame(.en, path: "/branches"), language: .en, branches: branches, state: nil, sort: "pending",
                                     now: now, time: time)
        XCTAssertEqual(page.rows.map(\.id), ["b", "a", "c"])
        XCTAssertEqual(page.rows.map(\.lastHeard), ["1 h ago", "1 min ago", "2 d ago"])
        XCTAssertEqual(page.rows[0].href, "/branches/b?lang=en")
        XCTAssertEqual(page.filters.map(\.href).last, "/branches?state=revoked&sort=pending&lang=en")
        XCTAssertEqual(page.csvHref, "/branches.csv?sort=pending")
        let silent = BranchesPage.make(frame: frame(), language: .zh, branches: branches, state: .silent, sort: nil, now: now, time: time)
        XCTAssertEqual(silent.rows.map(\.id), ["c"])
        XCTAssertEqual(silent.rows[0].stateLabel, "失联")
    }

    func testFrameLinksKeepTheLanguage() {
        let zh = frame(.zh, path: "/branches/sanchang")
        XCTAssertEqual(zh.nav.first { $0.current }?.href, "/branches")
        XCTAssertEqual(zh.otherLanguageHref, "/branches/sanchang?lang=en")
        XCTAssertEqual(zh.asOf, "2025-11-25 00:00")
        let en = frame(.en)
        XCTAssertEqual(en.nav.map(\.href).first, "/?lang=en")
        XCTAssertEqual(en.otherLanguageHref, "/")
        XCTAssertEqual(en.pageTitle, "Overview")
    }

    func testTimelinessPageSaysWhenTheDeadlineIsUnknown() {
        let month = MonthTimeliness(month: YearMonth("2026-12")!, monthEnd: now, deadline: nil, workdays: 5, branches: [
            BranchTimeliness(branch: "a", name: "a", mark: .reported, completeAt: now),
        ])
        let page = TimelinessPage.make(frame: frame(), language: .zh, current: month, history: [month], time: time)
        XCTAssertFalse(page.deadlineKnown)
        XCTAssertTrue(page.deadline.contains("未知"))
        XCTAssertEqual(page.onTimeRate, "—")
        XCTAssertEqual(page.reportingRate, "100.0%")
        XCTAssertEqual(page.nextHref, "/timeliness?month=2027-01")
        XCTAssertEqual(page.previousHref, "/timeliness?month=2026-11")
    }

    func testBindingRefusesNonLoopbackWithoutTLS() throws {
        XCTAssertEqual(try WebBinding.parse("127.0.0.1:8447", tlsCertificate: nil, tlsKey: nil).port, 8447)
        XCTAssertEqual(try WebBinding.parse("[::1]:0", tlsCertificate: nil, tlsKey: nil).host, "::1")
        XCTAssertThrowsError(try WebBinding.parse("0.0.0.0:8447", tlsCertificate: nil, tlsKey: nil)) {
            XCTAssertEqual($0 as? WebBindingError, .needsTLS("0.0.0.0:8447"))
        }
        XCTAssertTrue(try WebBinding.parse("0.0.0.0:8447", tlsCertificate: "c.pem", tlsKey: "k.pem").usesTLS)
        XCTAssertThrowsError(try WebBinding.parse("0.0.0.0:8447", tlsCertificate: "c.pem", tlsKey: nil))
        XCTAssertThrowsError(try WebBinding.parse("8447", tlsCertificate: nil, tlsKey: nil))
    }
}
