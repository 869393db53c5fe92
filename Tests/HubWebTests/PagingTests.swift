import Foundation
import HubJSON
import HubKit
import HubWeb
import Hummingbird
import HummingbirdTesting
import TaizhangCore
import XCTest

/// Long lists come a page at a time (`?page=N`), with links that keep the filter, sort, month
/// and language; an export month's page lists the figures its issues changed; the kept
/// figures outlive `serve`'s heartbeat but not an ingest.
final class PagingTests: XCTestCase {
    let now = Timestamp(millisecondsSinceEpoch: 1_764_000_000_000)

    func testPagerLinksAndRange() {
        let pager = Pager(total: 5, page: 2, size: 2, language: .en) { Pager.href("/branches?state=silent&lang=en", page: $0) }
        XCTAssertEqual(pager.range, 2..<4)
        XCTAssertEqual(pager.pageCount, 3)
        XCTAssertEqual(pager.links.map(\.href), ["/branches?state=silent&lang=en", "/branches?state=silent&lang=en&page=2",
                                                 "/branches?state=silent&lang=en&page=3"])
        XCTAssertEqual(pager.links.map(\.current), [false, true, false])
        XCTAssertEqual(pager.previousHref, "/branches?state=silent&lang=en")
        XCTAssertEqual(pager.nextHref, "/branches?state=silent&lang=en&page=3")
        XCTAssertEqual(pager.pageOf, "Page 2 of 3")
        XCTAssertEqual(pager.showing, "3–4 of 5")
        let past = Pager(total: 5, page: 9, size: 2, language: .zh) { Pager.href("/timeliness", page: $0) }
        XCTAssertEqual(past.page, 3, "a page past the last shows the last")
        XCTAssertEqual(past.range, 4..<5)
        XCTAssertNil(past.nextHref)
        XCTAssertEqual(past.links.first?.href, "/timeliness")
        let one = Pager(total: 0, page: 1, size: 100, language: .zh) { Pager.href("/exports", page: $0) }
        XCTAssertFalse(one.paged)
        XCTAssertEqual(one.range, 0..<0)
        XCTAssertEqual(Pager.page(nil), 1)
        XCTAssertEqual(Pager.page("3"), 3)
        XCTAssertNil(Pager.page("0"))
        XCTAssertNil(Pager.page("two"))
    }

    func testBranchesPageShowsOnePageButCountsEveryBranch() {
        let branches = ["a", "b", "c", "d", "e"].map { id in
            BranchStatus(id: id, name: id, publicKey: "k", enrolledAt: now, revokedAt: nil, incarnation: nil, heldSeq: 0, agentLastSeq: 0,
                         lastHeardAt: nil, lastEntryAt: nil, flags: [], state: .silent)
        }
        let frame = PageFrame(language: .en, path: "/branches", query: [("lang", "en")], titleKey: "branches", asOf: now,
                              time: LocalTime(zone: .default), session: OperatorSession(login: "wang", role: .viewer))
        let page = BranchesPage.make(frame: frame, language: .en, branches: branches, state: .silent, sort: "held", now: now,
                                     time: LocalTime(zone: .default), page: 3, pageSize: 2)
        XCTAssertEqual(page.rows.map(\.id), ["e"])
        XCTAssertEqual(page.count, 5)
        XCTAssertEqual(page.pager.previousHref, "/branches?state=silent&sort=held&lang=en&page=2")
        XCTAssertEqual(page.csvHref, "/branches.csv?state=silent&sort=held", "the CSV is every branch chosen, not the page")
        XCTAssertEqual(page.filters.first?.href, "/branches?sort=held&lang=en", "a new filter starts at page 1")
    }

