import Foundation
import PostgresClient
import PostgresTesting
import XCTest

/// A primary with a synchronous streaming standby: what COMMIT acknowledged survives the
/// primary's death on the promoted standby, a read-write multi-host URL follows the
/// promotion, and a commit whose wait for the standby is cut short is never reported done.
final class SynchronousStandbyTests: XCTestCase {
    func testAcknowledgedCommitIsOnThePromotedStandbyAndTheURLFollows() throws {
        let cluster = try PostgresCluster { XCTSkip($0) }
        let standby = try cluster.addStandby(synchronous: true)
        let url = cluster.multiHostURL()
        let writer = try PostgresConnection(url: url)
        XCTAssertEqual(writer.port, "\(cluster.primary.port)", "read-write: the primary, not the standby")
        try writer.execute("CREATE TABLE acknowledged (branch text, seq bigint, UNIQUE (branch, seq))")
        XCTAssertEqual(try writer.execute("SHOW synchronous_commit").singleRow().string(0), "on")
        try writer.transaction { connection in
            try connection.execute("INSERT INTO acknowledged SELECT 'haimen', generate_series(1, 500)")
        }

        try cluster.primary.crash()
        XCTAssertThrowsError(try writer.execute("SELECT 1")) { XCTAssertEqual(($0 as? PostgresError)?.kind, .connectionLost) }
        XCTAssertThrowsError(try writer.reconnect(), "the standby is still read-only: no host takes writes") {
            XCTAssertEqual(($0 as? PostgresError)?.kind, .connect)
        }

        try standby.promote()
        try writer.reconnect()
        XCTAssertEqual(writer.port, "\(standby.port)", "the same URL now reaches the promoted standby")
        XCTAssertEqual(try writer.execute("SELECT count(*), max(seq) FROM acknowledged").singleRow().int64(0), 500)
        try writer.execute("INSERT INTO acknowledged VALUES ('haimen', 501)")
    }

    func testACommitWhoseStandbyWaitIsCancelledIsReportedUnknown() throws {
        // The primary waits at every commit for a standby that never comes.
        let cluster = try PostgresCluster(settings: ["synchronous_standby_names": "absent"]) { XCTSkip($0) }
        let url = cluster.primary.url()
        let admin = try cluster.primary.connect()
        try admin.execute("SET synchronous_commit = local")
        try admin.execute("CREATE TABLE waiting (n int)")

        let outcome = CommitOutcome()
        let worker = Thread {
            do {
                let connection = try PostgresConnection(url: url)
                try connection.execute("SET statement_timeout = '50ms'")  // commit() must not let this cancel it
                try connection.transaction { try $0.execute("INSERT INTO waiting VALUES (1)") }
                outcome.finish(nil)
            } catch {
                outcome.finish(error as? PostgresError ?? PostgresError(kind: .usage, message: "\(error)"))
            }
        }
        worker.start()
        var waiting: Int32 = 0
        try waitUntil(timeout: 120, "the commit to wait for the synchronous standby") {
            let rows = try admin.execute("SELECT pid FROM pg_stat_activity WHERE wait_event = 'SyncRep'").rows
            waiting = try rows.first.map { Int32(try $0.int64(0)) } ?? 0
            return waiting != 0 || outcome.isFinished
        }
        XCTAssertFalse(outcome.isFinished, "the statement timeout did not cut the commit's wait short: \(String(describing: outcome.error))")
        XCTAssertTrue(try admin.execute("SELECT pg_cancel_backend($1)", [.int32(waiting)]).singleRow().bool(0))
        try waitUntil(timeout: 120, "the cancelled commit to return") { outcome.isFinished }
        XCTAssertEqual(outcome.error?.kind, .commitOutcomeUnknown, String(describing: outcome.error))
        // Why it must not be acknowledged: the row is committed on the primary alone.
        XCTAssertEqual(try admin.execute("SELECT count(*) FROM waiting").singleRow().int64(0), 1)
    }
}

/// What the worker thread's commit ended with, read by the test's thread.
final class CommitOutcome: @unchecked Sendable {
    // Safe: every property is read and written under `lock`.
    private let lock = NSLock()
    private var finished = false
    private var failure: PostgresError?

    func finish(_ error: PostgresError?) { lock.withLock { finished = true; failure = error } }
    var isFinished: Bool { lock.withLock { finished } }
    var error: PostgresError? { lock.withLock { failure } }
}
