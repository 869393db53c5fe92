import Foundation
@testable import HubKit
import TaizhangCore
import XCTest

/// The dashboard's reading connection and the bench's bulk load: what they change and what
/// they leave to every other connection.
final class ReaderConnectionTests: XCTestCase {
    func testBulkLoadSkipsFsyncOnlyOnItsOwnConnection() throws {
        let hub = try TemporaryHub()
        XCTAssertEqual(try hub.database.synchronousSetting(), 2)
        try hub.database.deferDurabilityForBulkLoad()
        XCTAssertEqual(try hub.database.synchronousSetting(), 0)
        let other = try HubDatabase(openingAt: hub.database.path)
        XCTAssertEqual(try other.synchronousSetting(), 2, "serve and the CLI keep synchronous = FULL")
    }

    func testCreationIsBackdatedOnlyWhileNothingIsEnrolled() throws {
        let hub = try TemporaryHub()
        try hub.database.backdateCreation(to: TemporaryHub.t0)
        XCTAssertEqual(try hub.database.createdAt(), TemporaryHub.t0)
        try hub.database.enroll(branch: "nanhu", name: "南湖分局", publicKey: TemporaryHub.key(1), at: TemporaryHub.at(seconds: 1))
        XCTAssertThrowsError(try hub.database.backdateCreation(to: Timestamp(millisecondsSinceEpoch: 1000)))
        XCTAssertEqual(try hub.database.createdAt(), TemporaryHub.t0)
    }

    func testChangeTokenMovesWithEveryFigureWriteFromAnotherConnection() throws {
        let hub = try TemporaryHub()
        let reader = try HubDatabase(openingAt: hub.database.path)
        let first = try reader.changeToken()
        XCTAssertEqual(try reader.changeToken(), first, "a read changes nothing")
        try hub.database.enroll(branch: "nanhu", name: "南湖分局", publicKey: TemporaryHub.key(1), at: TemporaryHub.at(seconds: 1))
        let second = try reader.changeToken()
        XCTAssertNotEqual(second, first, "another connection committed")
        XCTAssertEqual(try reader.changeToken(), second)
    }

    func testHeartbeatAndDashboardSessionsKeepTheChangeToken() throws {
        let hub = try TemporaryHub()
        let reader = try HubDatabase(openingAt: hub.database.path)
        let first = try reader.changeToken()
        try hub.database.noteHeartbeat(startedAt: TemporaryHub.at(seconds: 1), at: TemporaryHub.at(seconds: 2))
        try hub.database.noteHeartbeat(startedAt: TemporaryHub.at(seconds: 1), at: TemporaryHub.at(seconds: 7))
        try hub.database.addOperator(login: "wang", role: .viewer, passwordHash: "x", at: TemporaryHub.at(seconds: 3))
        try reader.startSession(tokenHash: "h", login: "wang", address: "127.0.0.1", at: TemporaryHub.at(seconds: 4))
        try reader.endSession(tokenHash: "h", address: "127.0.0.1", at: TemporaryHub.at(seconds: 5))
        XCTAssertEqual(try reader.changeToken(), first, "no figure changed")
        XCTAssertEqual(try reader.serveHeartbeat()?.beatAt, TemporaryHub.at(seconds: 7), "the heartbeat itself is read live")
        try hub.database.enroll(branch: "nanhu", name: "南湖分局", publicKey: TemporaryHub.key(1), at: TemporaryHub.at(seconds: 8))
        XCTAssertNotEqual(try reader.changeToken(), first, "an enrolment changed the pages")
    }

    func testExportStandingsAnswerNoAsOf() throws {
        let hub = try TemporaryHub()
        try hub.database.backdateCreation(to: TemporaryHub.t0)
        try hub.database.enroll(branch: "nanhu", name: "南湖分局", publicKey: TemporaryHub.key(1), at: TemporaryHub.at(seconds: 1))
        let draft = EntryDraft(material: .card, action: .receive, quantity: 100, occurredOn: TemporaryHub.t0.utcDate, clerk: "王")
        _ = try hub.database.ingest(branch: "nanhu", entries: [draft.entry(branch: "nanhu", seq: 1, recordedAt: TemporaryHub.at(seconds: 2))],
                                    at: TemporaryHub.at(seconds: 3))
        let month = TemporaryHub.t0.utcDate.yearMonth
        let later = Timestamp(millisecondsSinceEpoch: TemporaryHub.t0.millisecondsSinceEpoch + 40 * 86_400_000)
        let report = try hub.database.monthlyReport(month: month, asOf: TemporaryHub.at(seconds: 10), timeZone: .default, now: later)
        try hub.database.recordExport(report, issuedAt: later)
        let answered = try hub.database.read { try ExportLog.readings($0).answered }
        let standings = try hub.database.exportStandings(timeZone: .default, now: later)
        XCTAssertEqual(standings.count, 1)
        XCTAssertEqual(standings[0].complete, report.isComplete)
        XCTAssertEqual(try hub.database.read { try ExportLog.readings($0).answered }, answered, "reading standings answers no as-of")
        XCTAssertEqual(try hub.database.exportStanding(of: standings[0].issue, timeZone: .default).incomplete, standings[0].incomplete)

        // A late entry for the exported month: what the page says has changed is what the
        // export would restate now.
        let late = EntryDraft(material: .card, action: .receive, quantity: 30, occurredOn: TemporaryHub.t0.utcDate, clerk: "王")
        let reply = try hub.database.ingest(branch: "nanhu", entries: [late.entry(branch: "nanhu", seq: 2, recordedAt: later)], at: later)
        guard case .ack(2, _) = reply else { return XCTFail("\(reply)") }
        let after = Timestamp(millisecondsSinceEpoch: later.millisecondsSinceEpoch + 5000)
        let since = try hub.database.exportStandings(timeZone: .default, now: after)[0].restatedSince
        let current = try hub.database.monthlyReport(month: month, asOf: nil, timeZone: .default, now: after)
        XCTAssertFalse(since.isEmpty, "\(current.earlier as Any)")
        XCTAssertEqual(since, current.earlier?.changes)
    }
}