    func testPagedRoutesAndTheExportMonthPage() async throws {
        let fixture = try WebFixture(testCase: self)
        let month = fixture.exported.month
        let app = Application(router: try Dashboard(source: try fixture.source(), pageSize: 2).router())
        try await app.test(.router) { client in
            let cookie = try await RouteTests.session(client, "wang")
            let second = try await ExportStandingTests.page(client, "/branches?sort=id&page=2", cookie)
            XCTAssertEqual(Self.rows(second), ["nancheng", "sanchang"])
            XCTAssertTrue(second.contains("href=\"/branches?sort=id&amp;page=3\""), second)
            XCTAssertTrue(second.contains("href=\"/branches?sort=id\" rel=\"prev\""), second)
            XCTAssertTrue(second.contains("第 2 页，共 3 页"), second)
            let csv = try await client.execute(uri: "/branches.csv?sort=id", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            XCTAssertEqual(csv.split(separator: "\r\n").count, 6, "the CSV has every branch")
            let timeliness = try await ExportStandingTests.page(client, "/timeliness?month=\(month)&lang=en&page=3", cookie)
            XCTAssertEqual(timeliness.components(separatedBy: "data-mark=").count - 1, 1, "five offices, two a page: the third has one")
            XCTAssertTrue(timeliness.contains("href=\"/timeliness?month=\(month)&amp;lang=en&amp;page=2\""), timeliness)
            XCTAssertTrue(timeliness.contains("Page 3 of 3"), timeliness)
            for bad in ["/branches?page=0", "/timeliness?page=x", "/exports?page=-1"] {
                try await client.execute(uri: bad, method: .get, headers: [.cookie: cookie]) { XCTAssertEqual($0.status, .badRequest, bad) }
            }

            let list = try await ExportStandingTests.page(client, "/exports", cookie)
            XCTAssertTrue(list.contains("href=\"/exports/\(month)\""), list)
            let detail = try await ExportStandingTests.page(client, "/exports/\(month)?lang=en", cookie)
            XCTAssertTrue(detail.contains("Exports of \(month)"), detail)
            XCTAssertTrue(detail.contains("/exports/\(month)?asOf=\(fixture.exported.asOf.millisecondsSinceEpoch)&amp;format=csv"), detail)
            XCTAssertTrue(detail.contains("href=\"/exports?lang=en\""), detail)
            let none = try await ExportStandingTests.page(client, "/exports/1999-01", cookie)
            XCTAssertTrue(none.contains("1999-01 尚未出具月报。"), none)
            try await client.execute(uri: "/exports/1999-13", method: .get, headers: [.cookie: cookie]) { XCTAssertEqual($0.status, .badRequest) }
        }
    }

    /// The kept figures hold through heartbeats (no query after one) and give way to an ingest,
    /// and the kept branches' states to the time passing.
    func testKeptFiguresOutliveTheHeartbeatButNotAnIngestOrTime() async throws {
        let fixture = try WebFixture(testCase: self)
        let app = Application(router: try Dashboard(source: try fixture.source()).router())
        try await app.test(.router) { client in
            let cookie = try await RouteTests.session(client, "wang")
            let before = try await ExportStandingTests.page(client, "/api/totals", cookie)
            let token = try fixture.database.changeToken()
            try fixture.database.noteHeartbeat(startedAt: fixture.clock.now, at: fixture.clock.now)
            XCTAssertEqual(try fixture.database.changeToken(), token)
            let kept = try await ExportStandingTests.page(client, "/api/totals", cookie)
            XCTAssertEqual(kept, before)
            _ = try fixture.database.ingest(branch: "nancheng", entries: Array(WebFixture.entries(branch: "nancheng", start: 1).suffix(2)),
                                            at: fixture.clock.now)
            let after = try await ExportStandingTests.page(client, "/api/totals", cookie)
            XCTAssertNotEqual(after, before, "an ingest changes the totals")
            let again = try await ExportStandingTests.page(client, "/api/totals", cookie)
            XCTAssertEqual(again, after)

            // Time alone: the kept branches fall silent when a fresh reading would.
            let silentBefore = try await ExportStandingTests.page(client, "/branches?state=silent", cookie)
            XCTAssertFalse(silentBefore.contains("data-branch=\"sanchang\""), silentBefore)
            fixture.clock.advance(minutes: 25 * 60)
            let later = try await RouteTests.session(client, "wang")
            let silentAfter = try await ExportStandingTests.page(client, "/branches?state=silent", later)
            XCTAssertTrue(silentAfter.contains("data-branch=\"sanchang\""), silentAfter)
            let api = try await ExportStandingTests.page(client, "/api/branches", later)
            let fresh = HubJSONOutput.branches(try fixture.database.branches(now: fixture.clock.now, silentAfterSeconds: 24 * 3600)).rendered() + "\n"
            XCTAssertEqual(api, fresh)
        }
    }

    /// The rows written straight to HTML escape what the templates escaped.
    func testRowsWrittenAsHTMLAreEscaped() {
        let frame = PageFrame(language: .zh, path: "/branches", query: [], titleKey: "branches", asOf: now,
                              time: LocalTime(zone: .default), session: OperatorSession(login: "wang", role: .viewer))
        let branch = BranchStatus(id: "a&b", name: "<南湖> \"分局\" 'x'", publicKey: "k", enrolledAt: now, revokedAt: nil, incarnation: nil,
                                  heldSeq: 3, agentLastSeq: 5, lastHeardAt: now, lastEntryAt: nil, flags: [], state: .behind)
        let page = BranchesPage.make(frame: frame, language: .zh, branches: [branch], state: nil, sort: nil, now: now, time: LocalTime(zone: .default))
        XCTAssertTrue(page.rowsHTML.hasPrefix("<tr data-branch=\"a&amp;b\" data-state=\"behind\"><td><a href=\"/branches/a%26b\">a&amp;b</a></td>"),
                      page.rowsHTML)
        XCTAssertTrue(page.rowsHTML.contains("<td>&lt;南湖&gt; &quot;分局&quot; &#39;x&#39;</td>"), page.rowsHTML)
        XCTAssertTrue(page.rowsHTML.contains("<td class=\"n\">3</td><td class=\"n\">2</td>"), page.rowsHTML)
        XCTAssertFalse(page.rowsHTML.contains("<南湖>"))
    }

    static func rows(_ html: String) -> [String] {
        html.components(separatedBy: "<tr data-branch=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}
