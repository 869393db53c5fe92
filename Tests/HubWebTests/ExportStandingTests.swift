import Foundation
import HubKit
import HubWeb
import Hummingbird
import HummingbirdTesting
import TaizhangCore
import XCTest

/// The exports page says whether each issued export was complete and what it restated; a
/// late entry for an exported month shows on the problems page until the month is issued again.
final class ExportStandingTests: XCTestCase {
    static func page(_ client: some TestClientProtocol, _ uri: String, _ cookie: String) async throws -> String {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { response in
            XCTAssertEqual(response.status, .ok, uri)
            return String(buffer: response.body)
        }
    }

    func testCompletenessAndRestatementsOfIssuedExports() async throws {
        let fixture = try WebFixture(testCase: self)
        let month = fixture.exported.month
        let standings = try fixture.database.exportStandings(timeZone: .default, now: fixture.clock.now)
        XCTAssertEqual(standings.count, 1)
        XCTAssertFalse(standings[0].complete, "nancheng has entries pending")
        XCTAssertTrue(standings[0].incomplete.contains("nancheng"), "\(standings[0].incomplete)")
        XCTAssertNil(standings[0].restated)
        XCTAssertEqual(standings[0].restatedSince, [])

        // A board put up on the month's first day reaches the hub after the export.
        fixture.clock.advance(minutes: 2)
        let late = EntryDraft(material: .board, action: .install, item: "B-09", details: EntryDetails(location: "门口", standard: true),
                              occurredOn: month.firstDay, clerk: "王")
            .entry(branch: "sanchang", seq: 5, recordedAt: Timestamp(millisecondsSinceEpoch: fixture.clock.now.millisecondsSinceEpoch - 90_000))
        let arrived = Timestamp(millisecondsSinceEpoch: fixture.clock.now.millisecondsSinceEpoch - 60_000)
        _ = try fixture.database.hello(branch: "sanchang", incarnation: "i-sanchang", agentLastSeq: 5, at: arrived)
        _ = try fixture.database.ingest(branch: "sanchang", entries: [late], at: arrived)
        let pending = try fixture.database.exportStandings(timeZone: .default, now: fixture.clock.now)
        XCTAssertTrue(pending[0].restatedSince.contains(RowChange(branch: "sanchang", material: .board, figure: .inflow, earlier: 0, now: 1)),
                      "\(pending[0].restatedSince)")

        try await Application(router: try Dashboard(source: try fixture.source()).router()).test(.router) { client in
            let cookie = try await RouteTests.session(client, "wang")
            let exports = try await Self.page(client, "/exports", cookie)
            XCTAssertTrue(exports.contains("未报齐"), exports)
            XCTAssertTrue(exports.contains("此后迟到的条目改变了 \(pending[0].restatedSince.count) 个数字"), exports)
            let problems = try await Self.page(client, "/problems?lang=en", cookie)
            XCTAssertTrue(problems.contains("Late entries that restate an issued export"), problems)
            XCTAssertTrue(problems.contains("sanchang · notice boards · In (installed, issued, received): 0 → 1"), problems)

            // Issued again: the new export says what it restates, and the problem is gone.
            let again = try fixture.database.monthlyReport(month: month, asOf: nil, timeZone: .default, now: fixture.clock.now)
            try fixture.database.recordExport(again, issuedAt: fixture.clock.now)
            let restated = try await Self.page(client, "/exports?lang=en", cookie)
            XCTAssertTrue(restated.contains("restates the export issued"), restated)
            XCTAssertFalse(restated.contains("late entries have changed"), restated)
            let solved = try await Self.page(client, "/problems?lang=en", cookie)
            XCTAssertFalse(solved.contains("Late entries that restate"), solved)
        }
    }
}
